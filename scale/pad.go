package scale

import (
	"errors"
	"image"
	"image/color"
)

// errStopped tells a band that another band failed; it is never returned.
var errStopped = errors.New("scale: stopped")

func grayPad(c color.Color) uint8 {
	if c == nil {
		return 0
	}
	return color.GrayModel.Convert(c).(color.Gray).Y
}

func nrgbaPad(c color.Color) []uint8 {
	if c == nil {
		return []uint8{0, 0, 0, 0}
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return []uint8{n.R, n.G, n.B, n.A}
}

// fill paints the whole size.X×size.Y plane with the sample v (bpp bytes),
// unless the resample covers it all.
func (s *Scaler) fill(p plane8, bpp int, size image.Point, v ...uint8) {
	if s.cfg.pad == image.Rect(0, 0, s.dstW, s.dstH) {
		return
	}
	fillPlane(p, bpp, size, v)
}

func fillPlane(p plane8, bpp int, size image.Point, v []uint8) {
	for y := range size.Y {
		row := p.pix[y*p.stride : y*p.stride+size.X*bpp]
		for i := 0; i < len(row); i += bpp {
			copy(row[i:i+bpp], v)
		}
	}
}

// fillYCbCr paints d with the pad colour when the resample does not cover
// it all.
func fillYCbCr(d *image.YCbCr, cfg config) {
	if cfg.pad == d.Rect.Sub(d.Rect.Min) {
		return
	}
	var c color.YCbCr
	if cfg.padColor == nil {
		c = color.YCbCr{Y: 0, Cb: 128, Cr: 128}
	} else {
		c = color.YCbCrModel.Convert(cfg.padColor).(color.YCbCr)
	}
	fillPlane(plane8{d.Y, d.YStride}, 1, d.Rect.Size(), []uint8{c.Y})
	cw, ch := chromaSize(d.Rect, d.SubsampleRatio)
	fillPlane(plane8{d.Cb, d.CStride}, 1, image.Pt(cw, ch), []uint8{c.Cb})
	fillPlane(plane8{d.Cr, d.CStride}, 1, image.Pt(cw, ch), []uint8{c.Cr})
}

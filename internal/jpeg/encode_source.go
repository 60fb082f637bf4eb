package jpeg

import (
	"image"
	"image/color"
)

// A source fills the blocks of one MCU at MCU coordinates (mx, my) of the
// image as its orientation shows it, replicating the last row and column
// past the edges as image/jpeg does. Blocks hold samples 0..255 in natural order: for
// 4:2:0 output, four Y blocks (left to right, top to bottom) then Cb and
// Cr; for 4:4:4, Y, Cb, Cr; for gray, Y.
type source interface {
	mcu(mx, my int, blocks *[6][64]uint8)
}

// planeBlock copies the 8×8 block at (x0, y0) of a w×h plane.
func planeBlock(dst *[64]uint8, pix []byte, stride, w, h, x0, y0 int) {
	if x0+8 <= w && y0+8 <= h {
		for y := 0; y < 8; y++ {
			o := (y0+y)*stride + x0
			copy(dst[y*8:y*8+8], pix[o:o+8])
		}
		return
	}
	for y := 0; y < 8; y++ {
		row := pix[min(y0+y, h-1)*stride:]
		for x := 0; x < 8; x++ {
			dst[y*8+x] = row[min(x0+x, w-1)]
		}
	}
}

// grayPlanes reads a *image.Gray.
type graySource struct {
	m *image.Gray
	o orientation
}

func (s graySource) mcu(mx, my int, b *[6][64]uint8) {
	r := s.m.Rect
	s.o.block(&b[0], s.m.Pix, s.m.Stride, r.Dx(), r.Dy(), 8*mx, 8*my)
}

// ycc420Source reads a 4:2:0 *image.YCbCr whose origin has even
// coordinates into 4:2:0 blocks: every block comes straight from a plane.
type ycc420Source struct {
	m *image.YCbCr
	o orientation
}

func (s ycc420Source) mcu(mx, my int, b *[6][64]uint8) {
	m := s.m
	w, h := m.Rect.Dx(), m.Rect.Dy()
	cw, ch := (w+1)/2, (h+1)/2
	y := m.Y[m.YOffset(m.Rect.Min.X, m.Rect.Min.Y):]
	c0 := m.COffset(m.Rect.Min.X, m.Rect.Min.Y)
	for i := 0; i < 4; i++ {
		s.o.block(&b[i], y, m.YStride, w, h, 16*mx+8*(i&1), 16*my+8*(i>>1))
	}
	s.o.block(&b[4], m.Cb[c0:], m.CStride, cw, ch, 8*mx, 8*my)
	s.o.block(&b[5], m.Cr[c0:], m.CStride, cw, ch, 8*mx, 8*my)
}

// ycc444Source reads a 4:4:4 *image.YCbCr into 4:4:4 blocks.
type ycc444Source struct {
	m *image.YCbCr
	o orientation
}

func (s ycc444Source) mcu(mx, my int, b *[6][64]uint8) {
	m := s.m
	w, h := m.Rect.Dx(), m.Rect.Dy()
	yo := m.YOffset(m.Rect.Min.X, m.Rect.Min.Y)
	c := m.COffset(m.Rect.Min.X, m.Rect.Min.Y)
	s.o.block(&b[0], m.Y[yo:], m.YStride, w, h, 8*mx, 8*my)
	s.o.block(&b[1], m.Cb[c:], m.CStride, w, h, 8*mx, 8*my)
	s.o.block(&b[2], m.Cr[c:], m.CStride, w, h, 8*mx, 8*my)
}

// pixelSource is any colour image read pixel by pixel, converted to
// Y'CbCr, with chroma averaged over 2×2 pixels for 4:2:0.
type pixelSource struct {
	at   func(x, y int) (yy, cb, cr uint8) // x, y relative to the origin
	w, h int
	full bool // 4:4:4 output
}

// yccSource adapts any *image.YCbCr subsampling.
func yccSource(m *image.YCbCr, full bool) pixelSource {
	r := m.Rect
	return pixelSource{
		at: func(x, y int) (uint8, uint8, uint8) {
			x += r.Min.X
			y += r.Min.Y
			c := m.COffset(x, y)
			return m.Y[m.YOffset(x, y)], m.Cb[c], m.Cr[c]
		},
		w: r.Dx(), h: r.Dy(), full: full,
	}
}

// rgbaSource reads an *image.RGBA.
func rgbaSource(m *image.RGBA, full bool) pixelSource {
	r := m.Rect
	return pixelSource{
		at: func(x, y int) (uint8, uint8, uint8) {
			p := m.Pix[y*m.Stride+4*x:]
			return color.RGBToYCbCr(p[0], p[1], p[2])
		},
		w: r.Dx(), h: r.Dy(), full: full,
	}
}

// nrgbaSource reads an *image.NRGBA; translucent pixels are composited on
// black (their premultiplied colour), as image/jpeg does.
func nrgbaSource(m *image.NRGBA, full bool) pixelSource {
	r := m.Rect
	return pixelSource{
		at: func(x, y int) (uint8, uint8, uint8) {
			p := m.Pix[y*m.Stride+4*x:]
			if p[3] == 0xff {
				return color.RGBToYCbCr(p[0], p[1], p[2])
			}
			cr, cg, cb, _ := color.NRGBA{p[0], p[1], p[2], p[3]}.RGBA()
			return color.RGBToYCbCr(uint8(cr>>8), uint8(cg>>8), uint8(cb>>8))
		},
		w: r.Dx(), h: r.Dy(), full: full,
	}
}

// imageSource reads any image.Image through At.
func imageSource(m image.Image, full bool) pixelSource {
	r := m.Bounds()
	return pixelSource{
		at: func(x, y int) (uint8, uint8, uint8) {
			cr, cg, cb, _ := m.At(r.Min.X+x, r.Min.Y+y).RGBA()
			return color.RGBToYCbCr(uint8(cr>>8), uint8(cg>>8), uint8(cb>>8))
		},
		w: r.Dx(), h: r.Dy(), full: full,
	}
}

func (s pixelSource) mcu(mx, my int, b *[6][64]uint8) {
	if s.full {
		for y := 0; y < 8; y++ {
			for x := 0; x < 8; x++ {
				b[0][y*8+x], b[1][y*8+x], b[2][y*8+x] = s.at(min(8*mx+x, s.w-1), min(8*my+y, s.h-1))
			}
		}
		return
	}
	var cb, cr [64]int
	for y := 0; y < 16; y++ {
		for x := 0; x < 16; x++ {
			yy, u, v := s.at(min(16*mx+x, s.w-1), min(16*my+y, s.h-1))
			b[(y>>3)*2+x>>3][(y&7)*8+x&7] = yy
			c := (y>>1)*8 + x>>1
			cb[c] += int(u)
			cr[c] += int(v)
		}
	}
	for i := range cb {
		b[4][i] = uint8((cb[i] + 2) >> 2)
		b[5][i] = uint8((cr[i] + 2) >> 2)
	}
}

// oriented returns s read through orientation o.
func (s pixelSource) oriented(o orientation) pixelSource {
	if o == (orientation{}) {
		return s
	}
	at, w, h := s.at, s.w, s.h
	s.at = func(x, y int) (uint8, uint8, uint8) { return at(o.Stored(x, y, w, h)) }
	s.w, s.h = o.Size(w, h)
	return s
}

package jpeg

import (
	"image"
	"image/color"
)

// planes holds the decoded sample planes, one per component, each padded
// to whole MCUs. Planes 0-2 of a three- or four-component image belong to
// ycc, plane 0 of a one-component image to gray.
type planes struct {
	gray   *image.Gray  // nComp == 1: the visible part
	ycc    *image.YCbCr // nComp >= 3: the visible part
	pix    [4][]byte    // whole padded planes
	stride [4]int       // bytes per row of each plane
	view   image.Image  // gray or ycc, whichever is set
	size   image.Point  // the output size (general layouts only)
}

// subsampleRatio maps the luma and chroma sampling factors to
// image.YCbCr's ratios; ok is false for a ratio image.YCbCr does not have.
func subsampleRatio(f *frame) (r image.YCbCrSubsampleRatio, ok bool) {
	l, c := f.comp[0], f.comp[1]
	if l.h%c.h != 0 || l.v%c.v != 0 {
		return 0, false
	}
	switch l.h/c.h<<4 | l.v/c.v {
	case 0x11:
		return image.YCbCrSubsampleRatio444, true
	case 0x12:
		return image.YCbCrSubsampleRatio440, true
	case 0x21:
		return image.YCbCrSubsampleRatio422, true
	case 0x22:
		return image.YCbCrSubsampleRatio420, true
	case 0x41:
		return image.YCbCrSubsampleRatio411, true
	case 0x42:
		return image.YCbCrSubsampleRatio410, true
	}
	return 0, false
}

// planar reports whether the planes of f, as decoded, are the output
// image or what it is converted from pixel by pixel: one component; three
// whose first has the largest factors and the other two the same ones, in
// a ratio image.YCbCr has; or four sampled 1×1, or 2×2, 1×1, 1×1, 2×2
// (what image/jpeg decodes). Other layouts take the general path: each
// plane is decoded at its own size and upsampled at the end.
func (f *frame) planar() bool {
	c := &f.comp
	switch f.nComp {
	case 1:
		return true
	case 3:
		_, ok := subsampleRatio(f)
		return ok && c[0].h == f.hmax && c[0].v == f.vmax && c[1].h == c[2].h && c[1].v == c[2].v
	case 4:
		one := func(c component) bool { return c.h == 1 && c.v == 1 }
		two := func(c component) bool { return c.h == 2 && c.v == 2 }
		return one(c[1]) && one(c[2]) && (one(c[0]) && one(c[3]) || two(c[0]) && two(c[3]))
	}
	return false
}

// scaledSize is the output size at scale 1/s: ceil(w/s) × ceil(h/s).
func scaledSize(w, h, s int) (int, int) {
	return (w + s - 1) / s, (h + s - 1) / s
}

// newPlanes allocates the planes for f at bs output samples per block
// side. The caller has checked the pixel limit.
func newPlanes(f *frame, bs, s int) *planes {
	if f.general {
		return newGeneralPlanes(f, bs, s)
	}
	p := &planes{}
	w, h := scaledSize(f.width, f.height, s)
	visible := image.Rect(0, 0, w, h)
	h0, v0 := f.comp[0].h, f.comp[0].v
	full := image.Rect(0, 0, f.mxx*h0*bs, f.myy*v0*bs)
	if f.nComp == 1 {
		m := image.NewGray(full)
		p.pix[0], p.stride[0] = m.Pix, m.Stride
		p.gray = m.SubImage(visible).(*image.Gray)
		p.view = p.gray
		return p
	}
	ratio, _ := subsampleRatio(f) // planar: ok
	m := image.NewYCbCr(full, ratio)
	p.pix[0], p.stride[0] = m.Y, m.YStride
	p.pix[1], p.stride[1] = m.Cb, m.CStride
	p.pix[2], p.stride[2] = m.Cr, m.CStride
	p.ycc = m.SubImage(visible).(*image.YCbCr)
	p.view = p.ycc
	if f.nComp == 4 {
		c := f.comp[3]
		p.stride[3] = f.mxx * c.h * bs
		p.pix[3] = make([]byte, p.stride[3]*f.myy*c.v*bs)
	}
	return p
}

// image returns the output image, converting the planes where the output
// type is not planar.
func (p *planes) image(f *frame) (image.Image, error) {
	if f.general {
		return p.generalImage(f)
	}
	switch {
	case f.nComp == 1:
		return p.gray, nil
	case f.nComp == 3 && f.isRGB():
		return p.rgb(f), nil
	case f.nComp == 3:
		return p.ycc, nil
	}
	return p.cmyk(f)
}

// rgb interleaves planes that hold R, G and B (image/jpeg's convertToRGB:
// subsampled G and B are repeated).
func (p *planes) rgb(f *frame) *image.RGBA {
	m := p.ycc
	b := m.Rect
	img := image.NewRGBA(b)
	cScale := f.comp[0].h / f.comp[1].h
	for y := b.Min.Y; y < b.Max.Y; y++ {
		po := img.PixOffset(b.Min.X, y)
		yo, co := m.YOffset(b.Min.X, y), m.COffset(b.Min.X, y)
		row := img.Pix[po : po+4*b.Dx()]
		for i := 0; i < b.Dx(); i++ {
			row[4*i+0] = m.Y[yo+i]
			row[4*i+1] = m.Cb[co+i/cScale]
			row[4*i+2] = m.Cr[co+i/cScale]
			row[4*i+3] = 255
		}
	}
	return img
}

// cmyk builds the CMYK output of a four-component image, as image/jpeg's
// applyBlack does: Adobe CMYK is stored inverted; YCCK is converted to RGB,
// whose inversion cancels Adobe's, and only K is inverted.
func (p *planes) cmyk(f *frame) (image.Image, error) {
	if !f.adobe {
		return nil, UnsupportedError("unknown color model: 4-component JPEG doesn't have Adobe APP14 metadata")
	}
	m := p.ycc
	b := m.Rect
	img := image.NewCMYK(b)
	k, kStride := p.pix[3], p.stride[3]
	if f.adobeTransform != adobeUnknown {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			po := img.PixOffset(b.Min.X, y)
			yo, co := m.YOffset(b.Min.X, y), m.COffset(b.Min.X, y)
			for x := 0; x < b.Dx(); x++ {
				cx := m.COffset(b.Min.X+x, y) - co
				r, g, bb := color.YCbCrToRGB(m.Y[yo+x], m.Cb[co+cx], m.Cr[co+cx])
				img.Pix[po+4*x+0] = r
				img.Pix[po+4*x+1] = g
				img.Pix[po+4*x+2] = bb
				img.Pix[po+4*x+3] = 255 - k[y*kStride+x]
			}
		}
		return img, nil
	}
	for t := 0; t < 4; t++ {
		src, stride := p.pix[t], p.stride[t]
		sub := f.comp[t].h != f.comp[0].h || f.comp[t].v != f.comp[0].v
		for y := b.Min.Y; y < b.Max.Y; y++ {
			sy := y
			if sub {
				sy /= 2
			}
			po := img.PixOffset(b.Min.X, y)
			for x := 0; x < b.Dx(); x++ {
				sx := x
				if sub {
					sx /= 2
				}
				img.Pix[po+4*x+t] = 255 - src[sy*stride+sx]
			}
		}
	}
	return img, nil
}

package jpeg

import "image"

// The general path decodes the sampling layouts that the output types
// cannot hold as decoded (see frame.planar): luma sampled 1×3 or 3×1,
// chroma sampled more finely than luma, Cb and Cr sampled differently,
// factors that do not divide each other. Each component is decoded into a
// plane of its own size, padded to whole MCUs, exactly as the planar path
// decodes its planes; at the end every plane is upsampled to the output
// size by repeating samples (libjpeg's upsampling for such layouts), and
// the result goes through the planar path's conversions as a layout of
// 1×1 components: a Y'CbCr image comes out as *image.YCbCr 4:4:4, RGB as
// *image.RGBA, CMYK and YCCK as *image.CMYK. It costs one pass over the
// output and a 4:4:4 copy, on files that are rare.

// newGeneralPlanes allocates one plane per component of f, padded to
// whole MCUs, at bs output samples per block side and scale 1/s.
func newGeneralPlanes(f *frame, bs, s int) *planes {
	p := &planes{}
	p.size.X, p.size.Y = scaledSize(f.width, f.height, s)
	for i := 0; i < f.nComp; i++ {
		c := f.comp[i]
		p.stride[i] = f.mxx * c.h * bs
		p.pix[i] = make([]byte, p.stride[i]*f.myy*c.v*bs)
	}
	return p
}

// generalImage upsamples the planes of a general layout to the output
// size and converts them as the planar path converts 1×1 components.
func (p *planes) generalImage(f *frame) (image.Image, error) {
	if f.nComp == 4 && !f.adobe {
		return p.cmyk(f) // the error, before any work
	}
	w, h := p.size.X, p.size.Y
	m := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio444)
	up := &planes{ycc: m, view: m}
	up.pix[0], up.pix[1], up.pix[2] = m.Y, m.Cb, m.Cr
	if f.nComp == 4 {
		up.pix[3] = make([]byte, w*h)
	}
	cols := make([]int, w)
	for i := 0; i < f.nComp; i++ {
		c := &f.comp[i]
		up.stride[i] = w
		// Output sample x covers component sample x·h/hmax, at any scale:
		// every plane is scaled by the same factor.
		for x := range cols {
			cols[x] = x * c.h / f.hmax
		}
		src, dst := p.pix[i], up.pix[i]
		for y := 0; y < h; y++ {
			row := src[y*c.v/f.vmax*p.stride[i]:]
			out := dst[y*w : y*w+w]
			for x, sx := range cols {
				out[x] = row[sx]
			}
		}
	}
	flat := *f
	flat.general = false
	flat.hmax, flat.vmax = 1, 1
	for i := 0; i < flat.nComp; i++ {
		flat.comp[i].h, flat.comp[i].v = 1, 1
	}
	return up.image(&flat)
}

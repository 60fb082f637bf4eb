package jpeg_test

import (
	"fmt"
	"image"
	"math"
)

// planesOf returns the sample planes of img over its bounds, one []byte
// per channel, with each plane's width and height.
type plane struct {
	w, h int
	pix  []byte
}

func planesOf(img image.Image) ([]plane, error) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		p := plane{b.Dx(), b.Dy(), nil}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			o := m.PixOffset(b.Min.X, y)
			p.pix = append(p.pix, m.Pix[o:o+b.Dx()]...)
		}
		return []plane{p}, nil
	case *image.YCbCr:
		yp := plane{b.Dx(), b.Dy(), nil}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			o := m.YOffset(b.Min.X, y)
			yp.pix = append(yp.pix, m.Y[o:o+b.Dx()]...)
		}
		// Chroma: the samples covering the bounds.
		cw, ch := chromaSize(b.Dx(), b.Dy(), m.SubsampleRatio)
		cb, cr := plane{cw, ch, nil}, plane{cw, ch, nil}
		for y := 0; y < ch; y++ {
			o := m.COffset(b.Min.X, b.Min.Y) + y*m.CStride
			cb.pix = append(cb.pix, m.Cb[o:o+cw]...)
			cr.pix = append(cr.pix, m.Cr[o:o+cw]...)
		}
		return []plane{yp, cb, cr}, nil
	case *image.RGBA, *image.CMYK:
		var pix []byte
		var stride int
		if r, ok := m.(*image.RGBA); ok {
			pix, stride = r.Pix, r.Stride
		} else {
			c := m.(*image.CMYK)
			pix, stride = c.Pix, c.Stride
		}
		ps := make([]plane, 4)
		for c := range ps {
			ps[c] = plane{b.Dx(), b.Dy(), nil}
			for y := 0; y < b.Dy(); y++ {
				for x := 0; x < b.Dx(); x++ {
					ps[c].pix = append(ps[c].pix, pix[y*stride+4*x+c])
				}
			}
		}
		return ps, nil
	}
	return nil, fmt.Errorf("unexpected image type %T", img)
}

func chromaSize(w, h int, r image.YCbCrSubsampleRatio) (int, int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}

// paddedPlanesOf returns the whole sample planes behind a Gray or YCbCr
// image whose bounds start at (0, 0), including the padding of the last
// MCUs that JPEG decoders keep; other types give their visible planes.
func paddedPlanesOf(img image.Image) ([]plane, error) {
	whole := func(pix []byte, stride int) plane {
		return plane{stride, len(pix) / stride, pix[:len(pix)/stride*stride]}
	}
	switch m := img.(type) {
	case *image.Gray:
		return []plane{whole(m.Pix, m.Stride)}, nil
	case *image.YCbCr:
		return []plane{whole(m.Y, m.YStride), whole(m.Cb, m.CStride), whole(m.Cr, m.CStride)}, nil
	}
	return planesOf(img)
}

// maxDiff returns the largest sample difference between two images of the
// same type and size, or an error if they differ in type or size.
func maxDiff(a, b image.Image) (int, error) {
	if fmt.Sprintf("%T", a) != fmt.Sprintf("%T", b) {
		return 0, fmt.Errorf("types differ: %T vs %T", a, b)
	}
	if a.Bounds() != b.Bounds() {
		return 0, fmt.Errorf("bounds differ: %v vs %v", a.Bounds(), b.Bounds())
	}
	pa, err := planesOf(a)
	if err != nil {
		return 0, err
	}
	pb, _ := planesOf(b)
	worst := 0
	for i := range pa {
		for j := range pa[i].pix {
			d := int(pa[i].pix[j]) - int(pb[i].pix[j])
			worst = max(worst, d, -d)
		}
	}
	return worst, nil
}

// boxDown returns p box-averaged by s (partial boxes at the edges average
// what they cover), of size ceil(w/s)×ceil(h/s).
func boxDown(p plane, s int) plane {
	w, h := (p.w+s-1)/s, (p.h+s-1)/s
	out := plane{w, h, make([]byte, w*h)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sum, n := 0, 0
			for yy := y * s; yy < min(y*s+s, p.h); yy++ {
				for xx := x * s; xx < min(x*s+s, p.w); xx++ {
					sum += int(p.pix[yy*p.w+xx])
					n++
				}
			}
			out.pix[y*w+x] = uint8((sum + n/2) / n)
		}
	}
	return out
}

// psnr compares two planes of the same size.
func psnr(a, b plane) float64 {
	se := 0.0
	for i := range a.pix {
		d := float64(a.pix[i]) - float64(b.pix[i])
		se += d * d
	}
	if se == 0 {
		return math.Inf(1)
	}
	mse := se / float64(len(a.pix))
	return 10 * math.Log10(255*255/mse)
}

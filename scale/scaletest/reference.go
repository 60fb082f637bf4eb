// Package scaletest holds what tests and benchmarks of resamplers need: a
// slow, careful float64 Lanczos3 reference, PSNR against it, and a wrapper
// that hides an image's type. It is test support and not tuned for speed.
package scaletest

import (
	"errors"
	"image"
	"image/color"
	"math"
)

// lanczos3 is the three-lobe Lanczos kernel, evaluated in float64.
func lanczos3(t float64) float64 {
	t = math.Abs(t)
	switch {
	case t == 0:
		return 1
	case t >= 3:
		return 0
	}
	pt := math.Pi * t
	return 3 * math.Sin(pt) * math.Sin(pt/3) / (pt * pt)
}

// weights returns, for each of n outputs resampled from the interval
// [lo, hi) of an axis, the first input index and the normalised float64
// weights. Pixel centres sit at half-integers; when shrinking, the kernel is
// widened by the scale factor; inputs outside the interval are left out and
// the remaining weights renormalised.
func weights(lo, hi, n int) ([]int, [][]float64) {
	L := hi - lo
	s := float64(L) / float64(n)
	fs := math.Max(s, 1)
	first := make([]int, n)
	ws := make([][]float64, n)
	for j := range n {
		c := (float64(j) + 0.5) * s
		a := max(0, int(math.Floor(c-3*fs)))
		b := min(L, int(math.Ceil(c+3*fs))+1)
		w := make([]float64, b-a)
		sum := 0.0
		for u := a; u < b; u++ {
			w[u-a] = lanczos3((float64(u) + 0.5 - c) / fs)
			sum += w[u-a]
		}
		for i := range w {
			w[i] /= sum
		}
		first[j], ws[j] = lo+a, w
	}
	return first, ws
}

// resamplePlane resamples the rectangle r of a w-wide plane of float64
// samples to dw×dh, separably, without any rounding in between.
func resamplePlane(p []float64, stride int, r image.Rectangle, dw, dh int) []float64 {
	xf, xw := weights(r.Min.X, r.Max.X, dw)
	yf, yw := weights(r.Min.Y, r.Max.Y, dh)
	tmp := make([]float64, r.Dy()*dw)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := p[y*stride:]
		for j := range dw {
			v := 0.0
			for k, w := range xw[j] {
				v += w * row[xf[j]+k]
			}
			tmp[(y-r.Min.Y)*dw+j] = v
		}
	}
	out := make([]float64, dw*dh)
	for i := range dh {
		for k, w := range yw[i] {
			row := tmp[(yf[i]-r.Min.Y+k)*dw:]
			for j := range dw {
				out[i*dw+j] += w * row[j]
			}
		}
	}
	return out
}

func to8(v float64) uint8 { return uint8(math.Round(math.Min(math.Max(v, 0), 255))) }

// Lanczos3 resamples the rectangle crop of src (zero-based, relative to
// src.Bounds().Min; the zero rectangle means all of it) to w×h with a
// float64 Lanczos3 filter. An *image.YCbCr is resampled per plane (the
// chroma planes at their own size, crop divided by the subsampling factors)
// into an *image.YCbCr; anything else with premultiplied alpha into an
// *image.NRGBA. Only the final values are rounded to 8 bits.
func Lanczos3(src image.Image, crop image.Rectangle, w, h int) image.Image {
	b := src.Bounds()
	if crop.Empty() {
		crop = image.Rect(0, 0, b.Dx(), b.Dy())
	}
	if m, ok := src.(*image.YCbCr); ok {
		out := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
		plane := func(pix []uint8, stride, pw, ph int, r image.Rectangle, dst []uint8, dstride, dw, dh int) {
			f := make([]float64, pw*ph)
			for y := range ph {
				for x := range pw {
					f[y*pw+x] = float64(pix[y*stride+x])
				}
			}
			res := resamplePlane(f, pw, r, dw, dh)
			for y := range dh {
				for x := range dw {
					dst[y*dstride+x] = to8(res[y*dw+x])
				}
			}
		}
		plane(m.Y, m.YStride, b.Dx(), b.Dy(), crop, out.Y, out.YStride, w, h)
		sx, sy := subsampling(m.SubsampleRatio)
		cw, ch := (b.Dx()+sx-1)/sx, (b.Dy()+sy-1)/sy
		dcw, dch := (w+sx-1)/sx, (h+sy-1)/sy
		cr := image.Rect(crop.Min.X/sx, crop.Min.Y/sy, (crop.Max.X+sx-1)/sx, (crop.Max.Y+sy-1)/sy)
		plane(m.Cb, m.CStride, cw, ch, cr, out.Cb, out.CStride, dcw, dch)
		plane(m.Cr, m.CStride, cw, ch, cr, out.Cr, out.CStride, dcw, dch)
		return out
	}
	sw, sh := b.Dx(), b.Dy()
	var ch [4][]float64
	for c := range ch {
		ch[c] = make([]float64, sw*sh)
	}
	for y := range sh {
		for x := range sw {
			r, g, bb, a := src.At(b.Min.X+x, b.Min.Y+y).RGBA()
			i := y*sw + x
			ch[0][i], ch[1][i], ch[2][i], ch[3][i] = float64(r), float64(g), float64(bb), float64(a)
		}
	}
	var res [4][]float64
	for c := range ch {
		res[c] = resamplePlane(ch[c], sw, crop, w, h)
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range w * h {
		a := math.Min(math.Max(res[3][i], 0), 0xffff)
		p := out.Pix[4*i : 4*i+4]
		p[3] = to8(a / 0x101)
		if a == 0 {
			p[0], p[1], p[2] = 0, 0, 0
			continue
		}
		for c := range 3 {
			p[c] = to8(math.Min(math.Max(res[c][i], 0), a) / a * 255)
		}
	}
	return out
}

// PSNR returns the peak signal-to-noise ratio of got against want, in dB
// (+Inf when they are equal). Two *image.YCbCr with the same subsampling
// compare plane by plane; anything else compares as 8-bit NRGBA (colour
// weighted by alpha, so hidden colours of transparent pixels do not count).
func PSNR(got, want image.Image) (float64, error) {
	if got.Bounds().Size() != want.Bounds().Size() {
		return 0, errors.New("scaletest: sizes differ")
	}
	var se float64
	var n int
	add := func(a, b float64) { se += (a - b) * (a - b); n++ }
	gy, ok1 := got.(*image.YCbCr)
	wy, ok2 := want.(*image.YCbCr)
	if ok1 && ok2 && gy.SubsampleRatio == wy.SubsampleRatio {
		w, h := gy.Rect.Dx(), gy.Rect.Dy()
		for y := range h {
			for x := range w {
				add(float64(gy.Y[gy.YOffset(gy.Rect.Min.X+x, gy.Rect.Min.Y+y)]), float64(wy.Y[wy.YOffset(wy.Rect.Min.X+x, wy.Rect.Min.Y+y)]))
			}
		}
		// Each chroma sample once, at the first pixel of the image it
		// covers: whatever the planes' strides and the images' origins.
		sx, sy := subsampling(gy.SubsampleRatio)
		for y := range h {
			if y > 0 && (gy.Rect.Min.Y+y)%sy != 0 {
				continue
			}
			for x := range w {
				if x > 0 && (gy.Rect.Min.X+x)%sx != 0 {
					continue
				}
				g := gy.COffset(gy.Rect.Min.X+x, gy.Rect.Min.Y+y)
				v := wy.COffset(wy.Rect.Min.X+x, wy.Rect.Min.Y+y)
				add(float64(gy.Cb[g]), float64(wy.Cb[v]))
				add(float64(gy.Cr[g]), float64(wy.Cr[v]))
			}
		}
	} else {
		gb, wb := got.Bounds(), want.Bounds()
		for y := range gb.Dy() {
			for x := range gb.Dx() {
				g := color.NRGBAModel.Convert(got.At(gb.Min.X+x, gb.Min.Y+y)).(color.NRGBA)
				w := color.NRGBAModel.Convert(want.At(wb.Min.X+x, wb.Min.Y+y)).(color.NRGBA)
				wa := float64(w.A) / 255
				add(float64(g.R)*wa, float64(w.R)*wa)
				add(float64(g.G)*wa, float64(w.G)*wa)
				add(float64(g.B)*wa, float64(w.B)*wa)
				add(float64(g.A), float64(w.A))
			}
		}
	}
	if se == 0 {
		return math.Inf(1), nil
	}
	return 10 * math.Log10(255*255*float64(n)/se), nil
}

// subsampling returns the horizontal and vertical chroma subsampling
// factors of r.
func subsampling(r image.YCbCrSubsampleRatio) (sx, sy int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// Opaque hides the concrete type of the image it holds, so that a
// resampler takes its generic path (At or RGBA64At) for it.
type Opaque struct{ image.Image }

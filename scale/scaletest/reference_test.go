package scaletest

import (
	"image"
	"image/color"
	"math"
	"testing"
)

func TestReferenceKeepsConstantsAndPSNRIsSymmetric(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 37, 23))
	for i := 0; i < len(src.Pix); i += 4 {
		copy(src.Pix[i:], []uint8{200, 100, 50, 255})
	}
	for _, sz := range [][2]int{{10, 7}, {80, 50}, {37, 23}} {
		out := Lanczos3(src, image.Rectangle{}, sz[0], sz[1]).(*image.NRGBA)
		for i := 0; i < len(out.Pix); i += 4 {
			if c := out.NRGBAAt(i/4%sz[0], i/4/sz[0]); c != (color.NRGBA{200, 100, 50, 255}) {
				t.Fatalf("%v: pixel %d is %v", sz, i/4, c)
			}
		}
		if p, _ := PSNR(out, out); !math.IsInf(p, 1) {
			t.Fatalf("PSNR of an image with itself is %v", p)
		}
	}
	a := image.NewGray(image.Rect(0, 0, 4, 4))
	b := image.NewGray(image.Rect(0, 0, 4, 4))
	b.Pix[0] = 255
	pa, _ := PSNR(a, b)
	pb, _ := PSNR(b, a)
	// 64 samples (as NRGBA), 3 of them off by 255
	if pa != pb || math.Abs(pa-10*math.Log10(64.0/3)) > 1e-9 {
		t.Fatalf("PSNR %v %v", pa, pb)
	}
}

// TestPSNRComparesChromaByPosition compares a Y'CbCr image with a copy laid
// out differently (a sub-image of a wider one: another CStride) in every
// subsampling: equal images, +Inf; one chroma sample changed, exactly one
// error among the samples.
func TestPSNRComparesChromaByPosition(t *testing.T) {
	for _, r := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422,
		image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410} {
		const w, h = 13, 9
		a := image.NewYCbCr(image.Rect(0, 0, w, h), r)
		wide := image.NewYCbCr(image.Rect(0, 0, 3*w, h), r)
		b := wide.SubImage(image.Rect(0, 0, w, h)).(*image.YCbCr)
		for y := range h {
			for x := range w {
				v := uint8(x*7 + y*13)
				a.Y[a.YOffset(x, y)], b.Y[b.YOffset(x, y)] = v, v
				a.Cb[a.COffset(x, y)], b.Cb[b.COffset(x, y)] = v+1, v+1
				a.Cr[a.COffset(x, y)], b.Cr[b.COffset(x, y)] = v+2, v+2
			}
		}
		if p, err := PSNR(a, b); err != nil || !math.IsInf(p, 1) {
			t.Errorf("%v: equal images give %v, %v", r, p, err)
		}
		b.Cr[b.COffset(w-1, h-1)] ^= 0xff
		sx, sy := subsampling(r)
		n := w*h + 2*((w+sx-1)/sx)*((h+sy-1)/sy)
		d := float64(int(a.Cr[a.COffset(w-1, h-1)]) - int(b.Cr[b.COffset(w-1, h-1)]))
		want := 10 * math.Log10(255*255*float64(n)/(d*d))
		if p, _ := PSNR(a, b); math.Abs(p-want) > 1e-9 {
			t.Errorf("%v: one chroma sample off gives %v dB, want %v", r, p, want)
		}
	}
}

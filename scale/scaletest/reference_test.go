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

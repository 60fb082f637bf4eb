package scale_test

import (
	"context"
	"image"
	"image/color"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

// TestPropertyOpaqueRGBA checks the 8-bit path of opaque NRGBA and RGBA
// sources against the 16-bit premultiplied path that the same pixels take
// through At: within 1 on every sample, alpha 0xff, and the two source
// types alike byte for byte. A source with one transparent pixel in the
// region read must take the 16-bit path, exactly.
func TestPropertyOpaqueRGBA(t *testing.T) {
	ps := gopter.NewProperties(params())
	resize := func(src image.Image, dw, dh, o, ki int, crop image.Rectangle) *image.NRGBA {
		out, err := scale.Resize(context.Background(), src, dw, dh, &scale.Options{Kernel: kernels[ki], Orientation: o, Crop: crop})
		if err != nil {
			t.Fatal(err)
		}
		return out.(*image.NRGBA)
	}
	// cropOf is a crop of the oriented w×h image (orientations 5 to 8
	// transpose it).
	cropOf := func(w, h, o, cx, cy int) image.Rectangle {
		if o >= 5 {
			w, h = h, w
		}
		return image.Rect(cx%w, cy%h, w, h)
	}
	ps.Property("opaque 8-bit RGBA: within 1 of the 16-bit path, and NRGBA == RGBA", prop.ForAll(
		func(w, h, dw, dh, o, ki, cx, cy int) bool {
			src := makeImage("nrgba-opaque", w, h, 9).(*image.NRGBA)
			crop := cropOf(w, h, o, cx, cy)
			fast := resize(src, dw, dh, o, ki, crop)
			slow := resize(scaletest.Opaque{Image: src}, dw, dh, o, ki, crop)
			rgba := resize(makeImage("rgba-opaque", w, h, 9), dw, dh, o, ki, crop)
			if !sameImage(fast, rgba) {
				t.Log("NRGBA and RGBA differ")
				return false
			}
			for i, v := range fast.Pix {
				d := int(v) - int(slow.Pix[i])
				if d < -1 || d > 1 || (i%4 == 3 && v != 0xff) {
					t.Logf("sample %d: %d, 16-bit path %d", i, v, slow.Pix[i])
					return false
				}
			}
			return true
		},
		gen.IntRange(1, 60), gen.IntRange(1, 60), gen.IntRange(1, 70), gen.IntRange(1, 70),
		gen.IntRange(0, 8), gen.IntRange(0, len(kernels)-1), gen.IntRange(0, 59), gen.IntRange(0, 59),
	))
	ps.Property("one transparent pixel read: the 16-bit path, byte for byte", prop.ForAll(
		func(w, h, dw, dh, o, ki, px, py int) bool {
			src := makeImage("nrgba-opaque", w, h, 9).(*image.NRGBA)
			src.SetNRGBA(px%w, py%h, color.NRGBA{})
			fast := resize(src, dw, dh, o, ki, image.Rectangle{})
			slow := resize(scaletest.Opaque{Image: src}, dw, dh, o, ki, image.Rectangle{})
			return sameImage(fast, slow)
		},
		gen.IntRange(1, 60), gen.IntRange(1, 60), gen.IntRange(1, 70), gen.IntRange(1, 70),
		gen.IntRange(0, 8), gen.IntRange(0, len(kernels)-1), gen.IntRange(0, 59), gen.IntRange(0, 59),
	))
	ps.TestingRun(t)
}

// TestByteSumsEqualGenericPath checks the box pre-reduction that sums the
// bytes of RGBA, and of opaque NRGBA, against the generic path, exactly,
// at box factors 2 to 8, odd sizes and crops included.
func TestByteSumsEqualGenericPath(t *testing.T) {
	for _, kind := range []string{"rgba", "nrgba-opaque", "rgba-opaque"} {
		for _, c := range []struct{ w, h, dw, dh int }{{200, 150, 10, 8}, {333, 257, 7, 5}, {1000, 40, 9, 2}} {
			src := makeImage(kind, c.w, c.h, 4)
			for _, o := range []int{1, 6} {
				opts := &scale.Options{Orientation: o}
				fast, err1 := scale.Resize(context.Background(), src, c.dw, c.dh, opts)
				slow, err2 := scale.Resize(context.Background(), scaletest.Opaque{Image: src}, c.dw, c.dh, opts)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if !sameImage(fast, slow) {
					t.Errorf("%s %v orientation %d: differs from the generic path", kind, c, o)
				}
			}
		}
	}
}

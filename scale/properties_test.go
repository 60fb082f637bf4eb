package scale_test

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/orient/orienttest"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

func params() *gopter.TestParameters {
	p := gopter.DefaultTestParameters()
	p.MinSuccessfulTests = 60
	if testing.Short() {
		p.MinSuccessfulTests = 20
	}
	return p
}

func TestPropertyConstantStaysConstant(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("constant image stays exactly constant", prop.ForAll(
		func(kind string, ki, sw, sh, dw, dh, o int, rgba uint32) bool {
			c := color.NRGBA{uint8(rgba), uint8(rgba >> 8), uint8(rgba >> 16), uint8(rgba >> 24)}
			if kind == "gray" || strings.HasPrefix(kind, "ycbcr") {
				c.A = 255
			}
			src := uniform(kind, sw, sh, c)
			out, err := scale.Resize(context.Background(), src, dw, dh, &scale.Options{Kernel: kernels[ki], Orientation: o})
			if err != nil {
				t.Log(err)
				return false
			}
			first := out.At(0, 0)
			r0, g0, b0, a0 := first.RGBA()
			for y := range dh {
				for x := range dw {
					if r, g, b, a := out.At(x, y).RGBA(); r != r0 || g != g0 || b != b0 || a != a0 {
						t.Logf("%s %v: pixel (%d,%d) %v differs from %v", kind, c, x, y, out.At(x, y), first)
						return false
					}
				}
			}
			if n, ok := out.(*image.NRGBA); ok && kind != "rgba" && c.A != 0 && n.NRGBAAt(0, 0) != c {
				t.Logf("%s: got %v want %v", kind, n.NRGBAAt(0, 0), c)
				return false
			}
			// Gray and Y'CbCr keep their type: the value itself must be the
			// source's, not only uniform.
			if kind == "gray" || strings.HasPrefix(kind, "ycbcr") {
				b := src.Bounds()
				if want := src.At(b.Min.X, b.Min.Y); want != first {
					t.Logf("%s: got %v want %v", kind, first, want)
					return false
				}
			}
			return true
		},
		gen.OneConstOf(toAny(kinds)...), gen.IntRange(0, len(kernels)-1),
		gen.IntRange(1, 80), gen.IntRange(1, 80), gen.IntRange(1, 60), gen.IntRange(1, 60),
		gen.IntRange(0, 8), gen.UInt32(),
	))
	ps.TestingRun(t)
}

func TestPropertyBoundsAsAsked(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("bounds are (0,0,w,h) and the type follows the rule", prop.ForAll(
		func(kind string, sw, sh, dw, dh, o, ox, oy int) bool {
			src := makeImage(kind, sw, sh, 1)
			if m, ok := src.(interface {
				SubImage(image.Rectangle) image.Image
			}); ok && sw > 2 && sh > 2 {
				src = m.SubImage(image.Rect(1, 1, sw, sh)) // a non-zero origin
			}
			out, err := scale.Resize(context.Background(), src, dw, dh, &scale.Options{Orientation: o})
			if err != nil || out.Bounds() != image.Rect(0, 0, dw, dh) {
				t.Log(err, out)
				return false
			}
			switch src.(type) {
			case *image.YCbCr:
				_, ok := out.(*image.YCbCr)
				return ok && out.(*image.YCbCr).SubsampleRatio == src.(*image.YCbCr).SubsampleRatio
			case *image.Gray:
				_, ok := out.(*image.Gray)
				return ok
			}
			_, ok := out.(*image.NRGBA)
			return ok
		},
		gen.OneConstOf(toAny(kinds)...), gen.IntRange(1, 90), gen.IntRange(1, 90),
		gen.IntRange(1, 200), gen.IntRange(1, 200), gen.IntRange(0, 8), gen.IntRange(-5, 5), gen.IntRange(-5, 5),
	))
	ps.TestingRun(t)
}

// inverse[o] undoes EXIF orientation o.
var inverse = [9]int{0, 1, 2, 3, 4, 5, 8, 7, 6}

func TestPropertyOrientationsComposeLikeTheDihedralGroup(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("o then its inverse is the identity (Nearest, same size)", prop.ForAll(
		func(kind string, w, h, o int) bool {
			src := makeImage(kind, w, h, 2)
			ow, oh := w, h
			if o >= 5 {
				ow, oh = h, w
			}
			near := &scale.Options{Kernel: scale.Nearest, Orientation: o}
			a, err := scale.Resize(context.Background(), src, ow, oh, near)
			if err != nil {
				return false
			}
			near.Orientation = inverse[o]
			back, err := scale.Resize(context.Background(), a, w, h, near)
			if err != nil {
				return false
			}
			want, _ := scale.Resize(context.Background(), src, w, h, &scale.Options{Kernel: scale.Nearest})
			return sameImage(back, want)
		},
		gen.OneConstOf("gray", "nrgba", "ycbcr444"), gen.IntRange(1, 50), gen.IntRange(1, 50), gen.IntRange(1, 8),
	))
	ps.Property("6 then 6 is 3, 2 then 4 is 3 (any kernel, same size)", prop.ForAll(
		func(kind string, w, h, ki int) bool {
			src := makeImage(kind, w, h, 3) // opaque: a transparent pixel's colour does not survive
			k := kernels[ki]
			r6, _ := scale.Resize(context.Background(), src, h, w, &scale.Options{Kernel: k, Orientation: 6})
			r66, _ := scale.Resize(context.Background(), r6, w, h, &scale.Options{Kernel: k, Orientation: 6})
			r3, _ := scale.Resize(context.Background(), src, w, h, &scale.Options{Kernel: k, Orientation: 3})
			r2, _ := scale.Resize(context.Background(), src, w, h, &scale.Options{Kernel: k, Orientation: 2})
			r24, _ := scale.Resize(context.Background(), r2, w, h, &scale.Options{Kernel: k, Orientation: 4})
			return sameImage(r66, r3) && sameImage(r24, r3)
		},
		gen.OneConstOf("gray", "ycbcr444"), gen.IntRange(1, 40), gen.IntRange(1, 40), gen.IntRange(0, len(kernels)-1),
	))
	ps.TestingRun(t)
}

func TestPropertyCropEqualsResizeOfCroppedCopy(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("crop then resize == resize of the cropped copy", prop.ForAll(
		func(kind string, w, h, x0, y0, cw, ch, dw, dh, ki int) bool {
			x0, y0 = x0%w, y0%h
			cw, ch = 1+cw%(w-x0), 1+ch%(h-y0)
			if kind == "ycbcr420" { // keep the crop on the chroma grid
				x0, y0 = x0&^1, y0&^1
				cw, ch = min(cw+cw%2, w-x0), min(ch+ch%2, h-y0)
			}
			r := image.Rect(x0, y0, x0+cw, y0+ch)
			src := makeImage(kind, w, h, 4)
			opts := &scale.Options{Kernel: kernels[ki]}
			sub := src.(interface {
				SubImage(image.Rectangle) image.Image
			}).SubImage(r)
			want, err1 := scale.Resize(context.Background(), sub, dw, dh, opts)
			opts.Crop = r
			got, err2 := scale.Resize(context.Background(), src, dw, dh, opts)
			if err1 != nil || err2 != nil {
				t.Log(err1, err2)
				return false
			}
			return sameImage(got, want)
		},
		gen.OneConstOf("gray", "nrgba", "rgba", "ycbcr444", "ycbcr420"), gen.IntRange(1, 70), gen.IntRange(1, 70),
		gen.IntRange(0, 69), gen.IntRange(0, 69), gen.IntRange(0, 69), gen.IntRange(0, 69),
		gen.IntRange(1, 50), gen.IntRange(1, 50), gen.IntRange(0, len(kernels)-1),
	))
	ps.TestingRun(t)
}

func TestPropertyFastPathEqualsGenericPath(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("fast == generic, byte for byte", prop.ForAll(
		func(kind string, w, h, dw, dh, o, ki int, linear bool) bool {
			src := makeImage(kind, w, h, 5)
			opts := &scale.Options{Kernel: kernels[ki], Orientation: o, LinearLight: linear}
			fast, err1 := scale.Resize(context.Background(), src, dw, dh, opts)
			slow, err2 := scale.Resize(context.Background(), scaletest.Opaque{Image: src}, dw, dh, opts)
			if err1 != nil || err2 != nil {
				t.Log(err1, err2)
				return false
			}
			if g, ok := fast.(*image.Gray); ok && !linear {
				fast = grayAsNRGBA(g)
			}
			if kind == "gray" && linear {
				return true // gray is resampled as stored; its generic twin in linear light
			}
			return sameImage(fast, slow)
		},
		gen.OneConstOf("gray", "nrgba", "rgba", "paletted"), gen.IntRange(1, 60), gen.IntRange(1, 60),
		gen.IntRange(1, 70), gen.IntRange(1, 70), gen.IntRange(0, 8), gen.IntRange(0, len(kernels)-1), gen.Bool(),
	))
	ps.Property("Y'CbCr planes == their gray planes resampled alone", prop.ForAll(
		func(kind string, w, h, dw, dh, o, ki int) bool {
			src := makeImage(kind, w, h, 6).(*image.YCbCr)
			opts := &scale.Options{Kernel: kernels[ki], Orientation: o}
			out, err := scale.Resize(context.Background(), src, dw, dh, opts)
			if err != nil {
				return false
			}
			got := planes(out)
			y, _ := scale.Resize(context.Background(), scaletest.Opaque{Image: grayOf(src.Y, src.YStride, w, h)}, dw, dh, opts)
			sw, sh := w, h
			ow, oh := dw, dh
			if kind == "ycbcr422" {
				sw, ow = (w+1)/2, (dw+1)/2
			}
			cb, _ := scale.Resize(context.Background(), grayOf(src.Cb, src.CStride, sw, sh), ow, oh, opts)
			cr, _ := scale.Resize(context.Background(), grayOf(src.Cr, src.CStride, sw, sh), ow, oh, opts)
			return sameImage(y, grayAsNRGBA(grayOf(got[0], dw, dw, dh))) &&
				string(planes(cb)[0]) == string(got[1]) && string(planes(cr)[0]) == string(got[2])
		},
		gen.OneConstOf("ycbcr444", "ycbcr422"), gen.IntRange(1, 60), gen.IntRange(1, 60),
		gen.IntRange(1, 70), gen.IntRange(1, 70), gen.IntRange(0, 8), gen.IntRange(0, len(kernels)-1),
	))
	ps.TestingRun(t)
}

func toAny(s []string) []any {
	a := make([]any, len(s))
	for i, v := range s {
		a[i] = v
	}
	return a
}

func TestPropertySameSizeOnlyMovesPixels(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("a crop resized to its own size is the oriented crop, exactly", prop.ForAll(
		func(kind string, w, h, o, ki, conc int, r []int) bool {
			src := makeImage(kind, w, h, 8)
			ow, oh := w, h
			if o >= 5 {
				ow, oh = h, w
			}
			x0, y0 := r[0]%ow, r[1]%oh
			crop := image.Rect(x0, y0, x0+1+r[2]%(ow-x0), y0+1+r[3]%(oh-y0))
			pad := crop.Sub(crop.Min).Add(image.Pt(r[4]%5, r[5]%5))
			dw, dh := pad.Max.X+r[4]%3, pad.Max.Y+r[5]%3
			out, err := scale.Resize(context.Background(), src, dw, dh, &scale.Options{Kernel: kernels[ki], Orientation: o,
				Crop: crop, Pad: pad, Concurrency: conc})
			if err != nil {
				t.Log(err)
				return false
			}
			for y := range crop.Dy() {
				for x := range crop.Dx() {
					sx, sy := orienttest.Table(o, crop.Min.X+x, crop.Min.Y+y, w, h)
					want, got := src.At(sx, sy), out.At(pad.Min.X+x, pad.Min.Y+y)
					if kind == "ycbcr444" {
						want = color.YCbCrModel.Convert(want) // compare stored samples
					}
					if fmt.Sprint(want) != fmt.Sprint(got) {
						t.Logf("o %d (%d,%d): got %v, want %v", o, x, y, got, want)
						return false
					}
				}
			}
			return true
		},
		gen.OneConstOf("gray", "ycbcr444"), gen.IntRange(1, 40), gen.IntRange(1, 40), gen.IntRange(1, 8),
		gen.IntRange(0, 3), gen.IntRange(1, 3), gen.SliceOfN(6, gen.IntRange(0, 1000)),
	))
	ps.TestingRun(t)
}

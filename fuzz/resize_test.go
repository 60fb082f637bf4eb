package fuzz

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

var fuzzKernels = scale.Kernels()

// resizeErrors are the errors Resize documents for bad sizes and options.
var resizeErrors = []error{scale.ErrInvalidSize, scale.ErrInvalidSource, scale.ErrInvalidCrop,
	scale.ErrInvalidPad, scale.ErrInvalidOrientation, scale.ErrInvalidKernel, scale.ErrInvalidConcurrency}

// fuzzImage builds a small image of one of several types from the fuzzer's
// bytes: the first bytes pick the type and size, the rest are the pixels.
func fuzzImage(kind byte, w, h int, pix []byte) image.Image {
	fill := func(dst []byte) {
		if len(pix) == 0 {
			return
		}
		for i := range dst {
			dst[i] = pix[i%len(pix)]
		}
	}
	r := image.Rect(3, -2, 3+w, -2+h) // a non-zero origin
	switch kind % 6 {
	case 0:
		m := image.NewNRGBA(r)
		fill(m.Pix)
		return m
	case 1:
		m := image.NewRGBA(r)
		fill(m.Pix)
		for i := 0; i < len(m.Pix); i += 4 { // keep it valid premultiplied
			a := m.Pix[i+3]
			m.Pix[i], m.Pix[i+1], m.Pix[i+2] = min(m.Pix[i], a), min(m.Pix[i+1], a), min(m.Pix[i+2], a)
		}
		return m
	case 2:
		m := image.NewGray(r)
		fill(m.Pix)
		return m
	case 3:
		m := image.NewYCbCr(r, image.YCbCrSubsampleRatio(int(kind/5)%6))
		fill(m.Y)
		fill(m.Cb)
		fill(m.Cr)
		return m
	case 5:
		// 256 colours, so that every index is in the palette (At panics
		// on one beyond it).
		pal := make(color.Palette, 256)
		rgba := make([]byte, 4*len(pal))
		fill(rgba)
		for i := range pal {
			pal[i] = color.NRGBA{rgba[4*i], rgba[4*i+1], rgba[4*i+2], rgba[4*i+3]}
		}
		m := image.NewPaletted(r, pal)
		fill(m.Pix)
		return m
	}
	m := image.NewNRGBA64(r)
	fill(m.Pix)
	return m
}

// FuzzResize resamples small images of every type with random sizes and
// options. It checks that Resize never panics, fails only with documented
// errors, returns exactly the size asked, and that the fast path of each
// concrete type gives the same bytes as the generic path (within 1, alpha
// exact, for 8-bit RGBA, whose opaque regions take the 8-bit engine).
func FuzzResize(f *testing.F) {
	seed := testimage.NRGBA(testimage.Photo(9, 7, 1)).Pix
	f.Add(byte(0), uint8(9), uint8(7), uint16(5), uint16(4), uint8(0), uint8(0), uint64(0), uint64(0), seed)
	f.Add(byte(3), uint8(30), uint8(20), uint16(7), uint16(9), uint8(6), uint8(1), uint64(0x0102030405), uint64(0), testimage.Photo(30, 20, 2).Y)
	f.Add(byte(2), uint8(40), uint8(3), uint16(200), uint16(2), uint8(3), uint8(2), uint64(0), uint64(0x01020a0a), seed)
	f.Add(byte(1), uint8(16), uint8(16), uint16(16), uint16(16), uint8(8), uint8(4), uint64(0x0203040506), uint64(0x0101080809), testimage.PhotoWithAlpha(16, 16, 1).Pix)
	f.Fuzz(func(t *testing.T, kind byte, w, h uint8, dw, dh uint16, orient, kernel uint8, crop, pad uint64, pix []byte) {
		if w == 0 || h == 0 || dw > 300 || dh > 300 {
			return
		}
		src := fuzzImage(kind, int(w), int(h), pix)
		rect := func(v uint64) image.Rectangle {
			if v == 0 {
				return image.Rectangle{}
			}
			b := func(i uint) int { return int(int8(v >> (8 * i))) }
			return image.Rect(b(0), b(1), b(0)+b(2), b(1)+b(3))
		}
		opts := &scale.Options{
			Kernel:      fuzzKernels[int(kernel)%len(fuzzKernels)],
			Orientation: int(orient % 10),
			Crop:        rect(crop),
			Pad:         rect(pad),
			PadColor:    color.NRGBA{pix0(pix), 10, 20, 200},
			Concurrency: int(kernel/8) % 3,
		}
		out, err := scale.Resize(context.Background(), src, int(dw), int(dh), opts)
		if err != nil {
			for _, e := range resizeErrors {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("undocumented error %v", err)
		}
		if out.Bounds() != image.Rect(0, 0, int(dw), int(dh)) {
			t.Fatalf("bounds %v, want %dx%d", out.Bounds(), dw, dh)
		}
		switch src.(type) {
		case *image.YCbCr, *image.Gray:
			return // their generic twin has another output type; see scale's tests
		}
		slow, err := scale.Resize(context.Background(), scaletest.Opaque{Image: src}, int(dw), int(dh), opts)
		if err != nil {
			t.Fatalf("generic path failed: %v", err)
		}
		fast, generic := out.(*image.NRGBA).Pix, slow.(*image.NRGBA).Pix
		switch src.(type) {
		case *image.NRGBA, *image.RGBA:
			// An opaque region takes the 8-bit path: within 1 of the
			// generic path, alpha exact (see scale's doc).
			for i, v := range fast {
				if d := int(v) - int(generic[i]); d < -1 || d > 1 || i%4 == 3 && d != 0 {
					t.Fatalf("sample %d: %d, generic path %d", i, v, generic[i])
				}
			}
			return
		}
		if !bytes.Equal(fast, generic) {
			t.Fatal("fast path differs from the generic path")
		}
	})
}

func pix0(p []byte) uint8 {
	if len(p) == 0 {
		return 0
	}
	return p[0]
}

package fuzz

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	xbmp "golang.org/x/image/bmp"

	"github.com/profileimage/profileimage/internal/bmp"
	"github.com/profileimage/profileimage/internal/bmp/bmptest"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// bmpSeeds returns the BMP decoder's fixtures (ImageMagick, Pillow,
// netpbm, x/image and CPython files, and hand-made ones: every header
// size, RLE8 and RLE4 with deltas, bit fields, V5 alpha) and RLE data that
// runs past its row, its image and its input.
func bmpSeeds() [][]byte {
	var seeds [][]byte
	for _, pattern := range []string{"*.bmp", "*/*.bmp"} {
		names, _ := filepath.Glob(filepath.Join("..", "internal", "bmp", "testdata", pattern))
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil {
				seeds = append(seeds, data)
			}
		}
	}
	pal := bmptest.Palette(false, color.RGBA{A: 255}, color.RGBA{200, 0, 0, 255}, color.RGBA{0, 0, 200, 255})
	for _, rle := range [][]byte{
		{6, 1, 0, 2, 9, 9, 0, 7, 1, 2, 1, 2, 1, 2, 1, 0, 0, 0, 1},
		{0, 2, 200, 200, 2, 2},
		{3, 0x12, 0, 3, 0x12, 0x10},
	} {
		seeds = append(seeds,
			bmptest.File(bmptest.Header{Size: 40, Width: 5, Height: 3, Bits: 8, Compression: 1, ColorsUsed: 3}, nil, pal, rle),
			bmptest.File(bmptest.Header{Size: 124, Width: 5, Height: -3, Bits: 4, Compression: 2, ColorsUsed: 3}, nil, pal, rle))
	}
	return seeds
}

// FuzzBMP checks that bmp.Decode never panics, fails only with its typed
// errors, and otherwise returns an *image.Gray (palette files only) or an
// *image.NRGBA (opaque unless the header declares alpha) of the size
// DecodeConfig reads; that validate.Inspect accepts what it decodes, with
// that size, and that what Inspect accepts fails to decode only for its
// RLE data or the pixel limit; and
// that whatever golang.org/x/image/bmp (the decoder it replaces) decodes,
// it decodes to the same pixels (alpha aside at 32 bits, where the two
// differ by design).
func FuzzBMP(f *testing.F) {
	for _, s := range bmpSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 1 << 16
		img, err := bmp.Decode(data, limit)
		cfg, cerr := bmp.DecodeConfig(data)
		if err != nil {
			var (
				fe bmp.FormatError
				ue bmp.UnsupportedError
				le *bmp.LimitError
			)
			if img != nil || !(errors.As(err, &fe) || errors.As(err, &ue) || errors.As(err, &le)) {
				t.Fatalf("untyped error %#v, or an image with it", err)
			}
		} else {
			switch m := img.(type) {
			case *image.Gray:
				if !cfg.Paletted {
					t.Fatalf("gray image for a %d-bit file", cfg.BitsPerPixel)
				}
			case *image.NRGBA:
				if !cfg.HasAlpha && !m.Opaque() {
					t.Fatal("transparent pixels without an alpha channel")
				}
			default:
				t.Fatalf("decoded %T", img)
			}
			if cerr != nil || img.Bounds() != image.Rect(0, 0, cfg.Width, cfg.Height) {
				t.Fatalf("decoded %v; DecodeConfig %dx%d, %v", img.Bounds(), cfg.Width, cfg.Height, cerr)
			}
		}
		if len(data) >= 10 && bytes.Equal(data[6:10], []byte{0, 0, 0, 0}) { // Inspect's BMP signature
			info, ierr := validate.Inspect(data)
			var le *bmp.LimitError
			switch {
			case err == nil && (ierr != nil || info.Format != vendors.BMP || info.Width != cfg.Width || info.Height != cfg.Height):
				t.Fatalf("decoded %v; Inspect %+v, %v", img.Bounds(), info, ierr)
			case ierr == nil && err != nil && !errors.As(err, &le) && cfg.Compression != bmp.RLE8 && cfg.Compression != bmp.RLE4:
				t.Fatalf("Inspect accepts it, Decode fails before any RLE data: %v", err)
			}
		}
		// x/image allocates whatever its header says: ask its size first.
		if xc, xerr := xbmp.DecodeConfig(bytes.NewReader(data)); xerr != nil || xc.Width == 0 || int64(xc.Width)*int64(xc.Height) > limit {
			return
		}
		want, xerr := xbmp.Decode(bytes.NewReader(data))
		if xerr != nil {
			return
		}
		if err != nil {
			t.Fatalf("x/image decodes %v, Decode: %v", want.Bounds(), err)
		}
		if img.Bounds() != want.Bounds() {
			t.Fatalf("decoded %v, x/image %v", img.Bounds(), want.Bounds())
		}
		for y := range cfg.Height {
			for x := range cfg.Width {
				g := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				w := color.NRGBAModel.Convert(want.At(x, y)).(color.NRGBA)
				if cfg.BitsPerPixel == 32 {
					g.A, w.A = 0, 0
				}
				if g != w {
					t.Fatalf("(%d,%d) = %v, x/image %v", x, y, g, w)
				}
			}
		}
	})
}

package fuzz

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"testing"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/gif/giftest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// imageSeeds returns real images: the Go tree's image testdata and the
// repository's test corpus (files up to maxLen bytes), plus a JPEG with
// EXIF made in code.
func imageSeeds(tb testing.TB, maxLen int) [][]byte {
	seeds := [][]byte{exiftest.Splice(testimage.JPEG(testimage.Photo(48, 32, 1), 75), exiftest.APP1(exiftest.Orientation(6)))}
	dirs := []string{testimage.GoTestdata(), testimage.Corpus(tb, "pngsuite"), testimage.Corpus(tb, "orientation")}
	for _, dir := range dirs {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.IsDir() || e.Name() == "LICENSE" {
				continue
			}
			if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(data) <= maxLen {
				seeds = append(seeds, data)
			}
		}
	}
	return seeds
}

// FuzzInspect checks that Inspect never panics, returns only typed errors
// with a single violation (and a whole claimed size or none), reports sane
// facts, and agrees on the size with image.DecodeConfig whenever both
// accept a JPEG, PNG, WebP or BMP (for a GIF, Inspect's screen, grown to
// hold the first frame, is at least image/gif's).
func FuzzInspect(f *testing.F) {
	for _, s := range imageSeeds(f, 64<<10) {
		f.Add(s)
	}
	// A first frame beyond a 4x4 screen, which grows it to 8x6.
	f.Add(giftest.File(giftest.Screen(4, 4, giftest.Four, 0), giftest.Frame{X: 4, Y: 3, W: 4, H: 3, Pixels: make([]int, 12)}.Bytes(), []byte{giftest.Trailer}))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := validate.Inspect(data)
		if info.Bytes != int64(len(data)) {
			t.Fatalf("Bytes %d for %d bytes", info.Bytes, len(data))
		}
		if err != nil {
			var e *validate.Error
			if !errors.As(err, &e) || !e.Reason.Known() || len(e.Violations) != 1 {
				t.Fatalf("untyped or inconsistent error %#v", err)
			}
			// With an error, a claimed size is whole (both sides, each
			// in 1..2^31-1, as stored) or absent.
			if (info.Width == 0) != (info.Height == 0) || info.Width < 0 || info.Height < 0 ||
				info.Width > 1<<31-1 || info.Height > 1<<31-1 ||
				info.OrientedWidth != info.Width || info.OrientedHeight != info.Height {
				t.Fatalf("error %v with size %dx%d (oriented %dx%d)", err, info.Width, info.Height, info.OrientedWidth, info.OrientedHeight)
			}
			return
		}
		if !info.Format.Known() || info.Width <= 0 || info.Height <= 0 || info.Frames < 1 ||
			info.Orientation < 1 || info.Orientation > 8 ||
			int64(info.OrientedWidth)*int64(info.OrientedHeight) != int64(info.Width)*int64(info.Height) {
			t.Fatalf("implausible %+v", info)
		}
		if info.Format == vendors.TIFF {
			return
		}
		cfg, _, cerr := image.DecodeConfig(bytes.NewReader(data))
		if cerr != nil {
			return
		}
		// A GIF's first frame beyond the logical screen grows it (as
		// libvips and Pillow do), so Inspect may report more than the
		// screen image/gif reports, never less.
		if info.Format == vendors.GIF && info.Width >= cfg.Width && info.Height >= cfg.Height {
			return
		}
		if cfg.Width != info.Width || cfg.Height != info.Height {
			t.Fatalf("Inspect %dx%d, DecodeConfig %dx%d", info.Width, info.Height, cfg.Width, cfg.Height)
		}
	})
}

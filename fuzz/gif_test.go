package fuzz

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/gif"
	"github.com/profileimage/profileimage/internal/gif/giftest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
)

// gifSeeds returns internal/gif's fixtures and the Go tree's GIFs (files up
// to maxLen bytes), and a few files made in code: a small offset frame
// with a transparent index followed by an interlaced one, and a frame of
// code size 11 without colour tables.
func gifSeeds(maxLen int) [][]byte {
	var seeds [][]byte
	for _, pattern := range []string{"../internal/gif/testdata/*.gif", filepath.Join(testimage.GoTestdata(), "*.gif")} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil && len(data) <= maxLen {
				seeds = append(seeds, data)
			}
		}
	}
	values := make([]int, 64)
	for i := range values {
		values[i] = i % 5
	}
	return append(seeds,
		giftest.File(giftest.Screen(16, 12, giftest.Four, 1), giftest.GraphicControl(3, 2),
			giftest.Frame{X: 3, Y: 2, W: 8, H: 8, Pixels: values}.Bytes(),
			giftest.Frame{W: 16, H: 12, Interlaced: true, LitWidth: 3, Pixels: values}.Bytes(), []byte{giftest.Trailer}),
		giftest.File(giftest.Screen(8, 8, nil, 0), giftest.Frame{W: 8, H: 8, LitWidth: 11, SubBlock: 5, Pixels: values}.Bytes()))
}

// FuzzGIFFirstFrame checks that gif.FirstFrame never panics, fails exactly
// with Scan's error when Scan fails and otherwise only with its typed
// errors, and returns an image of the logical screen that is empty outside
// the first frame (giftest.CheckComposition); and that validate.Inspect
// accepts a GIF exactly when Scan does.
func FuzzGIFFirstFrame(f *testing.F) {
	for _, s := range gifSeeds(16 << 10) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := gif.FirstFrame(data, 1<<18)
		l, serr := gif.Scan(data, nil)
		if string(data[:min(6, len(data))]) == "GIF87a" || string(data[:min(6, len(data))]) == "GIF89a" {
			if _, ierr := validate.Inspect(data); (ierr == nil) != (serr == nil) {
				t.Fatalf("Inspect: %v; Scan: %v", ierr, serr)
			}
		}
		switch {
		case serr != nil:
			if img != nil || err == nil || err.Error() != serr.Error() {
				t.Fatalf("Scan: %v; FirstFrame: %v, %v", serr, img, err)
			}
		case err != nil:
			var (
				fe gif.FormatError
				le *gif.LimitError
			)
			if img != nil || !errors.As(err, &fe) && !errors.As(err, &le) {
				t.Fatalf("untyped error %#v, or an image with it", err)
			}
		default:
			if err := giftest.CheckComposition(img, image.Pt(l.Width, l.Height), l.Frame, l.Transparent); err != nil {
				t.Fatal(err)
			}
		}
	})
}

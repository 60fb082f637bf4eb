package profileimage

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// TestNormalizeLenientPNG runs internal/pngfix's fixtures through Validate,
// the decoder and Normalize: a file libvips decodes (its decode is in
// testdata/ref) is accepted and decodes to libvips' pixels exactly; a file
// libpng's defaults refuse is rejected as corrupt.
func TestNormalizeLenientPNG(t *testing.T) {
	dir := filepath.Join("..", "internal", "pngfix", "testdata")
	names, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	if len(names) < 30 {
		t.Fatalf("found %d fixtures", len(names))
	}
	p := vendors.MustLookup("zoom")
	for _, name := range names {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			refData, refErr := os.ReadFile(filepath.Join(dir, "ref", base))
			_, err = Normalize(context.Background(), data, p)
			if refErr != nil {
				var e *validate.Error
				if !errors.As(err, &e) || e.Reason != vendors.ReasonCorrupt {
					t.Fatalf("Normalize: %v, want corrupt (libpng refuses it)", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Normalize: %v (libvips decodes it)", err)
			}
			info, err := Validate(context.Background(), data, p)
			if err != nil {
				t.Fatalf("Validate: %v", err)
			}
			img, _, err := decode(context.Background(), data, info, 1, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := png.Decode(bytes.NewReader(refData))
			if err != nil {
				t.Fatal(err)
			}
			if at, differ := testimage.Diff(img, ref); differ {
				t.Errorf("decoded %v differs from libvips' %v at %v", img.Bounds(), ref.Bounds(), at)
			}
		})
	}
}

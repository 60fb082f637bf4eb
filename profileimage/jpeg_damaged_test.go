package profileimage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pjpeg "github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// TestNormalizeDamagedJPEG runs the decoder's fixtures (unusual sampling
// layouts and damaged files, internal/jpeg/testdata) through Normalize:
// what libjpeg reads with a warning comes out as an image, and so do the
// profile's sizes (arithmetic coding included); damage and a truncated
// scan are corrupt.
func TestNormalizeDamagedJPEG(t *testing.T) {
	refused := map[string]vendors.Reason{
		"cut":             vendors.ReasonCorrupt,
		"progressive-cut": vendors.ReasonCorrupt,
		"restart-cut-eoi": vendors.ReasonCorrupt,
		"soi-damaged":     vendors.ReasonCorrupt,
		"no-soi":          vendors.ReasonCorrupt,
	}
	files, _ := filepath.Glob(filepath.Join("..", "internal", "jpeg", "testdata", "*.jpg"))
	if len(files) < 30 {
		t.Fatalf("only %d fixtures", len(files))
	}
	p := vendors.MustLookup("ringcentral")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jpg")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Normalize(context.Background(), data, p)
			if want, ok := refused[name]; ok {
				var e *validate.Error
				if !errors.As(err, &e) || e.Reason != want {
					t.Fatalf("got %v, want %s", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, err := pjpeg.DecodeConfig(res.Data); err != nil || res.Width != 48 || res.Height != 32 {
				t.Errorf("output %dx%d: %v", res.Width, res.Height, err)
			}
			all, err := ScaleAll(context.Background(), data, p)
			if err != nil || len(all) == 0 {
				t.Errorf("ScaleAll: %d results, %v", len(all), err)
			}
		})
	}
}

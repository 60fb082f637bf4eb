package validate

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/bmp"
	"github.com/profileimage/profileimage/vendors"
)

// TestInspectBMPFixtures inspects the BMP decoder's fixtures (made by
// ImageMagick, Pillow and netpbm, and from x/image's and CPython's test
// suites): every one is accepted with its decoded size, a paletted colour
// model for palette files, and HasAlpha whenever the decode has a pixel
// that is not opaque.
func TestInspectBMPFixtures(t *testing.T) {
	var names []string
	for _, pattern := range []string{"*.bmp", "*/*.bmp"} {
		m, _ := filepath.Glob(filepath.Join("..", "internal", "bmp", "testdata", pattern))
		names = append(names, m...)
	}
	if len(names) < 30 {
		t.Fatalf("found %d BMP fixtures", len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		img, err := bmp.Decode(data, int64(info.Width)*int64(info.Height))
		if err != nil {
			t.Errorf("%s: Inspect accepts it, Decode: %v", name, err)
			continue
		}
		c, _ := bmp.DecodeConfig(data)
		opaque := true
		if m, ok := img.(*image.NRGBA); ok {
			opaque = m.Opaque()
		}
		switch {
		case info.Format != vendors.BMP || img.Bounds() != image.Rect(0, 0, info.Width, info.Height):
			t.Errorf("%s: Inspect %s %dx%d, decoded %v", name, info.Format, info.Width, info.Height, img.Bounds())
		case (info.ColorModel == ColorPaletted) != c.Paletted || (info.ColorModel != ColorPaletted && info.ColorModel != ColorRGB):
			t.Errorf("%s: colour model %s for %d bits", name, info.ColorModel, c.BitsPerPixel)
		case !opaque && !info.HasAlpha:
			t.Errorf("%s: transparent pixels, HasAlpha false", name)
		}
	}
}

package profileimage

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/vendors"
)

// TestNormalizeBMP normalizes BMPs that golang.org/x/image/bmp did not
// read (RLE8 and RLE4, 16 and 32-bit bit fields, V5 alpha, an OS/2 1.x
// header; and one larger than the profile's 96x96, which is resized) for
// Google's directory, which takes BMP: the output must be the
// very bytes Normalize makes from the reference decode that internal/bmp's
// fixtures carry (Pillow's or libvips', as an RGBA PNG, which decodes to
// the same *image.NRGBA), JPEG for the opaque files and PNG for the one
// with transparency.
func TestNormalizeBMP(t *testing.T) {
	dir := filepath.Join("..", "internal", "bmp", "testdata")
	p := vendors.MustLookup("google-directory")
	for _, tc := range []struct {
		name   string
		format vendors.Format
	}{
		{"im-rle8", vendors.JPEG},
		{"rle4-delta", vendors.JPEG},
		{"bitfields565", vendors.JPEG},
		{"im-rgb555", vendors.JPEG},
		{"bitfields32-rgbx", vendors.JPEG},
		{"im-pal4-core", vendors.JPEG},
		{"im-argb32-v5", vendors.PNG},
		{"ximage/colormap-0", vendors.JPEG}, // 150x103, fitted in 96x96
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tc.name)+".bmp"))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Normalize(context.Background(), data, p)
			if err != nil {
				t.Fatal(err)
			}
			assertWithinProfile(t, res, p, vendors.Size{Name: vendors.OriginalSize})
			if res.Format != tc.format {
				t.Fatalf("wrote %s, want %s", res.Format, tc.format)
			}
			ref, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tc.name)+".png"))
			if err != nil {
				t.Fatal(err)
			}
			fromRef, err := Normalize(context.Background(), ref, p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(res.Data, fromRef.Data) {
				t.Errorf("%d bytes, %d from the reference decode, and they differ", len(res.Data), len(fromRef.Data))
			}
		})
	}
}

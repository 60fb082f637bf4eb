package profileimage_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

func readColour(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "colour", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameSizePNG is a vendor that keeps an upload's size and writes PNG: the
// output's pixels are the conversion's, with no lossy encode after it.
func sameSizePNG() vendors.Profile {
	p := vendors.MustLookup("zoom")
	p.Output.Formats = []vendors.Format{vendors.PNG}
	p.MaxBytes = 0
	return p
}

// TestConvertedLikeLittleCMS: uploads tagged Display P3 (JPEG one chunk
// and three, PNG, WebP, TIFF), ProPhoto, a gray profile and a CMYK LUT
// profile come out within 2/255 (CMYK 3/255) mean per channel of
// LittleCMS's conversion at the same size (testdata/colour/make.py).
func TestConvertedLikeLittleCMS(t *testing.T) {
	for _, c := range []struct {
		upload, want, step string
		limit              float64
	}{
		{"p3.jpg", "p3-jpg", "converted (Display P3 to sRGB)", 2},
		{"p3-chunks.jpg", "p3-jpg", "converted (Display P3 to sRGB)", 2},
		{"p3.png", "p3-png", "converted (Display P3 to sRGB)", 2},
		{"p3.webp", "p3-png", "converted (Display P3 to sRGB)", 2},
		{"p3.tiff", "p3-png", "converted (Display P3 to sRGB)", 2},
		{"prophoto.png", "prophoto-png", "converted (ProPhoto RGB to sRGB)", 2},
		{"gray.jpg", "gray-jpg", "converted (Gray to sRGB)", 2},
		{"cmyk.jpg", "cmyk-jpg", "converted (Press-like CMYK (lut16) to sRGB)", 3},
		// No profile: FOGRA39 (internal/icc's TestPressAgainstLibvips).
		{"cmyk-noprofile.jpg", "", "CMYK without a usable profile as FOGRA39 to sRGB", 0},
	} {
		t.Run(c.upload, func(t *testing.T) {
			if c.want == "" {
				res, err := profileimage.Normalize(context.Background(), readColour(t, c.upload), sameSizePNG())
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Contains(res.Steps, profileimage.Step{Op: "converted", Detail: c.step}) {
					t.Errorf("steps %v, want converted (%s)", res.Steps, c.step)
				}
				return
			}
			res, err := profileimage.Normalize(context.Background(), readColour(t, c.upload), sameSizePNG())
			if err != nil {
				t.Fatal(err)
			}
			steps := make([]string, len(res.Steps))
			for i, s := range res.Steps {
				steps[i] = s.String()
			}
			if !slices.Contains(steps, c.step) {
				t.Errorf("steps %q, want %q among them", steps, c.step)
			}
			got, err := png.Decode(bytes.NewReader(res.Data))
			if err != nil {
				t.Fatal(err)
			}
			want, err := png.Decode(bytes.NewReader(readColour(t, "want-"+c.want+".png")))
			if err != nil {
				t.Fatal(err)
			}
			d := meanRGBDiff(got, want)
			t.Logf("%s: mean difference R %.3f G %.3f B %.3f", strings.Join(steps, ", "), d[0], d[1], d[2])
			for ch, v := range d {
				if v > c.limit {
					t.Errorf("channel %d: mean difference %.3f above %.0f/255", ch, v, c.limit)
				}
			}
		})
	}
}

// meanRGBDiff is the mean absolute difference per channel, in 1/255.
func meanRGBDiff(a, b image.Image) [3]float64 {
	r := a.Bounds()
	var sum [3]float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			for c, d := range [3]int{int(ar>>8) - int(br>>8), int(ag>>8) - int(bg>>8), int(ab>>8) - int(bb>>8)} {
				sum[c] += float64(max(d, -d))
			}
		}
	}
	n := float64(r.Dx() * r.Dy())
	return [3]float64{sum[0] / n, sum[1] / n, sum[2] / n}
}

package profileimage

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale/scaletest"
	"github.com/profileimage/profileimage/vendors"
)

// TestShrinkOnLoadQuality measures what decoding a JPEG at 1/2, 1/4 or 1/8
// costs in quality: every vendor size made from a 12 MP photo, before
// encoding, against a full-size standard decode resampled by the float64
// Lanczos3 reference. The bar is 45 dB.
func TestShrinkOnLoadQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12 MP JPEG and a float64 reference per size")
	}
	data := testimage.JPEG(testimage.Photo(4000, 3000, 11), 90)
	full, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	denoms := map[int]bool{}
	for _, name := range []string{"ringcentral", "mattermost", "jira", "microsoft-graph", "google-directory", "smartsheet", "slack"} {
		p := vendors.MustLookup(name)
		for _, sz := range p.Sizes {
			if sz.Name == vendors.OriginalSize && p.Fit.MaxWidth == 0 {
				continue // full size: nothing to shrink
			}
			t.Run(name+":"+sz.Name, func(t *testing.T) {
				s := settings{}
				j, err := load(context.Background(), data, p, s, []vendors.Size{sz})
				if err != nil {
					t.Fatal(err)
				}
				res, pixels, err := j.render(context.Background(), &j.outputs[0], j.upload)
				if err != nil {
					t.Fatal(err)
				}
				pl, err := makePlan(4000, 3000, sizeTarget(p, sz), image.Rectangle{})
				if err != nil {
					t.Fatal(err)
				}
				want := scaletest.Lanczos3(full, pl.crop, pl.pad.Dx(), pl.pad.Dy())
				got := pixels.img.(interface {
					SubImage(image.Rectangle) image.Image
				}).SubImage(pl.pad)
				db, err := scaletest.PSNR(got, want)
				if err != nil {
					t.Fatal(err)
				}
				denom := 4000 / j.upload.w
				denoms[denom] = true
				t.Logf("decoded at 1/%d, %dx%d: %.1f dB", denom, res.Width, res.Height, db)
				if db < 45 {
					t.Errorf("decoded at 1/%d: PSNR %.1f dB against a full decode, want >= 45", denom, db)
				}
			})
		}
	}
	for _, d := range []int{2, 4, 8} {
		if !denoms[d] {
			t.Errorf("no size was decoded at 1/%d: the test does not cover it", d)
		}
	}
}

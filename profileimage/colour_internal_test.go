package profileimage

import (
	"context"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/vendors"
)

// TestConvertAfterResample measures what converting the outputs instead
// of the decoded upload changes: under 1/255 mean per channel on a real
// photo tagged Display P3, for a large output (Smartsheet's fit 1050,
// after shrink-on-load), small ones (RingCentral's 90x90 and 195x195) and
// Zoom's full size (the upload itself, converted in place).
func TestConvertAfterResample(t *testing.T) {
	photo, err := os.ReadFile(filepath.Join("testdata", "Portrait_1.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	p3, err := os.ReadFile(filepath.Join("testdata", "colour", "display-p3-v4.icc"))
	if err != nil {
		t.Fatal(err)
	}
	data := exiftest.Splice(photo, exiftest.Segment(0xe2, append([]byte("ICC_PROFILE\x00\x01\x01"), p3...)))
	ctx := context.Background()
	for _, c := range []struct{ vendor, size string }{
		{"smartsheet", vendors.OriginalSize}, {"ringcentral", "90x90"}, {"ringcentral", "195x195"}, {"zoom", vendors.OriginalSize},
	} {
		p := vendors.MustLookup(c.vendor)
		sz, err := lookupSize(p, c.size)
		if err != nil {
			t.Fatal(err)
		}
		s := newSettings(nil)
		after, err := load(ctx, data, p, s, []vendors.Size{sz})
		if err != nil {
			t.Fatal(err)
		}
		if after.upload.colour == nil {
			t.Fatal("no conversion for a Display P3 upload")
		}
		before, err := load(ctx, data, p, s, []vendors.Size{sz})
		if err != nil {
			t.Fatal(err)
		}
		up := before.upload
		up.colour.convert(up.img, up.img.Bounds())
		up.colour, up.early = nil, nil
		_, a, err := after.render(ctx, &after.outputs[0], after.upload)
		if err != nil {
			t.Fatal(err)
		}
		_, b, err := before.render(ctx, &before.outputs[0], up)
		if err != nil {
			t.Fatal(err)
		}
		d := meanDiff(a.img, b.img)
		t.Logf("%s %s (%v): converted after the resample differs by R %.3f G %.3f B %.3f", c.vendor, c.size, a.img.Bounds().Size(), d[0], d[1], d[2])
		for ch, v := range d {
			if v >= 1 {
				t.Errorf("%s %s: channel %d differs by %.3f/255 on average", c.vendor, c.size, ch, v)
			}
		}
	}
}

// meanDiff is the mean absolute difference per channel of two images of
// one size, in 1/255.
func meanDiff(a, b image.Image) [3]float64 {
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

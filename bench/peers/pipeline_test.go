package peers

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/disintegration/imaging"

	"github.com/profileimage/profileimage/bench"
	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// BenchmarkPipeline times the whole job a service does with an upload,
// from bytes to bytes: ours against the best pure-Go pipeline at good
// quality (imaging's EXIF-aware decode, Lanczos, image/jpeg at the same
// quality), in the same run. Compare with benchstat -col /impl.
//
//	normalize-smartsheet: upright, padded to a white square, fitted in 1050x1050
//	scale-ringcentral-90x90: upright, centre square, 90x90
func BenchmarkPipeline(b *testing.B) {
	data := bench.Upload12MP()
	ctx := context.Background()
	smartsheet, ringcentral := vendors.MustLookup("smartsheet"), vendors.MustLookup("ringcentral")
	jobs := []struct {
		name     string
		ours     func() error
		imagingF func(image.Image) image.Image
	}{
		{"normalize-smartsheet", func() error {
			_, err := profileimage.Normalize(ctx, data, smartsheet)
			return err
		}, func(img image.Image) image.Image {
			fitted := imaging.Fit(img, 1050, 1050, imaging.Lanczos)
			return imaging.PasteCenter(imaging.New(1050, 1050, color.White), fitted)
		}},
		{"scale-ringcentral-90x90", func() error {
			_, err := profileimage.Scale(ctx, data, ringcentral, "90x90")
			return err
		}, func(img image.Image) image.Image {
			return imaging.Fill(img, 90, 90, imaging.Center, imaging.Lanczos)
		}},
	}
	for _, j := range jobs {
		b.Run("impl=profileimage/job="+j.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := j.ours(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=imaging-lanczos/job="+j.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				img, err := imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
				if err != nil {
					b.Fatal(err)
				}
				if err := jpeg.Encode(&bytes.Buffer{}, j.imagingF(img), &jpeg.Options{Quality: 90}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package bench

import (
	"bytes"
	"context"
	"image"
	stdjpeg "image/jpeg"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// BenchmarkBudgetRealPhoto times Zoom's Normalize of the real 12 MP
// iPhone photo, which at Zoom's quality 90 is over its 2,000,000-byte
// budget (the byte budget finds quality 84), against the plain re-encodes
// of the same photo in the same run: RingCentral's original (quality 90,
// no budget) and an internal/jpeg encode of the decoded photo at quality
// 90. Compare with benchstat -col /impl.
func BenchmarkBudgetRealPhoto(b *testing.B) {
	data, err := testimage.CameraFile(testimage.IPhone12MP)
	if err != nil {
		b.Fatal(err)
	}
	for _, vendor := range []string{"zoom", "ringcentral"} {
		p := vendors.MustLookup(vendor)
		res, err := profileimage.Normalize(context.Background(), data, p)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: %dx%d, %d bytes, %v", vendor, res.Width, res.Height, len(res.Data), res.Steps[len(res.Steps)-1])
		b.Run("impl=profileimage/job=normalize-"+vendor+"/src=iphone-12mp", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := profileimage.Normalize(context.Background(), data, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	img, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=internal-jpeg/job=encode-q90/src=iphone-12mp", func(b *testing.B) {
		encodeBench(b, img, 90)
	})
}

func encodeBench(b *testing.B, img image.Image, quality int) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: quality}); err != nil {
			b.Fatal(err)
		}
	}
}

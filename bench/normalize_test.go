package bench

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"testing"

	"golang.org/x/image/draw"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// BenchmarkNormalize times Normalize of the 12 MP upload for each seed
// vendor, next to the obvious pipeline a Go programmer writes with the
// standard library and x/image/draw (decode, CatmullRom to the same size,
// encode at the same quality; no orientation, no byte budget), in the same
// run. Compare with benchstat -col /impl.
func BenchmarkNormalize(b *testing.B) {
	data := Upload12MP()
	for _, vendor := range []string{"ringcentral", "zoom", "smartsheet"} {
		p := vendors.MustLookup(vendor)
		res, err := profileimage.Normalize(context.Background(), data, p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("impl=profileimage/job=normalize-"+vendor, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := profileimage.Normalize(context.Background(), data, p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=stdlib-xdraw-catmullrom/job=normalize-"+vendor, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				naivePipeline(b, data, res.Width, res.Height, p.Output.Quality)
			}
		})
	}
}

// BenchmarkScaleAll times every RingCentral size from one upload.
func BenchmarkScaleAll(b *testing.B) {
	data := Upload12MP()
	p := vendors.MustLookup("ringcentral")
	b.Run("impl=profileimage/job=scaleall-ringcentral", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := profileimage.ScaleAll(context.Background(), data, p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func naivePipeline(b *testing.B, data []byte, w, h, quality int) {
	src, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	if err := jpeg.Encode(&bytes.Buffer{}, dst, &jpeg.Options{Quality: quality}); err != nil {
		b.Fatal(err)
	}
}

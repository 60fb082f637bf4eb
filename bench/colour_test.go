package bench

import (
	"context"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/icc/icctest"
	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// BenchmarkColour times Smartsheet's fit-1050 of the 12 MP upload tagged
// Display P3 (what an iPhone writes, converted to sRGB) next to the same
// upload untagged, in the same run: the cost of the conversion. Compare
// with benchstat -col /impl.
func BenchmarkColour(b *testing.B) {
	untagged := Upload12MP()
	p3 := exiftest.Splice(untagged, exiftest.Segment(0xe2, append([]byte("ICC_PROFILE\x00\x01\x01"), icctest.DisplayP3()...)))
	p := vendors.MustLookup("smartsheet")
	for _, c := range []struct {
		impl string
		data []byte
	}{{"untagged", untagged}, {"display-p3", p3}} {
		b.Run("impl="+c.impl+"/job=normalize-smartsheet", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := profileimage.Normalize(context.Background(), c.data, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package bench

import (
	"bytes"
	"image"
	"image/gif"
	_ "image/jpeg"
	"image/png"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
)

// inspectInputs are the files of the Inspect benchmarks: a 12 MP JPEG
// with an EXIF APP1 segment (orientation 6) spliced in, a 1000×1000 PNG
// and a 500×500 GIF, all photo-like.
var inspectInputs = sync.OnceValue(func() []struct {
	name string
	data []byte
} {
	jpeg := Upload12MP()
	var pngBuf, gifBuf bytes.Buffer
	if err := png.Encode(&pngBuf, testimage.NRGBA(testimage.Photo(1000, 1000, 8))); err != nil {
		panic(err)
	}
	if err := gif.Encode(&gifBuf, testimage.Photo(500, 500, 9), nil); err != nil {
		panic(err)
	}
	return []struct {
		name string
		data []byte
	}{{"jpeg-12mp-exif", jpeg}, {"png-1mp", pngBuf.Bytes()}, {"gif-0.25mp", gifBuf.Bytes()}}
})

// BenchmarkInspect compares validate.Inspect with image.DecodeConfig and a
// full image.Decode of the same bytes. Compare with
// benchstat -col /impl.
func BenchmarkInspect(b *testing.B) {
	for _, in := range inspectInputs() {
		data := in.data
		b.Run("impl=validate/job=inspect/file="+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := validate.Inspect(data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=stdlib/job=decodeconfig/file="+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("impl=stdlib/job=decode/file="+in.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

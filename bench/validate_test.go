package bench

import (
	"bytes"
	"context"
	"image/png"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// png4MP is a 2000x2000 photo-like PNG with transparency (RGBA, image/png's
// default compression), made once per process.
var png4MP = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, testimage.PhotoWithAlpha(2000, 2000, 4)); err != nil {
		panic(err)
	}
	return buf.Bytes()
})

// BenchmarkValidate times profileimage.Validate for RingCentral, which
// proves the pixels decode (a JPEG at 1/8, a PNG's image data inflated
// without keeping it), against the same call with HeaderOnly, and against
// a full image/png decode, the obvious way to prove it. Compare with
// benchstat -col /job.
func BenchmarkValidate(b *testing.B) {
	p := vendors.MustLookup("ringcentral")
	ctx := context.Background()
	for _, in := range []struct {
		name string
		data []byte
	}{{"jpeg-12mp", Upload12MP()}, {"png-4mp", png4MP()}} {
		for _, v := range []struct {
			job  string
			opts []profileimage.Option
		}{{"validate-header", []profileimage.Option{profileimage.HeaderOnly()}}, {"validate-pixels", nil}} {
			b.Run("impl=profileimage/job="+v.job+"/file="+in.name, func(b *testing.B) {
				b.SetBytes(int64(len(in.data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := profileimage.Validate(ctx, in.data, p, v.opts...); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
	data := png4MP()
	b.Run("impl=stdlib/job=png-decode/file=png-4mp", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

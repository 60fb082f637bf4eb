package jpeg_test

import (
	"bytes"
	"image"
	stdjpeg "image/jpeg"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// TestProperties: for any size, quality and chroma layout, our encoder's
// output decodes with image/jpeg and with ours to the same samples (within
// one level), and every scale gives ceil(size/s).
func TestProperties(t *testing.T) {
	p := gopter.DefaultTestParameters()
	p.MinSuccessfulTests = 60
	if testing.Short() {
		p.MinSuccessfulTests = 15
	}
	ps := gopter.NewProperties(p)
	ps.Property("encode then decode agrees with image/jpeg at every scale", prop.ForAll(
		func(w, h, q int, full, gray, opt bool, seed uint64) bool {
			var img image.Image = testimage.Photo(w, h, seed)
			if gray {
				g := image.NewGray(img.Bounds())
				copy(g.Pix, img.(*image.YCbCr).Y)
				img = g
			}
			data, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: q, Chroma444: full, OptimizeHuffman: opt})
			if err != nil {
				t.Log(err)
				return false
			}
			std, err := stdjpeg.Decode(bytes.NewReader(data))
			if err != nil {
				t.Log(err)
				return false
			}
			ours, err := jpeg.Decode(data, nil)
			if err != nil {
				t.Log(err)
				return false
			}
			if d, err := maxDiff(ours, std); err != nil || d > 1 {
				t.Log(d, err)
				return false
			}
			for _, s := range []int{2, 4, 8} {
				small, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: s})
				if err != nil || small.Bounds() != image.Rect(0, 0, (w+s-1)/s, (h+s-1)/s) {
					t.Log(s, err)
					return false
				}
			}
			return true
		},
		gen.IntRange(1, 70), gen.IntRange(1, 70), gen.IntRange(1, 100),
		gen.Bool(), gen.Bool(), gen.Bool(), gen.UInt64(),
	))
	ps.TestingRun(t)
}

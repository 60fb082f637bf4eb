package jpeg_test

import (
	"bytes"
	"fmt"
	"image"
	stdjpeg "image/jpeg"
	"os"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// sameAtQualities fails t unless Transformed.Append of img writes at each
// quality the bytes Append writes.
func sameAtQualities(t *testing.T, img image.Image, opts jpeg.EncodeOptions, qualities []int) {
	t.Helper()
	tr, err := jpeg.Transform(img, &opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qualities {
		o := opts
		o.Quality = q
		want, err := jpeg.Append(nil, img, &o)
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.Append(nil, q); !bytes.Equal(got, want) {
			t.Fatalf("quality %d: Transformed.Append wrote %d bytes, Append %d, not the same", q, len(got), len(want))
		}
	}
}

// TestTransformedSameBytes: for every input type, both kinds of Huffman
// tables, 4:4:4 and an orientation, coding a Transformed writes the bytes
// that encoding the image writes: at every quality 0 to 100 for 4:2:0,
// every seventh for the other inputs.
func TestTransformedSameBytes(t *testing.T) {
	var all, some []int
	for q := 0; q <= 100; q++ {
		all = append(all, q)
		if q%7 == 1 || q == 100 {
			some = append(some, q)
		}
	}
	for name, img := range encodeInputs() {
		qualities := some
		if name == "ycbcr420" {
			qualities = all
		}
		for _, o := range []jpeg.EncodeOptions{{}, {OptimizeHuffman: true}, {Chroma444: true}, {Orientation: 6, Concurrency: 1}} {
			t.Run(fmt.Sprintf("%s/%+v", name, o), func(t *testing.T) {
				sameAtQualities(t, img, o, qualities)
			})
		}
	}
}

// TestTransformedSameBytesLarge covers the restart intervals coded in
// parallel (an image over a megapixel), every orientation, and a real
// photograph (Portrait_6.jpg of profileimage's test data, 1800x1200), at
// the qualities a byte budget searches.
func TestTransformedSameBytesLarge(t *testing.T) {
	data, err := os.ReadFile("../../profileimage/testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	photo, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	imgs := map[string]image.Image{"portrait": photo, "synthetic": testimage.Photo(1300, 900, 5)}
	for name, img := range imgs {
		for orientation := 1; orientation <= 8; orientation++ {
			qualities := []int{84, 90}
			if orientation == 1 && !testing.Short() {
				qualities = []int{50, 61, 67, 72, 78, 83, 84, 85, 89, 90, 97}
			}
			for _, o := range []jpeg.EncodeOptions{{Concurrency: 3}, {OptimizeHuffman: true, Concurrency: 2}} {
				o.Orientation = orientation
				t.Run(fmt.Sprintf("%s/%+v", name, o), func(t *testing.T) {
					sameAtQualities(t, img, o, qualities)
				})
			}
		}
	}
}

// TestTransformErrors: Transform refuses what Append refuses.
func TestTransformErrors(t *testing.T) {
	img := testimage.Photo(16, 16, 1)
	if _, err := jpeg.Transform(img, &jpeg.EncodeOptions{Orientation: 9}); err == nil {
		t.Error("orientation 9: no error")
	}
	if _, err := jpeg.Transform(image.NewGray(image.Rect(0, 0, 0, 5)), nil); err == nil {
		t.Error("empty image: no error")
	}
}

package jpeg_test

import (
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// TestEstimateSize: counting every row estimates the typical-table size
// within 3% (most of it the headers of these small images), and one row
// in eight within 15%, on the inputs of every type
// at three qualities.
func TestEstimateSize(t *testing.T) {
	for name, img := range encodeInputs() {
		for _, q := range []int{50, 75, 90} {
			o := &jpeg.EncodeOptions{Quality: q}
			data, err := jpeg.Append(nil, img, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				step int
				tol  float64
			}{{1, 0.03}, {8, 0.15}} {
				est, err := jpeg.EstimateSize(img, o, c.step)
				if err != nil {
					t.Fatal(err)
				}
				if r := float64(est)/float64(len(data)) - 1; r > c.tol || r < -c.tol {
					t.Errorf("%s at quality %d, one row in %d: estimated %d bytes, wrote %d", name, q, c.step, est, len(data))
				}
			}
		}
	}
	if _, err := jpeg.EstimateSize(testimage.Photo(8, 8, 1), &jpeg.EncodeOptions{Orientation: 9}, 1); err == nil {
		t.Error("orientation 9: no error")
	}
}

package icc_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/icc"
	pjpeg "github.com/profileimage/profileimage/internal/jpeg"
)

// The agreement the issue asks of a colour-managed conversion: mean
// absolute difference per channel, in 1/255.
const (
	maxMeanRGB  = 2.0
	maxMeanCMYK = 3.0
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodePNG(t *testing.T, name string) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(readFixture(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func transform(t *testing.T, name string) *icc.Transform {
	t.Helper()
	p, err := icc.Parse(readFixture(t, name))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := icc.New(p)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// meanDiff compares got (R, G, B of each pixel) with want, per channel.
func meanDiff(t *testing.T, want image.Image, got func(x, y int) [3]uint8) [3]float64 {
	t.Helper()
	b := want.Bounds()
	var sum [3]float64
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bb, _ := want.At(x, y).RGBA()
			w := [3]uint32{r >> 8, g >> 8, bb >> 8}
			o := got(x, y)
			for c := range 3 {
				sum[c] += abs(float64(o[c]) - float64(w[c]))
			}
		}
	}
	n := float64(b.Dx() * b.Dy())
	return [3]float64{sum[0] / n, sum[1] / n, sum[2] / n}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestAgainstLittleCMS converts real pixels as each fixture profile says
// and compares with LittleCMS's conversion of the same pixels (see
// testdata/README.md).
func TestAgainstLittleCMS(t *testing.T) {
	photo := decodePNG(t, "photo.png").(*image.RGBA)
	for _, name := range []string{"display-p3-v4", "prophoto-v2", "compatibleWithAdobeRGB1998", "rgb-lut-v4"} {
		t.Run(name, func(t *testing.T) {
			tr := transform(t, name+".icc")
			d := meanDiff(t, decodePNG(t, "want-"+name+".png"), func(x, y int) [3]uint8 {
				i := photo.PixOffset(x, y)
				r, g, b := tr.RGB(photo.Pix[i], photo.Pix[i+1], photo.Pix[i+2])
				return [3]uint8{r, g, b}
			})
			check(t, d, maxMeanRGB)
		})
	}
	t.Run("Gray", func(t *testing.T) {
		gray := decodePNG(t, "photo-gray.png").(*image.Gray)
		tr := transform(t, "Gray.icc")
		d := meanDiff(t, decodePNG(t, "want-Gray.png"), func(x, y int) [3]uint8 {
			v := tr.Gray(gray.GrayAt(x, y).Y)
			return [3]uint8{v, v, v}
		})
		check(t, d, maxMeanRGB)
	})
	t.Run("cmyk-lut-v2", func(t *testing.T) {
		img, err := pjpeg.Decode(readFixture(t, "photo-cmyk.jpg"), nil)
		if err != nil {
			t.Fatal(err)
		}
		cmyk := img.(*image.CMYK)
		tr := transform(t, "cmyk-lut-v2.icc")
		d := meanDiff(t, decodePNG(t, "want-cmyk-lut-v2.png"), func(x, y int) [3]uint8 {
			c := cmyk.CMYKAt(x, y)
			r, g, b := tr.CMYK(c.C, c.M, c.Y, c.K)
			return [3]uint8{r, g, b}
		})
		check(t, d, maxMeanCMYK)
	})
}

func check(t *testing.T, d [3]float64, limit float64) {
	t.Helper()
	t.Logf("mean difference per channel: R %.3f G %.3f B %.3f (of 255)", d[0], d[1], d[2])
	for c, v := range d {
		if v > limit {
			t.Errorf("channel %d: mean difference %.3f above %.1f", c, v, limit)
		}
	}
}

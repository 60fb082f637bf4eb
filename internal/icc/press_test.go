package icc_test

import (
	"image"
	"testing"

	"github.com/profileimage/profileimage/internal/icc"
	pjpeg "github.com/profileimage/profileimage/internal/jpeg"
)

// TestPressAgainstLibvips: a CMYK JPEG with no profile, converted as
// FOGRA39, against libvips' conversion of it with its own built-in CMYK
// profile (vips colourspace photo-cmyk-noprofile.jpg x.png srgb, libvips
// 8.14): closer than the naive formula in every channel. Press profiles
// differ among themselves (Ghostscript's default CMYK profile is as far
// from libvips' as FOGRA39 is), so no closer agreement is asked.
func TestPressAgainstLibvips(t *testing.T) {
	img, err := pjpeg.Decode(readFixture(t, "photo-cmyk-noprofile.jpg"), nil)
	if err != nil {
		t.Fatal(err)
	}
	cmyk := img.(*image.CMYK)
	want := decodePNG(t, "want-vips-cmyk-noprofile.png")
	tr := icc.Press()
	d := meanDiff(t, want, func(x, y int) [3]uint8 {
		c := cmyk.CMYKAt(x, y)
		r, g, b := tr.CMYK(c.C, c.M, c.Y, c.K)
		return [3]uint8{r, g, b}
	})
	naive := meanDiff(t, want, func(x, y int) [3]uint8 {
		r, g, b, _ := cmyk.At(x, y).RGBA()
		return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
	})
	t.Logf("naive formula: R %.2f G %.2f B %.2f", naive[0], naive[1], naive[2])
	t.Logf("FOGRA39: R %.2f G %.2f B %.2f", d[0], d[1], d[2])
	for c := range d {
		if d[c] >= naive[c] {
			t.Errorf("channel %d: %.2f from libvips, no closer than the naive formula's %.2f", c, d[c], naive[c])
		}
	}
}

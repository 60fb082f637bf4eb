package bmp

import (
	"bytes"
	"testing"

	xbmp "golang.org/x/image/bmp"
)

// TestAgainstXImage: every fixture golang.org/x/image/bmp (the decoder
// this package replaces) decodes, this package decodes to the same
// pixels; alpha is compared except at 32 bits, where x/image takes the
// fourth byte of a V4/V5 BI_RGB pixel as alpha and keeps an alpha channel
// that is zero everywhere (see the package documentation).
func TestAgainstXImage(t *testing.T) {
	compared := 0
	for name, data := range fixtureFiles(t) {
		want, err := xbmp.Decode(bytes.NewReader(data))
		if err != nil {
			continue
		}
		compared++
		c, _ := DecodeConfig(data)
		img, err := Decode(data, 1<<20)
		if err != nil {
			t.Errorf("%s: x/image decodes it, Decode: %v", name, err)
			continue
		}
		if img.Bounds() != want.Bounds() {
			t.Errorf("%s: %v, x/image %v", name, img.Bounds(), want.Bounds())
			continue
		}
		got, exp := pixels(img), pixels(want)
	rows:
		for y := range got {
			for x := range got[y] {
				g, e := got[y][x], exp[y][x]
				if c.BitsPerPixel == 32 {
					g.A, e.A = 0, 0
				}
				if g != e {
					t.Errorf("%s: (%d,%d) = %v, x/image %v", name, x, y, got[y][x], exp[y][x])
					break rows
				}
			}
		}
	}
	if compared < 10 {
		t.Errorf("x/image decoded only %d fixtures", compared)
	}
	t.Logf("%d fixtures compared with x/image", compared)
}

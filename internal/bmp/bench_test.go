package bmp

import (
	"bytes"
	"image/color"
	"testing"

	xbmp "golang.org/x/image/bmp"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
)

// benchFiles returns 3 MP files of the common kinds: 24-bit BI_RGB, 32-bit
// V5 bit fields with alpha, 16-bit 5-6-5 bit fields and RLE8.
func benchFiles() map[string][]byte {
	const w, h = 2000, 1500
	rgb, words, idx := make([][]uint32, h), make([][]uint32, h), make([][]uint8, h)
	for y := range h {
		for x := range w {
			v := uint32(x*7+y*3) & 0xffffff
			rgb[y] = append(rgb[y], v)
			words[y] = append(words[y], v|uint32(x&0xff)<<24)
			idx[y] = append(idx[y], uint8(x/40+y/30))
		}
	}
	var pal []color.RGBA
	for i := range 256 {
		pal = append(pal, color.RGBA{uint8(i), uint8(i * 3), uint8(255 - i), 255})
	}
	argb := [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}
	return map[string][]byte{
		"rgb24":       bmptest.File(bmptest.Header{Size: 40, Width: w, Height: h, Bits: 24}, nil, nil, bmptest.Rows(rgb, 24, false)),
		"bitfields32": bmptest.File(bmptest.Header{Size: 124, Width: w, Height: h, Bits: 32, Compression: 3, Masks: argb}, nil, nil, bmptest.Rows(words, 32, false)),
		"rgb565": bmptest.File(bmptest.Header{Size: 40, Width: w, Height: h, Bits: 16, Compression: 3},
			bmptest.Masks(0xf800, 0x7e0, 0x1f), nil, bmptest.Rows(rgb, 16, false)),
		"rle8": bmptest.File(bmptest.Header{Size: 40, Width: w, Height: h, Bits: 8, Compression: 1}, nil,
			bmptest.Palette(false, pal...), bmptest.RLE(idx, false, false)),
	}
}

func BenchmarkDecode(b *testing.B) {
	for name, data := range benchFiles() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(2000 * 1500)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data, 1<<22); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkXImage decodes the 24-bit file with golang.org/x/image/bmp,
// which Decode replaces, for comparison in the same run.
func BenchmarkXImage(b *testing.B) {
	data := benchFiles()["rgb24"]
	b.SetBytes(2000 * 1500)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xbmp.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

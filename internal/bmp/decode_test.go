package bmp

import (
	"encoding/binary"
	"image"
	"image/color"
	"testing"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
)

// pixels returns img's pixels, rows top first, as NRGBA.
func pixels(img image.Image) [][]color.NRGBA {
	b := img.Bounds()
	out := make([][]color.NRGBA, b.Dy())
	for y := range out {
		for x := range b.Dx() {
			out[y] = append(out[y], color.NRGBAModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.NRGBA))
		}
	}
	return out
}

func nrgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{r, g, b, a} }

func opaque(r, g, b uint8) color.NRGBA { return color.NRGBA{r, g, b, 0xff} }

func words16(v ...uint16) []byte {
	var b []byte
	for _, w := range v {
		b = binary.LittleEndian.AppendUint16(b, w)
	}
	return b
}

func words32(v ...uint32) []byte {
	var b []byte
	for _, w := range v {
		b = binary.LittleEndian.AppendUint32(b, w)
	}
	return b
}

// TestPixelValues decodes one-row images whose pixels are worked out by
// hand: palettes, field scaling, alpha rules, byte orders.
func TestPixelValues(t *testing.T) {
	red, green, blue := color.RGBA{200, 10, 20, 255}, color.RGBA{5, 150, 6, 255}, color.RGBA{1, 2, 250, 255}
	four := bmptest.Palette(false, red, green, blue, gray(77))
	tests := []struct {
		name string
		data []byte
		want []color.NRGBA
		typ  string
	}{
		{"2-bit palette", bmptest.File(bmptest.Header{Size: 40, Width: 5, Height: 1, Bits: 2, ColorsUsed: 4}, nil, four,
			[]byte{0b00011011, 0b01000000, 0, 0}),
			[]color.NRGBA{opaque(200, 10, 20), opaque(5, 150, 6), opaque(1, 2, 250), opaque(77, 77, 77), opaque(5, 150, 6)}, "nrgba"},
		{"1-bit core palette", bmptest.File(bmptest.Header{Size: 12, Width: 3, Height: 1, Bits: 1}, nil,
			bmptest.Palette(true, red, green), []byte{0b10100000, 0, 0, 0}),
			[]color.NRGBA{opaque(5, 150, 6), opaque(200, 10, 20), opaque(5, 150, 6)}, "nrgba"},
		{"gray palette is *image.Gray", bmptest.File(bmptest.Header{Size: 40, Width: 3, Height: 1, Bits: 4, ColorsUsed: 2}, nil,
			bmptest.Palette(false, gray(30), gray(220)), []byte{0x01, 0x50, 0, 0}),
			// index 5 lies past the two-entry palette: black
			[]color.NRGBA{opaque(30, 30, 30), opaque(220, 220, 220), opaque(0, 0, 0)}, "gray"},
		{"index past the palette is black", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 1, Bits: 8, ColorsUsed: 1}, nil,
			bmptest.Palette(false, red), []byte{0, 200, 0, 0}),
			[]color.NRGBA{opaque(200, 10, 20), opaque(0, 0, 0)}, "nrgba"},
		{"palette cut by the offset", bmptest.File(bmptest.Header{Size: 40, Width: 3, Height: 1, Bits: 8, Offset: 14 + 40 + 8}, nil,
			bmptest.Palette(false, red, green), []byte{0, 1, 2, 0}),
			[]color.NRGBA{opaque(200, 10, 20), opaque(5, 150, 6), opaque(0, 0, 0)}, "nrgba"},
		{"offset 0: the pixels follow the palette", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 1, Bits: 8, ColorsUsed: 2, Offset: bmptest.ZeroOffset}, nil,
			bmptest.Palette(false, red, green), []byte{1, 0, 0, 0}),
			[]color.NRGBA{opaque(5, 150, 6), opaque(200, 10, 20)}, "nrgba"},
		{"offset at the header's end: the pixels follow the palette", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 1, Bits: 8, ColorsUsed: 2, Offset: 54}, nil,
			bmptest.Palette(false, red, green), []byte{1, 0, 0, 0}),
			[]color.NRGBA{opaque(5, 150, 6), opaque(200, 10, 20)}, "nrgba"},
		{"16-bit BI_RGB is 5-5-5", bmptest.File(bmptest.Header{Size: 40, Width: 3, Height: 1, Bits: 16}, nil, nil,
			words16(0x7fff, 1<<10|3<<5|0x10, 0x8000)),
			[]color.NRGBA{opaque(255, 255, 255), opaque(8, 24, 132), opaque(0, 0, 0)}, "nrgba"},
		{"5-6-5 bit fields", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 1, Bits: 16, Compression: 3},
			bmptest.Masks(0xf800, 0x7e0, 0x1f), nil, words16(3<<11|11<<5|24, 28<<11|52<<5|7)),
			// replication: 3 -> 24, 11 (6 bits) -> 44, 24 -> 198, 28 -> 231, 52 -> 211, 7 -> 57
			[]color.NRGBA{opaque(24, 44, 198), opaque(231, 211, 57)}, "nrgba"},
		{"4-4-4-4 with alpha", bmptest.File(bmptest.Header{Size: 56, Width: 2, Height: 1, Bits: 16, Compression: 3,
			Masks: [4]uint32{0xf00, 0xf0, 0xf, 0xf000}}, nil, nil, words16(0xf1a3, 0x0fff)),
			[]color.NRGBA{nrgba(17, 170, 51, 255), nrgba(255, 255, 255, 0)}, "nrgba"},
		{"1-bit alpha", bmptest.File(bmptest.Header{Size: 124, Width: 2, Height: 1, Bits: 16, Compression: 3,
			Masks: [4]uint32{0x7c00, 0x3e0, 0x1f, 0x8000}}, nil, nil, words16(0x8000|31<<10, 31)),
			[]color.NRGBA{nrgba(255, 0, 0, 255), nrgba(0, 0, 255, 0)}, "nrgba"},
		{"10-10-10-2 keeps the top 8 bits, 2-bit alpha replicated", bmptest.File(bmptest.Header{Size: 124, Width: 2, Height: 1, Bits: 32, Compression: 3,
			Masks: [4]uint32{0x3ff00000, 0xffc00, 0x3ff, 0xc0000000}}, nil, nil,
			words32(3<<30|1023<<20|512<<10|3, 1<<30|100<<20|203<<10|300)),
			[]color.NRGBA{nrgba(255, 128, 0, 255), nrgba(25, 50, 75, 85)}, "nrgba"},
		{"RGB order reversed", bmptest.File(bmptest.Header{Size: 40, Width: 1, Height: 1, Bits: 32, Compression: 3},
			bmptest.Masks(0xff, 0xff00, 0xff0000), nil, words32(0x112233)),
			[]color.NRGBA{opaque(0x33, 0x22, 0x11)}, "nrgba"},
		{"24-bit bit fields", bmptest.File(bmptest.Header{Size: 40, Width: 1, Height: 1, Bits: 24, Compression: 3},
			bmptest.Masks(0xff0000, 0xff00, 0xff), nil, []byte{1, 2, 3, 0}),
			[]color.NRGBA{opaque(3, 2, 1)}, "nrgba"},
		{"zero masks mean BI_RGB's", bmptest.File(bmptest.Header{Size: 40, Width: 1, Height: 1, Bits: 32, Compression: 3},
			bmptest.Masks(0, 0, 0), nil, []byte{1, 2, 3, 4}),
			[]color.NRGBA{opaque(3, 2, 1)}, "nrgba"},
		{"alpha bit fields after a 40-byte header", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 1, Bits: 32, Compression: 6},
			bmptest.Masks(0xff, 0xff00, 0xff0000, 0xff000000), nil, words32(0x80112233, 0x00445566)),
			[]color.NRGBA{nrgba(0x33, 0x22, 0x11, 0x80), nrgba(0x66, 0x55, 0x44, 0)}, "nrgba"},
		{"32-bit BI_RGB: the fourth byte is not alpha", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 1, Bits: 32}, nil, nil,
			[]byte{1, 2, 3, 0, 4, 5, 6, 128}),
			[]color.NRGBA{opaque(3, 2, 1), opaque(6, 5, 4)}, "nrgba"},
		{"V5 alpha mask over BI_RGB: not alpha", bmptest.File(bmptest.Header{Size: 124, Width: 2, Height: 1, Bits: 32,
			Masks: [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}}, nil, nil, []byte{1, 2, 3, 0, 4, 5, 6, 128}),
			[]color.NRGBA{opaque(3, 2, 1), opaque(6, 5, 4)}, "nrgba"},
		{"V5 alpha, some zero", bmptest.File(bmptest.Header{Size: 124, Width: 2, Height: 1, Bits: 32, Compression: 3,
			Masks: [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}}, nil, nil, []byte{1, 2, 3, 0, 4, 5, 6, 128}),
			[]color.NRGBA{nrgba(3, 2, 1, 0), nrgba(6, 5, 4, 128)}, "nrgba"},
		{"V5 alpha, all zero: opaque", bmptest.File(bmptest.Header{Size: 124, Width: 2, Height: 1, Bits: 32, Compression: 3,
			Masks: [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}}, nil, nil, []byte{1, 2, 3, 0, 4, 5, 6, 0}),
			[]color.NRGBA{opaque(3, 2, 1), opaque(6, 5, 4)}, "nrgba"},
		{"4-bit alpha, all zero: opaque", bmptest.File(bmptest.Header{Size: 56, Width: 1, Height: 1, Bits: 16, Compression: 3,
			Masks: [4]uint32{0xf00, 0xf0, 0xf, 0xf000}}, nil, nil, words16(0x0123)),
			[]color.NRGBA{opaque(17, 34, 51)}, "nrgba"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			img, err := Decode(tc.data, 100)
			if err != nil {
				t.Fatal(err)
			}
			typ := map[bool]string{true: "gray", false: "nrgba"}[isGray(img)]
			if _, ok := img.(*image.NRGBA); !ok && typ == "nrgba" {
				typ = "other"
			}
			got := pixels(img)
			if typ != tc.typ || len(got) != 1 || len(got[0]) != len(tc.want) {
				t.Fatalf("got %s %v, want %s of %d pixels", typ, got, tc.typ, len(tc.want))
			}
			for x, c := range got[0] {
				if c != tc.want[x] {
					t.Errorf("pixel %d: %v, want %v", x, c, tc.want[x])
				}
			}
		})
	}
}

func isGray(img image.Image) bool {
	_, ok := img.(*image.Gray)
	return ok
}

// TestRowOrder: rows are stored bottom up, or top down for a negative
// height, and each row is padded to 4 bytes.
func TestRowOrder(t *testing.T) {
	rows := [][]uint32{{0x0000ff, 0x00ff00, 0xff0000}, {0x010203, 0x040506, 0x070809}}
	for _, topDown := range []bool{false, true} {
		h := 2
		if topDown {
			h = -2
		}
		data := bmptest.File(bmptest.Header{Size: 40, Width: 3, Height: h, Bits: 24}, nil, nil, bmptest.Rows(rows, 24, topDown))
		img, err := Decode(data, 6)
		if err != nil {
			t.Fatal(err)
		}
		got := pixels(img)
		for y, r := range rows {
			for x, v := range r {
				if want := opaque(uint8(v>>16), uint8(v>>8), uint8(v)); got[y][x] != want {
					t.Errorf("top-down %v: (%d,%d) = %v, want %v", topDown, x, y, got[y][x], want)
				}
			}
		}
	}
}

// TestReplicate checks the field scaling against its definition: the
// field's bits written out again and again, the first 8 kept.
func TestReplicate(t *testing.T) {
	for n := uint(1); n <= 8; n++ {
		for v := range uint32(1) << n {
			s := ""
			for len(s) < 8 {
				for b := int(n) - 1; b >= 0; b-- {
					s += string('0' + byte(v>>b&1))
				}
			}
			want := 0
			for _, c := range s[:8] {
				want = want<<1 | int(c-'0')
			}
			if got := replicate(v, n); int(got) != want {
				t.Fatalf("replicate(%d, %d) = %d, want %d", v, n, got, want)
			}
		}
	}
}

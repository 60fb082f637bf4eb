package bmp

import (
	"image/color"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
)

// randomCase is a BMP written by bmptest from random pixels, and the
// image it must decode to, worked out here without the decoder's code.
type randomCase struct {
	what string
	data []byte
	want [][]color.NRGBA
}

// scaleField is the oracle for field scaling: the n-bit value v written
// out again and again, the first 8 bits kept; for n > 8 the top 8 bits.
func scaleField(v uint32, n int) uint8 {
	if n > 8 {
		return uint8(v >> (n - 8))
	}
	var out, got int
	for got < 8 {
		for b := n - 1; b >= 0 && got < 8; b-- {
			out, got = out<<1|int(v>>b&1), got+1
		}
	}
	return uint8(out)
}

func randomPaletteCase(r *rand.Rand, w, h int) randomCase {
	bpp := []int{1, 2, 4, 8}[r.IntN(4)]
	size := []int{12, 40, 64, 124}[r.IntN(4)]
	method := uint32(0)
	switch r.IntN(3) {
	case 1:
		if bpp == 8 || bpp == 4 {
			method = uint32(8 / bpp) // RLE8 or RLE4
			size = []int{40, 124}[r.IntN(2)]
		}
	}
	colors := 1 << bpp
	used := uint32(0)
	if size >= 40 && r.IntN(2) == 0 {
		used = uint32(1 + r.IntN(colors))
	}
	n := colors
	if used != 0 {
		n = int(used)
	}
	pal := make([]color.RGBA, n)
	grayOnly := r.IntN(3) == 0
	for i := range pal {
		c := color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
		if grayOnly {
			c.G, c.B = c.R, c.R
		}
		pal[i] = c
	}
	idx := make([][]uint32, h)
	idx8 := make([][]uint8, h)
	want := make([][]color.NRGBA, h)
	for y := range h {
		for range w {
			v := uint32(r.IntN(colors)) // may lie past a short palette: black
			idx[y] = append(idx[y], v)
			idx8[y] = append(idx8[y], uint8(v))
			c := color.NRGBA{0, 0, 0, 255}
			if int(v) < n {
				c = color.NRGBA{pal[v].R, pal[v].G, pal[v].B, 255}
			}
			want[y] = append(want[y], c)
		}
	}
	topDown := size != 12 && r.IntN(2) == 0
	hd := bmptest.Header{Size: size, Width: w, Height: h, Bits: bpp, Compression: method, ColorsUsed: used}
	if topDown {
		hd.Height = -h
	}
	var pixels []byte
	if method != 0 {
		pixels = bmptest.RLE(idx8, method == 2, topDown)
	} else {
		pixels = bmptest.Rows(idx, bpp, topDown)
	}
	return randomCase{"palette", bmptest.File(hd, nil, bmptest.Palette(size == 12, pal...), pixels), want}
}

// randomMasks returns four non-overlapping masks (red, green, blue of 1 to
// 10 bits, alpha of 0 to 8) in a random order with random gaps, within
// bpp bits.
func randomMasks(r *rand.Rand, bpp int) [4]uint32 {
	var widths [4]int
	for {
		for i := range 3 {
			widths[i] = 1 + r.IntN(min(10, bpp/3))
		}
		widths[3] = r.IntN(9)
		if widths[0]+widths[1]+widths[2]+widths[3] <= bpp {
			break
		}
	}
	var masks [4]uint32
	at := 0
	for _, ch := range r.Perm(4) {
		free := bpp - at
		for _, w := range widths {
			free -= w
		}
		for _, m := range masks {
			free += bits.OnesCount32(m)
		}
		at += r.IntN(free/2 + 1)
		masks[ch] = uint32((uint64(1)<<widths[ch] - 1) << at)
		at += widths[ch]
	}
	return masks
}

func randomTrueColorCase(r *rand.Rand, w, h int) randomCase {
	bpp := []int{16, 24, 32}[r.IntN(3)]
	var masks [4]uint32
	method := uint32(0)
	size := []int{40, 52, 56, 108, 124}[r.IntN(5)]
	switch r.IntN(3) {
	case 0: // BI_RGB
		masks = [4]uint32{0xff0000, 0xff00, 0xff, 0}
		if bpp == 16 {
			masks = [4]uint32{0x7c00, 0x3e0, 0x1f, 0}
		}
	case 1:
		method = 3
		masks = randomMasks(r, bpp)
		if size < 56 {
			masks[3] = 0
		}
	case 2:
		method, size = 6, 40
		masks = randomMasks(r, bpp)
	}
	var extra []byte
	switch {
	case method == 3 && size == 40:
		extra = bmptest.Masks(masks[:3]...)
	case method == 6:
		extra = bmptest.Masks(masks[:]...)
	}
	topDown := r.IntN(2) == 0
	hd := bmptest.Header{Size: size, Width: w, Height: h, Bits: bpp, Compression: method, Masks: masks}
	if method == 0 && size >= 56 {
		hd.Masks[3] = 0xff000000 // an alpha mask BI_RGB ignores
	}
	if topDown {
		hd.Height = -h
	}
	values := make([][]uint32, h)
	want := make([][]color.NRGBA, h)
	anyAlpha := false
	for y := range h {
		for range w {
			v := uint32(r.Uint64() & (1<<bpp - 1))
			if r.IntN(4) == 0 {
				v &^= masks[3] // zero alpha is common
			}
			values[y] = append(values[y], v)
			var c [4]uint8
			for i, m := range masks {
				if m != 0 {
					c[i] = scaleField((v&m)>>bits.TrailingZeros32(m), bits.OnesCount32(m))
				}
			}
			if masks[3] == 0 {
				c[3] = 255
			}
			anyAlpha = anyAlpha || c[3] != 0
			want[y] = append(want[y], color.NRGBA{c[0], c[1], c[2], c[3]})
		}
	}
	if !anyAlpha {
		for y := range want {
			for x := range want[y] {
				want[y][x].A = 255
			}
		}
	}
	return randomCase{"true colour", bmptest.File(hd, extra, nil, bmptest.Rows(values, bpp, topDown)), want}
}

// TestPropertyRoundTrip writes random images in random variants (palette
// depths, RLE, header sizes, row orders, bit field layouts, short
// palettes) and decodes them back to the pixels written.
func TestPropertyRoundTrip(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 2000
	if testing.Short() {
		params.MinSuccessfulTests = 300
	}
	properties := gopter.NewProperties(params)
	properties.Property("a written image decodes to its pixels", prop.ForAll(func(seed uint64) string {
		r := rand.New(rand.NewPCG(seed, seed>>7))
		w, h := 1+r.IntN(40), 1+r.IntN(12)
		tc := randomTrueColorCase(r, w, h)
		if r.IntN(2) == 0 {
			tc = randomPaletteCase(r, w, h)
		}
		img, err := Decode(tc.data, int64(w*h))
		if err != nil {
			return tc.what + ": " + err.Error()
		}
		got := pixels(img)
		for y := range tc.want {
			for x := range tc.want[y] {
				if got[y][x] != tc.want[y][x] {
					return tc.what + ": pixel (" + itoa(x) + "," + itoa(y) + ") differs"
				}
			}
		}
		return ""
	}, gen.UInt64()))
	properties.TestingRun(t)
}

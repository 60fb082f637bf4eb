package bmp

import (
	"image/color"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
)

// rlePalette gives index i the colour (i, 255-i, 7): every index of RLE8
// and RLE4 has its own colour, so indices can be read back from pixels.
func rlePalette() []byte {
	var cs []color.RGBA
	for i := range 256 {
		cs = append(cs, color.RGBA{uint8(i), uint8(255 - i), 7, 255})
	}
	return bmptest.Palette(false, cs...)
}

// decodeIndices decodes an RLE file of the rlePalette and returns its
// palette indices, rows top first.
func decodeIndices(t *testing.T, data []byte) ([][]int, error) {
	t.Helper()
	img, err := Decode(data, 1<<20)
	if err != nil {
		return nil, err
	}
	var out [][]int
	for _, r := range pixels(img) {
		var row []int
		for _, c := range r {
			if c.G != 255-c.R || c.B != 7 || c.A != 255 {
				t.Fatalf("colour %v is no palette entry", c)
			}
			row = append(row, int(c.R))
		}
		out = append(out, row)
	}
	return out, nil
}

func rleFile(w, h int, four bool, data []byte) []byte {
	hd := bmptest.Header{Size: 40, Width: w, Height: h, Bits: 8, Compression: 1}
	if four {
		hd.Bits, hd.Compression = 4, 2
	}
	pal := rlePalette()
	if four {
		pal = pal[:16*4]
	}
	return bmptest.File(hd, nil, pal, data)
}

// TestRLE decodes hand-made RLE data with its edge cases. Rows of want
// are top first; the data is stored bottom up (top down for a negative
// height). Where libvips (through ImageMagick) or Pillow read a case
// differently, the comment says how.
func TestRLE(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		four bool
		data []byte
		want string // rows top first, "|" between them; or "error: " and a detail
	}{
		{"runs, absolute, end of line, end of bitmap", 4, 3, false,
			[]byte{4, 1, 0, 0, 2, 2, 2, 3, 0, 0, 0, 3, 4, 5, 6, 0, 0, 0, 0, 1}, "4 5 6 0|2 2 3 3|1 1 1 1"},
		{"no end of bitmap", 4, 3, false,
			[]byte{4, 1, 0, 0, 2, 2, 2, 3, 0, 0, 4, 4, 0, 0}, "4 4 4 4|2 2 3 3|1 1 1 1"},
		{"no end of line after the last row", 4, 3, false,
			[]byte{4, 1, 0, 0, 2, 2, 2, 3, 0, 0, 4, 4}, "4 4 4 4|2 2 3 3|1 1 1 1"},
		{"data after the last row is ignored", 2, 1, false,
			[]byte{2, 9, 0, 0, 200, 200, 200}, "9 9"},
		{"early end of bitmap: index 0 for the rest", 4, 3, false,
			[]byte{4, 1, 0, 1}, "0 0 0 0|0 0 0 0|1 1 1 1"}, // libvips agrees; Pillow 9.4 refuses it
		{"delta", 4, 3, false,
			[]byte{1, 1, 0, 2, 2, 1, 1, 3, 0, 1}, "0 0 0 0|0 0 0 3|1 0 0 0"}, // libvips agrees
		{"delta past the image ends it", 4, 3, false,
			[]byte{1, 1, 0, 2, 200, 200, 1, 3, 0, 1}, "0 0 0 0|0 0 0 0|1 0 0 0"},
		{"delta right stops at the row's end", 3, 2, false,
			[]byte{1, 1, 0, 2, 9, 0, 1, 5, 0, 0, 1, 6, 0, 1}, "6 0 0|1 0 0"},
		{"encoded run past the row's end is cut", 4, 2, false,
			[]byte{6, 1, 0, 0, 2, 2, 0, 1}, "2 2 0 0|1 1 1 1"},
		{"encoded run past the row's end, no end of line", 4, 2, false,
			[]byte{6, 1, 2, 2, 0, 1}, "0 0 0 0|1 1 1 1"}, // libvips spills the run into the next row: 1 1 2 2
		{"absolute run past the row's end is cut", 4, 2, false,
			[]byte{0, 6, 1, 2, 3, 4, 5, 6, 0, 0, 0, 1}, "0 0 0 0|1 2 3 4"}, // libvips spills: 5 6 0 0
		{"absolute run of odd length is padded", 3, 2, false,
			[]byte{0, 3, 7, 8, 9, 0, 0, 0, 3, 4, 0, 1}, "4 4 4|7 8 9"},
		{"absolute run's padding may be missing at the end", 3, 1, false,
			[]byte{0, 3, 7, 8, 9}, "7 8 9"},
		{"top down", 4, -2, false,
			[]byte{4, 1, 0, 0, 2, 2, 2, 3, 0, 1}, "1 1 1 1|2 2 3 3"},
		{"top down delta moves down", 3, -3, false,
			[]byte{1, 5, 0, 2, 1, 1, 1, 6, 0, 1}, "5 0 0|0 0 6|0 0 0"},
		{"RLE4 encoded runs take both nibbles by turns", 5, 1, true,
			[]byte{5, 0x12, 0, 1}, "1 2 1 2 1"},
		{"RLE4 absolute run of odd length", 5, 1, true,
			[]byte{0, 5, 0x12, 0x34, 0x50, 0, 0, 1}, "1 2 3 4 5"}, // Pillow 9.4 reads 4 pixels
		{"RLE4 absolute run of three, padded to a word", 4, 2, true,
			[]byte{0, 3, 0x56, 0x70, 4, 0x99, 0, 1}, "0 0 0 0|5 6 7 9"},
		{"RLE4 delta", 4, 2, true,
			[]byte{1, 0x30, 0, 2, 1, 1, 2, 0xab, 0, 1}, "0 0 10 11|3 0 0 0"},

		{"truncated run", 4, 3, false, []byte{4, 1, 0, 0, 2}, "error: RLE data ends"},
		{"truncated mid-row", 4, 3, false, []byte{4, 1, 0, 0, 2, 2}, "error: RLE data ends"},
		{"truncated delta", 4, 3, false, []byte{4, 1, 0, 2, 1}, "error: RLE data ends"},
		{"truncated absolute run", 4, 3, false, []byte{0, 4, 1, 2, 3}, "error: RLE data ends"},
		{"truncated RLE4 absolute run", 5, 1, true, []byte{0, 5, 0x12, 0x34}, "error: RLE data ends"},
		{"no data", 4, 3, false, nil, "error: RLE data ends"},
		{"only end of lines", 2, 3, false, []byte{0, 0, 0, 0}, "error: RLE data ends"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeIndices(t, rleFile(tc.w, tc.h, tc.four, tc.data))
			if want, ok := strings.CutPrefix(tc.want, "error: "); ok {
				if errKind(err) != "format" || !strings.Contains(err.Error(), want) {
					t.Fatalf("got %v, %v; want a FormatError with %q", got, err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, r := range got {
				rows = append(rows, fmtInts(r))
			}
			if s := strings.Join(rows, "|"); s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

func fmtInts(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = itoa(x)
	}
	return strings.Join(s, " ")
}

package gif

import (
	"errors"
	"image"
	"image/color"
	"runtime"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/gif/giftest"
)

func ramp(w, h int) []int {
	v := make([]int, w*h)
	for i := range v {
		v[i] = (i%w + i/w) % 4
	}
	return v
}

// TestScanAfterTheFirstFrame: what follows the first frame is counted as
// far as it can be read, and never fails the walk.
func TestScanAfterTheFirstFrame(t *testing.T) {
	head := giftest.Screen(6, 4, giftest.Four, 0)
	first := giftest.Frame{X: 1, Y: 1, W: 4, H: 2, Pixels: ramp(4, 2)}.Bytes()
	second := giftest.Frame{W: 6, H: 4, Pixels: ramp(6, 4)}.Bytes()
	outside := giftest.Frame{X: 5, Y: 3, W: 6, H: 4, Pixels: ramp(6, 4)}.Bytes()
	tests := []struct {
		name        string
		data        []byte
		frames      int
		transparent bool
		rest        string // a substring of Rest, "" for none
	}{
		{"one frame", giftest.File(head, first, []byte{giftest.Trailer}), 1, false, ""},
		{"no trailer", giftest.File(head, first), 1, false, "no trailer"},
		{"three frames", giftest.File(head, first, second, second, []byte{giftest.Trailer}), 3, false, ""},
		{"a later frame outside", giftest.File(head, first, outside, []byte{giftest.Trailer}), 2, false, ""},
		{"a later frame without data", giftest.File(head, first, second[:11], []byte{0, giftest.Trailer}), 2, false, ""},
		{"cut in the second frame", giftest.File(head, first, second[:len(second)-3]), 2, false, "truncated"},
		{"cut in the second descriptor", giftest.File(head, first, second[:5]), 1, false, "truncated image descriptor"},
		{"unknown block", giftest.File(head, first, []byte{0x99}, second, []byte{giftest.Trailer}), 1, false, "unknown block type 0x99"},
		{"cut in an extension", giftest.File(head, first, []byte{0x21, 0xfe, 5, 'a'}), 1, false, "truncated"},
		{"transparency of the second frame", giftest.File(head, first, giftest.GraphicControl(2, 0), second, []byte{giftest.Trailer}), 2, true, ""},
		{"transparency of no frame", giftest.File(head, first, giftest.GraphicControl(2, 0), []byte{giftest.Trailer}), 1, false, ""},
		{"transparency of a cut frame", giftest.File(head, first, giftest.GraphicControl(2, 0), second[:12]), 2, true, "truncated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := Scan(tc.data, nil)
			if err != nil {
				t.Fatal(err)
			}
			if l.Frames != tc.frames || l.Transparent != tc.transparent || l.Frame != image.Rect(1, 1, 5, 3) || l.Width != 6 || l.Height != 4 {
				t.Errorf("got %+v", l)
			}
			var fe FormatError
			if tc.rest == "" && l.Rest != nil || tc.rest != "" && (!errors.As(l.Rest, &fe) || !strings.Contains(l.Rest.Error(), tc.rest)) {
				t.Errorf("Rest = %v, want %q", l.Rest, tc.rest)
			}
			if _, err := FirstFrame(tc.data, 1<<20); err != nil {
				t.Errorf("FirstFrame: %v", err)
			}
		})
	}
}

// TestScanVisitsExtensions: visit sees each whole extension's label and
// first sub-block, in order, and nothing after the walk stops.
func TestScanVisitsExtensions(t *testing.T) {
	data := giftest.File(giftest.Screen(2, 2, giftest.Four, 0),
		[]byte{0x21, 0xfe, 3, 'a', 'b', 'c', 2, 'd', 'e', 0},
		giftest.Frame{W: 2, H: 2, Pixels: ramp(2, 2)}.Bytes(),
		[]byte{0x21, 0xff, 0, 0x21, 0x01},
	)
	var got []string
	_, err := Scan(data, func(label byte, first []byte) { got = append(got, string(append([]byte{label}, first...))) })
	if err != nil || len(got) != 2 || got[0] != "\xfeabc" || got[1] != "\xff" {
		t.Errorf("visited %q, %v", got, err)
	}
}

// TestScanRefuses: damage up to the end of the first frame is an error,
// of the type and with the detail that the validator passes on.
func TestScanRefuses(t *testing.T) {
	head := giftest.Screen(4, 4, giftest.Four, 0)
	frame := func(f giftest.Frame) []byte { return giftest.File(head, f.Bytes(), []byte{giftest.Trailer}) }
	whole := frame(giftest.Frame{W: 4, H: 4, Pixels: ramp(4, 4)})
	tests := []struct {
		name, detail string
		data         []byte
	}{
		{"not a GIF", "not a GIF", []byte("GIF90a")},
		{"short header", "truncated logical screen", whole[:12]},
		{"zero height", "zero width or height (4x0)", giftest.File(giftest.Screen(4, 0, nil, 0), whole[13+12:])},
		{"cut in the global table", "truncated global colour table", whole[:20]},
		{"nothing after the screen", "truncated before the first frame", whole[:25]},
		{"trailer first", "no image data", giftest.File(head, []byte{giftest.Trailer})},
		{"unknown block first", "unknown block type 0x0 at offset 25", giftest.File(head, []byte{0})},
		{"cut in an extension", "truncated", giftest.File(head, []byte{0x21, 0xfe, 9, 'x'})},
		{"cut in the descriptor", "truncated image descriptor of frame 0", whole[:30]},
		{"cut in the local table", "truncated local colour table of frame 0",
			giftest.File(head, giftest.Frame{W: 4, H: 4, Table: giftest.Four, Pixels: ramp(4, 4)}.Bytes()[:14])},
		{"cut before the code size", "truncated image data of frame 0", whole[:35]},
		{"cut in the data", "the first frame is truncated", whole[:len(whole)-3]},
		{"empty", "the first frame (0x4 at 0,0) has no image data", frame(giftest.Frame{H: 4, Pixels: nil})},
		{"no data", "has no image data", frame(giftest.Frame{W: 4, H: 4, Data: []byte{}})},
		{"no data, no table", "has no image data and no colour table",
			giftest.File(giftest.Screen(4, 4, nil, 0), giftest.Frame{W: 4, H: 4, Data: []byte{}}.Bytes())},
		{"code size 12", "LZW code size 12 in the first frame", frame(giftest.Frame{W: 4, H: 4, LitWidth: 12, Data: []byte{0, 0}})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Scan(tc.data, nil)
			var fe FormatError
			if err == nil || !strings.Contains(err.Error(), tc.detail) || !errors.As(err, &fe) {
				t.Errorf("Scan: %v, want an error containing %q", err, tc.detail)
			}
			if img, ferr := FirstFrame(tc.data, 1<<20); img != nil || ferr == nil || ferr.Error() != err.Error() {
				t.Errorf("FirstFrame: %v, %v; want Scan's error", img, ferr)
			}
		})
	}
}

// TestFirstFrameImageType: a palette with room or a transparent index
// gives an *image.Paletted; a full table with neither the empty colour nor
// a transparent index gives an *image.NRGBA; the pixels are the same.
func TestFirstFrameImageType(t *testing.T) {
	full := make([]byte, 0, 768)
	for i := range 256 {
		full = append(full, byte(i), byte(255-i), 128)
	}
	blackFirst := append([]byte{0, 0, 0}, full[3:]...)
	tests := []struct {
		name        string
		table       []byte
		transparent int
		paletted    bool
		empty       color.NRGBA
	}{
		{"four colours", giftest.Four, -1, true, color.NRGBA{A: 0xff}},
		{"full, no black", full, -1, false, color.NRGBA{A: 0xff}},
		{"full, black at 0", blackFirst, -1, true, color.NRGBA{A: 0xff}},
		{"full, transparent", full, 7, true, color.NRGBA{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := giftest.File(giftest.Screen(5, 3, tc.table, 0), giftest.GraphicControl(tc.transparent, 0),
				giftest.Frame{X: 1, Y: 1, W: 3, H: 1, LitWidth: 8, Pixels: []int{7, 200, 255}}.Bytes(), []byte{giftest.Trailer})
			img, err := FirstFrame(data, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := img.(*image.Paletted); ok != tc.paletted {
				t.Errorf("%T", img)
			}
			m := nrgba(img)
			for y := range 3 {
				for x := range 5 {
					want := tc.empty
					if y == 1 && x >= 1 && x <= 3 {
						i := []int{7, 200, 255}[x-1]
						switch {
						case i == tc.transparent:
							want = color.NRGBA{}
						case 3*i < len(tc.table):
							want = color.NRGBA{tc.table[3*i], tc.table[3*i+1], tc.table[3*i+2], 0xff}
						}
					}
					if got := m.NRGBAAt(x, y); got != want {
						t.Errorf("(%d,%d) = %v, want %v", x, y, got, want)
					}
				}
			}
		})
	}
}

// TestFirstFrameLimit: a screen above the limit is refused before any
// pixel is allocated.
func TestFirstFrameLimit(t *testing.T) {
	data := giftest.File(giftest.Screen(65535, 65535, giftest.Four, 0), giftest.Frame{W: 1, H: 1, Pixels: []int{1}}.Bytes(), []byte{giftest.Trailer})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	img, err := FirstFrame(data, 1<<30)
	runtime.ReadMemStats(&after)
	var le *LimitError
	if img != nil || !errors.As(err, &le) || le.Width != 65535 || le.Height != 65535 || le.Limit != 1<<30 {
		t.Fatalf("%v, %v", img, err)
	}
	if used := after.TotalAlloc - before.TotalAlloc; used > 4<<10 {
		t.Errorf("allocated %d bytes before refusing", used)
	}
	if _, err := FirstFrame(data, 0); !errors.As(err, &le) {
		t.Errorf("limit 0: %v", err)
	}
}

// TestLZWWidthAndTable drives the decoder through code-width growth up to
// 12 bits, a full table with and without a clear code, and KwKwK codes,
// against giftest's coder and hand-written codes.
func TestLZWWidthAndTable(t *testing.T) {
	for _, lit := range []int{1, 2, 3, 7, 8, 11} {
		values := make([]int, 9000)
		for i := range values {
			values[i] = (i*7 + i/13) % (1 << lit)
		}
		data := giftest.SubBlocks(giftest.LZW(values, lit), 0)
		var got []int
		err := decodeLZW(newSubBlocks(data, 0), lit, func(v []uint16) bool {
			for _, x := range v {
				got = append(got, int(x))
			}
			return true
		})
		if err != nil || len(got) != len(values) {
			t.Fatalf("lit %d: %d values, %v", lit, len(got), err)
		}
		for i := range values {
			if got[i] != values[i] {
				t.Fatalf("lit %d: value %d is %d, want %d", lit, i, got[i], values[i])
			}
		}
	}
	// lit 2: clear, 1, 6 (=1,1, being defined), 7 (=1,1,1), then at 4 bits
	// 3 and the end code.
	data := giftest.SubBlocks([]byte{0x8c, 0x3f, 0x05}, 0)
	var got []uint16
	err := decodeLZW(newSubBlocks(data, 0), 2, func(v []uint16) bool { got = append(got, v...); return true })
	if err != nil || len(got) != 7 || got[0] != 1 || got[5] != 1 || got[6] != 3 {
		t.Errorf("KwKwK: %v, %v", got, err)
	}
}

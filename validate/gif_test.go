package validate

import (
	"errors"
	"image"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/gif"
	"github.com/profileimage/profileimage/internal/gif/giftest"
	"github.com/profileimage/profileimage/vendors"
)

func gifRamp(w, h int) []int {
	v := make([]int, w*h)
	for i := range v {
		v[i] = i % 4
	}
	return v
}

// TestInspectLenientGIF: the GIFs libvips and Pillow open, which image/gif
// refuses, are inspected as the first-frame decoder reads them.
func TestInspectLenientGIF(t *testing.T) {
	head := giftest.Screen(20, 10, giftest.Four, 0)
	first := giftest.Frame{X: 3, Y: 2, W: 5, H: 4, Pixels: gifRamp(5, 4)}.Bytes()
	full := giftest.Frame{W: 20, H: 10, Pixels: gifRamp(20, 10)}.Bytes()
	end := []byte{giftest.Trailer}
	tests := []struct {
		name   string
		data   []byte
		frames int
		alpha  bool
	}{
		{"first frame smaller than the screen", giftest.File(head, first, end), 1, false},
		{"a later frame outside the screen", giftest.File(head, full, giftest.Frame{X: 15, Y: 5, W: 10, H: 10, Pixels: gifRamp(10, 10)}.Bytes(), end), 2, false},
		{"no colour table at all", giftest.File(giftest.Screen(20, 10, nil, 0), first, end), 1, false},
		{"too little LZW data", giftest.File(head, giftest.Frame{W: 20, H: 10, Pixels: gifRamp(3, 1)}.Bytes(), end), 1, false},
		{"too much LZW data", giftest.File(head, giftest.Frame{W: 2, H: 2, Pixels: gifRamp(20, 10)}.Bytes(), end), 1, false},
		{"LZW code size 1", giftest.File(head, giftest.Frame{W: 2, H: 2, LitWidth: 1, Pixels: []int{0, 1, 1, 0}}.Bytes(), end), 1, false},
		{"cut in the second frame", giftest.File(head, full, giftest.GraphicControl(1, 0), full[:30]), 2, true},
		{"unknown block after the first frame", giftest.File(head, full, []byte{0x99, 1, 2, 3}, full, end), 1, false},
		{"no trailer", giftest.File(head, full, full), 2, false},
		{"transparency of a later frame", giftest.File(head, first, giftest.GraphicControl(0, 2), full, end), 2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != vendors.GIF || info.Width != 20 || info.Height != 10 || info.Frames != tc.frames || info.HasAlpha != tc.alpha {
				t.Errorf("got %+v", info)
			}
			if _, err := gif.FirstFrame(tc.data, 1<<20); err != nil {
				t.Errorf("the decoder refuses it: %v", err)
			}
		})
	}
}

// TestInspectGIFFirstFrameBeyondTheScreen: a first frame that reaches
// beyond the logical screen grows it, as libvips and Pillow grow it, so
// Info's size is the size decoded, and the pixel cap is judged on it (the
// largest growth, a 65535x65535 frame at 65535,65535, is over the cap).
func TestInspectGIFFirstFrameBeyondTheScreen(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		w, h int
	}{
		{"partly outside", gifFile(10, 10, [4]int{5, 5, 10, 10}), 15, 15},
		{"wholly outside", gifFile(10, 10, [4]int{20, 0, 4, 4}), 24, 10},
		{"the largest growth", gifFile(1, 1, [4]int{65535, 65535, 65535, 65535}), 131070, 131070},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if err != nil || info.Width != tc.w || info.Height != tc.h {
				t.Fatalf("Inspect: %+v, %v; want %dx%d", info, err, tc.w, tc.h)
			}
			over := int64(tc.w)*int64(tc.h) > DefaultLimits().MaxPixels
			err = Check(info, vendors.Profile{Name: "any", Accept: vendors.Formats()})
			if over != errors.Is(err, ErrTooManyPixels) {
				t.Errorf("Check: %v (over the cap: %v)", err, over)
			}
			if over {
				return
			}
			img, err := gif.FirstFrame(tc.data, 1<<20)
			if err != nil || img.Bounds() != image.Rect(0, 0, tc.w, tc.h) {
				t.Errorf("FirstFrame: %v, %v; want %dx%d", img, err, tc.w, tc.h)
			}
		})
	}
}

// TestPropertyInspectGIFIsTheDecoders: on damaged GIFs, Inspect rejects
// exactly what gif.Scan rejects, as corrupt with its detail, and never
// rejects what the first-frame decoder takes.
func TestPropertyInspectGIFIsTheDecoders(t *testing.T) {
	head := giftest.Screen(12, 9, giftest.Four, 0)
	seeds := [][]byte{
		giftest.File(head, giftest.GraphicControl(2, 0), giftest.Frame{X: 2, Y: 1, W: 6, H: 5, Pixels: gifRamp(6, 5)}.Bytes(),
			giftest.Frame{W: 12, H: 9, Interlaced: true, Pixels: gifRamp(12, 9)}.Bytes(), []byte{giftest.Trailer}),
		giftest.File(giftest.Screen(12, 9, nil, 0), []byte{0x21, 0xfe, 2, 'h', 'i', 0},
			giftest.Frame{W: 12, H: 9, Table: giftest.Four, Pixels: gifRamp(40, 9)}.Bytes(), []byte{giftest.Trailer}),
	}
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 2000
	if testing.Short() {
		params.MinSuccessfulTests = 200
	}
	properties := gopter.NewProperties(params)
	properties.Property("Inspect's GIF verdict is gif.Scan's",
		prop.ForAll(func(seed int, cut float64, at uint16, xor uint8) bool {
			s := seeds[seed]
			data := append([]byte(nil), s[:max(7, min(len(s), int(cut*float64(len(s)))))]...)
			data[6+int(at)%(len(data)-6)] ^= xor // the signature stays
			_, ierr := Inspect(data)
			_, serr := gif.Scan(data, nil)
			_, derr := gif.FirstFrame(data, 1<<20)
			var e *Error
			switch {
			case serr == nil:
				return ierr == nil
			case !errors.As(ierr, &e) || e.Reason != vendors.ReasonCorrupt || derr == nil:
				return false
			}
			return true
		}, gen.IntRange(0, len(seeds)-1), gen.Float64Range(0.2, 1.5), gen.UInt16(), gen.UInt8()))
	properties.TestingRun(t)
}

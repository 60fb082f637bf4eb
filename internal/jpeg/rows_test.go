package jpeg_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// TestRows checks the row callback: bands arrive in order, cover every row
// once, are final when handed out, and an error stops the decode.
func TestRows(t *testing.T) {
	inputs := map[string][]byte{
		"baseline": testimage.JPEG(testimage.Photo(301, 157, 4), 90),
	}
	if dir := testimage.GoTestdata(); dir != "" {
		if progressive, err := os.ReadFile(filepath.Join(dir, "video-001.progressive.jpeg")); err == nil {
			inputs["progressive"] = progressive
		} else {
			t.Logf("progressive input dropped: %v", err)
		}
	} else {
		t.Log("progressive input dropped: no Go image/testdata")
	}
	for name, data := range inputs {
		for _, s := range []int{1, 2, 8} {
			var bands [][2]int
			var snapshot []byte
			img, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: s, Rows: func(img image.Image, y0, y1 int) error {
				bands = append(bands, [2]int{y0, y1})
				m := img.(*image.YCbCr)
				for y := y0; y < y1; y++ {
					o := m.YOffset(0, y)
					snapshot = append(snapshot, m.Y[o:o+m.Rect.Dx()]...)
				}
				return nil
			}})
			if err != nil {
				t.Fatal(err)
			}
			h := img.Bounds().Dy()
			next := 0
			for _, b := range bands {
				if b[0] != next || b[1] <= b[0] {
					t.Fatalf("%s 1/%d: bands %v", name, s, bands)
				}
				next = b[1]
			}
			if next != h {
				t.Fatalf("%s 1/%d: bands %v end at %d, height %d", name, s, bands, next, h)
			}
			if name == "baseline" {
				// One band per MCU row: an MCU is 8×(largest vertical
				// sampling factor) rows at full size, 1/s of that scaled.
				cfg, err := jpeg.DecodeConfig(data)
				if err != nil {
					t.Fatal(err)
				}
				vmax := 1
				for _, p := range cfg.Sampling {
					vmax = max(vmax, p.Y)
				}
				mcu := 8 * vmax / s
				if want := (h + mcu - 1) / mcu; len(bands) != want || want < 2 {
					t.Errorf("baseline 1/%d: %d bands, want one per MCU row (%d)", s, len(bands), want)
				}
			}
			m := img.(*image.YCbCr)
			var final []byte
			for y := 0; y < h; y++ {
				o := m.YOffset(0, y)
				final = append(final, m.Y[o:o+m.Rect.Dx()]...)
			}
			if !bytes.Equal(snapshot, final) {
				t.Errorf("%s 1/%d: rows changed after being handed out", name, s)
			}
		}
	}
	stop := errors.New("stop")
	_, err := jpeg.Decode(inputs["baseline"], &jpeg.DecodeOptions{Rows: func(image.Image, int, int) error { return stop }})
	if !errors.Is(err, stop) {
		t.Errorf("callback error: got %v", err)
	}
}

// TestDecodeContext: a cancelled context stops the decode with its error.
func TestDecodeContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := testimage.JPEG(testimage.Photo(64, 64, 1), 90)
	if _, err := jpeg.DecodeContext(ctx, data, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

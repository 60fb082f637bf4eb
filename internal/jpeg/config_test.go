package jpeg_test

import (
	"bytes"
	"image"
	stdjpeg "image/jpeg"
	"runtime"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// TestDecodeConfig: for every test image, DecodeConfig gives image/jpeg's
// size and colour model, the colour model of the image Decode returns, and
// for Y'CbCr its subsampling ratio.
func TestDecodeConfig(t *testing.T) {
	for _, in := range allInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			want, werr := stdjpeg.DecodeConfig(bytes.NewReader(in.data))
			got, err := jpeg.DecodeConfig(in.data)
			if (werr != nil) != (err != nil) {
				t.Fatalf("image/jpeg error %v, ours %v", werr, err)
			}
			if err != nil {
				return
			}
			if got.Width != want.Width || got.Height != want.Height || got.ColorModel != want.ColorModel {
				t.Errorf("%dx%d %v, image/jpeg %dx%d %v", got.Width, got.Height, got.ColorModel, want.Width, want.Height, want.ColorModel)
			}
			if len(got.Sampling) != got.Components {
				t.Errorf("%d sampling factors for %d components", len(got.Sampling), got.Components)
			}
			img, err := jpeg.Decode(in.data, nil)
			if err != nil {
				return // a truncated stream has a valid header
			}
			if img.ColorModel() != got.ColorModel {
				t.Errorf("colour model %v, Decode's %v", got.ColorModel, img.ColorModel())
			}
			if m, ok := img.(*image.YCbCr); ok && m.SubsampleRatio != got.Subsample {
				t.Errorf("subsampling %v, Decode's %v", got.Subsample, m.SubsampleRatio)
			}
		})
	}
}

// TestDecodeConfigNoLimit: DecodeConfig reports the size of a header of
// any size; the pixel limit is Decode's.
func TestDecodeConfigNoLimit(t *testing.T) {
	cfg, err := jpeg.DecodeConfig(sofOnly(65535, 65535))
	if err != nil || cfg.Width != 65535 || cfg.Height != 65535 || cfg.Components != 1 {
		t.Errorf("got %+v, %v; want a 65535×65535 gray header", cfg, err)
	}
}

// TestDecodeConfigAllocates: DecodeConfig reads the header without
// allocating for tables or pixels; only the Sampling slice is allocated.
func TestDecodeConfigAllocates(t *testing.T) {
	data := testimage.JPEG(testimage.Photo(640, 480, 3), 90)
	if allocs := testing.AllocsPerRun(100, func() {
		if _, err := jpeg.DecodeConfig(data); err != nil {
			t.Fatal(err)
		}
	}); allocs > 1 {
		t.Errorf("%.1f allocations per call, want at most 1", allocs)
	}
	const n = 1000
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < n; i++ {
		if _, err := jpeg.DecodeConfig(data); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if b := (after.TotalAlloc - before.TotalAlloc) / n; b >= 1024 {
		t.Errorf("%d bytes allocated per call, want under 1 KiB", b)
	} else {
		t.Logf("%d bytes allocated per call", b)
	}
}

package bmp

import (
	"bytes"
	"errors"
	"image"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
)

// fixtureFiles returns every BMP under testdata.
func fixtureFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, fx := range fixtures(t) {
		data, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(fx.name)))
		if err != nil {
			t.Fatal(err)
		}
		out[fx.name] = data
	}
	return out
}

// sane reports whether Decode's result for data is a typed error and no
// image, or an *image.Gray or *image.NRGBA of the size DecodeConfig
// reads, opaque unless the header declares alpha.
func sane(data []byte, img image.Image, err error) bool {
	if err != nil {
		return img == nil && errKind(err) != "untyped"
	}
	c, cerr := DecodeConfig(data)
	if cerr != nil || img.Bounds() != image.Rect(0, 0, c.Width, c.Height) {
		return false
	}
	switch m := img.(type) {
	case *image.Gray:
		return c.Paletted
	case *image.NRGBA:
		return c.HasAlpha || m.Opaque()
	}
	return false
}

// TestLimitBeforeAllocation: a header claiming more pixels than the limit
// is refused with a LimitError carrying the claimed size, before the
// pixel data is looked at and without allocating the image (the error's
// text aside).
func TestLimitBeforeAllocation(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		maxPixels int64
		limit     int64
	}{
		{"RLE 65535x65535 in a few bytes", rleFile(65535, 65535, false, []byte{0, 1}), 1 << 24, 1 << 24},
		{"24-bit 30000x30000 with no pixels", bmptest.File(bmptest.Header{Size: 40, Width: 30000, Height: 30000, Bits: 24}, nil, nil, nil), 1 << 24, 1 << 24},
		{"2^31-1 by 2^31, caller without a limit", bmptest.File(bmptest.Header{Size: 40, Width: math.MaxInt32, Height: -1 << 31, Bits: 32}, nil, nil, nil), math.MaxInt64, maxImage},
		{"a limit of 0", rleFile(1, 1, false, []byte{1, 0, 0, 1}), 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var (
				err           error
				before, after runtime.MemStats
			)
			runtime.ReadMemStats(&before)
			for range 10 {
				_, err = Decode(tc.data, tc.maxPixels)
			}
			runtime.ReadMemStats(&after)
			var le *LimitError
			c, _ := DecodeConfig(tc.data)
			if !errors.As(err, &le) || le.Limit != tc.limit || le.Width != c.Width || le.Height != c.Height {
				t.Fatalf("got %v, want a LimitError at %d", err, tc.limit)
			}
			if n := (after.TotalAlloc - before.TotalAlloc) / 10; n > 1024 {
				t.Errorf("%d bytes allocated before refusing", n)
			}
		})
	}
}

// TestRLEBoundedWork feeds RLE data that makes no progress or overruns
// everything: the decode ends (with an error or an image) and writes only
// inside the image.
func TestRLEBoundedWork(t *testing.T) {
	n := 1 << 20
	if testing.Short() {
		n = 1 << 16
	}
	tests := []struct {
		name string
		unit []byte
	}{
		{"null deltas", []byte{0, 2, 0, 0}},
		{"runs of 255 into one pixel", []byte{255, 1}},
		{"absolute runs of 255", append([]byte{0, 255}, make([]byte, 256)...)},
		{"deltas right", []byte{0, 2, 255, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := bytes.Repeat(tc.unit, n/len(tc.unit))
			for _, f := range [][]byte{rleFile(3, 2, false, data), rleFile(3, 2, true, data)} {
				img, err := Decode(f, 1<<20)
				if !sane(f, img, err) {
					t.Fatalf("got %v, %v", img, err)
				}
			}
		})
	}
}

// TestTruncatedEverywhere cuts every fixture at every byte: no panic, a
// typed error or a sane image, and for an uncompressed file an error
// whenever the cut reaches into its pixels (the last row's padding
// aside).
func TestTruncatedEverywhere(t *testing.T) {
	for name, full := range fixtureFiles(t) {
		c, err := DecodeConfig(full)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		stride, size := c.stride()
		need := c.offset + stride*(c.Height-1) + size
		step := 1
		if testing.Short() {
			step = 7
		}
		for n := 0; n < len(full); n += step {
			img, err := Decode(full[:n], 1<<20)
			if !sane(full[:n], img, err) {
				t.Fatalf("%s cut at %d: %v, %v", name, n, img, err)
			}
			if err == nil && c.Compression != RLE8 && c.Compression != RLE4 && n < need {
				t.Fatalf("%s cut at %d of the %d its pixels need: accepted", name, n, need)
			}
		}
	}
}

// TestPropertyDamaged: any fixture with a few bytes changed decodes to a
// typed error or a sane image.
func TestPropertyDamaged(t *testing.T) {
	var seeds [][]byte
	for _, data := range fixtureFiles(t) {
		seeds = append(seeds, data)
	}
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 5000
	if testing.Short() {
		params.MinSuccessfulTests = 500
	}
	properties := gopter.NewProperties(params)
	properties.Property("three changed bytes: a typed error or a sane image",
		prop.ForAll(func(seed int, at []float64, xor []uint8) bool {
			data := bytes.Clone(seeds[seed])
			for i := range at {
				// the headers more often than the pixels
				p := int(at[i] * at[i] * float64(len(data)-1))
				data[p] ^= xor[i%len(xor)]
			}
			img, err := Decode(data, 1<<20)
			return sane(data, img, err)
		}, gen.IntRange(0, len(seeds)-1), gen.SliceOfN(3, gen.Float64Range(0, 1)), gen.SliceOfN(3, gen.UInt8Range(1, 255))))
	properties.TestingRun(t)
}

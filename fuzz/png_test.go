package fuzz

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/pngfix"
	"github.com/profileimage/profileimage/validate"
)

// decodeSmallPNG decodes data with image/png when its header claims at
// most a megapixel (so that the fuzzer cannot make it allocate gigabytes).
func decodeSmallPNG(data []byte) (image.Image, bool) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || int64(cfg.Width)*int64(cfg.Height) > 1<<20 {
		return nil, false
	}
	img, err := png.Decode(bytes.NewReader(data))
	return img, err == nil
}

// FuzzPNGRepair checks pngfix.Repair: no panic; the output is at most an
// IEND chunk longer than the input; repairing it again returns it itself
// (nothing left to fix, no copy); a stream image/png decodes still decodes
// after Repair, at the same size; and when Inspect accepts the input and
// the repaired stream decodes, they agree on the size.
func FuzzPNGRepair(f *testing.F) {
	for _, s := range imageSeeds(f, 16<<10) {
		if bytes.HasPrefix(s, []byte(pngfix.Signature)) {
			f.Add(s)
		}
	}
	names, _ := filepath.Glob("../internal/pngfix/testdata/*.png")
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out := pngfix.Repair(data)
		if len(out) > len(data)+12 {
			t.Fatalf("Repair grew %d bytes to %d", len(data), len(out))
		}
		if again := pngfix.Repair(out); len(again) != len(out) || len(out) > 0 && &again[0] != &out[0] {
			t.Fatalf("a repaired stream was changed again (%d to %d bytes)", len(out), len(again))
		}
		before, okBefore := decodeSmallPNG(data)
		after, okAfter := decodeSmallPNG(out)
		if okBefore && (!okAfter || after.Bounds() != before.Bounds()) {
			t.Fatalf("image/png decodes the input (%v) but not the repaired stream", before.Bounds())
		}
		if info, err := validate.Inspect(data); err == nil && okAfter {
			if sz := after.Bounds().Size(); sz.X != info.Width || sz.Y != info.Height {
				t.Fatalf("Inspect %dx%d, repaired stream decodes to %v", info.Width, info.Height, sz)
			}
		}
	})
}

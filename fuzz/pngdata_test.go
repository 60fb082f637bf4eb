package fuzz

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/pngdata"
	"github.com/profileimage/profileimage/internal/pngdata/pngdatatest"
)

// pngSeeds returns the interlaced PngSuite files of internal/pngdata's
// testdata, the PNGs of imageSeeds, and image data made in code: a byte
// short, a bad filter type, an interlaced image with empty passes.
func pngSeeds(tb testing.TB) [][]byte {
	var seeds [][]byte
	names, _ := filepath.Glob("../internal/pngdata/testdata/*.png")
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil {
			seeds = append(seeds, data)
		}
	}
	for _, s := range imageSeeds(tb, 16<<10) {
		if bytes.HasPrefix(s, []byte(pngdatatest.Signature)) {
			seeds = append(seeds, s)
		}
	}
	rows := pngdatatest.RowSizes(5, 3, 6, 16, true)
	data := pngdatatest.Filtered(rows, 0, 1)
	bad := pngdatatest.Filtered(rows, 7, 1)
	return append(seeds,
		pngdatatest.Image(5, 3, 6, 16, true, pngdatatest.Zlib(data)),
		pngdatatest.Image(5, 3, 6, 16, true, pngdatatest.Zlib(data[:len(data)-1])),
		pngdatatest.Image(5, 3, 6, 16, true, pngdatatest.Zlib(bad)),
		pngdatatest.Image(3, 7, 3, 2, false, pngdatatest.Zlib(pngdatatest.Filtered(pngdatatest.RowSizes(3, 7, 3, 2, false), 4, 2))))
}

// FuzzPNGData checks that pngdata.Verify never panics, fails only with a
// FormatError, and agrees with image/png on every file whose image is
// small: Verify passes exactly when image/png decodes the file's image
// data alone (pngdatatest.Clean: the IHDR, a stub palette, the first IDAT
// run up to the end of its zlib stream).
func FuzzPNGData(f *testing.F) {
	for _, s := range pngSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := pngdata.Verify(context.Background(), data)
		var fe pngdata.FormatError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("untyped error %#v", err)
		}
		clean, ok := pngdatatest.Clean(data)
		if !ok {
			if err == nil {
				t.Fatal("Verify passes a file without an IHDR chunk first or without image data")
			}
			return
		}
		if w, h := binary.BigEndian.Uint32(clean[16:]), binary.BigEndian.Uint32(clean[20:]); uint64(w)*uint64(h) > 1<<16 {
			return // image/png would allocate the whole image
		}
		_, decodeErr := png.Decode(bytes.NewReader(clean))
		if (err == nil) != (decodeErr == nil) {
			t.Fatalf("Verify: %v; image/png on the image data alone: %v", err, decodeErr)
		}
	})
}

package pngdata_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/pngdata"
	"github.com/profileimage/profileimage/internal/pngdata/pngdatatest"
	"github.com/profileimage/profileimage/internal/testimage"
)

// combos are every colour type with every bit depth the specification
// allows for it.
var combos = []struct{ colorType, depth byte }{
	{0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1}, {3, 2}, {3, 4}, {3, 8},
	{4, 8}, {4, 16}, {6, 8}, {6, 16},
}

func decodes(b []byte) error {
	_, err := png.Decode(bytes.NewReader(b))
	return err
}

// TestRowGeometryAgreesWithImagePNG: for every colour type and depth,
// interlaced or not, and sizes where Adam7 passes are empty, image data of
// exactly the rows the specification gives (written out pixel by pixel in
// pngdatatest.RowSizes) passes, and one byte less or more fails, as
// image/png decides too.
func TestRowGeometryAgreesWithImagePNG(t *testing.T) {
	// Every pass is empty or not somewhere in 1..9; 17 has two 8x8 tiles
	// and a bit.
	sizes := map[bool][]int{false: {1, 2, 7, 9}, true: {1, 2, 3, 4, 5, 8, 9, 17}}
	if testing.Short() {
		sizes[true] = []int{1, 2, 3, 5, 9}
	}
	for _, c := range combos {
		for _, interlaced := range []bool{false, true} {
			sizes := sizes[interlaced]
			for _, w := range sizes {
				for _, h := range sizes {
					data := pngdatatest.Filtered(pngdatatest.RowSizes(w, h, c.colorType, c.depth, interlaced), 0, uint32(w*h))
					for _, d := range []struct {
						name string
						data []byte
						ok   bool
					}{
						{"exact", data, true},
						{"a byte short", data[:len(data)-1], false},
						{"a byte over", append(data[:len(data):len(data)], 0), false},
					} {
						file := pngdatatest.Image(w, h, c.colorType, c.depth, interlaced, pngdatatest.Zlib(d.data))
						err := pngdata.Verify(context.Background(), file)
						if (err == nil) != d.ok || (decodes(file) == nil) != d.ok {
							t.Fatalf("type %d depth %d interlaced %v %dx%d, %s: Verify %v, image/png %v",
								c.colorType, c.depth, interlaced, w, h, d.name, err, decodes(file))
						}
					}
				}
			}
		}
	}
}

// TestRealFiles: the interlaced PngSuite files in testdata, and every file
// of PngSuite in the test corpus, pass exactly when
// image/png decodes their image data alone (pngdatatest.Clean), the
// deliberately broken x*.png included.
func TestRealFiles(t *testing.T) {
	names, _ := filepath.Glob("testdata/*.png")
	if len(names) == 0 {
		t.Fatal("no testdata")
	}
	more, _ := filepath.Glob(filepath.Join(testimage.Corpus(t, "pngsuite"), "*.png"))
	names = append(names, more...)
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		err = pngdata.Verify(context.Background(), b)
		clean, ok := pngdatatest.Clean(b)
		want := ok && decodes(clean) == nil
		if (err == nil) != want {
			t.Errorf("%s: Verify %v; image/png on its image data alone: ok %v", filepath.Base(name), err, want)
		}
		if !strings.HasPrefix(filepath.Base(name), "x") && decodes(b) == nil && err != nil {
			t.Errorf("%s: image/png decodes it, Verify says %v", filepath.Base(name), err)
		}
	}
}

// photo is a 64x48 RGBA PNG from image/png of a noisy picture (so that
// its image data does not compress to nothing), and the offset and length
// of its single IDAT chunk's payload.
func photo(t *testing.T) (file []byte, at, n int) {
	t.Helper()
	src := testimage.PhotoWithAlpha(64, 48, 3)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&buf, src); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	for p := 8; p+12 <= len(b); {
		l := int(binary.BigEndian.Uint32(b[p:]))
		if string(b[p+4:p+8]) == "IDAT" {
			if bytes.Count(b, []byte("IDAT")) != 1 {
				t.Fatal("want one IDAT chunk")
			}
			return b, p + 8, l
		}
		p += 12 + l
	}
	t.Fatal("no IDAT")
	return nil, 0, 0
}

// withIDAT rebuilds file with its IDAT payload replaced by the given
// chunks (each becomes one chunk, with a correct CRC).
func withIDAT(file []byte, at, n int, chunks ...[]byte) []byte {
	var out []byte
	out = append(out, file[:at-8]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, file[at+n+4:]...)
}

func TestDamage(t *testing.T) {
	file, at, n := photo(t)
	data := file[at : at+n]
	idat := func(d []byte) []byte { return pngdatatest.Chunk("IDAT", d) }
	flip := func(i int) []byte {
		d := bytes.Clone(data)
		d[i] ^= 0x55
		return d
	}
	inflated := pngdatatest.Filtered(pngdatatest.RowSizes(64, 48, 6, 8, false), 0, 1)
	badFilter := bytes.Clone(inflated)
	badFilter[(1+64*4)*7] = 5 // row 7
	for _, tc := range []struct {
		name string
		file []byte
		ok   bool
		want string // in the error
	}{
		{"intact", file, true, ""},
		{"a stored block's length damaged", withIDAT(file, at, n, idat(flip(4))), false, "flate: corrupt input"},
		{"the Adler-32 checksum damaged", withIDAT(file, at, n, idat(flip(n-1))), false, "checksum"},
		{"the second half missing", withIDAT(file, at, n, idat(data[:n/2])), false, "not enough pixel data"},
		{"no image data at all", withIDAT(file, at, n, idat(nil)), false, "no zlib stream"},
		{"no IDAT chunk", withIDAT(file, at, n), false, "no image data"},
		{"a bad filter type", withIDAT(file, at, n, idat(pngdatatest.Zlib(badFilter))), false, "bad filter type 5 in row 7"},
		{"a row too many", withIDAT(file, at, n, idat(pngdatatest.Zlib(append(inflated, make([]byte, 257)...)))), false, "too much pixel data"},
		{"split in three IDAT chunks, one empty", withIDAT(file, at, n, idat(data[:100]), idat(nil), idat(data[100:])), true, ""},
		{"bytes after the zlib stream, and an IDAT more", withIDAT(file, at, n, idat(append(bytes.Clone(data), 1, 2, 3)), idat([]byte{9})), true, ""},
		{"the run broken by another chunk", withIDAT(file, at, n, idat(data[:100]), pngdatatest.Chunk("tEXt", []byte("a\x00b")), idat(data[100:])), false, "not enough pixel data"},
		{"an IDAT running past the end", append(bytes.Clone(file[:at-8]), idat(data)[:40]...), false, "runs past the end"},
		{"not a PNG", file[1:], false, "not a PNG"},
		{"IHDR too short", pngdatatest.File(pngdatatest.Chunk("IHDR", make([]byte, 12))), false, "13-byte IHDR"},
		{"a zero width", pngdatatest.Image(0, 4, 0, 8, false, pngdatatest.Zlib(nil)), false, "image size"},
		{"a bad depth", pngdatatest.Image(4, 4, 2, 4, false, pngdatatest.Zlib(nil)), false, "bit depth"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := pngdata.Verify(context.Background(), tc.file)
			var fe pngdata.FormatError
			switch {
			case tc.ok && err != nil:
				t.Fatalf("got %v, want nil", err)
			case !tc.ok && (!errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("got %v, want a FormatError saying %q", err, tc.want)
			}
			// image/png agrees, but for the bytes after the stream (see
			// the package doc) and the IDAT cut at the end of the file,
			// where it stops at the missing IEND first.
			if ok := decodes(tc.file) == nil; ok != tc.ok && !strings.Contains(tc.name, "after the zlib") {
				t.Errorf("image/png says %v", decodes(tc.file))
			}
		})
	}
}

func TestContextIsChecked(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 2000, 1500)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := pngdata.Verify(ctx, buf.Bytes()); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if err := pngdata.Verify(context.Background(), buf.Bytes()); err != nil {
		t.Errorf("uncancelled: %v", err)
	}
}

// TestAllocationsDoNotGrow: a file of many IDAT chunks allocates what a
// file of one does.
func TestAllocationsDoNotGrow(t *testing.T) {
	file, at, n := photo(t)
	data := file[at : at+n]
	var many [][]byte
	for i := 0; i < n; i += 16 {
		many = append(many, pngdatatest.Chunk("IDAT", data[i:min(i+16, n)]))
	}
	split := withIDAT(file, at, n, many...)
	allocs := func(b []byte) float64 {
		return testing.AllocsPerRun(20, func() {
			if err := pngdata.Verify(context.Background(), b); err != nil {
				t.Fatal(err)
			}
		})
	}
	if one, all := allocs(file), allocs(split); all > one {
		t.Errorf("%d IDAT chunks: %.0f allocations, one chunk: %.0f", len(many), all, one)
	}
}

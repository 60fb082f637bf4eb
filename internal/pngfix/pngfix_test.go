package pngfix

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
)

// stops are the fixtures that libpng's defaults refuse (testdata/make.py
// says how each was made); every other fixture has a reference decode by
// libvips in testdata/ref.
var stops = map[string]string{
	"ihdr-bad-crc.png":            "a critical chunk's CRC",
	"plte-bad-crc.png":            "a critical chunk's CRC",
	"idat-bad-crc.png":            "a critical chunk's CRC",
	"iend-bad-crc.png":            "a critical chunk's CRC",
	"idat-cut.png":                "image data cut",
	"no-iend-idat-short.png":      "image data too short",
	"plte-duplicate.png":          "two palettes",
	"plte-palette-bad-length.png": "a palette of 47 bytes",
	"plte-rgb-after-trns.png":     "libpng stops: tRNS must come after PLTE",
}

func fixtures(t *testing.T) []string {
	t.Helper()
	names, err := filepath.Glob("testdata/*.png")
	if err != nil || len(names) < 30 {
		t.Fatalf("fixtures: %v, %d files", err, len(names))
	}
	return names
}

func decode(t *testing.T, data []byte) (image.Image, error) {
	t.Helper()
	return png.Decode(bytes.NewReader(data))
}

// TestRepairMatchesLibvips decodes every fixture through Repair and
// image/png: the ones libpng reads must give libvips' pixels exactly, the
// ones libpng's defaults refuse must still fail.
func TestRepairMatchesLibvips(t *testing.T) {
	agree := 0
	for _, name := range fixtures(t) {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			img, err := decode(t, Repair(data))
			if why, ok := stops[base]; ok {
				if err == nil {
					t.Fatalf("decoded %v; libpng stops (%s)", img.Bounds(), why)
				}
				return
			}
			if err != nil {
				t.Fatalf("libvips decodes it, we do not: %v", err)
			}
			refData, err := os.ReadFile(filepath.Join("testdata", "ref", base))
			if err != nil {
				t.Fatal(err)
			}
			ref, err := decode(t, refData)
			if err != nil {
				t.Fatal(err)
			}
			if at, differ := testimage.Diff(img, ref); differ {
				t.Fatalf("%v differs from libvips' %v at %v", img.Bounds(), ref.Bounds(), at)
			}
			agree++
		})
	}
	if agree != len(fixtures(t))-len(stops) {
		t.Errorf("%d fixtures agree with libvips, want %d", agree, len(fixtures(t))-len(stops))
	}
}

// TestRepairLeavesGoodStreams: a stream that needs nothing is returned
// itself, without an allocation, and so is every repaired stream when it
// is repaired again.
func TestRepairLeavesGoodStreams(t *testing.T) {
	var good [][]byte
	for _, dir := range []string{testimage.Corpus(t, "pngsuite"), testimage.GoTestdata()} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.png"))
		for _, name := range names {
			if strings.HasPrefix(filepath.Base(name), "x") && strings.Contains(dir, "pngsuite") {
				continue
			}
			data, err := os.ReadFile(name)
			if err == nil && len(data) > 0 {
				if _, err := decode(t, data); err == nil {
					good = append(good, data)
				}
			}
		}
	}
	for _, name := range fixtures(t) {
		data, _ := os.ReadFile(name)
		good = append(good, Repair(data))
	}
	if len(good) < 60 {
		t.Fatalf("only %d streams found", len(good))
	}
	for i, data := range good {
		if out := Repair(data); len(out) != len(data) || &out[0] != &data[0] {
			t.Errorf("stream %d: Repair changed a stream that needs nothing (%d to %d bytes)", i, len(data), len(out))
		}
	}
	if n := testing.AllocsPerRun(20, func() { Repair(good[0]) }); n != 0 {
		t.Errorf("Repair of a good stream allocates %v times", n)
	}
}

// TestRepairKeepsCorruptSuiteFiles: PngSuite's deliberately damaged
// files stay undecodable.
func TestRepairKeepsCorruptSuiteFiles(t *testing.T) {
	dir := testimage.Corpus(t, "pngsuite")
	names, _ := filepath.Glob(filepath.Join(dir, "x*.png"))
	if len(names) < 10 {
		t.Fatalf("only %d x*.png files", len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if img, err := decode(t, Repair(data)); err == nil {
			t.Errorf("%s: decoded %v after Repair", filepath.Base(name), img.Bounds())
		}
	}
}

func mkChunk(typ string, data []byte) []byte {
	return appendChunk(nil, typ, data)
}

func stream(chunks ...[]byte) []byte {
	return append([]byte(Signature), bytes.Join(chunks, nil)...)
}

func ihdr(w, h uint32, depth, colorType byte) []byte {
	d := binary.BigEndian.AppendUint32(nil, w)
	d = binary.BigEndian.AppendUint32(d, h)
	return mkChunk("IHDR", append(d, depth, colorType, 0, 0, 0))
}

// TestStreamDecisions checks each rule on its own, as Inspect sees it.
func TestStreamDecisions(t *testing.T) {
	type step struct {
		typ  string
		data []byte
		crc  bool
		want Action
	}
	header := func(colorType, depth byte) step {
		return step{"IHDR", append(make([]byte, 8), depth, colorType, 0, 0, 0), true, Keep}
	}
	plte := func(n int) []byte { return make([]byte, 3*n) }
	tests := []struct {
		name  string
		steps []step
	}{
		{"ancillary CRC", []step{header(2, 8), {"tEXt", nil, false, Drop}, {"IDAT", nil, true, Keep}}},
		{"critical CRC", []step{header(2, 8), {"IDAT", nil, false, Stop}}},
		{"unknown critical CRC", []step{header(2, 8), {"ABCD", nil, false, Stop}}},
		{"IHDR not first", []step{{"tEXt", nil, true, Stop}}},
		{"IHDR short", []step{{"IHDR", make([]byte, 12), true, Stop}}},
		{"second IHDR", []step{header(2, 8), {"IHDR", make([]byte, 13), true, Stop}}},
		{"gray PLTE", []step{header(0, 8), {"PLTE", plte(4), true, Drop}, {"PLTE", plte(4), true, Stop}}},
		{"RGB PLTE after tRNS", []step{header(2, 8), {"tRNS", make([]byte, 6), true, Keep}, {"PLTE", plte(4), true, Stop}}},
		{"palette without PLTE", []step{header(3, 8), {"IDAT", nil, true, Stop}}},
		{"palette PLTE after IDAT", []step{header(3, 8), {"PLTE", plte(2), true, Keep}, {"IDAT", nil, true, Keep}, {"PLTE", plte(2), true, Stop}}},
		{"RGB PLTE", []step{header(2, 8), {"PLTE", plte(4), true, Keep}}},
		{"RGB PLTE bad length", []step{header(6, 8), {"PLTE", make([]byte, 7), true, Drop}}},
		{"RGB PLTE after IDAT", []step{header(2, 8), {"IDAT", nil, true, Keep}, {"PLTE", plte(4), true, Drop}}},
		{"palette too long", []step{header(3, 2), {"PLTE", plte(5), true, Trim}, {"tRNS", make([]byte, 5), true, Drop}, {"tRNS", make([]byte, 4), true, Keep}}},
		{"palette 8-bit 256", []step{header(3, 8), {"PLTE", plte(256), true, Keep}}},
		{"palette 257", []step{header(3, 8), {"PLTE", plte(257), true, Stop}}},
		{"palette 0", []step{header(3, 8), {"PLTE", nil, true, Stop}}},
		{"tRNS before PLTE", []step{header(3, 8), {"tRNS", []byte{0}, true, Drop}, {"PLTE", plte(2), true, Keep}, {"tRNS", []byte{0}, true, Keep}}},
		{"tRNS duplicate", []step{header(0, 8), {"tRNS", []byte{0, 0}, true, Keep}, {"tRNS", []byte{0, 0}, true, Drop}}},
		{"tRNS after a bad one", []step{header(0, 8), {"tRNS", []byte{0}, true, Drop}, {"tRNS", []byte{0, 0}, true, Keep}}},
		{"tRNS RGB", []step{header(2, 16), {"tRNS", make([]byte, 6), true, Keep}}},
		{"tRNS with alpha", []step{header(4, 8), {"tRNS", make([]byte, 2), true, Drop}}},
		{"tRNS after IDAT", []step{header(2, 8), {"IDAT", nil, true, Keep}, {"tRNS", make([]byte, 6), true, Drop}}},
		{"tRNS empty palette", []step{header(3, 8), {"PLTE", plte(2), true, Keep}, {"tRNS", nil, true, Drop}}},
		{"IEND with data", []step{header(2, 8), {"IDAT", nil, true, Keep}, {"IEND", []byte{1}, true, Trim}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s Stream
			for i, st := range tc.steps {
				got := s.Next(st.typ, st.data, st.crc)
				if got != st.want {
					t.Fatalf("step %d (%s): %v, want %v", i, st.typ, got, st.want)
				}
				if got == Stop && s.Reason() == "" {
					t.Fatalf("step %d: Stop without a reason", i)
				}
			}
		})
	}
}

// TestRepairStreams checks the rewritten bytes of hand-made streams.
func TestRepairStreams(t *testing.T) {
	idat := mkChunk("IDAT", []byte{0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1})
	end := mkChunk("IEND", nil)
	badText := mkChunk("tEXt", []byte("a\x00b"))
	badText[len(badText)-1] ^= 1
	tests := []struct {
		name     string
		in, want []byte
	}{
		{"good", stream(ihdr(1, 1, 8, 0), idat, end), nil},
		{"ancillary CRC dropped", stream(ihdr(1, 1, 8, 0), badText, idat, end), stream(ihdr(1, 1, 8, 0), idat, end)},
		{"no IEND", stream(ihdr(1, 1, 8, 0), idat), stream(ihdr(1, 1, 8, 0), idat, end)},
		{"cut IEND", stream(ihdr(1, 1, 8, 0), idat, end[:7]), stream(ihdr(1, 1, 8, 0), idat, end)},
		{"cut text after IDAT", stream(ihdr(1, 1, 8, 0), idat, mkChunk("tEXt", []byte("abc"))[:13]), stream(ihdr(1, 1, 8, 0), idat, end)},
		{"IEND with data", stream(ihdr(1, 1, 8, 0), idat, mkChunk("IEND", []byte("x")), []byte("tail")), stream(ihdr(1, 1, 8, 0), idat, end, []byte("tail"))},
		{"palette trimmed", stream(ihdr(1, 1, 1, 3), mkChunk("PLTE", make([]byte, 9)), idat, end), stream(ihdr(1, 1, 1, 3), mkChunk("PLTE", make([]byte, 6)), idat, end)},
		{"after IEND untouched", stream(ihdr(1, 1, 8, 0), idat, end, badText), nil},
		{"cut IDAT untouched", stream(ihdr(1, 1, 8, 0), idat[:12]), nil},
		{"cut before IDAT untouched", stream(ihdr(1, 1, 8, 0), badText[:5]), nil},
		{"no IHDR first untouched", stream(badText, ihdr(1, 1, 8, 0), idat, end), nil},
		{"length 2^31 untouched", stream(ihdr(1, 1, 8, 0), []byte("\x80\x00\x00\x00tEXt"), make([]byte, 8)), nil},
		{"no signature untouched", append([]byte("\x89PNG\r\n\x1a\x0a")[:7], ihdr(1, 1, 8, 0)...), nil},
		{"empty", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Repair(tc.in)
			want := tc.want
			if want == nil {
				want = tc.in
				if len(got) > 0 && &got[0] != &tc.in[0] {
					t.Errorf("copied a stream it should leave as it is")
				}
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Repair =\n%q\nwant\n%q", got, want)
			}
		})
	}
	if c := crc32.ChecksumIEEE([]byte("IEND")); binary.BigEndian.Uint32(iend[8:]) != c {
		t.Errorf("IEND CRC %x, want %x", iend[8:], c)
	}
}

// BenchmarkRepair times Repair of a 4-megapixel photo as image/png
// encodes it (nothing to change: the path every normal upload takes) and
// the decode it comes before.
func BenchmarkRepair(b *testing.B) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, testimage.NRGBA(testimage.Photo(2304, 1728, 1))); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("repair", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			Repair(data)
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

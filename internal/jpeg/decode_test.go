package jpeg_test

import (
	"bytes"
	"errors"
	"image"
	stdjpeg "image/jpeg"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// goTestdata returns the JPEG files of the Go tree's image/testdata.
func goTestdata(t testing.TB) []string {
	var files []string
	if dir := testimage.GoTestdata(); dir != "" {
		files, _ = filepath.Glob(filepath.Join(dir, "*.jpeg"))
	}
	if len(files) == 0 {
		t.Skip("no Go image/testdata")
	}
	return files
}

// corpusJPEGs returns the JPEGs of the test corpus (1800×1200
// photos; with -short, one in six).
func corpusJPEGs(t *testing.T) []string {
	dir := testimage.Corpus(t, "orientation")
	files, _ := filepath.Glob(filepath.Join(dir, "*.jpg"))
	if testing.Short() {
		var some []string
		for i := 0; i < len(files); i += 6 {
			some = append(some, files[i])
		}
		return some
	}
	return files
}

type namedJPEG struct {
	name string
	data []byte
}

// generated returns photo-like images encoded by image/jpeg at several
// qualities (image/jpeg writes 4:2:0 for colour, one component for gray).
func generated(t testing.TB) []namedJPEG {
	var out []namedJPEG
	photo := testimage.Photo(203, 131, 7)
	gray := image.NewGray(photo.Bounds())
	copy(gray.Pix, photo.Y)
	for _, q := range []int{50, 75, 90, 100} {
		out = append(out, namedJPEG{"photo-q" + strconv.Itoa(q), testimage.JPEG(photo, q)})
		var buf bytes.Buffer
		if err := stdjpeg.Encode(&buf, gray, &stdjpeg.Options{Quality: q}); err != nil {
			t.Fatal(err)
		}
		out = append(out, namedJPEG{"gray-q" + strconv.Itoa(q), buf.Bytes()})
		for _, l := range layouts {
			for _, prog := range []bool{false, true} {
				name := "layout" + l.name + "-q" + strconv.Itoa(q)
				if prog {
					name += "-progressive"
				}
				out = append(out, namedJPEG{name, jpeg.EncodeLayout(photo, l.h, l.v, q, prog)})
			}
		}
	}
	return out
}

// layouts are the luma sampling factors of every chroma subsampling
// image/jpeg accepts (chroma is 1×1).
var layouts = []struct {
	name string
	h, v int
}{{"444", 1, 1}, {"422", 2, 1}, {"420", 2, 2}, {"440", 1, 2}, {"411", 4, 1}, {"410", 4, 2}}

func allInputs(t *testing.T) []namedJPEG {
	var in []namedJPEG
	for _, f := range append(goTestdata(t), corpusJPEGs(t)...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, namedJPEG{filepath.Base(f), data})
	}
	return append(in, generated(t)...)
}

// TestDecodeMatchesStdlib is the differential test at scale 1: same type,
// same bounds, every sample within 1 level; same accept/reject verdict.
func TestDecodeMatchesStdlib(t *testing.T) {
	for _, in := range allInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			want, werr := stdjpeg.Decode(bytes.NewReader(in.data))
			got, gerr := jpeg.Decode(in.data, nil)
			if (werr != nil) != (gerr != nil) {
				t.Fatalf("image/jpeg error %v, ours %v", werr, gerr)
			}
			if werr != nil {
				if !strings.Contains(in.name, "truncated") {
					t.Fatalf("both reject a valid input: %v", gerr)
				}
				return
			}
			d, err := maxDiff(got, want)
			if err != nil {
				t.Fatal(err)
			}
			if d > 1 {
				t.Errorf("max sample difference %d > 1", d)
			}
		})
	}
}

// TestDecodeScaled compares each plane decoded at 1/2, 1/4 and 1/8 with
// the box-downscaled plane of image/jpeg's full decode.
func TestDecodeScaled(t *testing.T) {
	for _, in := range allInputs(t) {
		want, err := stdjpeg.Decode(bytes.NewReader(in.data))
		if err != nil {
			continue
		}
		wp, err := paddedPlanesOf(want)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []int{2, 4, 8} {
			t.Run(in.name+"/1:"+strconv.Itoa(s), func(t *testing.T) {
				got, err := jpeg.Decode(in.data, &jpeg.DecodeOptions{ScaleDenom: s})
				if err != nil {
					t.Fatal(err)
				}
				b := want.Bounds()
				if gb := got.Bounds(); gb.Dx() != (b.Dx()+s-1)/s || gb.Dy() != (b.Dy()+s-1)/s {
					t.Fatalf("bounds %v for %v at 1/%d", gb, b, s)
				}
				gp, err := planesOf(got)
				if err != nil {
					t.Fatal(err)
				}
				cfg, _ := jpeg.DecodeConfig(in.data)
				for i := range wp {
					if _, rgb := want.(*image.RGBA); rgb && i > 0 && cfg.Subsample != image.YCbCrSubsampleRatio444 {
						// Documented limitation: subsampled G and B of an
						// RGB stream are scaled at their own resolution.
						continue
					}
					ref := boxDown(wp[i], s)
					if ref.w != gp[i].w || ref.h != gp[i].h {
						// Chroma planes of odd sizes round differently:
						// compare the common part.
						ref, gp[i] = common(ref, gp[i])
					}
					if p := psnr(ref, gp[i]); p < 40 {
						t.Errorf("plane %d: PSNR %.1f dB < 40", i, p)
					}
				}
			})
		}
	}
}

func common(a, b plane) (plane, plane) {
	w, h := min(a.w, b.w), min(a.h, b.h)
	crop := func(p plane) plane {
		out := plane{w, h, nil}
		for y := 0; y < h; y++ {
			out.pix = append(out.pix, p.pix[y*p.w:y*p.w+w]...)
		}
		return out
	}
	return crop(a), crop(b)
}

func TestDecodeErrors(t *testing.T) {
	photo := testimage.JPEG(testimage.Photo(64, 48, 1), 80)
	truncated := photo[:len(photo)/2]
	_, err := jpeg.Decode(truncated, nil)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated: got %v, want io.ErrUnexpectedEOF", err)
	}
	var fe jpeg.FormatError
	if !errors.As(err, &fe) {
		t.Errorf("truncated: %v is not a FormatError", err)
	}
	// A 65535×65535 header must be refused before allocating its pixels:
	// the bytes allocated by the decode must stay far below a plane.
	big := sofOnly(65535, 65535)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = jpeg.Decode(big, &jpeg.DecodeOptions{MaxPixels: 1 << 20})
	runtime.ReadMemStats(&after)
	var le *jpeg.LimitError
	if !errors.As(err, &le) || le.What != "pixels" {
		t.Errorf("huge header: got %v, want a pixels LimitError", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("huge header: %d bytes allocated, want under 1 MiB", n)
	}
	var ue jpeg.UnsupportedError
	// Trailing garbage after EOI is ignored.
	if _, err := jpeg.Decode(append(append([]byte{}, photo...), "garbage\xff\xd8"...), nil); err != nil {
		t.Errorf("trailing garbage: %v", err)
	}
	// 12-bit, lossless and hierarchical streams are unsupported, Huffman
	// or arithmetic-coded.
	for _, c := range []struct {
		from, to []byte
	}{
		{[]byte{0xff, 0xc0, 0, 17, 8}, []byte{0xff, 0xc1, 0, 17, 12}},
		{[]byte{0xff, 0xc0}, []byte{0xff, 0xc3}},
		{[]byte{0xff, 0xc0}, []byte{0xff, 0xc5}},
		{[]byte{0xff, 0xc0}, []byte{0xff, 0xcb}},
		{[]byte{0xff, 0xc0}, []byte{0xff, 0xcd}},
		{[]byte{0xff, 0xc0}, []byte{0xff, 0xce}},
	} {
		data := bytes.Replace(photo, c.from, c.to, 1)
		if _, err := jpeg.Decode(data, nil); !errors.As(err, &ue) {
			t.Errorf("%x: got %v, want UnsupportedError", c.to, err)
		}
	}
	// A Huffman table with more codes than its lengths allow (three codes
	// of length 1) is malformed.
	dht := []byte{0xff, 0xd8, 0xff, 0xc4, 0, 22, 0x00, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0xff, 0xd9}
	if _, err := jpeg.Decode(dht, nil); !errors.As(err, &fe) {
		t.Errorf("oversubscribed Huffman table: got %v, want FormatError", err)
	}
	for _, s := range []int{3, -1, 16} {
		if _, err := jpeg.Decode(photo, &jpeg.DecodeOptions{ScaleDenom: s}); !errors.As(err, &ue) {
			t.Errorf("scale %d: got %v, want UnsupportedError", s, err)
		}
	}
}

// sofOnly is a stream with SOI and a baseline SOF for a w×h gray image.
func sofOnly(w, h int) []byte {
	return []byte{0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 1, 1, 0x11, 0,
		0xff, 0xd9}
}

// TestConcurrent decodes and encodes from several goroutines at once; run
// with -race to check that no state is shared.
func TestConcurrent(t *testing.T) {
	data := testimage.JPEG(testimage.Photo(120, 90, 9), 85)
	want, err := jpeg.Decode(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			got, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: 1 << (i % 2)})
			if err == nil && i%2 == 0 {
				if d, derr := maxDiff(got, want); derr != nil || d != 0 {
					err = derr
					if err == nil {
						err = errors.New("concurrent decode differs")
					}
				}
			}
			if err == nil {
				_, err = jpeg.Append(nil, want, &jpeg.EncodeOptions{OptimizeHuffman: i%2 == 1})
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

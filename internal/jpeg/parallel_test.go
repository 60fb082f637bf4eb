package jpeg_test

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// decoded is everything a decode gives a caller: the image, the warnings,
// the error and the bands handed to Rows.
type decoded struct {
	img   image.Image
	warns []jpeg.Warning
	err   error
	bands [][2]int
}

// decodeWith decodes data at 1/scale on workers goroutines, recording the
// warnings and the Rows bands, and fails when a band handed out changes
// afterwards.
func decodeWith(t *testing.T, data []byte, scale, workers int) decoded {
	t.Helper()
	var r decoded
	var snapshot []byte
	r.img, r.err = jpeg.Decode(data, &jpeg.DecodeOptions{
		ScaleDenom:  scale,
		Concurrency: workers,
		Warn:        func(w jpeg.Warning) { r.warns = append(r.warns, w) },
		Rows: func(img image.Image, y0, y1 int) error {
			r.bands = append(r.bands, [2]int{y0, y1})
			snapshot = append(snapshot, rowBytes(img, y0, y1)...)
			return nil
		},
	})
	if r.img != nil && !bytes.Equal(snapshot, rowBytes(r.img, 0, r.img.Bounds().Dy())) {
		t.Errorf("1/%d on %d goroutines: rows changed after being handed out", scale, workers)
	}
	return r
}

// rowBytes returns the luma (or gray, or interleaved) samples of rows
// [y0, y1) of img.
func rowBytes(img image.Image, y0, y1 int) []byte {
	var out []byte
	b := img.Bounds()
	for y := y0; y < y1; y++ {
		switch m := img.(type) {
		case *image.YCbCr:
			o := m.YOffset(b.Min.X, y)
			out = append(out, m.Y[o:o+b.Dx()]...)
			c := m.COffset(b.Min.X, y)
			cw, _ := chromaSize(b.Dx(), b.Dy(), m.SubsampleRatio)
			out = append(out, m.Cb[c:c+cw]...)
			out = append(out, m.Cr[c:c+cw]...)
		case *image.Gray:
			o := m.PixOffset(b.Min.X, y)
			out = append(out, m.Pix[o:o+b.Dx()]...)
		case *image.RGBA:
			o := m.PixOffset(b.Min.X, y)
			out = append(out, m.Pix[o:o+4*b.Dx()]...)
		case *image.CMYK:
			o := m.PixOffset(b.Min.X, y)
			out = append(out, m.Pix[o:o+4*b.Dx()]...)
		}
	}
	return out
}

// sameDecode reports how the parallel decode p differs from the serial
// decode s, or "" when a caller cannot tell them apart: the same samples
// (padding included), warnings and error, and bands that cover the image
// in order.
func sameDecode(s, p decoded) string {
	if fmt.Sprint(s.err) != fmt.Sprint(p.err) {
		return fmt.Sprintf("error %v, serial %v", p.err, s.err)
	}
	if !reflect.DeepEqual(s.warns, p.warns) {
		return fmt.Sprintf("warnings %v, serial %v", p.warns, s.warns)
	}
	if (s.img == nil) != (p.img == nil) {
		return "image presence differs"
	}
	if s.img == nil {
		return ""
	}
	if d, err := maxDiff(s.img, p.img); err != nil || d != 0 {
		return fmt.Sprintf("samples differ by %d (%v)", d, err)
	}
	ps, _ := paddedPlanesOf(s.img)
	pp, _ := paddedPlanesOf(p.img)
	if !reflect.DeepEqual(ps, pp) {
		return "padding samples differ"
	}
	next := 0
	for _, b := range p.bands {
		if b[0] != next || b[1] <= b[0] {
			return fmt.Sprintf("bands %v", p.bands)
		}
		next = b[1]
	}
	if next != p.img.Bounds().Dy() {
		return fmt.Sprintf("bands %v end at %d", p.bands, next)
	}
	return ""
}

// restartInputs are the streams with restart markers: the crops of real
// photos in testdata/real, the damaged and undamaged restart fixtures of
// testdata, and our encoder's output above 1 MP (eight intervals).
func restartInputs(t *testing.T) map[string][]byte {
	in := map[string][]byte{}
	enc, err := jpeg.Append(nil, testimage.Photo(1280, 832, 5), &jpeg.EncodeOptions{Quality: 92})
	if err != nil {
		t.Fatal(err)
	}
	in["ours-1mp"] = enc
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*restart*.jpg"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*restart*.jpg"))
	if len(files) < 4 || len(more) < 10 {
		t.Fatalf("fixtures missing: %v %v", files, more)
	}
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in[filepath.Base(f)] = data
	}
	return in
}

// TestParallelMatchesSerial decodes every stream with restart markers on
// one goroutine and on 2, 3 and 7, at every scale: the results must be
// the same, and the well-formed streams must have been decoded wholly in
// parallel (not by the serial fallback).
func TestParallelMatchesSerial(t *testing.T) {
	whole := 0 // decodes whose chunks were all taken
	defer jpeg.OnParallel(func(taken, chunks int) {
		if taken == chunks && chunks > 1 {
			whole++
		}
	})()
	for name, data := range restartInputs(t) {
		for _, s := range []int{1, 2, 4, 8} {
			serial := decodeWith(t, data, s, 1)
			for _, w := range []int{2, 3, 7} {
				before := whole
				if d := sameDecode(serial, decodeWith(t, data, s, w)); d != "" {
					t.Errorf("%s 1/%d on %d goroutines: %s", name, s, w, d)
				}
				if wellFormed(name) && whole == before {
					t.Errorf("%s 1/%d on %d goroutines: not decoded in parallel", name, s, w)
				}
			}
		}
	}
}

// wellFormed reports whether restart input name is a sequential stream
// with nothing to repair.
func wellFormed(name string) bool {
	switch name {
	case "ours-1mp", "restart.jpg", "sample-3x1-restart.jpg":
		return true
	}
	return !strings.HasPrefix(name, "restart")
}

// TestParallelDamaged: the crops of real photos with random damage in
// their entropy-coded data (bytes changed, removed or inserted, restart
// markers inserted, lost or relabelled, the data cut short) decode in
// parallel exactly as serially: same pixels, warnings and errors. Both the
// parallel decode and its fallback to the serial one must have been used.
func TestParallelDamaged(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.jpg"))
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/real")
	}
	var inputs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	var whole, partly int // parallel decodes taken whole, and fallen back
	defer jpeg.OnParallel(func(taken, chunks int) {
		if taken == chunks {
			whole++
		} else {
			partly++
		}
	})()
	n := 150
	if testing.Short() {
		n = 30
	}
	checkDamaged(t, "parallel decode of damaged data is the serial decode", inputs, 12, n, 5)
	if whole == 0 || partly == 0 {
		t.Errorf("%d parallel decodes taken whole, %d fallen back to serial: want both", whole, partly)
	}
}

// checkDamaged checks the property that each of inputs, with random
// damage in its entropy-coded data (see damage), decodes on 2 to
// maxWorkers goroutines as it does serially, at every scale, in n cases.
// The seed is fixed, so that the callers' checks that both of their paths
// were used do not depend on the luck of a run.
func checkDamaged(t *testing.T, name string, inputs [][]byte, seed int64, n, maxWorkers int) {
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = n
	ps := gopter.NewProperties(p)
	ps.Property(name, prop.ForAll(
		func(file int, ops []uint64, nOps, scale int, workers int) bool {
			data := damage(inputs[file%len(inputs)], ops[:nOps])
			s := 1 << (scale % 4)
			if d := sameDecode(decodeWith(t, data, s, 1), decodeWith(t, data, s, workers)); d != "" {
				t.Logf("ops %x: 1/%d on %d goroutines: %s", ops[:nOps], s, workers, d)
				return false
			}
			return true
		},
		gen.IntRange(0, 100), gen.SliceOfN(4, gen.UInt64()), gen.IntRange(0, 4), gen.IntRange(0, 3), gen.IntRange(2, maxWorkers),
	))
	ps.TestingRun(t)
}

// damage applies each op to a copy of data, at a position past the
// headers (the last quarter of the file is entropy-coded data in every
// fixture): op's low bits choose what to do, the rest where and with
// which byte.
func damage(data []byte, ops []uint64) []byte {
	out := append([]byte(nil), data...)
	for _, op := range ops {
		head := len(out) / 4
		at := head + int(op>>8%uint64(len(out)-head))
		b := byte(op >> 40)
		switch op % 8 {
		case 0:
			out[at] = b
		case 1:
			out = append(out[:at], out[at+1:]...)
		case 2:
			out = append(out[:at], append([]byte{b}, out[at:]...)...)
		case 3: // a restart marker inserted
			out = append(out[:at], append([]byte{0xff, 0xd0 + b&7}, out[at:]...)...)
		case 4, 5: // a restart marker relabelled or lost
			for i := at; i+1 < len(out); i++ {
				if out[i] == 0xff && out[i+1]&0xf8 == 0xd0 {
					if op%8 == 4 {
						out[i+1] = 0xd0 + b&7
					} else {
						out = append(out[:i], out[i+2:]...)
					}
					break
				}
			}
		case 6: // extraneous bytes or fill bytes before a marker
			out = append(out[:at], append([]byte{b, 0xff, 0xff}, out[at:]...)...)
		case 7:
			out = out[:at]
		}
		if len(out) < 8 {
			break
		}
	}
	return out
}

package fuzz

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	stdjpeg "image/jpeg"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// fuzzMaxPixels bounds the pixel budget of FuzzJPEGDecode.
const fuzzMaxPixels = 1 << 20

// FuzzJPEGDecode is a differential fuzz target: image/jpeg and our decoder
// must accept or reject the same inputs, neither may panic, and when both
// accept, the images agree in size and in type at scale 1 (*image.Gray,
// *image.YCbCr with the same subsampling ratio, *image.RGBA for Adobe RGB,
// *image.CMYK: the package documents image/jpeg's types, without
// exception), and the scaled decodes succeed with the scaled size and the
// same type. Whatever image/jpeg says, the decode on three goroutines
// (DecodeOptions.Concurrency: restart intervals in parallel, or a scan
// without them split with a scout) must give exactly the serial decode's
// image, warnings and error.
//
// Intended differences, excused below:
//   - Limits: we refuse more than fuzzMaxPixels pixels (MaxPixels) and
//     more than DefaultMaxScans scans; image/jpeg has no limits.
//   - Damage that libjpeg repairs with a warning (restart markers out of
//     order, a missing EOI, "\xff\xff\x00" before a marker): we repair it
//     too and say so through DecodeOptions.Warn; image/jpeg refuses it.
//   - Sampling layouts image/jpeg refuses (factors of 3, luma 1×4, chroma
//     sampled finer than luma, other four-component layouts): we decode
//     them, as libjpeg does.
//   - Huffman tables whose code counts do not fit their lengths: we reject
//     them (as libjpeg does); image/jpeg decodes them in an undefined way.
//   - Non-interleaved scans follow the component's own size in blocks
//     (ITU-T T.81 A.2.2) and count restart intervals per block; image/jpeg
//     differs when luma is sampled 4× and chroma 2× horizontally, and in
//     restart counting for components sampled more than 1×1. When our
//     Config shows such a layout, only the absence of panics is checked.
//   - Arithmetic coding (SOF9, SOF10): we decode it, as libjpeg does;
//     image/jpeg refuses it. Against image/jpeg, nothing is compared.
func FuzzJPEGDecode(f *testing.F) {
	var files []string
	if dir := testimage.GoTestdata(); dir != "" {
		files, _ = filepath.Glob(filepath.Join(dir, "*.jpeg"))
	}
	// The decoder's own fixtures: unusual sampling layouts, the damage
	// libjpeg repairs (internal/jpeg/testdata/README.md), real-photo crops
	// and their arithmetic-coded rewrites.
	fixtures, _ := filepath.Glob(filepath.Join("..", "internal", "jpeg", "testdata", "*.jpg"))
	real, _ := filepath.Glob(filepath.Join("..", "internal", "jpeg", "testdata", "real", "*.jpg"))
	arith, _ := filepath.Glob(filepath.Join("..", "internal", "jpeg", "testdata", "arith", "*.jpg"))
	fixtures = append(append(fixtures, real...), arith...)
	for _, file := range append(files, fixtures...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, cerr := stdjpeg.DecodeConfig(bytes.NewReader(data))
		if cerr == nil && cfg.Width*cfg.Height > fuzzMaxPixels {
			return
		}
		repaired := false
		ours, err := jpeg.Decode(data, &jpeg.DecodeOptions{MaxPixels: fuzzMaxPixels, Warn: func(jpeg.Warning) { repaired = true }})
		var le *jpeg.LimitError
		if errors.As(err, &le) || err == jpeg.FormatError("Huffman table has more codes than fit their lengths") {
			return
		}
		var fe jpeg.FormatError
		var ue jpeg.UnsupportedError
		if err != nil && !errors.As(err, &fe) && !errors.As(err, &ue) {
			t.Fatalf("untyped error %T: %v", err, err)
		}
		if err == nil {
			checkScaled(t, data, ours)
		}
		checkParallel(t, data, ours, err)
		if oc, cerr := jpeg.DecodeConfig(data); cerr == nil && (oc.Arithmetic || layoutDiffers(oc, data) || !stdLayout(oc)) {
			return
		}
		std, serr := stdjpeg.Decode(bytes.NewReader(data))
		if err == nil && serr != nil && repaired {
			return
		}
		if (err == nil) != (serr == nil) {
			t.Fatalf("image/jpeg error %v, ours %v", serr, err)
		}
		if err != nil {
			return
		}
		if ours.Bounds() != std.Bounds() {
			t.Fatalf("bounds %v, image/jpeg %v", ours.Bounds(), std.Bounds())
		}
		if reflect.TypeOf(ours) != reflect.TypeOf(std) {
			t.Fatalf("type %T, image/jpeg %T", ours, std)
		}
		if m, ok := std.(*image.YCbCr); ok && ours.(*image.YCbCr).SubsampleRatio != m.SubsampleRatio {
			t.Fatalf("subsampling %v, image/jpeg %v", ours.(*image.YCbCr).SubsampleRatio, m.SubsampleRatio)
		}
	})
}

// checkScaled decodes data, which decoded as full at scale 1, at 1/2 and
// 1/8: it must decode again, at the rounded-up size, with the same type.
func checkScaled(t *testing.T, data []byte, full image.Image) {
	for _, s := range []int{2, 8} {
		small, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: s, MaxPixels: fuzzMaxPixels})
		if err != nil {
			t.Fatalf("1/%d: %v (scale 1 decoded)", s, err)
		}
		w, h := (full.Bounds().Dx()+s-1)/s, (full.Bounds().Dy()+s-1)/s
		if small.Bounds() != image.Rect(0, 0, w, h) {
			t.Fatalf("1/%d: bounds %v, want %dx%d", s, small.Bounds(), w, h)
		}
		if reflect.TypeOf(small) != reflect.TypeOf(full) {
			t.Fatalf("1/%d: type %T, %T at scale 1", s, small, full)
		}
	}
}

// checkParallel decodes data, which decoded as ours and err by default,
// on three goroutines (restart intervals in parallel, or the scan split):
// the result must be the same, sample for sample, warning for warning,
// error for error.
func checkParallel(t *testing.T, data []byte, ours image.Image, err error) {
	var serialWarns, warns []jpeg.Warning
	serial, serr := jpeg.Decode(data, &jpeg.DecodeOptions{MaxPixels: fuzzMaxPixels, Concurrency: 1, Warn: func(w jpeg.Warning) { serialWarns = append(serialWarns, w) }})
	par, perr := jpeg.Decode(data, &jpeg.DecodeOptions{MaxPixels: fuzzMaxPixels, Concurrency: 3, Warn: func(w jpeg.Warning) { warns = append(warns, w) }})
	if fmt.Sprint(serr) != fmt.Sprint(perr) || fmt.Sprint(serr) != fmt.Sprint(err) {
		t.Fatalf("parallel decode error %v, serial %v (default %v)", perr, serr, err)
	}
	if !reflect.DeepEqual(warns, serialWarns) {
		t.Fatalf("parallel decode warnings %v, serial %v", warns, serialWarns)
	}
	if !reflect.DeepEqual(par, serial) || serr == nil && !reflect.DeepEqual(serial, ours) {
		t.Fatalf("parallel decode differs from the serial one")
	}
}

// stdLayout reports whether image/jpeg accepts the sampling factors of c:
// none is 3, and three components are 4:4:4, 4:4:0, 4:2:2, 4:2:0, 4:1:1
// or 4:1:0 (luma not sampled 4× down) and four are 1×1 or 2×2, 1×1, 1×1,
// 2×2.
func stdLayout(c jpeg.Config) bool {
	s := c.Sampling
	for _, f := range s {
		if len(s) > 1 && (f.X == 3 || f.Y == 3) {
			return false
		}
	}
	one, two := image.Pt(1, 1), image.Pt(2, 2)
	switch len(s) {
	case 3:
		return s[0].Y != 4 && s[0].X%s[1].X == 0 && s[0].Y%s[1].Y == 0 && s[2] == s[1]
	case 4:
		return s[1] == one && s[2] == one && (s[0] == one && s[3] == one || s[0] == two && s[3] == two)
	}
	return true
}

// layoutDiffers reports the layouts where our non-interleaved block walk
// or restart counting intentionally differs from image/jpeg's: luma
// sampled 4× with chroma 2× across, or a restart interval (a DRI segment
// anywhere) with a component sampled more than 1×1.
func layoutDiffers(c jpeg.Config, data []byte) bool {
	if len(c.Sampling) >= 2 && c.Sampling[0].X == 4 && c.Sampling[1].X == 2 {
		return true
	}
	if !bytes.Contains(data, []byte{0xff, 0xdd}) {
		return false
	}
	for _, s := range c.Sampling {
		if s.X*s.Y > 1 {
			return true
		}
	}
	return false
}

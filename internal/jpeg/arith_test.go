package jpeg_test

import (
	"errors"
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
)

// TestArithmeticMatchesHuffman: jpegtran -arithmetic rewrites a stream's
// entropy coding and keeps its coefficients, so each arithmetic-coded
// file of testdata/arith (sequential, progressive, with restart markers)
// must decode at every scale to exactly the pixels of the Huffman-coded
// file of testdata/real it was made from.
func TestArithmeticMatchesHuffman(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "arith", "*.jpg"))
	if len(files) == 0 {
		t.Fatal("no arithmetic-coded fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		orig := filepath.Join("testdata", "real", name[:strings.Index(name, "-arith")]+".jpg")
		arith, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		huff, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		c, err := jpeg.DecodeConfig(arith)
		if err != nil || !c.Arithmetic || c.Progressive != strings.Contains(name, "prog") {
			t.Fatalf("%s: %+v, %v", name, c, err)
		}
		for _, denom := range []int{1, 2, 4, 8} {
			var warnings []jpeg.Warning
			opts := &jpeg.DecodeOptions{ScaleDenom: denom, Warn: func(w jpeg.Warning) { warnings = append(warnings, w) }}
			got, err := jpeg.Decode(arith, opts)
			if err != nil {
				t.Fatalf("%s 1/%d: %v", name, denom, err)
			}
			want, err := jpeg.Decode(huff, &jpeg.DecodeOptions{ScaleDenom: denom})
			if err != nil {
				t.Fatal(err)
			}
			gp, err1 := planesOf(got)
			wp, err2 := planesOf(want)
			if err1 != nil || err2 != nil || fmt.Sprintf("%T", got) != fmt.Sprintf("%T", want) || !reflect.DeepEqual(gp, wp) {
				t.Errorf("%s 1/%d: differs from %s", name, denom, orig)
			}
			if len(warnings) != 0 {
				t.Errorf("%s 1/%d: warnings %v", name, denom, warnings)
			}
		}
	}
}

// TestArithmeticDamaged: random damage to the arithmetic-coded fixtures
// (see damage) never panics; a decode either fails with a FormatError
// or gives an image of the frame's size, and twice the same image. Both
// outcomes occur, and so do repairs inside restart intervals.
func TestArithmeticDamaged(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "arith", "*.jpg"))
	var inputs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, data)
	}
	var failed, decoded, repaired int
	p := gopter.DefaultTestParametersWithSeed(5)
	p.MinSuccessfulTests = 300
	ps := gopter.NewProperties(p)
	ps.Property("damaged arithmetic-coded data", prop.ForAll(
		func(file int, ops []uint64, nOps, scale int) bool {
			data := damage(inputs[file%len(inputs)], ops[:nOps])
			s := 1 << (scale % 4)
			img, warns, err := decodeWarn(data, s)
			if err != nil {
				failed++
				return errors.As(err, new(jpeg.FormatError))
			}
			decoded++
			for _, w := range warns {
				if strings.Contains(w.What, "interval") {
					repaired++
					break
				}
			}
			again, _, _ := decodeWarn(data, s)
			a, _ := planesOf(img)
			b, _ := planesOf(again)
			return img.Bounds() == image.Rect(0, 0, (320+s-1)/s, (240+s-1)/s) && reflect.DeepEqual(a, b)
		},
		gen.IntRange(0, 100), gen.SliceOfN(4, gen.UInt64()), gen.IntRange(1, 4), gen.IntRange(0, 3),
	))
	ps.TestingRun(t)
	t.Logf("%d refused, %d decoded (%d with an interval repaired)", failed, decoded, repaired)
	if failed == 0 || decoded == 0 || repaired == 0 {
		t.Errorf("%d refused, %d decoded, %d repaired: each outcome should occur", failed, decoded, repaired)
	}
}

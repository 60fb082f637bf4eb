package gif

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/gif/giftest"
)

// checkFirstFrame is what every FirstFrame result must satisfy: Scan's
// error exactly when Scan fails, else a typed error and no image, or an
// image that giftest.CheckComposition accepts for Scan's layout. It
// reports whether there was an image.
func checkFirstFrame(data []byte, maxPixels int64) (bool, error) {
	img, err := FirstFrame(data, maxPixels)
	l, serr := Scan(data, nil)
	switch {
	case serr != nil:
		if img != nil || err == nil || err.Error() != serr.Error() {
			return false, errors.New("Scan fails with " + serr.Error() + " but FirstFrame does not")
		}
		return false, nil
	case err != nil:
		if img != nil || !typed(err) {
			return false, errors.New("untyped error or an image with it: " + err.Error())
		}
		return false, nil
	}
	return true, giftest.CheckComposition(img, image.Pt(l.Width, l.Height), l.Frame, l.Transparent)
}

// TestPropertyDamagedFiles: any cut (half of the files are whole) and any
// two byte flips of the fixtures
// the references decode give Scan's error, a typed error or a sane image,
// never a panic.
func TestPropertyDamagedFiles(t *testing.T) {
	names, _ := filepath.Glob("testdata/*.gif")
	var seeds [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := FirstFrame(data, 1<<20); err == nil {
			seeds = append(seeds, data)
		}
	}
	if len(seeds) < 40 {
		t.Fatalf("only %d seeds", len(seeds))
	}
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 5000
	if testing.Short() {
		params.MinSuccessfulTests = 500
	}
	properties := gopter.NewProperties(params)
	decoded := 0
	properties.Property("a cut and two byte flips: Scan's error, a typed error or a sane image",
		prop.ForAll(func(seed int, cut float64, at1 float64, xor1 uint8, at2 float64, xor2 uint8) bool {
			s := seeds[seed]
			data := append([]byte(nil), s[:max(1, min(len(s), int(cut*float64(len(s)))))]...)
			data[int(at1*float64(len(data)-1))] ^= xor1
			data[int(at2*float64(len(data)-1))] ^= xor2
			ok, err := checkFirstFrame(data, 1<<18)
			if ok {
				decoded++
			}
			if err != nil {
				t.Log(err)
			}
			return err == nil
		}, gen.IntRange(0, len(seeds)-1), gen.Float64Range(0.3, 1.7), gen.Float64Range(0, 1), gen.UInt8(),
			gen.Float64Range(0, 1), gen.UInt8()))
	properties.TestingRun(t)
	if decoded < params.MinSuccessfulTests/5 {
		t.Errorf("only %d of %d damaged files decoded", decoded, params.MinSuccessfulTests)
	}
}

// TestPropertyFramesAnywhere: a first frame of any size, offset, code size
// and amount of data, with or without tables and transparency, followed by
// anything, decodes inside the screen or is refused with a typed error.
func TestPropertyFramesAnywhere(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 3000
	if testing.Short() {
		params.MinSuccessfulTests = 300
	}
	properties := gopter.NewProperties(params)
	decoded := 0
	properties.Property("any first frame: a typed error or a sane image",
		prop.ForAll(func(sw, sh int, fx, fy, fw, fh float64, lit, transparent int, global, local, interlaced bool, values []int, tail []byte) bool {
			// The frame is inside the screen, or overhangs it by a pixel
			// or two.
			x, y := int(fx*float64(sw)), int(fy*float64(sh))
			w, h := int(fw*float64(sw-x+2)), int(fh*float64(sh-y+2))
			var gt, lt []byte
			if global {
				gt = giftest.Four
			}
			if local {
				lt = giftest.Four[:6]
			}
			lit = 1 + lit%11
			for i := range values {
				values[i] %= 1 << lit
			}
			data := giftest.File(giftest.Screen(sw, sh, gt, 0), giftest.GraphicControl(transparent, 0),
				giftest.Frame{X: x, Y: y, W: w, H: h, Table: lt, Interlaced: interlaced, LitWidth: lit, Pixels: values}.Bytes(), tail)
			ok, err := checkFirstFrame(data, 1<<16)
			if ok {
				decoded++
			}
			if err != nil {
				t.Log(err)
			}
			return err == nil
		}, gen.IntRange(0, 40), gen.IntRange(0, 40), gen.Float64Range(0, 1), gen.Float64Range(0, 1), gen.Float64Range(0, 1), gen.Float64Range(0, 1),
			gen.IntRange(0, 10), gen.IntRange(-1, 8), gen.Bool(), gen.Bool(), gen.Bool(),
			gen.SliceOf(gen.IntRange(0, 4095)), gen.SliceOf(gen.UInt8())))
	properties.TestingRun(t)
	if decoded < params.MinSuccessfulTests/5 {
		t.Errorf("only %d of %d frames decoded", decoded, params.MinSuccessfulTests)
	}
	t.Logf("%d of %d frames decoded", decoded, params.MinSuccessfulTests)
}

package jpeg_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// splitInputs are the sequential Huffman-coded streams without restart
// markers: the crops of real photos that cjpeg wrote (testdata/real, see
// its README), the 1 MP real-photo crops of internal/testimage and our
// encoder's output of one of them, 4:2:0 and 4:4:4 with optimized tables
// (it writes no restart markers below a megapixel), and the other
// fixtures of testdata that are sequential without a DRI segment, damaged
// ones included. wellFormed names the ones with nothing to repair.
func splitInputs(t *testing.T) (in map[string][]byte, wellFormed map[string]bool) {
	in, wellFormed = map[string][]byte{}, map[string]bool{}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.jpg"))
	real, _ := filepath.Glob(filepath.Join("testdata", "real", "*.jpg"))
	crops, _ := filepath.Glob(filepath.Join("..", "testimage", "testdata", "realphoto", "*.jpg"))
	for i, f := range append(append(files, real...), crops...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if c, err := jpeg.DecodeConfig(data); err != nil || c.Progressive || c.Arithmetic || c.RestartInterval != 0 {
			continue
		}
		in[f] = data
		if i >= len(files) || filepath.Base(f) == "base.jpg" {
			wellFormed[f] = true
		}
	}
	photo := testimage.RealPhotos(t)[0].Image
	for _, o := range []jpeg.EncodeOptions{{Quality: 90}, {Quality: 95, Chroma444: true, OptimizeHuffman: true}} {
		enc, err := jpeg.Append(nil, photo, &o)
		if err != nil {
			t.Fatal(err)
		}
		name := "ours-" + map[bool]string{false: "420", true: "444-optimized"}[o.Chroma444]
		in[name], wellFormed[name] = enc, true
	}
	if len(real) < 8 || len(crops) < 4 || len(wellFormed) < 10 {
		t.Fatalf("fixtures missing: %d real, %d crops, %d well-formed", len(real), len(crops), len(wellFormed))
	}
	return in, wellFormed
}

// TestSplitMatchesSerial decodes every sequential stream without restart
// markers on one goroutine and on 2 and 3 (a scan split with a scout,
// split.go), at every scale: the results must be the same, and every
// well-formed stream large enough to split must have used the scout's
// work. The serial decode waits for the scout here, so that they meet
// whatever the scheduling; TestSplitDamaged and FuzzJPEGDecode race them.
func TestSplitMatchesSerial(t *testing.T) {
	var scans, joined int
	defer jpeg.OnSplit(func(j bool) {
		scans++
		if j {
			joined++
		}
	}, true)()
	in, wellFormed := splitInputs(t)
	for name, data := range in {
		for _, s := range []int{1, 2, 4, 8} {
			serial := decodeWith(t, data, s, 1)
			for _, w := range []int{2, 3} {
				scans, joined = 0, 0
				if d := sameDecode(serial, decodeWith(t, data, s, w)); d != "" {
					t.Errorf("%s 1/%d on %d goroutines: %s", name, s, w, d)
				}
				if c, _ := jpeg.DecodeConfig(data); wellFormed[name] && c.Width*c.Height >= 256*128 && (scans == 0 || joined != scans) {
					t.Errorf("%s 1/%d on %d goroutines: %d of %d scans split", name, s, w, joined, scans)
				}
			}
		}
	}
}

// TestSplitDamaged: the streams without restart markers with random
// damage in their entropy-coded data (bytes changed, removed or inserted,
// markers inserted, the data cut short) decode with a scout exactly as
// serially: same pixels, warnings and errors. The scout's work must have
// been used in some scans and not in others.
func TestSplitDamaged(t *testing.T) {
	in, _ := splitInputs(t)
	var inputs [][]byte
	for name, data := range in {
		if strings.Contains(name, "real") || strings.HasPrefix(name, "ours") {
			inputs = append(inputs, data)
		}
	}
	var joined, not int
	defer jpeg.OnSplit(func(j bool) {
		if j {
			joined++
		} else {
			not++
		}
	}, false)()
	// 150 cases under -short too: with fewer, both kinds of scan are met
	// too rarely.
	checkDamaged(t, "a split decode of damaged data is the serial decode", inputs, 21, 150, 3)
	if joined == 0 || not == 0 {
		t.Errorf("%d scans used the scout's work, %d did not: want both", joined, not)
	}
}

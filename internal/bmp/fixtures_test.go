package bmp

import (
	"bufio"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fixture is a line of testdata/expected.txt: a BMP made by ImageMagick,
// Pillow, netpbm or testdata/make.py, the reference decoder its expected
// PNG comes from, and the largest channel difference allowed from it.
type fixture struct {
	name, reference string
	tolerance       int
	why             string
}

func fixtures(t *testing.T) []fixture {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	s := bufio.NewScanner(f)
	for s.Scan() {
		if strings.HasPrefix(s.Text(), "#") {
			continue
		}
		cols := strings.Split(s.Text(), "\t")
		if len(cols) < 4 {
			t.Fatalf("expected.txt: %q", s.Text())
		}
		tol, err := strconv.Atoi(cols[2])
		if err != nil {
			t.Fatalf("expected.txt: %q: %v", s.Text(), err)
		}
		out = append(out, fixture{cols[0], cols[1], tol, cols[3]})
	}
	if len(out) < 20 {
		t.Fatalf("expected.txt lists %d fixtures", len(out))
	}
	return out
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// maxDiff returns the largest difference of a non-premultiplied channel
// between a and b, which must have the same bounds, and where it is.
func maxDiff(a, b image.Image) (int, image.Point) {
	most, at := 0, image.Point{}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA)
			q := color.NRGBAModel.Convert(b.At(x, y)).(color.NRGBA)
			for i, v := range [4][2]uint8{{p.R, q.R}, {p.G, q.G}, {p.B, q.B}, {p.A, q.A}} {
				if p.A == 0 && q.A == 0 && i < 3 {
					continue // no colour to compare
				}
				if d := abs(int(v[0]) - int(v[1])); d > most {
					most, at = d, image.Pt(x, y)
				}
			}
		}
	}
	return most, at
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// TestFixtures decodes every fixture and compares it with its reference
// decode, and checks what DecodeConfig says against the image.
func TestFixtures(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", fx.name))
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := DecodeConfig(data)
			if err != nil {
				t.Fatalf("DecodeConfig: %v", err)
			}
			img, err := Decode(data, 1<<20)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			want := readPNG(t, filepath.Join("testdata", strings.TrimSuffix(fx.name, ".bmp")+".png"))
			if img.Bounds() != want.Bounds() || img.Bounds() != image.Rect(0, 0, cfg.Width, cfg.Height) {
				t.Fatalf("decoded %v, %s says %v, DecodeConfig %dx%d", img.Bounds(), fx.reference, want.Bounds(), cfg.Width, cfg.Height)
			}
			if d, at := maxDiff(img, want); d > fx.tolerance {
				t.Errorf("differs from %s by %d at %v (tolerance %d: %s)", fx.reference, d, at, fx.tolerance, fx.why)
			}
			switch m := img.(type) {
			case *image.Gray:
				if !cfg.Paletted {
					t.Errorf("gray output for a %d-bit image", cfg.BitsPerPixel)
				}
			case *image.NRGBA:
				if !cfg.HasAlpha && !m.Opaque() {
					t.Errorf("transparent pixels without an alpha channel")
				}
			default:
				t.Errorf("decoded %T", img)
			}
		})
	}
}

package profileimage

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// meanAbsDiff is the mean absolute difference of two same-size images, per
// 8-bit channel, sampled on a 3-pixel grid.
func meanAbsDiff(a, b image.Image) float64 {
	ab := a.Bounds()
	var sum, n float64
	for y := ab.Min.Y; y < ab.Max.Y; y += 3 {
		for x := ab.Min.X; x < ab.Max.X; x += 3 {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x-ab.Min.X+b.Bounds().Min.X, y-ab.Min.Y+b.Bounds().Min.Y).RGBA()
			for _, d := range [3]float64{float64(r1) - float64(r2), float64(g1) - float64(g2), float64(b1) - float64(b2)} {
				sum += abs(d) / 257
				n++
			}
		}
	}
	return sum / n
}

func TestNormalizeOrientsEveryEXIFOrientation(t *testing.T) {
	dir := testimage.Corpus(t, "orientation")
	p := vendors.MustLookup("zoom") // no fit, no square: only orientation changes the picture
	for _, kind := range []string{"Landscape", "Portrait"} {
		refData, err := os.ReadFile(filepath.Join(dir, kind+"_1.jpg"))
		if err != nil {
			t.Fatal(err)
		}
		ref, err := jpeg.Decode(bytes.NewReader(refData))
		if err != nil {
			t.Fatal(err)
		}
		for o := 0; o <= 8; o++ {
			if testing.Short() && o%3 != 0 {
				continue // -short takes orientations 0, 3 and 6
			}
			t.Run(fmt.Sprintf("%s_%d", kind, o), func(t *testing.T) {
				data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%s_%d.jpg", kind, o)))
				if err != nil {
					t.Fatal(err)
				}
				res, err := Normalize(context.Background(), data, p)
				if err != nil {
					t.Fatal(err)
				}
				got, err := jpeg.Decode(bytes.NewReader(res.Data))
				if err != nil {
					t.Fatal(err)
				}
				if got.Bounds().Size() != ref.Bounds().Size() {
					t.Fatalf("oriented size %v, want %v", got.Bounds().Size(), ref.Bounds().Size())
				}
				if d := meanAbsDiff(got, ref); d > 10 {
					t.Errorf("mean absolute difference from %s_1 is %.1f levels, want <= 10 (a wrong orientation gives 40 or more)", kind, d)
				}
			})
		}
	}
}

func TestNormalizeSampleIsUprightAndDeterministic(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("smartsheet")
	a, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Data, b.Data) || a.Hash != b.Hash {
		t.Error("two runs on the same input gave different bytes")
	}
	// 1200x1800 upright, padded to a square, fitted in 1050x1050.
	if a.Width != 1050 || a.Height != 1050 || a.Format != vendors.JPEG {
		t.Errorf("got %s %dx%d, want jpeg 1050x1050", a.Format, a.Width, a.Height)
	}
	var ops []string
	for _, s := range a.Steps {
		ops = append(ops, string(s.Op))
	}
	if got := strings.Join(ops, ","); got != "oriented,padded,scaled,encoded" {
		t.Errorf("steps %s, want oriented,padded,scaled,encoded", got)
	}
	img, err := jpeg.Decode(bytes.NewReader(a.Data))
	if err != nil {
		t.Fatal(err)
	}
	// The pad is white on the left and right (the picture is portrait).
	for _, x := range []int{2, 1047} {
		if r, g, b, _ := img.At(x, 525).RGBA(); r>>8 < 245 || g>>8 < 245 || b>>8 < 245 {
			t.Errorf("pad at x=%d is (%d,%d,%d), want white", x, r>>8, g>>8, b>>8)
		}
	}
}

// TestTurnedWithoutACopy normalizes uploads that only need turning (Zoom
// keeps the size) in every orientation, with even and odd sizes: the
// encoder reads the decoded image turned, and writes the bytes that turning
// it with scale and encoding the copy gives.
func TestTurnedWithoutACopy(t *testing.T) {
	p := vendors.MustLookup("zoom")
	for _, size := range []image.Point{{640, 480}, {639, 481}} {
		plain := testimage.JPEG(testimage.Photo(size.X, size.Y, 3), 85)
		decoded, _, err := decode(context.Background(), plain, validate.Info{Format: vendors.JPEG, Width: size.X, Height: size.Y}, 1, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for o := 1; o <= 8; o++ {
			data := exiftest.Splice(plain, exiftest.APP1(exiftest.Orientation(uint16(o))))
			res, err := Normalize(context.Background(), data, p)
			if err != nil {
				t.Fatal(err)
			}
			w, h := size.X, size.Y
			if o >= 5 {
				w, h = h, w
			}
			turned, err := scale.Resize(context.Background(), decoded, w, h, &scale.Options{Orientation: o})
			if err != nil {
				t.Fatal(err)
			}
			want, err := encode(turned, vendors.JPEG, p.Output.Quality, encoding{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Width != w || res.Height != h || !bytes.Equal(res.Data, want) {
				t.Errorf("%v, orientation %d: %dx%d, same bytes %v; want %dx%d and the bytes of the turned copy",
					size, o, res.Width, res.Height, bytes.Equal(res.Data, want), w, h)
			}
		}
	}
}

package webp

import (
	"image"
	"image/color"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/webp/webptest"
)

// saneResult is what every FirstFrame result must satisfy: a typed error
// and no image, or an *image.NRGBA of the canvas that webptest.Layout reads
// from data, with the first frame inside it and nothing but transparent
// black outside the frame.
func saneResult(data []byte, img image.Image, err error) bool {
	if err != nil {
		return img == nil && errorKind(err) != "untyped"
	}
	canvas, frame, ok := webptest.Layout(data)
	m, isNRGBA := img.(*image.NRGBA)
	if !ok || !isNRGBA || m.Rect != image.Rect(0, 0, canvas.X, canvas.Y) || !frame.In(m.Rect) {
		return false
	}
	for y := range canvas.Y {
		for x := range canvas.X {
			if !(image.Point{x, y}).In(frame) && m.NRGBAAt(x, y) != (color.NRGBA{}) {
				return false
			}
		}
	}
	return true
}

// TestPropertyDamagedFiles: any RIFF payload cut and any two byte flips of
// a valid animation give a typed error or a sane image, never a panic.
func TestPropertyDamagedFiles(t *testing.T) {
	dir := webptest.Testdata(t)
	var seeds [][]byte
	for _, f := range [][2]string{
		{"gopher-doc.1bpp.lossless.webp", "gopher-doc.2bpp.lossless.webp"},
		{"video-001.lossy.webp", "blue-purple-pink.lossy.webp"},
		{"yellow_rose.lossy-with-alpha.webp", "video-001.lossy.webp"},
	} {
		first, img := readStill(t, dir, f[0])
		second, _ := readStill(t, dir, f[1])
		b := img.Bounds()
		seeds = append(seeds, animation(t, b.Dx()+6, b.Dy()+4,
			webptest.Frame{X: 4, Y: 2, Still: first}, webptest.Frame{Still: second}))
	}
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 3000
	if testing.Short() {
		params.MinSuccessfulTests = 300
	}
	properties := gopter.NewProperties(params)
	properties.Property("a cut RIFF payload and two byte flips: a typed error or a sane image",
		prop.ForAll(func(seed int, cut float64, at1 float64, xor1 uint8, at2 float64, xor2 uint8) bool {
			n := max(12, int(cut*float64(len(seeds[seed]))))
			data := setLE32(seeds[seed][:n], 4, uint32(n-8))
			data[int(at1*float64(len(data)-1))] ^= xor1
			data[int(at2*float64(len(data)-1))] ^= xor2
			img, err := FirstFrame(data, 1<<18)
			return saneResult(data, img, err)
		}, gen.IntRange(0, len(seeds)-1), gen.Float64Range(0.5, 1), gen.Float64Range(0, 1), gen.UInt8(),
			gen.Float64Range(0, 1), gen.UInt8()))
	properties.TestingRun(t)
}

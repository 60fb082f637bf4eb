package fuzz

import (
	"errors"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/internal/webp"
	"github.com/profileimage/profileimage/internal/webp/webptest"
)

// webpSeeds returns animated WebPs made from the still WebPs of
// golang.org/x/image's testdata (files up to maxLen bytes; none when the
// folder is absent), each as the first frame at an offset on a larger
// canvas, followed by a second frame; and a few damaged files made in code.
func webpSeeds(maxLen int) [][]byte {
	var stills [][]byte
	if dir := testimage.XImageTestdata(); dir != "" {
		names, _ := filepath.Glob(filepath.Join(dir, "*.webp"))
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil && len(data) <= maxLen {
				stills = append(stills, data)
			}
		}
	}
	var seeds [][]byte
	for i, s := range stills {
		chunks, w, h, err := webptest.Image(s)
		if err != nil {
			continue
		}
		next := stills[(i+1)%len(stills)]
		if a, err := webptest.Animation(w+4, h+2, webptest.Frame{X: 4, Y: 2, Still: s}, webptest.Frame{Still: next}); err == nil {
			seeds = append(seeds, a)
		}
		canvas := webptest.VP8X(webptest.FlagAnimation|webptest.FlagAlpha, w, h)
		seeds = append(seeds,
			webptest.File(canvas, webptest.ANMF(2, 0, w, h, 0, chunks...)), // outside the canvas
			webptest.File(canvas, webptest.ANMF(0, 0, w, h, 0, append([][]byte{webptest.Chunk("XTRA", []byte{1})}, chunks...)...)))
	}
	canvas := webptest.VP8X(webptest.FlagAnimation, 16, 16)
	return append(seeds,
		webptest.File(canvas, webptest.ANIM([4]byte{}, 0)),
		webptest.File(canvas, webptest.ANMF(0, 0, 16, 16, 0)),
		webptest.File(canvas, webptest.ANMF(0, 0, 16, 16, 0, webptest.Chunk("VP8L", []byte{0x2f, 15, 0xc0, 3, 0}))),
		webptest.File(canvas, webptest.ANMF(0, 0, 16, 16, 0, webptest.ANMF(0, 0, 16, 16, 0))))
}

// FuzzWebPFirstFrame checks that webp.FirstFrame never panics, fails only
// with its typed errors, fails whenever the first frame does not lie inside
// the canvas, and otherwise returns an *image.NRGBA of exactly the canvas
// (as webptest.Layout reads it) that is transparent outside the frame.
func FuzzWebPFirstFrame(f *testing.F) {
	for _, s := range webpSeeds(12 << 10) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := webp.FirstFrame(data, 1<<18)
		canvas, frame, ok := webptest.Layout(data)
		if err != nil {
			var (
				fe webp.FormatError
				le *webp.LimitError
				re *webp.FrameError
				de *webp.DecodeError
			)
			if img != nil || !(errors.As(err, &fe) || errors.As(err, &le) || errors.As(err, &re) || errors.As(err, &de) && de.Err != nil) {
				t.Fatalf("untyped error %#v, or an image with it", err)
			}
			return
		}
		bounds := image.Rect(0, 0, canvas.X, canvas.Y)
		switch m, isNRGBA := img.(*image.NRGBA); {
		case !ok:
			t.Fatalf("decoded %v from a file whose layout cannot be read", img.Bounds())
		case !frame.In(bounds):
			t.Fatalf("no error for frame %v outside the %v canvas", frame, canvas)
		case !isNRGBA || m.Rect != bounds:
			t.Fatalf("got %T of %v, want *image.NRGBA of %v", img, img.Bounds(), bounds)
		default:
			for y := range canvas.Y {
				for x := range canvas.X {
					if c := m.NRGBAAt(x, y); c != (color.NRGBA{}) && !(image.Point{x, y}).In(frame) {
						t.Fatalf("pixel (%d,%d) = %v outside frame %v", x, y, c, frame)
					}
				}
			}
		}
	})
}

package profileimage

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/webp/webptest"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// animatedWebP builds an animated WebP from two still files of
// golang.org/x/image's testdata: the first at at on a canvas of the given
// size, the second at the origin (nil for a one-frame animation). It also
// returns the first frame as libwebp shows the still (see
// webptest.NRGBA), on a transparent canvas. It skips t when the testdata
// folder is absent.
func animatedWebP(t *testing.T, canvas, at image.Point, first, second string) ([]byte, *image.NRGBA) {
	t.Helper()
	dir := webptest.Testdata(t)
	var frames []webptest.Frame
	var want *image.NRGBA
	for i, name := range []string{first, second} {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f := webptest.Frame{Still: data}
		if i == 0 {
			f.X, f.Y = at.X, at.Y
			img, err := webp.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			want = image.NewNRGBA(image.Rect(0, 0, canvas.X, canvas.Y))
			shown := webptest.NRGBA(img)
			draw.Draw(want, shown.Rect.Add(at), shown, image.Point{}, draw.Src)
		}
		frames = append(frames, f)
	}
	data, err := webptest.Animation(canvas.X, canvas.Y, frames...)
	if err != nil {
		t.Fatal(err)
	}
	return data, want
}

// meanAbsDiffRGBA is the mean absolute difference of two images of the same
// bounds, per premultiplied 8-bit channel, alpha included.
func meanAbsDiffRGBA(a, b image.Image) float64 {
	r := a.Bounds()
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			for _, d := range [4]float64{float64(r1) - float64(r2), float64(g1) - float64(g2), float64(b1) - float64(b2), float64(a1) - float64(a2)} {
				sum += abs(d) / 257
			}
		}
	}
	return sum / float64(4*r.Dx()*r.Dy())
}

// normalizeWebP normalizes data for p and decodes the result, which must
// keep the canvas size.
func normalizeWebP(t *testing.T, data []byte, p vendors.Profile, canvas image.Point) (*Result, image.Image) {
	t.Helper()
	res, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatalf("%s: %v", p.Name, err)
	}
	out, _, err := image.Decode(bytes.NewReader(res.Data))
	if err != nil {
		t.Fatalf("%s: the %s output does not decode: %v", p.Name, res.Format, err)
	}
	if out.Bounds() != image.Rect(0, 0, canvas.X, canvas.Y) || res.Width != canvas.X || res.Height != canvas.Y {
		t.Fatalf("%s: output %v, result says %dx%d, want the %v canvas", p.Name, out.Bounds(), res.Width, res.Height, canvas)
	}
	return res, out
}

func hasStep(res *Result, op StepOp) bool {
	return slices.ContainsFunc(res.Steps, func(s Step) bool { return s.Op == op })
}

func TestNormalizeAnimatedWebPKeepsTheFirstFrame(t *testing.T) {
	canvas := image.Pt(512, 512) // Slack's minimum; no crop or scaling
	data, want := animatedWebP(t, canvas, image.Pt(56, 104), "yellow_rose.lossy-with-alpha.webp", "video-001.lossy.webp")

	slack := vendors.MustLookup("slack")
	res, out := normalizeWebP(t, data, slack, canvas)
	if !hasStep(res, "first-frame") || res.Source.Frames != 2 || res.Source.Format != vendors.WebP {
		t.Errorf("steps %v, source %+v: want the first of 2 WebP frames kept", res.Steps, res.Source)
	}
	if res.Format != vendors.PNG {
		t.Errorf("format %s, want png for a transparent frame", res.Format)
	}
	if d := meanAbsDiffRGBA(out, want); d > 0.05 {
		t.Errorf("png output differs from the first frame by %.2f levels on average", d)
	}

	// JPEG only: the frame is flattened onto white.
	graph := vendors.MustLookup("microsoft-graph")
	res, out = normalizeWebP(t, data, graph, canvas)
	if res.Format != vendors.JPEG || !hasStep(res, "first-frame") || !hasStep(res, "flattened") {
		t.Errorf("format %s, steps %v: want a flattened jpeg of the first frame", res.Format, res.Steps)
	}
	white := image.NewNRGBA(want.Rect)
	draw.Draw(white, white.Rect, image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(white, white.Rect, want, image.Point{}, draw.Over)
	if d := meanAbsDiffRGBA(out, white); d > 2 {
		t.Errorf("jpeg output differs from the flattened first frame by %.2f levels on average", d)
	}

	// A profile that rejects animation says so.
	slack.Animation = vendors.Animation{Mode: vendors.AnimationReject}
	_, err := Normalize(context.Background(), data, slack)
	var ve *validate.Error
	if !errors.Is(err, validate.ErrAnimated) || !errors.As(err, &ve) || ve.Reason != vendors.ReasonAnimated {
		t.Errorf("got %v, want the animated rejection", err)
	}
}

// TestNormalizeOneFrameAnimatedWebP: a file whose VP8X says it is animated,
// with a single ANMF frame, is decoded the same way.
func TestNormalizeOneFrameAnimatedWebP(t *testing.T) {
	canvas := image.Pt(160, 120)
	data, want := animatedWebP(t, canvas, image.Pt(4, 8), "video-001.lossy.webp", "")
	res, out := normalizeWebP(t, data, vendors.MustLookup("zoom"), canvas)
	if res.Source.Frames != 1 || hasStep(res, "first-frame") {
		t.Errorf("steps %v, %d frame(s): want a one-frame source", res.Steps, res.Source.Frames)
	}
	if d := meanAbsDiffRGBA(out, want); d > 0.05 {
		t.Errorf("output differs from the frame by %.2f levels on average", d)
	}
}

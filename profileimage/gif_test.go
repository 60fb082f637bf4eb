package profileimage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"testing"

	"github.com/profileimage/profileimage/internal/gif/giftest"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// pngOnly is zoom's profile (no fit, no square, no minimum) writing PNG, so
// that an output is the decoded upload, pixel for pixel.
func pngOnly() vendors.Profile {
	p := vendors.MustLookup("zoom")
	p.Accept = append(p.Accept, vendors.GIF)
	p.Output.Formats = []vendors.Format{vendors.PNG}
	return p
}

func nrgbaDigest(img image.Image) string {
	b := img.Bounds()
	m := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Rect, img, b.Min, draw.Src)
	sum := sha256.Sum256(m.Pix)
	return fmt.Sprintf("%dx%d:%s", b.Dx(), b.Dy(), hex.EncodeToString(sum[:]))
}

// TestNormalizeGIFFramePlacedAsLibvips: a first frame smaller than the
// logical screen comes out at the screen's size, placed and filled as
// libvips 8.14 decodes the same file (the digests are libvips' decodes,
// from internal/gif/testdata/make.py, which also made the files).
func TestNormalizeGIFFramePlacedAsLibvips(t *testing.T) {
	tests := []struct{ file, vips string }{
		// 24x16 at (9,7) on 40x30, no transparency: black around it.
		{"magick-first-frame-offset.gif", "40x30:0da775b53a4faf39955ebe86d59d9ca0795587e2aefbdf8da8b7daaaf3c0043b"},
		// 30x20 at (7,5) on 44x32, with a transparent index.
		{"magick-transparent-offset.gif", "44x32:2f0edccc8bfe4e1464c3da1c1d6fca058f35bbda7c254a4f1364acfd34e42291"},
	}
	for _, tc := range tests {
		data, err := os.ReadFile("testdata/" + tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Validate(context.Background(), data, pngOnly()); err != nil {
			t.Errorf("%s: Validate: %v", tc.file, err)
		}
		res, err := Normalize(context.Background(), data, pngOnly())
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		out, err := png.Decode(bytes.NewReader(res.Data))
		if err != nil {
			t.Fatal(err)
		}
		if got := nrgbaDigest(out); got != tc.vips {
			t.Errorf("%s: %s, libvips %s", tc.file, got, tc.vips)
		}
	}
}

// TestNormalizeGIFTransparentFrameFlattened: for a JPEG-only vendor, the
// transparent surround of a small first frame becomes white.
func TestNormalizeGIFTransparentFrameFlattened(t *testing.T) {
	data := giftest.File(giftest.Screen(64, 48, giftest.Four, 3), giftest.GraphicControl(0, 0),
		giftest.Frame{X: 16, Y: 16, W: 32, H: 16, Pixels: repeat(2, 32*16)}.Bytes(), []byte{giftest.Trailer})
	p := vendors.MustLookup("microsoft-graph")
	p.Accept = append(p.Accept, vendors.GIF)
	res, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := image.Decode(bytes.NewReader(res.Data))
	if err != nil || res.Format != vendors.JPEG || !hasStep(res, "flattened") || out.Bounds() != image.Rect(0, 0, 64, 48) {
		t.Fatalf("%v %s %v %v", err, res.Format, res.Steps, out.Bounds())
	}
	near := func(c color.Color, r, g, b uint8) bool {
		cr, cg, cb, _ := c.RGBA()
		d := func(x uint32, y uint8) bool { return abs(float64(x>>8)-float64(y)) <= 8 }
		return d(cr, r) && d(cg, g) && d(cb, b)
	}
	if !near(out.At(4, 4), 255, 255, 255) || !near(out.At(32, 24), 0, 0, 255) {
		t.Errorf("outside %v, inside %v: want white around blue", out.At(4, 4), out.At(32, 24))
	}
}

func repeat(v, n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// TestNormalizeDamagedAnimationKeepsTheFirstFrame: what follows an intact
// first frame does not decide the verdict of a first-frame profile.
func TestNormalizeDamagedAnimationKeepsTheFirstFrame(t *testing.T) {
	head := giftest.Screen(40, 30, giftest.Four, 0)
	first := giftest.Frame{W: 40, H: 30, Pixels: repeat(1, 40*30)}.Bytes()
	second := giftest.Frame{X: 30, Y: 20, W: 20, H: 20, Pixels: repeat(3, 400)}.Bytes() // partly outside
	tests := []struct {
		name   string
		data   []byte
		frames int
	}{
		{"cut in the second frame", giftest.File(head, first, second[:len(second)/2]), 2},
		{"unknown block after the first frame", giftest.File(head, first, []byte{0x42, 0, 0}, second, []byte{giftest.Trailer}), 1},
		{"no trailer", giftest.File(head, first, second), 2},
		{"second frame outside the screen", giftest.File(head, first, second, []byte{giftest.Trailer}), 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Normalize(context.Background(), tc.data, pngOnly())
			if err != nil {
				t.Fatal(err)
			}
			out, _ := png.Decode(bytes.NewReader(res.Data))
			if res.Source.Frames != tc.frames || (tc.frames > 1) != hasStep(res, "first-frame") || out == nil ||
				out.Bounds().Dx() != 40 || color.NRGBAModel.Convert(out.At(39, 29)) != (color.NRGBA{0, 255, 0, 255}) {
				t.Errorf("frames %d, steps %v, corner %v", res.Source.Frames, res.Steps, out.At(39, 29))
			}
		})
	}
	// A first frame cut off is still corrupt, with the vendor's answer.
	_, err := Normalize(context.Background(), giftest.File(head, first[:len(first)-20]), vendors.MustLookup("ringcentral"))
	var ve *validate.Error
	if !errors.As(err, &ve) || ve.Reason != vendors.ReasonCorrupt || ve.Vendor.Code != "ACT-331" {
		t.Errorf("cut first frame: %v", err)
	}
}

// TestNormalizeLongAnimationIsItsFirstFrame: 200 frames of 2000x2000 are
// 800 MP over all frames, but RingCentral (12 MP) keeps the first frame,
// which is 4 MP.
func TestNormalizeLongAnimationIsItsFirstFrame(t *testing.T) {
	blocks := [][]byte{giftest.Screen(2000, 2000, giftest.Four, 0),
		giftest.Frame{W: 2000, H: 2000, Pixels: repeat(2, 5000)}.Bytes()} // too little data: the rest is black
	for range 199 {
		blocks = append(blocks, giftest.Frame{W: 1, H: 1, Pixels: []int{1}}.Bytes())
	}
	data := giftest.File(append(blocks, []byte{giftest.Trailer})...)
	p := vendors.MustLookup("ringcentral")
	if _, err := Validate(context.Background(), data, p); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	res, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Source.Frames != 200 || res.Width != 2000 || res.Height != 2000 || !hasStep(res, "first-frame") {
		t.Errorf("%+v %v", res.Source, res.Steps)
	}
}

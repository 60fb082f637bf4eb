package profileimage

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/webp/webptest"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/vendors"
)

// The lossy WebP fixtures and libwebp's decode of each (see
// testdata/README.md): dwebp's output stored as a lossless WebP, which
// golang.org/x/image/webp decodes exactly.
var lossyWebPs = []struct{ name, reference string }{
	{"landscape.lossy.webp", "landscape.lossy.dwebp.webp"},
	{"landscape-oval.lossy-alpha.webp", "landscape-oval.lossy-alpha.dwebp.webp"},
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// libwebpDecode returns the reference decode stored in name.
func libwebpDecode(t *testing.T, name string) *image.NRGBA {
	t.Helper()
	img, err := webp.Decode(bytes.NewReader(readTestdata(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	m, ok := img.(*image.NRGBA)
	if !ok {
		t.Fatalf("%s decodes to %T: not the lossless reference", name, img)
	}
	return m
}

// agreement compares got with want, premultiplied 8-bit channels, alpha
// included: the mean and largest absolute difference, and the least-squares
// line got ≈ slope·want + offset over the colour channels of opaque pixels.
type agreement struct{ mean, max, slope, offset float64 }

func agree(got, want image.Image) agreement {
	r := want.Bounds()
	var sum, worst, n float64
	var sx, sy, sxx, sxy, m float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := got.At(x, y).RGBA()
			r2, g2, b2, a2 := want.At(x, y).RGBA()
			g, w := [4]uint32{r1, g1, b1, a1}, [4]uint32{r2, g2, b2, a2}
			for c := range 4 {
				d := math.Abs(float64(g[c])-float64(w[c])) / 257
				sum += d
				worst = math.Max(worst, d)
				n++
				if c < 3 && a2 == 0xffff {
					u, v := float64(w[c])/257, float64(g[c])/257
					sx, sy, sxx, sxy, m = sx+u, sy+v, sxx+u*u, sxy+u*v, m+1
				}
			}
		}
	}
	slope := (m*sxy - sx*sy) / (m*sxx - sx*sx)
	return agreement{mean: sum / n, max: worst, slope: slope, offset: (sy - slope*sx) / m}
}

// onWhite is m composited onto white, as a JPEG output flattens it.
func onWhite(m image.Image) *image.NRGBA {
	out := image.NewNRGBA(m.Bounds())
	draw.Draw(out, out.Rect, image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(out, out.Rect, m, m.Bounds().Min, draw.Over)
	return out
}

// webpProfile is a profile that writes format only, fits in box×box (0: the
// size is kept) and takes any WebP as it is.
func webpProfile(format vendors.Format, box int) vendors.Profile {
	p := vendors.MustLookup("zoom")
	p.Name = "test-" + string(format)
	p.MaxBytes = 0
	p.Output.Formats = []vendors.Format{format}
	p.Output.Quality = 100
	p.Fit = vendors.Fit{MaxWidth: box, MaxHeight: box}
	return p
}

// TestLossyWebPLooksAsLibwebpShowsIt: a lossy WebP's limited-range samples
// come out full range, in every path an output can take: kept at its size
// (JPEG: the decoded planes expanded in place and encoded; PNG: the copy
// that scale makes), resampled (the expansion fused into the resample),
// with an ALPH chunk (converted as its rows are read), and as the first
// frame of an animation (internal/webp converts it). Each output is
// compared with libwebp's decode (dwebp), resampled with the same kernel
// where ours was, and flattened onto white for a JPEG: within 2 levels on
// average and on a line of slope 1 (x/image's VP8 decoder gave
// 0.86·libwebp + 15 before: black at 16, white at 235).
//
// The largest differences are at sharp colour edges of kept-size outputs:
// libwebp upsamples the 4:2:0 chroma with its "fancy" interpolation, while
// a Y'CbCr image is read with each chroma sample covering 2x2 pixels.
func TestLossyWebPLooksAsLibwebpShowsIt(t *testing.T) {
	for _, fx := range lossyWebPs {
		data := readTestdata(t, fx.name)
		ref := libwebpDecode(t, fx.reference)
		for _, tc := range []struct {
			name   string
			format vendors.Format
			box    int
		}{
			{"kept png", vendors.PNG, 0},
			{"kept jpeg", vendors.JPEG, 0},
			{"resampled png", vendors.PNG, 100},
			{"resampled jpeg", vendors.JPEG, 100},
		} {
			t.Run(fx.name+"/"+tc.name, func(t *testing.T) {
				res, err := Normalize(context.Background(), data, webpProfile(tc.format, tc.box))
				if err != nil {
					t.Fatal(err)
				}
				out, _, err := image.Decode(bytes.NewReader(res.Data))
				if err != nil {
					t.Fatal(err)
				}
				want := image.Image(ref)
				if out.Bounds().Size() != ref.Rect.Size() {
					if want, err = scale.Resize(context.Background(), ref, res.Width, res.Height, nil); err != nil {
						t.Fatal(err)
					}
				}
				if res.Format == vendors.JPEG {
					want = onWhite(want)
				}
				checkAgreement(t, out, want)
			})
		}
		t.Run(fx.name+"/first frame", func(t *testing.T) {
			canvas, at := ref.Rect.Size().Add(image.Pt(30, 20)), image.Pt(10, 6)
			anim, err := webptest.Animation(canvas.X, canvas.Y, webptest.Frame{Still: data, X: at.X, Y: at.Y})
			if err != nil {
				t.Fatal(err)
			}
			res, err := Normalize(context.Background(), anim, webpProfile(vendors.PNG, 0))
			if err != nil {
				t.Fatal(err)
			}
			out, _, err := image.Decode(bytes.NewReader(res.Data))
			if err != nil {
				t.Fatal(err)
			}
			want := image.NewNRGBA(image.Rectangle{Max: canvas})
			draw.Draw(want, ref.Rect.Add(at), ref, image.Point{}, draw.Src)
			checkAgreement(t, out, want)
		})
	}
}

func checkAgreement(t *testing.T, got, want image.Image) {
	t.Helper()
	a := agree(got, want)
	t.Logf("mean %.2f, max %.0f levels; ours = %.3f·libwebp %+.2f", a.mean, a.max, a.slope, a.offset)
	if a.mean > 2 || math.Abs(a.slope-1) > 0.02 || math.Abs(a.offset) > 2 {
		t.Errorf("mean difference %.2f levels (max %.0f), ours = %.3f·libwebp %+.2f: want within 2 levels, slope 1, offset 0",
			a.mean, a.max, a.slope, a.offset)
	}
}

// TestLossyWebPScaleAll: every size of a profile, each cropped to a centre
// square, some made from a larger one, is expanded once: none is left
// limited, none is expanded twice.
func TestLossyWebPScaleAll(t *testing.T) {
	data := readTestdata(t, lossyWebPs[0].name)
	ref := libwebpDecode(t, lossyWebPs[0].reference)
	p := vendors.MustLookup("ringcentral")
	p.Output.Quality = 100 // the JPEG's own loss aside
	results, err := ScaleAll(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		out, _, err := image.Decode(bytes.NewReader(res.Data))
		if err != nil {
			t.Fatal(err)
		}
		want := image.Image(ref)
		if res.Size != vendors.OriginalSize {
			side := min(ref.Rect.Dx(), ref.Rect.Dy())
			x0 := (ref.Rect.Dx() - side) / 2
			crop := image.Rect(x0, 0, x0+side, side)
			if want, err = scale.Resize(context.Background(), ref, res.Width, res.Height, &scale.Options{Crop: crop}); err != nil {
				t.Fatal(err)
			}
		}
		t.Run(res.Size, func(t *testing.T) { checkAgreement(t, out, want) })
	}
}

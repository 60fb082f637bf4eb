package jpeg_test

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// The fixtures in testdata (see testdata/README.md) are made by cjpeg and
// damaged by hand; ref/NAME.png is djpeg's decode of NAME.jpg, and SAME
// lists the files that decode as another one.

func fixture(t testing.TB, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name+".jpg"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sameAs reads testdata/SAME: file name -> the file it decodes as.
func sameAs(t testing.TB) map[string]string {
	f, err := os.Open(filepath.Join("testdata", "SAME"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if name, of, ok := strings.Cut(sc.Text(), " "); ok {
			out[name] = of
		}
	}
	return out
}

// rejected are the fixtures Decode refuses, with how.
var rejected = map[string]func(error) bool{
	"cut":             func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) },
	"progressive-cut": func(err error) bool { return errors.Is(err, io.ErrUnexpectedEOF) },
	"restart-cut-eoi": func(err error) bool {
		return errors.As(err, new(jpeg.FormatError)) && !errors.Is(err, io.ErrUnexpectedEOF)
	},
	"soi-damaged": func(err error) bool { return errors.As(err, new(jpeg.FormatError)) },
	"no-soi":      func(err error) bool { return errors.As(err, new(jpeg.FormatError)) },
}

// clean are the accepted fixtures that report no repair: those that need
// none, and restart-junk, whose few junk bytes the bit reader takes in as
// the interval's last bits and drops at the restart marker (libjpeg drops
// them as silently).
func clean(name string) bool {
	switch name {
	case "base", "arithmetic", "progressive", "restart", "restart-progressive", "fill-bytes", "empty-segments", "restart-junk":
		return true
	}
	return strings.HasPrefix(name, "sample-")
}

// rgbPixels returns img as 8-bit R, G, B rows: Y'CbCr converted with
// color.YCbCrToRGB, as a caller converts it.
func rgbPixels(img image.Image) []byte {
	b := img.Bounds()
	out := make([]byte, 0, 3*b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			switch m := img.(type) {
			case *image.YCbCr:
				c := m.YCbCrAt(x, y)
				r, g, bl := color.YCbCrToRGB(c.Y, c.Cb, c.Cr)
				out = append(out, r, g, bl)
			default:
				r, g, bl, _ := img.At(x, y).RGBA()
				out = append(out, byte(r>>8), byte(g>>8), byte(bl>>8))
			}
		}
	}
	return out
}

func decodeWarn(data []byte, s int) (image.Image, []jpeg.Warning, error) {
	var warns []jpeg.Warning
	img, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: s, Warn: func(w jpeg.Warning) { warns = append(warns, w) }})
	return img, warns, err
}

// TestDecodeAsLibjpeg decodes every fixture: those djpeg decodes to pixels
// of their own match its decode within one level (the rounding of the
// Y'CbCr to RGB conversion; RGB streams match exactly), with the type the
// package documents; those that decode as another file give its pixels
// exactly; repairs are reported, clean files report none; the rest are
// refused as the table says.
func TestDecodeAsLibjpeg(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.jpg"))
	same := sameAs(t)
	if len(files) < 30 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jpg")
		t.Run(name, func(t *testing.T) {
			data := fixture(t, name)
			img, warns, err := decodeWarn(data, 1)
			if ok, refused := rejected[name]; refused {
				if err == nil || !ok(err) {
					t.Fatalf("got %v, want the refusal of the table", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if clean(name) != (len(warns) == 0) {
				t.Errorf("warnings %v (clean file: %v)", warns, clean(name))
			}
			if of, ok := same[name]; ok {
				want, err := jpeg.Decode(fixture(t, of), nil)
				if err != nil {
					t.Fatal(err)
				}
				if d, err := maxDiff(img, want); err != nil || d != 0 {
					t.Errorf("differs from %s: %d, %v", of, d, err)
				}
				return
			}
			rf, err := os.Open(filepath.Join("testdata", "ref", name+".png"))
			if err != nil {
				t.Fatalf("no reference decode: %v", err)
			}
			defer rf.Close()
			ref, err := png.Decode(rf)
			if err != nil {
				t.Fatal(err)
			}
			if img.Bounds() != ref.Bounds() {
				t.Fatalf("bounds %v, djpeg %v", img.Bounds(), ref.Bounds())
			}
			got, want := rgbPixels(img), rgbPixels(ref)
			worst, sum := 0, 0
			for i := range got {
				d := int(got[i]) - int(want[i])
				worst, sum = max(worst, d, -d), sum+max(d, -d)
			}
			t.Logf("%T: max %d, mean %.3f against djpeg", img, worst, float64(sum)/float64(len(got)))
			if _, rgb := img.(*image.RGBA); worst > 1 || rgb && worst != 0 {
				t.Errorf("max difference %d from djpeg", worst)
			}
			switch m := img.(type) {
			case *image.YCbCr:
				cfg, _ := jpeg.DecodeConfig(data)
				if m.SubsampleRatio != cfg.Subsample {
					t.Errorf("subsampling %v, DecodeConfig says %v", m.SubsampleRatio, cfg.Subsample)
				}
				if strings.HasPrefix(name, "sample-") && m.SubsampleRatio != image.YCbCrSubsampleRatio444 {
					t.Errorf("general layout gave %v, want 4:4:4", m.SubsampleRatio)
				}
			case *image.RGBA:
				if !strings.Contains(name, "rgb") {
					t.Errorf("type %T", img)
				}
			default:
				t.Errorf("type %T", img)
			}
		})
	}
}

// ownScaled is what a general layout decoded at 1/s should give for plane
// i of full, its full-size decode, sampled by f of the largest factors
// fmax: the component's own samples (every one repeated in full), each
// s×s box of them averaged, repeated again over the scaled size.
func ownScaled(full plane, f, fmax image.Point, s int) plane {
	cw := (full.w*f.X + fmax.X - 1) / fmax.X
	ch := (full.h*f.Y + fmax.Y - 1) / fmax.Y
	own := plane{cw, ch, make([]byte, cw*ch)}
	for y := 0; y < ch; y++ {
		for x := 0; x < cw; x++ {
			// The first full-size pixel that shows sample (x, y).
			fx, fy := (x*fmax.X+f.X-1)/f.X, (y*fmax.Y+f.Y-1)/f.Y
			own.pix[y*cw+x] = full.pix[fy*full.w+fx]
		}
	}
	small := boxDown(own, s)
	w, h := (full.w+s-1)/s, (full.h+s-1)/s
	out := plane{w, h, make([]byte, w*h)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			out.pix[y*w+x] = small.pix[min(y*f.Y/fmax.Y, small.h-1)*small.w+min(x*f.X/fmax.X, small.w-1)]
		}
	}
	return out
}

// TestGeneralLayoutScaled decodes the general layouts at 1/2, 1/4 and 1/8:
// the size is rounded up, the type is the full decode's, each plane is
// close to its own samples in the full decode box-downscaled (what the
// DCT-domain scaling computes), and Rows hands out the finished image
// once.
func TestGeneralLayoutScaled(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "sample-*.jpg"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jpg")
		data := fixture(t, name)
		full, err := jpeg.Decode(data, nil)
		if err != nil {
			t.Fatal(err)
		}
		wp, err := planesOf(full)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []int{1, 2, 4, 8} {
			t.Run(name+"/1:"+strconv.Itoa(s), func(t *testing.T) {
				var calls [][2]int
				var seen image.Image
				got, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: s, Rows: func(img image.Image, y0, y1 int) error {
					calls, seen = append(calls, [2]int{y0, y1}), img
					return nil
				}})
				if err != nil {
					t.Fatal(err)
				}
				b := full.Bounds()
				if gb := got.Bounds(); gb.Dx() != (b.Dx()+s-1)/s || gb.Dy() != (b.Dy()+s-1)/s {
					t.Fatalf("bounds %v for %v", gb, b)
				}
				if len(calls) != 1 || calls[0] != [2]int{0, got.Bounds().Dy()} || seen != got {
					t.Errorf("Rows calls %v", calls)
				}
				if s == 1 {
					if d, err := maxDiff(got, full); err != nil || d != 0 {
						t.Errorf("with Rows: differs by %d, %v", d, err)
					}
					return
				}
				gp, err := planesOf(got)
				if err != nil || len(gp) != len(wp) {
					t.Fatalf("type %T, full %T: %v", got, full, err)
				}
				cfg, _ := jpeg.DecodeConfig(data)
				var fmax image.Point
				for _, f := range cfg.Sampling {
					fmax.X, fmax.Y = max(fmax.X, f.X), max(fmax.Y, f.Y)
				}
				for i, f := range cfg.Sampling {
					ref := ownScaled(wp[i], f, fmax, s)
					if p := psnr(ref, gp[i]); p < 38 {
						t.Errorf("plane %d: PSNR %.1f dB < 38", i, p)
					}
				}
			})
		}
	}
}

// TestGeneralLayoutsFromCode decodes layouts no tool writes, encoded here:
// factors that do not divide the largest ones (which libjpeg refuses),
// Cb and Cr sampled differently, and four components in the general
// path (CMYK, and YCCK converted to CMYK). Each channel must be close to
// the planes that were encoded, at scale 1, and the scaled decodes keep
// the type and the rounded-up size.
func TestGeneralLayoutsFromCode(t *testing.T) {
	const w, h = 61, 37
	photo := testimage.Photo(w, h, 4)
	planes := make([][]byte, 4)
	for c := range planes {
		planes[c] = make([]byte, w*h)
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := photo.YCbCrAt(x, y)
			i := y*w + x
			planes[0][i], planes[1][i], planes[2][i], planes[3][i] = p.Y, p.Cb, p.Cr, byte(4*x+y)
		}
	}
	pt := func(x, y int) image.Point { return image.Pt(x, y) }
	tests := []struct {
		name    string
		factors []image.Point
		adobe   int
	}{
		{"ycbcr-3x1-2x1-2x1", []image.Point{pt(3, 1), pt(2, 1), pt(2, 1)}, -1},
		{"ycbcr-2x3-1x2-1x2", []image.Point{pt(2, 3), pt(1, 2), pt(1, 2)}, -1},
		{"ycbcr-1x2-2x1-1x1", []image.Point{pt(1, 2), pt(2, 1), pt(1, 1)}, -1},
		{"cmyk-2x2-1x1-1x1-1x1", []image.Point{pt(2, 2), pt(1, 1), pt(1, 1), pt(1, 1)}, 0},
		{"ycck-1x1-1x1-1x1-2x2", []image.Point{pt(1, 1), pt(1, 1), pt(1, 1), pt(2, 2)}, 2},
	}
	for _, tc := range tests {
		for _, prog := range []bool{false, true} {
			name := tc.name
			if prog {
				name += "-progressive"
			}
			t.Run(name, func(t *testing.T) {
				n := len(tc.factors)
				data := jpeg.EncodeComponents(w, h, planes[:n], tc.factors, tc.adobe, 92, prog)
				img, err := jpeg.Decode(data, nil)
				if err != nil {
					t.Fatal(err)
				}
				// ideal: each plane as sampled by the encoder and repeated
				// back to full size, what a lossless coding would give.
				var fmax image.Point
				for _, f := range tc.factors {
					fmax.X, fmax.Y = max(fmax.X, f.X), max(fmax.Y, f.Y)
				}
				ideal := make([][]byte, n)
				for c := range ideal {
					ideal[c] = resampled(planes[c], w, h, tc.factors[c], fmax)
				}
				// want: what each channel of the output should hold.
				want := make([]plane, n)
				for c := range want {
					want[c] = plane{w, h, make([]byte, w*h)}
				}
				for i := 0; i < w*h; i++ {
					switch tc.adobe {
					case -1:
						want[0].pix[i], want[1].pix[i], want[2].pix[i] = ideal[0][i], ideal[1][i], ideal[2][i]
					case 0: // Adobe CMYK is stored inverted
						for c := range want {
							want[c].pix[i] = 255 - ideal[c][i]
						}
					case 2: // YCCK: Y'CbCr to RGB, whose inversion cancels Adobe's
						want[0].pix[i], want[1].pix[i], want[2].pix[i] = color.YCbCrToRGB(ideal[0][i], ideal[1][i], ideal[2][i])
						want[3].pix[i] = 255 - ideal[3][i]
					}
				}
				switch m := img.(type) {
				case *image.YCbCr:
					if tc.adobe != -1 || m.SubsampleRatio != image.YCbCrSubsampleRatio444 {
						t.Fatalf("%T %v", img, m.SubsampleRatio)
					}
				case *image.CMYK:
					if tc.adobe == -1 {
						t.Fatalf("%T", img)
					}
				default:
					t.Fatalf("%T", img)
				}
				got, err := planesOf(img)
				if err != nil {
					t.Fatal(err)
				}
				for c := range want {
					// JPEG's loss at quality 92; the conversion of YCCK to
					// RGB amplifies the chroma error.
					limit := 36.0
					if tc.adobe == 2 && c < 3 {
						limit = 28
					}
					if p := psnr(want[c], got[c]); p < limit {
						t.Errorf("channel %d: PSNR %.1f dB < %.0f against what was encoded", c, p, limit)
					}
				}
				for _, s := range []int{2, 8} {
					small, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: s})
					if err != nil {
						t.Fatal(err)
					}
					if small.Bounds() != image.Rect(0, 0, (w+s-1)/s, (h+s-1)/s) || fmt.Sprintf("%T", small) != fmt.Sprintf("%T", img) {
						t.Errorf("1/%d: %T %v", s, small, small.Bounds())
					}
				}
			})
		}
	}
}

// resampled is a w×h plane sampled by f of the largest factors fmax, as
// EncodeComponents samples it (each sample the mean of the pixels from
// x·fmax/f), and each sample repeated back over the pixels it stands for.
func resampled(p []byte, w, h int, f, fmax image.Point) []byte {
	span := func(x, f, fmax, n int) (int, int) {
		return x * fmax / f, min(max((x+1)*fmax/f, x*fmax/f+1), n)
	}
	out := make([]byte, w*h)
	for y := 0; y < h; y++ {
		y0, y1 := span(y*f.Y/fmax.Y, f.Y, fmax.Y, h)
		for x := 0; x < w; x++ {
			x0, x1 := span(x*f.X/fmax.X, f.X, fmax.X, w)
			sum, k := 0, 0
			for yy := y0; yy < y1; yy++ {
				for xx := x0; xx < x1; xx++ {
					sum += int(p[yy*w+xx])
					k++
				}
			}
			out[y*w+x] = byte((sum + k/2) / k)
		}
	}
	return out
}

package profileimage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// corpusFiles lists the test images of the Go tree, of golang.org/x/image
// and of the repository's test corpus.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	dirs := []string{testimage.GoTestdata(), testimage.XImageTestdata()}
	for _, d := range []string{"orientation", "pngsuite"} {
		dirs = append(dirs, testimage.Corpus(t, d))
	}
	var files []string
	for _, d := range dirs {
		if d == "" {
			continue // not on this machine
		}
		for _, ext := range []string{"*.jpeg", "*.jpg", "*.png", "*.gif", "*.webp", "*.bmp", "*.tiff", "*.tif"} {
			m, _ := filepath.Glob(filepath.Join(d, ext))
			files = append(files, m...)
		}
	}
	if len(files) == 0 {
		t.Fatal("no test images found, not even the Go tree's")
	}
	return files
}

// assertWithinProfile fails t when res breaks a limit of p.
func assertWithinProfile(t *testing.T, res *Result, p vendors.Profile, sz vendors.Size) {
	t.Helper()
	if v := profileViolation(res, p, sz); v != "" {
		t.Error(v)
	}
}

// profileViolation describes how res breaks a limit of p, or is "".
func profileViolation(res *Result, p vendors.Profile, sz vendors.Size) string {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(res.Data))
	switch {
	case err != nil:
		return fmt.Sprintf("output does not decode: %v", err)
	case vendors.Format(format) != res.Format || !p.Accepts(res.Format) || !slices.Contains(p.Output.Formats, res.Format):
		return fmt.Sprintf("output format %s (result says %s) is not one of the profile's %v", format, res.Format, p.Output.Formats)
	case cfg.Width != res.Width || cfg.Height != res.Height:
		return fmt.Sprintf("output is %dx%d, result says %dx%d", cfg.Width, cfg.Height, res.Width, res.Height)
	case p.MaxBytes > 0 && int64(len(res.Data)) > p.MaxBytes:
		return fmt.Sprintf("%d bytes, above the limit %d", len(res.Data), p.MaxBytes)
	case p.MaxPixels > 0 && int64(res.Width)*int64(res.Height) > p.MaxPixels:
		return fmt.Sprintf("%dx%d is above %d pixels", res.Width, res.Height, p.MaxPixels)
	case (p.MaxWidth > 0 && res.Width > p.MaxWidth) || (p.MaxHeight > 0 && res.Height > p.MaxHeight):
		return fmt.Sprintf("%dx%d is above the maximum %dx%d", res.Width, res.Height, p.MaxWidth, p.MaxHeight)
	case sz.Name == vendors.OriginalSize && (res.Width < p.MinWidth || res.Height < p.MinHeight):
		return fmt.Sprintf("%dx%d is below the minimum %dx%d", res.Width, res.Height, p.MinWidth, p.MinHeight)
	case (p.Fit.MaxWidth > 0 && res.Width > p.Fit.MaxWidth) || (p.Fit.MaxHeight > 0 && res.Height > p.Fit.MaxHeight):
		return fmt.Sprintf("%dx%d does not fit in %dx%d", res.Width, res.Height, p.Fit.MaxWidth, p.Fit.MaxHeight)
	case sz.Name == vendors.OriginalSize && p.Square.Mode != vendors.SquareNone && res.Width != res.Height:
		return fmt.Sprintf("%dx%d is not square", res.Width, res.Height)
	case sz.Width > 0 && (res.Width != sz.Width || res.Height != sz.Height):
		return fmt.Sprintf("%dx%d is not the size %s", res.Width, res.Height, sz.Name)
	case res.Hash != hashOf(res.Data) || res.ContentType != res.Format.ContentType():
		return "hash or content type do not describe the data"
	}
	if md := metadataIn(res.Data); md != "" {
		return "output carries metadata: " + md
	}
	return ""
}

// metadataIn names the first metadata segment or chunk in a JPEG or PNG.
func metadataIn(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		for p := 8; p+8 <= len(data); {
			n, kind := int(binary.BigEndian.Uint32(data[p:])), string(data[p+4:p+8])
			if !slices.Contains([]string{"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}, kind) {
				return "PNG chunk " + kind
			}
			p += 12 + n
		}
		return ""
	}
	for p := 2; p+4 <= len(data) && data[p] == 0xff; {
		m := data[p+1]
		if m == 0xfe || (m >= 0xe0 && m <= 0xef) {
			return fmt.Sprintf("JPEG marker %#x", m)
		}
		if m == 0xda { // start of scan: the header is over
			return ""
		}
		p += 2 + int(binary.BigEndian.Uint16(data[p+2:]))
	}
	return ""
}

// expectedReason is the verdict Normalize must reach for a file and profile:
// "" for accepted.
func expectedReason(t *testing.T, file string, data []byte, p vendors.Profile) []vendors.Reason {
	base := filepath.Base(file)
	if strings.HasPrefix(base, "x") && strings.Contains(file, "pngsuite") {
		return []vendors.Reason{vendors.ReasonCorrupt, vendors.ReasonUnsupportedFormat}
	}
	info, err := validate.Inspect(data)
	var ve *validate.Error
	if errors.As(err, &ve) {
		return []vendors.Reason{ve.Reason}
	}
	if err != nil {
		t.Fatalf("%s: Inspect: %v", file, err)
	}
	if !p.Fit.Enlarge && (info.OrientedWidth < p.MinWidth || info.OrientedHeight < p.MinHeight) {
		return []vendors.Reason{vendors.ReasonTooSmall}
	}
	if p.Animation.Mode == vendors.AnimationReject && info.Frames > 1 {
		return []vendors.Reason{vendors.ReasonAnimated}
	}
	return nil
}

func TestNormalizeCorpusForEveryProfile(t *testing.T) {
	files := corpusFiles(t)
	profiles := vendors.All()
	for i, file := range files {
		if testing.Short() && i%8 != 0 {
			continue // -short (as in CI's -race run) takes every 8th file
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range profiles {
			t.Run(p.Name+":"+filepath.Base(file), func(t *testing.T) {
				want := expectedReason(t, file, data, p)
				res, err := Normalize(context.Background(), data, p)
				if want != nil {
					var ve *validate.Error
					if !errors.As(err, &ve) || !slices.Contains(want, ve.Reason) {
						t.Fatalf("got %v, want a rejection for %v", err, want)
					}
					if ve.Vendor.Status < 400 || ve.Vendor.Message == "" {
						t.Errorf("rejection without the vendor's answer: %+v", ve.Vendor)
					}
					return
				}
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				assertWithinProfile(t, res, p, vendors.Size{Name: vendors.OriginalSize})
			})
		}
	}
}

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

func TestNormalizeMeetsTheByteCap(t *testing.T) {
	// A noisy 2000x2000 photo at quality 100 is far above Zoom's 2,000,000
	// bytes; at the profile's quality it is not, so make the budget bite
	// with a caller's profile that has a tight limit.
	p := vendors.MustLookup("zoom")
	p.MaxBytes = 60_000
	data := testimage.JPEG(testimage.Photo(1600, 1200, 3), 100)
	res, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	assertWithinProfile(t, res, p, vendors.Size{Name: vendors.OriginalSize})
	if res.Steps[len(res.Steps)-1].Detail == "jpeg quality 90" && res.Width == 1600 {
		t.Errorf("the byte budget did not change anything: %v", res.Steps)
	}
	// A limit no image can meet is the vendor's too-many-bytes.
	p.MaxBytes = 100
	_, err = Normalize(context.Background(), data, p)
	if !errors.Is(err, validate.ErrTooManyBytes) {
		t.Errorf("got %v, want ErrTooManyBytes", err)
	}
}

func TestNormalizeKeepsTransparencyOrFlattensIt(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, testimage.PhotoWithAlpha(300, 200, 5)); err != nil {
		t.Fatal(err)
	}
	zoom, err := Normalize(context.Background(), buf.Bytes(), vendors.MustLookup("zoom"))
	if err != nil {
		t.Fatal(err)
	}
	if zoom.Format != vendors.PNG {
		t.Errorf("transparent image for a vendor that takes PNG: got %s, want png", zoom.Format)
	}
	graph, err := Normalize(context.Background(), buf.Bytes(), vendors.MustLookup("microsoft-graph"))
	if err != nil {
		t.Fatal(err)
	}
	if graph.Format != vendors.JPEG || !slices.ContainsFunc(graph.Steps, func(s Step) bool { return s.Op == "flattened" }) {
		t.Errorf("JPEG-only vendor: got %s with steps %v, want a flattened jpeg", graph.Format, graph.Steps)
	}
}

func TestScaleUnknownSizeIsTheVendorsError(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_1.jpg")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Scale(context.Background(), data, vendors.MustLookup("ringcentral"), "92")
	var ve *validate.Error
	if !errors.Is(err, validate.ErrUnknownSize) || !errors.As(err, &ve) {
		t.Fatalf("got %v, want ErrUnknownSize", err)
	}
	if ve.Vendor.Status != 404 || ve.Vendor.Code != "ACT-333" || ve.Vendor.Message != "Profile image is not found for scale size [92]" {
		t.Errorf("vendor error %+v, want 404 ACT-333 with the size filled in", ve.Vendor)
	}
}

func TestScaleAllRingCentral(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("ringcentral")
	all, err := ScaleAll(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(p.Sizes) {
		t.Fatalf("got %d results, want %d", len(all), len(p.Sizes))
	}
	for i, res := range all {
		sz := p.Sizes[i]
		if res.Size != sz.Name {
			t.Errorf("result %d is size %q, want %q", i, res.Size, sz.Name)
		}
		assertWithinProfile(t, res, p, sz)
		one, err := Scale(context.Background(), data, p, sz.Name)
		if err != nil {
			t.Fatal(err)
		}
		if one.Width != res.Width || one.Height != res.Height || one.Format != res.Format {
			t.Fatalf("Scale(%s) gives %s %dx%d, ScaleAll %s %dx%d", sz.Name, one.Format, one.Width, one.Height, res.Format, res.Width, res.Height)
		}
		// ScaleAll makes the small sizes from the 584x584: they must look
		// the same as when made from the whole upload.
		if db := psnr(t, one.Data, res.Data); db < 40 {
			t.Errorf("%s: ScaleAll and Scale differ: PSNR %.1f dB, want >= 40", sz.Name, db)
		} else {
			t.Logf("%s: ScaleAll vs Scale PSNR %.1f dB", sz.Name, db)
		}
	}
	if all[0].Width != 1200 || all[0].Height != 1800 {
		t.Errorf("original is %dx%d, want the upright 1200x1800", all[0].Width, all[0].Height)
	}
}

// psnr decodes two same-size images and returns scaletest.PSNR of them.
func psnr(t *testing.T, a, b []byte) float64 {
	t.Helper()
	ia, _, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	db, err := scaletest.PSNR(ia, ib)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, err := os.ReadFile("testdata/Portrait_1.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Normalize(ctx, data, vendors.MustLookup("zoom")); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// flipContext is a context that is cancelled the moment its Err method has
// been called a given number of times: a way to cancel deterministically in
// the middle of the work.
type flipContext struct {
	context.Context
	mu      sync.Mutex
	calls   []time.Time
	flipAt  int // 0: never
	flipped time.Time
}

func (c *flipContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, time.Now())
	if c.flipAt == 0 || len(c.calls) < c.flipAt {
		return nil
	}
	if c.flipped.IsZero() {
		c.flipped = time.Now()
	}
	return context.Canceled
}

// TestCancelInTheMiddle cancels Normalize of a 12 MP JPEG at a check of the
// context inside the decode, then at one inside the resample, and reports
// (without asserting: tests assert no timings) how long after the
// cancellation the call returned, and the longest stretch of work between
// two checks.
func TestCancelInTheMiddle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12 MP JPEG")
	}
	data := testimage.JPEG(testimage.Photo(4000, 3000, 2), 90)
	p := vendors.MustLookup("smartsheet")
	// A whole run, to count the checks: Normalize makes one before the
	// decode and one after it; in between the decoder checks once per row
	// of MCUs, then (with one goroutine) the resample every 32 rows.
	watch := &flipContext{Context: context.Background()}
	if _, err := Normalize(watch, data, p, Concurrency(1)); err != nil {
		t.Fatal(err)
	}
	n := len(watch.calls)
	var longest time.Duration
	for i := 1; i < n; i++ {
		longest = max(longest, watch.calls[i].Sub(watch.calls[i-1]))
	}
	t.Logf("%d context checks; longest gap %v", n, longest)

	for _, c := range []struct {
		where  string
		flipAt int
	}{{"decode", 3}, {"resample", n - 3}} {
		ctx := &flipContext{Context: context.Background(), flipAt: c.flipAt}
		_, err := Normalize(ctx, data, p, Concurrency(1))
		returned := time.Now()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: got %v after %d context checks, want context.Canceled", c.where, err, len(ctx.calls))
		}
		t.Logf("cancelled in the %s: returned %v after the cancellation", c.where, returned.Sub(ctx.flipped))
	}
}

// TestResampleWhileDecodingChangesNothing makes the same outputs with one
// goroutine and with two, which resample while the JPEG decodes, for every
// orientation, with and without shrink-on-load, for one size and for all.
func TestResampleWhileDecodingChangesNothing(t *testing.T) {
	photo := testimage.Photo(1600, 1200, 9)
	for o := range uint16(8) {
		data := testimage.JPEG(photo, 85)
		if o > 0 {
			data = exiftest.Splice(data, exiftest.APP1(exiftest.Orientation(o+1)))
		}
		for _, v := range []string{"smartsheet", "ringcentral", "github"} {
			p := vendors.MustLookup(v)
			original := vendors.Size{Name: vendors.OriginalSize}
			src, err := load(context.Background(), data, p, newSettings([]Option{Concurrency(2)}), []vendors.Size{original})
			if err != nil {
				t.Fatal(err)
			}
			pl, err := makePlan(src.planW, src.planH, sizeTarget(p, original), image.Rectangle{})
			if err != nil {
				t.Fatal(err)
			}
			// A plan that only turns the image is written turned by the
			// encoder: nothing to resample.
			if turns := src.turnsOnly(pl); (src.early == nil) != turns {
				t.Errorf("orientation %d, %s: resample while decoding %v, plan only turns %v", o+1, v, src.early != nil, turns)
			}
			one, err1 := ScaleAll(context.Background(), data, p, Concurrency(1))
			two, err2 := ScaleAll(context.Background(), data, p, Concurrency(2))
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			for i := range one {
				if !bytes.Equal(one[i].Data, two[i].Data) {
					t.Errorf("orientation %d, %s %s: one and two goroutines differ", o+1, v, one[i].Size)
				}
			}
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
		decoded, _, err := decode(context.Background(), plain, validate.Info{Format: vendors.JPEG, Width: size.X, Height: size.Y}, 1, nil)
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
			turned, err := scale.Resize(decoded, w, h, &scale.Options{Orientation: o})
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

// TestNormalizePeakHeap bounds the bytes a 12 MP JPEG normalization
// allocates: all of it, so the peak too, stays under 1.5x the decoded
// source.
func TestNormalizePeakHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12 MP JPEG")
	}
	const w, h = 4000, 3000
	data := testimage.JPEG(testimage.Photo(w, h, 1), 90)
	decoded := float64(w * h * 3 / 2) // Y'CbCr 4:2:0
	p := vendors.MustLookup("smartsheet")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := Normalize(context.Background(), data, p, Concurrency(1))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	allocated := float64(after.TotalAlloc - before.TotalAlloc)
	t.Logf("Normalize of %.0f MP to %dx%d allocated %.1f MB (%.2fx the decoded source)", w*h/1e6, res.Width, res.Height, allocated/1e6, allocated/decoded)
	if allocated > 1.5*decoded {
		t.Errorf("allocated %.1f MB, more than 1.5x the decoded source (%.1f MB)", allocated/1e6, decoded/1e6)
	}
}

func TestAnimationFollowsTheProfile(t *testing.T) {
	frames := &gif.GIF{}
	for _, c := range []uint8{40, 200} {
		img := image.NewPaletted(image.Rect(0, 0, 40, 30), palette.Plan9)
		for i := range img.Pix {
			img.Pix[i] = c
		}
		frames.Image = append(frames.Image, img)
		frames.Delay = append(frames.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, frames); err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("smartsheet") // first-frame
	res, err := Normalize(context.Background(), buf.Bytes(), p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Steps[0].Op != "first-frame" || res.Source.Frames != 2 {
		t.Errorf("steps %v, frames %d: want the first frame kept", res.Steps, res.Source.Frames)
	}
	p.Animation = vendors.Animation{Mode: vendors.AnimationReject}
	p.Errors[vendors.ReasonAnimated] = vendors.VendorError{Status: 400, Code: "NO-GIFS", Message: "no animation"}
	_, err = Normalize(context.Background(), buf.Bytes(), p)
	var ve *validate.Error
	if !errors.Is(err, validate.ErrAnimated) || !errors.As(err, &ve) || ve.Vendor.Code != "NO-GIFS" {
		t.Errorf("got %v, want the profile's animated error", err)
	}
}

// TestConcurrentUse runs Normalize and ScaleAll from several goroutines at
// once (the -race run checks them for data races) and expects the same
// bytes as a lone call.
func TestConcurrentUse(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("ringcentral")
	want, err := ScaleAll(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			got, err := ScaleAll(context.Background(), data, p)
			if err != nil {
				t.Error(err)
				return
			}
			for i := range got {
				if got[i].Hash != want[i].Hash {
					t.Errorf("%s: concurrent call gave other bytes", got[i].Size)
				}
			}
		})
	}
	wg.Wait()
}

// TestScanCapIsCheckedOnce: the scan cap a caller sets is the one that
// decides (the JPEG decoder is given what Check approved, never its own,
// possibly stricter, default): exactly the file's scans pass, one fewer is
// the vendor's corrupt.
func TestScanCapIsCheckedOnce(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testimage.GoTestdata(), "video-001.progressive.jpeg"))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("zoom")
	lim := validate.Limits{MaxScans: info.Scans}
	if _, err := Normalize(context.Background(), data, p, WithLimits(lim)); err != nil {
		t.Fatalf("%d scans, cap %d: %v", info.Scans, lim.MaxScans, err)
	}
	lim.MaxScans = info.Scans - 1
	if _, err := Normalize(context.Background(), data, p, WithLimits(lim)); !errors.Is(err, validate.ErrCorrupt) {
		t.Errorf("cap below the scans: got %v, want ErrCorrupt", err)
	}
}

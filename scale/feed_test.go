package scale_test

import (
	"context"
	"errors"
	"image"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

// unwritten is what an arriving image holds where no row has been written
// yet: a resample that reads a row too early sees it.
const unwritten = 0xa5

// arriving returns an image with src's type and bounds whose pixels are all
// unwritten, and a function that copies rows [y0, y1) of src into it (for a
// Y'CbCr image, with the chroma rows whose last image row they hold: as
// late as a producer may write them).
func arriving(src image.Image) (image.Image, func(y0, y1 int)) {
	fill := func(pix []byte) {
		for i := range pix {
			pix[i] = unwritten
		}
	}
	copyRows := func(dst, src []byte, stride, n, y0, y1 int) {
		for y := y0; y < y1; y++ {
			copy(dst[y*stride:y*stride+n], src[y*stride:y*stride+n])
		}
	}
	b := src.Bounds()
	switch s := src.(type) {
	case *image.YCbCr:
		d := &image.YCbCr{Y: make([]byte, len(s.Y)), Cb: make([]byte, len(s.Cb)), Cr: make([]byte, len(s.Cr)),
			YStride: s.YStride, CStride: s.CStride, SubsampleRatio: s.SubsampleRatio, Rect: s.Rect}
		fill(d.Y)
		fill(d.Cb)
		fill(d.Cr)
		return d, func(y0, y1 int) {
			for y := y0; y < y1; y++ {
				i, j := s.YOffset(b.Min.X, y), s.YOffset(b.Max.X-1, y)
				copy(d.Y[i:j+1], s.Y[i:j+1])
				i, j = s.COffset(b.Min.X, y), s.COffset(b.Max.X-1, y)
				if y+1 < b.Max.Y && s.COffset(b.Min.X, y+1) == i {
					continue // the chroma row is final with its last image row
				}
				copy(d.Cb[i:j+1], s.Cb[i:j+1])
				copy(d.Cr[i:j+1], s.Cr[i:j+1])
			}
		}
	case *image.Gray:
		d := &image.Gray{Pix: make([]byte, len(s.Pix)), Stride: s.Stride, Rect: s.Rect}
		fill(d.Pix)
		return d, func(y0, y1 int) { copyRows(d.Pix, s.Pix, s.Stride, b.Dx(), y0-b.Min.Y, y1-b.Min.Y) }
	case *image.RGBA:
		d := &image.RGBA{Pix: make([]byte, len(s.Pix)), Stride: s.Stride, Rect: s.Rect}
		fill(d.Pix)
		return d, func(y0, y1 int) { copyRows(d.Pix, s.Pix, s.Stride, 4*b.Dx(), y0-b.Min.Y, y1-b.Min.Y) }
	case *image.NRGBA:
		d := &image.NRGBA{Pix: make([]byte, len(s.Pix)), Stride: s.Stride, Rect: s.Rect}
		fill(d.Pix)
		return d, func(y0, y1 int) { copyRows(d.Pix, s.Pix, s.Stride, 4*b.Dx(), y0-b.Min.Y, y1-b.Min.Y) }
	case *image.Paletted:
		d := &image.Paletted{Pix: make([]byte, len(s.Pix)), Stride: s.Stride, Rect: s.Rect, Palette: s.Palette}
		fill(d.Pix)
		return d, func(y0, y1 int) { copyRows(d.Pix, s.Pix, s.Stride, b.Dx(), y0-b.Min.Y, y1-b.Min.Y) }
	case scaletest.Opaque:
		d, write := arriving(s.Image)
		return scaletest.Opaque{Image: d}, write
	}
	panic("arriving: unexpected type")
}

// feedInChunks writes src into an arriving image chunk by chunk of 1 to
// maxChunk rows, reporting each one to a Feed, and returns Done's result
// and whether the feed streamed.
func feedInChunks(s *scale.Scaler, src image.Image, maxChunk int, seed uint64, always bool) (image.Image, bool, error) {
	img, write := arriving(src)
	f, err := s.Feed(context.Background(), img)
	if err != nil {
		return nil, false, err
	}
	if always {
		scale.StreamAlways(f)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	b := src.Bounds()
	for y := b.Min.Y; y < b.Max.Y; {
		n := min(1+rng.IntN(maxChunk), b.Max.Y-y)
		write(y, y+n)
		f.Ready(y + n)
		scale.Settle(f)
		y += n
	}
	out, err := f.Done()
	return out, scale.Streamed(f), err
}

// shifted returns a kind's w×h test image whose bounds start at row minY
// (a sub-image of a taller one), except for the generic kind.
func shifted(kind string, w, h, minY int, seed uint64) image.Image {
	m := makeImage(kind, w, h+minY, seed)
	if s, ok := m.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok && minY > 0 {
		return s.SubImage(image.Rect(0, minY, w, h+minY))
	}
	return makeImage(kind, w, h, seed)
}

func TestPropertyFeedEqualsResize(t *testing.T) {
	ps := gopter.NewProperties(params())
	ps.Property("a source fed row by row resamples to Resize's image, byte for byte", prop.ForAll(
		func(kind string, w, h, minY, dw, dh, o, ki, conc, chunk int, crop []int) bool {
			src := shifted(kind, w, h, minY, 7)
			ow, oh := w, h
			if o >= 5 {
				ow, oh = h, w
			}
			x0, y0 := crop[0]%ow, crop[1]%oh
			r := image.Rect(x0, y0, x0+1+crop[2]%(ow-x0), y0+1+crop[3]%(oh-y0))
			opts := &scale.Options{Kernel: kernels[ki], Orientation: o, Crop: r, Concurrency: conc}
			want, err := scale.Resize(context.Background(), src, dw, dh, opts)
			if err != nil {
				t.Log(err)
				return false
			}
			s, err := scale.NewScaler(w, h, dw, dh, opts)
			if err != nil {
				t.Log(err)
				return false
			}
			got, streamed, err := feedInChunks(s, src, chunk, uint64(w*h+chunk), true)
			if err != nil {
				t.Log(err)
				return false
			}
			_, nrgba := src.(*image.NRGBA)
			_, rgba := src.(*image.RGBA)
			if streamed == (nrgba || rgba) && h > chunk {
				// 8-bit RGBA must not stream: Done resamples it whole.
				t.Log("streamed:", streamed)
				return false
			}
			return sameImage(got, want)
		},
		gen.OneConstOf(append(toAny(kinds), "ycbcr440", "ycbcr411", "ycbcr410")...),
		gen.IntRange(1, 70), gen.IntRange(1, 70), gen.IntRange(0, 5),
		gen.IntRange(1, 60), gen.IntRange(1, 60), gen.IntRange(1, 8), gen.IntRange(0, len(kernels)-1),
		gen.IntRange(1, 4), gen.IntRange(1, 20),
		gen.SliceOfN(4, gen.IntRange(0, 1000)),
	))
	ps.TestingRun(t)
}

// TestFeedStreamsALargeImage feeds a 1200×900 photo in rows of 16, as a
// JPEG decoder hands out rows of MCUs, without forcing the streaming path:
// with two goroutines allowed it streams, and gives Resize's image.
func TestFeedStreamsALargeImage(t *testing.T) {
	src := makeImage("ycbcr420", 1200, 900, 3)
	opts := &scale.Options{Orientation: 6, Concurrency: 2}
	want, err := scale.Resize(context.Background(), src, 300, 400, opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := scale.NewScaler(1200, 900, 300, 400, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, streamed, err := feedInChunks(s, src, 16, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	if !streamed {
		t.Error("a 1200x900 resample on two goroutines did not stream")
	}
	if !sameImage(got, want) {
		t.Error("fed image differs from Resize's")
	}
	// With one goroutine, Done does all the work, with the same result.
	one, err := scale.NewScaler(1200, 900, 300, 400, &scale.Options{Orientation: 6, Concurrency: 1})
	if err != nil {
		t.Fatal(err)
	}
	got, streamed, err = feedInChunks(one, src, 16, 1, false)
	if err != nil || streamed || !sameImage(got, want) {
		t.Errorf("Concurrency 1: err %v, streamed %v, same %v", err, streamed, sameImage(got, want))
	}
}

// startFeed makes a streaming feed of a 200×150 photo into 50×40 with the
// top half of its rows written and final, and returns it with the
// function that writes the rest and the photo.
func startFeed(t *testing.T, ctx context.Context) (*scale.Feed, func(y0, y1 int), image.Image) {
	t.Helper()
	src := makeImage("ycbcr420", 200, 150, 4)
	s, err := scale.NewScaler(200, 150, 50, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	img, write := arriving(src)
	f, err := s.Feed(ctx, img)
	if err != nil {
		t.Fatal(err)
	}
	scale.StreamAlways(f)
	write(0, 75)
	f.Ready(75)
	if !scale.Streamed(f) {
		t.Fatal("did not stream")
	}
	return f, write, src
}

func TestFeedAbort(t *testing.T) {
	before := runtime.NumGoroutine()
	f, _, _ := startFeed(t, context.Background())
	f.Abort()
	// Abort returns once the plane goroutines have finished their work;
	// they may still be exiting, so give them a moment to go. A leaked
	// one would stay for ever.
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); n > before && time.Now().Before(deadline); n = runtime.NumGoroutine() {
		time.Sleep(time.Millisecond)
	}
	if n > before {
		t.Errorf("%d goroutines after Abort, %d before the feed", n, before)
	}
	f.Ready(150) // ignored
	if out, err := f.Done(); out != nil || !errors.Is(err, scale.ErrAborted) {
		t.Errorf("Done after Abort: %v, %v; want nil, ErrAborted", out, err)
	}
	f.Abort() // a second Abort does nothing
}

func TestFeedDoneTwice(t *testing.T) {
	f, _, _ := startFeed(t, context.Background())
	a, err1 := f.Done()
	b, err2 := f.Done()
	if err1 != nil || err2 != nil || a != b {
		t.Errorf("Done twice: %v %v, same image %v", err1, err2, a == b)
	}
	f.Abort() // after Done, does nothing
	if c, err := f.Done(); c != a || err != nil {
		t.Errorf("Abort after Done changed the result: %v", err)
	}
}

// TestFeedContextCancel cancels the context while the planes wait for rows
// that never come: Done returns the context's error.
func TestFeedContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f, _, _ := startFeed(t, ctx)
	cancel()
	if _, err := f.Done(); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestFeedErrors(t *testing.T) {
	s, err := scale.NewScaler(20, 10, 5, 5, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Feed(context.Background(), nil); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("nil source: %v", err)
	}
	if _, err := s.Feed(context.Background(), image.NewGray(image.Rect(0, 0, 10, 20))); !errors.Is(err, scale.ErrSourceSize) {
		t.Errorf("wrong size: %v", err)
	}
	short := &image.Gray{Pix: make([]byte, 10), Stride: 20, Rect: image.Rect(0, 0, 20, 10)}
	if _, err := s.Feed(context.Background(), short); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("short pixels: %v", err)
	}
}

// TestFeedWaitsForRows checks that no plane reads past what Ready reported:
// after the top half of a 4:2:0 image is final, the planes go as far as
// they may; rows written after that still count.
func TestFeedWaitsForRows(t *testing.T) {
	f, write, src := startFeed(t, context.Background())
	want, err := scale.Resize(context.Background(), src, 50, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	scale.Settle(f)
	write(75, 150)
	got, err := f.Done()
	if err != nil || !sameImage(got, want) {
		t.Errorf("err %v, same %v", err, sameImage(got, want))
	}
}

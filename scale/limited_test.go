package scale_test

import (
	"context"
	"errors"
	"image"
	"image/color"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/limitedrange"
	"github.com/profileimage/profileimage/scale"
)

// squeezed returns a copy of a Y'CbCr image with its samples squeezed into
// the limited range (luma 16..235, chroma 16..240), as a VP8 decode gives;
// with overshoot, one luma sample in 97 is left outside it, as the ringing
// of a lossy codec may leave it.
func squeezed(m *image.YCbCr, overshoot bool) *image.YCbCr {
	out := image.NewYCbCr(m.Rect, m.SubsampleRatio)
	for i, v := range m.Y {
		out.Y[i] = uint8(16 + int(v)*219/255)
		if overshoot && i%97 == 0 {
			out.Y[i] = v
		}
	}
	for i := range m.Cb {
		out.Cb[i] = uint8(16 + int(m.Cb[i])*224/255)
		out.Cr[i] = uint8(16 + int(m.Cr[i])*224/255)
	}
	return out
}

// expandedCopy is the source expanded to full range first.
func expandedCopy(t *testing.T, m *image.YCbCr) *image.YCbCr {
	c := image.NewYCbCr(m.Rect, m.SubsampleRatio)
	copy(c.Y, m.Y)
	copy(c.Cb, m.Cb)
	copy(c.Cr, m.Cr)
	if err := scale.ExpandLimitedRange(c); err != nil {
		t.Fatal(err)
	}
	return c
}

// maxPlaneDiff is the largest difference of two images' samples, plane by
// plane (the images have the same type and bounds).
func maxPlaneDiff(a, b image.Image) int {
	worst := 0
	pa, pb := planes(a), planes(b)
	for i := range pa {
		for j := range pa[i] {
			worst = max(worst, absInt(int(pa[i][j])-int(pb[i][j])))
		}
	}
	return worst
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// TestPropertyLimitedRangeCommutesWithTheResample: expanding the
// resampled planes (from their sums, before rounding) gives the resample
// of the expanded source within one level, whatever the kernel,
// orientation, crop and pad; a plan that only moves the samples of every
// plane gives it exactly. The pad keeps the pad colour, in full range.
// (A source sample outside the limited range is clamped once, after the
// resample, instead of before it: near one, the two may differ by more;
// TestLimitedRangeDownscaleOfAPhoto has such samples.)
func TestPropertyLimitedRangeCommutesWithTheResample(t *testing.T) {
	ps := gopter.NewProperties(params())
	worst := 0
	ps.Property("resample then expand == expand then resample, within 1", prop.ForAll(
		func(kind string, w, h, dw, dh, o, ki int, sameSize bool) bool {
			src := squeezed(makeImage(kind, w, h, 11).(*image.YCbCr), false)
			ow, oh := w, h
			if o >= 5 {
				ow, oh = h, w
			}
			opts := &scale.Options{Kernel: kernels[ki], Orientation: o, PadColor: color.NRGBA{200, 30, 90, 255}}
			if sameSize {
				dw, dh = ow, oh
			} else {
				opts.Pad = image.Rect(0, 0, dw, dh).Inset(min(dw, dh) / 5)
			}
			want, err1 := scale.Resize(context.Background(), expandedCopy(t, src), dw, dh, opts)
			opts.LimitedRange = true
			got, err2 := scale.Resize(context.Background(), src, dw, dh, opts)
			if err1 != nil || err2 != nil {
				t.Log(err1, err2)
				return false
			}
			d := maxPlaneDiff(got, want)
			worst = max(worst, d)
			// A copy of every plane is exact; a transposed 4:2:2 image
			// has its chroma resampled even at the same size.
			if sameSize && (kind != "ycbcr422" || o < 5) && d != 0 {
				t.Logf("%s %dx%d o %d: a copy differs by %d", kind, w, h, o, d)
				return false
			}
			return d <= 1
		},
		gen.OneConstOf("ycbcr420", "ycbcr444", "ycbcr422"), gen.IntRange(1, 60), gen.IntRange(1, 60),
		gen.IntRange(1, 70), gen.IntRange(1, 70), gen.IntRange(1, 8), gen.IntRange(0, len(kernels)-1), gen.Bool(),
	))
	ps.TestingRun(t)
	t.Logf("largest difference: %d level(s)", worst)
}

// TestLimitedRangeDownscaleOfAPhoto: a real downscale (box pre-reduction,
// then Lanczos3) of a larger photo, in one call and through a Scaler
// twice, against expanding first.
func TestLimitedRangeDownscaleOfAPhoto(t *testing.T) {
	src := squeezed(makeImage("ycbcr420", 900, 700, 12).(*image.YCbCr), true)
	want, err := scale.Resize(context.Background(), expandedCopy(t, src), 90, 70, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := scale.NewScaler(900, 700, 90, 70, &scale.Options{LimitedRange: true, Orientation: 1})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		got, err := s.Resize(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		if d := maxPlaneDiff(got, want); d > 1 {
			t.Fatalf("differs by %d levels from expanding first", d)
		}
	}
	// Without the option the samples stay as stored: black stays at 16.
	plain, _ := scale.Resize(context.Background(), src, 90, 70, nil)
	if d := maxPlaneDiff(plain, want); d < 10 {
		t.Errorf("without LimitedRange the output differs by only %d levels: the option is not what changes it", d)
	}
}

// TestLimitedRangeAlpha: an *image.NYCbCrA resampled with LimitedRange is
// the NRGBA converted with the limited-range matrix first and resampled,
// within a level (the NRGBA was rounded to 8 bits first), transparency
// included; the kept size too.
func TestLimitedRangeAlpha(t *testing.T) {
	base := squeezed(makeImage("ycbcr420", 61, 47, 13).(*image.YCbCr), false)
	src := &image.NYCbCrA{YCbCr: *base, A: make([]uint8, 61*47), AStride: 61}
	for i := range src.A {
		src.A[i] = uint8(i * 7 % 256)
		if i%5 == 0 {
			src.A[i] = 0xff
		}
	}
	rgb := image.NewNRGBA(src.Rect)
	for y := range 47 {
		for x := range 61 {
			ci := src.COffset(x, y)
			r, g, b := limitedrange.RGB(src.Y[src.YOffset(x, y)], src.Cb[ci], src.Cr[ci])
			rgb.SetNRGBA(x, y, color.NRGBA{r, g, b, src.A[src.AOffset(x, y)]})
		}
	}
	for _, size := range []image.Point{{61, 47}, {30, 23}, {17, 40}} {
		want, err1 := scale.Resize(context.Background(), rgb, size.X, size.Y, nil)
		got, err2 := scale.Resize(context.Background(), src, size.X, size.Y, &scale.Options{LimitedRange: true})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if d := maxPlaneDiff(got, want); d > 1 {
			t.Errorf("%v: differs by %d levels from converting first", size, d)
		}
	}
	short := *src
	short.A = short.A[:10]
	if _, err := scale.Resize(context.Background(), &short, 10, 10, &scale.Options{LimitedRange: true}); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("an alpha plane too short: got %v, want ErrInvalidSource", err)
	}
}

func TestExpandLimitedRange(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 3, 3), image.YCbCrSubsampleRatio420)
	copy(m.Y, []uint8{16, 235, 126, 0, 255, 17, 16, 16, 16})
	copy(m.Cb, []uint8{128, 16, 240, 128})
	copy(m.Cr, []uint8{16, 240, 128, 128})
	if err := scale.ExpandLimitedRange(m); err != nil {
		t.Fatal(err)
	}
	l := limitedrange.Luma()
	wantY := []uint8{0, 255, l.Sample(126), 0, 255, l.Sample(17), 0, 0, 0}
	wantC := [2][]uint8{{128, 0, 255, 128}, {0, 255, 128, 128}}
	if string(m.Y) != string(wantY) || string(m.Cb) != string(wantC[0]) || string(m.Cr) != string(wantC[1]) {
		t.Errorf("got Y %v Cb %v Cr %v, want %v %v", m.Y, m.Cb, m.Cr, wantY, wantC)
	}
	m.Cr = m.Cr[:1]
	if err := scale.ExpandLimitedRange(m); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("short chroma: got %v", err)
	}
	if err := scale.ExpandLimitedRange(nil); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("nil: got %v", err)
	}
}

package scale_test

import (
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
)

func TestKernels(t *testing.T) {
	for _, k := range kernels {
		if k.At(k.Support+1e-4) != 0 {
			t.Errorf("%s: At(Support+eps) = %v, want 0", k.Name, k.At(k.Support+1e-4))
		}
		if k.At(0) <= 0 {
			t.Errorf("%s: At(0) = %v, want > 0", k.Name, k.At(0))
		}
	}
	var names []string
	for _, k := range kernels {
		names = append(names, k.Name)
	}
	if got := strings.Join(names, " "); got != "lanczos3 catmullrom linear box nearest" {
		t.Errorf("Kernels() = %s", got)
	}
}

// TestDefaultKernelIsNotTheVariable assigns to the exported variable
// Lanczos3: the default kernel (the zero Kernel) stays Lanczos3.
func TestDefaultKernelIsNotTheVariable(t *testing.T) {
	src := testimage.Photo(90, 60, 3)
	want, err := scale.Resize(context.Background(), src, 30, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	saved := scale.Lanczos3
	scale.Lanczos3 = scale.Box
	defer func() { scale.Lanczos3 = saved }()
	got, err := scale.Resize(context.Background(), src, 30, 20, nil)
	if err != nil || !sameImage(got, want) {
		t.Errorf("after assigning Box to Lanczos3 the default changed (err %v)", err)
	}
}

// TestWeightsSumToOne checks, through the pixels, that the fixed-point
// weights of every kernel sum to exactly one for many scale factors: an
// image of a single 8-bit level stays that level, for every level.
func TestWeightsSumToOne(t *testing.T) {
	for _, k := range kernels {
		for _, sz := range [][4]int{{100, 1, 7, 1}, {7, 1, 100, 1}, {1000, 1, 3, 1}, {33, 1, 32, 1}, {1, 100, 1, 9}, {3000, 1, 90, 1}} {
			src := image.NewGray(image.Rect(0, 0, sz[0], sz[1]))
			for level := range 256 {
				for i := range src.Pix {
					src.Pix[i] = uint8(level)
				}
				out, err := scale.Resize(context.Background(), src, sz[2], sz[3], &scale.Options{Kernel: k})
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range out.(*image.Gray).Pix {
					if int(v) != level {
						t.Fatalf("%s %v level %d: got %d", k.Name, sz, level, v)
					}
				}
			}
		}
	}
}

func TestErrors(t *testing.T) {
	src := testimage.Photo(40, 30, 1)
	bad := func(at float64) func(float64) float64 { return func(float64) float64 { return at } }
	for _, c := range []struct {
		name string
		w, h int
		opts *scale.Options
		want error
	}{
		{"zero width", 0, 10, nil, scale.ErrInvalidSize},
		{"negative height", 10, -1, nil, scale.ErrInvalidSize},
		{"absurd", 1 << 20, 1 << 20, nil, scale.ErrInvalidSize},
		{"overflow", math.MaxInt, math.MaxInt, nil, scale.ErrInvalidSize},
		{"orientation 9", 10, 10, &scale.Options{Orientation: 9}, scale.ErrInvalidOrientation},
		{"orientation -1", 10, 10, &scale.Options{Orientation: -1}, scale.ErrInvalidOrientation},
		{"crop outside", 10, 10, &scale.Options{Crop: image.Rect(0, 0, 41, 30)}, scale.ErrInvalidCrop},
		{"crop outside oriented", 10, 10, &scale.Options{Orientation: 6, Crop: image.Rect(0, 0, 40, 30)}, scale.ErrInvalidCrop},
		{"crop empty", 10, 10, &scale.Options{Crop: image.Rect(5, 5, 5, 9)}, scale.ErrInvalidCrop},
		{"pad outside", 10, 10, &scale.Options{Pad: image.Rect(0, 0, 11, 10)}, scale.ErrInvalidPad},
		{"negative concurrency", 10, 10, &scale.Options{Concurrency: -1}, scale.ErrInvalidConcurrency},
		{"nil At", 10, 10, &scale.Options{Kernel: scale.Kernel{Name: "x", Support: 1}}, scale.ErrInvalidKernel},
		{"NaN support", 10, 10, &scale.Options{Kernel: scale.Kernel{Name: "x", Support: math.NaN(), At: bad(1)}}, scale.ErrInvalidKernel},
		{"huge support", 10, 10, &scale.Options{Kernel: scale.Kernel{Name: "x", Support: 1e9, At: bad(1)}}, scale.ErrInvalidKernel},
		{"zero kernel", 10, 10, &scale.Options{Kernel: scale.Kernel{Name: "x", Support: 2, At: bad(0)}}, scale.ErrInvalidKernel},
		{"NaN kernel", 10, 10, &scale.Options{Kernel: scale.Kernel{Name: "x", Support: 2, At: bad(math.NaN())}}, scale.ErrInvalidKernel},
		{"wild kernel", 10, 10, &scale.Options{Kernel: scale.Kernel{Name: "x", Support: 2, At: func(t float64) float64 { return math.Cos(3 * t) }}}, scale.ErrInvalidKernel},
	} {
		_, err := scale.Resize(context.Background(), src, c.w, c.h, c.opts)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
	short := &image.NRGBA{Pix: make([]uint8, 10), Stride: 40, Rect: image.Rect(0, 0, 10, 10)}
	if _, err := scale.Resize(context.Background(), short, 5, 5, nil); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("short NRGBA: got %v", err)
	}
	if _, err := scale.Resize(context.Background(), image.NewGray(image.Rect(3, 3, 3, 9)), 5, 5, nil); !errors.Is(err, scale.ErrInvalidSource) {
		t.Errorf("empty source: got %v", err)
	}
	s, _ := scale.NewScaler(40, 30, 10, 10, nil)
	if _, err := s.Resize(context.Background(), testimage.Photo(41, 30, 1)); !errors.Is(err, scale.ErrSourceSize) {
		t.Errorf("wrong size: got %v", err)
	}
	if err := s.ResizeInto(context.Background(), image.NewGray(image.Rect(0, 0, 10, 10)), src); !errors.Is(err, scale.ErrInvalidDestination) {
		t.Errorf("wrong destination: got %v", err)
	}
}

func TestResizeNeverReturnsNorChangesItsInput(t *testing.T) {
	for _, kind := range kinds {
		src := makeImage(kind, 16, 16, 9)
		before := planesOf(src)
		out, err := scale.Resize(context.Background(), src, 16, 16, &scale.Options{Kernel: scale.Nearest})
		if err != nil {
			t.Fatal(err)
		}
		if out == src {
			t.Errorf("%s: Resize returned its input", kind)
		}
		if m, ok := out.(*image.NRGBA); ok {
			m.Pix[0]++
		}
		if after := planesOf(src); after != before {
			t.Errorf("%s: Resize changed its input", kind)
		}
	}
}

func planesOf(m image.Image) string {
	var b []byte
	r := m.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBA64Model.Convert(m.At(x, y)).(color.NRGBA64)
			b = append(b, byte(c.R>>8), byte(c.G>>8), byte(c.B>>8), byte(c.A>>8))
		}
	}
	return string(b)
}

func TestConcurrencyDoesNotChangePixels(t *testing.T) {
	for _, kind := range []string{"ycbcr420", "nrgba"} {
		src := makeImage(kind, 640, 480, 3)
		one, _ := scale.Resize(context.Background(), src, 200, 150, &scale.Options{Concurrency: 1, Orientation: 7})
		many, _ := scale.Resize(context.Background(), src, 200, 150, &scale.Options{Concurrency: 7, Orientation: 7})
		if !sameImage(one, many) {
			t.Errorf("%s: Concurrency 1 and 7 differ", kind)
		}
	}
}

// TestBandsWhoseFirstRowReadsFewerRows covers an axis whose window of
// source rows moves backwards: an output row that falls exactly on a source
// row reads that row alone (the kernel is zero at the other integers), and
// the next output row starts earlier. A band starting at such a row must
// still resample the rows that the next one needs.
func TestBandsWhoseFirstRowReadsFewerRows(t *testing.T) {
	for _, kind := range []string{"ycbcr422", "nrgba"} {
		// 499 stored rows to 525 output rows: output 262 lies exactly on
		// source row 249, and 525 rows split into two bands at 262.
		src := makeImage(kind, 701, 499, 3)
		one, err := scale.Resize(context.Background(), src, 788, 525, &scale.Options{Concurrency: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{2, 3, 4} {
			many, _ := scale.Resize(context.Background(), src, 788, 525, &scale.Options{Concurrency: n})
			if !sameImage(one, many) {
				t.Errorf("%s: Concurrency 1 and %d differ", kind, n)
			}
		}
	}
}

func TestContextCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := scale.Resize(ctx, testimage.Photo(400, 300, 1), 100, 75, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// countdown is a context that is done from the n-th call of its Err on: a
// way to cancel at a known point in the middle of the work.
type countdown struct {
	context.Context
	mu    sync.Mutex
	n     int
	calls int
}

func (c *countdown) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

// TestContextCancelInTheMiddle cancels a resample after its first checks,
// with one goroutine and with several, and checks that it stops there
// instead of running to the end.
func TestContextCancelInTheMiddle(t *testing.T) {
	src := testimage.Photo(1200, 900, 2)
	for _, conc := range []int{1, 3} {
		whole := &countdown{Context: context.Background(), n: 1 << 30}
		if _, err := scale.Resize(whole, src, 300, 225, &scale.Options{Concurrency: conc}); err != nil {
			t.Fatal(err)
		}
		ctx := &countdown{Context: context.Background(), n: 3}
		_, err := scale.Resize(ctx, src, 300, 225, &scale.Options{Concurrency: conc})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Concurrency %d: got %v, want context.Canceled", conc, err)
		}
		// Each goroutine stops at its next check once one has seen it.
		if ctx.calls >= whole.calls {
			t.Errorf("Concurrency %d: %d checks after a cancellation at the 3rd, as many as a whole resample (%d)", conc, ctx.calls, whole.calls)
		}
	}
}

// TestNoDarkFringes resamples a cut-out on a transparent background whose
// hidden colour is white: premultiplied alpha keeps the white out of the
// edge, and the edge's colour stays close to the subject's.
func TestNoDarkFringes(t *testing.T) {
	src := testimage.PhotoWithAlpha(400, 400, 5)
	// Make the hidden colour black, the worst case for darkening.
	for i := 0; i < len(src.Pix); i += 4 {
		if src.Pix[i+3] == 0 {
			src.Pix[i], src.Pix[i+1], src.Pix[i+2] = 0, 0, 0
		}
	}
	out, err := scale.Resize(context.Background(), src, 97, 97, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := out.(*image.NRGBA)
	subject := meanColour(m, func(a uint8) bool { return a == 255 })
	edge := meanColour(m, func(a uint8) bool { return a > 8 && a < 200 })
	if edge < subject*0.85 {
		t.Fatalf("edge brightness %.1f much darker than the subject's %.1f: dark fringe", edge, subject)
	}
}

func meanColour(m *image.NRGBA, pick func(uint8) bool) float64 {
	sum, n := 0.0, 0
	for i := 0; i < len(m.Pix); i += 4 {
		if pick(m.Pix[i+3]) {
			sum += float64(m.Pix[i]) + float64(m.Pix[i+1]) + float64(m.Pix[i+2])
			n++
		}
	}
	return sum / float64(max(n, 1)) / 3
}

func TestPad(t *testing.T) {
	src := testimage.Photo(200, 100, 2)
	out, err := scale.Resize(context.Background(), src, 100, 100, &scale.Options{Pad: image.Rect(0, 25, 100, 75), PadColor: color.White})
	if err != nil {
		t.Fatal(err)
	}
	m := out.(*image.YCbCr)
	if c := m.YCbCrAt(50, 5); c.Y != 255 || c.Cb != 128 || c.Cr != 128 {
		t.Errorf("pad pixel %v, want white", c)
	}
	n, _ := scale.Resize(context.Background(), testimage.NRGBA(src), 100, 100, &scale.Options{Pad: image.Rect(10, 0, 90, 100)})
	if c := n.(*image.NRGBA).NRGBAAt(5, 50); c != (color.NRGBA{}) {
		t.Errorf("default pad %v, want transparent", c)
	}
}

func TestAllocationsAreConstant(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items: allocation counts are measured without it")
	}
	src := testimage.Photo(800, 600, 1)
	nrgba := testimage.NRGBA(src)
	s, _ := scale.NewScaler(800, 600, 200, 150, &scale.Options{Concurrency: 1})
	dst := image.NewYCbCr(image.Rect(0, 0, 200, 150), image.YCbCrSubsampleRatio420)
	direct, _ := scale.NewScaler(800, 600, 600, 450, &scale.Options{Concurrency: 1})
	gray := image.NewGray(image.Rect(0, 0, 800, 600))
	copy(gray.Pix, src.Y)
	grayModel := struct{ image.Image }{gray} // not an *image.Gray: read through At
	for _, c := range []struct {
		name string
		f    func()
		max  float64
	}{
		{"Resize ycbcr", func() { scale.Resize(context.Background(), src, 200, 150, &scale.Options{Concurrency: 1}) }, 45},
		{"Resize ycbcr, 2 goroutines", func() { scale.Resize(context.Background(), src, 200, 150, &scale.Options{Concurrency: 2}) }, 50},
		{"Resize ycbcr, large", func() { scale.Resize(context.Background(), src, 700, 500, &scale.Options{Concurrency: 1}) }, 45},
		{"Scaler ycbcr", func() { s.Resize(context.Background(), src) }, 16},
		{"Scaler nrgba", func() { s.Resize(context.Background(), nrgba) }, 16},
		{"ResizeInto", func() { s.ResizeInto(context.Background(), dst, src) }, 16},
		// A source read through its colour model, without box
		// pre-reduction: its row buffer must be reused, not made per row.
		{"Scaler gray model, direct", func() { direct.Resize(context.Background(), grayModel) }, 16},
	} {
		if n := testing.AllocsPerRun(20, c.f); n > c.max {
			t.Errorf("%s: %v allocations per run, want at most %v", c.name, n, c.max)
		}
	}
	// The output dominates the bytes: a Scaler allocates little more (its
	// pooled scratch, some 110 KB here, is made again when a collection
	// empties the pool, which costs some kilobytes a run on average; a
	// buffer made per row would cost hundreds).
	var before, after runtime.MemStats
	const runs = 100
	runtime.ReadMemStats(&before)
	for range runs {
		s.Resize(context.Background(), src)
	}
	runtime.ReadMemStats(&after)
	out := 200*150 + 2*100*75
	if per := (after.TotalAlloc - before.TotalAlloc) / runs; per > uint64(out+12<<10) {
		t.Errorf("Scaler.Resize allocates %d bytes, the output is %d", per, out)
	}
}

// TestCorpusOrientations applies each EXIF orientation of the corpus
// pictures and compares with the upright one.
func TestCorpusOrientations(t *testing.T) {
	dir := testimage.Corpus(t, "orientation")
	load := func(name string) image.Image {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		m, err := jpeg.Decode(f)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	for _, base := range []string{"Landscape", "Portrait"} {
		want := load(base + "_1.jpg")
		w, h := want.Bounds().Dx()/6, want.Bounds().Dy()/6
		ref, _ := scale.Resize(context.Background(), want, w, h, nil)
		for o := 2; o <= 8; o++ {
			got, err := scale.Resize(context.Background(), load(base+"_"+string(rune('0'+o))+".jpg"), w, h, &scale.Options{Orientation: o})
			if err != nil {
				t.Fatal(err)
			}
			if d := meanAbsDiff(planes(ref)[0], planes(got)[0]); d > 12 {
				t.Errorf("%s_%d: mean difference %.1f from upright", base, o, d)
			}
		}
	}
}

func meanAbsDiff(a, b []byte) float64 {
	s := 0
	for i := range a {
		d := int(a[i]) - int(b[i])
		s += max(d, -d)
	}
	return float64(s) / float64(len(a))
}

func TestResizeIntoNilDestination(t *testing.T) {
	s, err := scale.NewScaler(8, 8, 4, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ResizeInto(context.Background(), nil, image.NewGray(image.Rect(0, 0, 8, 8))); !errors.Is(err, scale.ErrInvalidDestination) {
		t.Errorf("got %v, want ErrInvalidDestination", err)
	}
}

// TestPalettedIndexBeyondPalette resamples a paletted image whose indices
// lie beyond its palette or name a nil colour, which At would panic on:
// they read as transparent, as with an empty palette.
func TestPalettedIndexBeyondPalette(t *testing.T) {
	nils := make(color.Palette, 256)
	nils[0] = color.White
	for _, pal := range []color.Palette{{color.White}, nil, nils} {
		m := image.NewPaletted(image.Rect(0, 0, 8, 8), pal)
		for i := range m.Pix {
			m.Pix[i] = 200
		}
		out, err := scale.Resize(context.Background(), m, 4, 4, nil)
		if err != nil {
			t.Fatal(err)
		}
		if c := out.(*image.NRGBA).NRGBAAt(1, 1); c != (color.NRGBA{}) {
			t.Errorf("palette %v: %v, want transparent", pal, c)
		}
	}
}

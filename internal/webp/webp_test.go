package webp

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"

	xwebp "golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/webp/webptest"
)

// readStill reads a still WebP file from dir and decodes it with x/image.
func readStill(t *testing.T, dir, name string) ([]byte, image.Image) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	img, err := xwebp.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return data, img
}

func animation(t *testing.T, w, h int, frames ...webptest.Frame) []byte {
	t.Helper()
	data, err := webptest.Animation(w, h, frames...)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkFrame fails t unless got is a canvas-sized *image.NRGBA holding
// frame's pixels at at, and transparent black everywhere else.
func checkFrame(t *testing.T, got image.Image, frame image.Image, at, canvas image.Point) {
	t.Helper()
	m, ok := got.(*image.NRGBA)
	if !ok || m.Rect != image.Rect(0, 0, canvas.X, canvas.Y) {
		t.Fatalf("got %T with bounds %v, want *image.NRGBA of %v", got, got.Bounds(), canvas)
	}
	fb := frame.Bounds()
	r := fb.Sub(fb.Min).Add(at)
	shown := webptest.NRGBA(frame)
	bad := 0
	for y := range canvas.Y {
		for x := range canvas.X {
			want := color.NRGBA{}
			if (image.Point{x, y}).In(r) {
				want = shown.NRGBAAt(x-at.X, y-at.Y)
			}
			if c := m.NRGBAAt(x, y); c != want {
				if bad++; bad <= 5 {
					t.Errorf("pixel (%d,%d) = %v, want %v", x, y, c, want)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d pixels differ", bad, canvas.X*canvas.Y)
	}
}

func TestFirstFrameMatchesTheStillDecode(t *testing.T) {
	dir := webptest.Testdata(t)
	for _, tc := range []struct {
		name          string
		first, second string
		at            image.Point
		canvas        image.Point
	}{
		{"lossy with ALPH at an offset", "yellow_rose.lossy-with-alpha.webp", "video-001.lossy.webp", image.Pt(10, 6), image.Pt(420, 320)},
		{"lossy without alpha at an offset", "video-001.lossy.webp", "video-001.lossy.webp", image.Pt(4, 8), image.Pt(160, 120)},
		{"lossless filling the canvas", "gopher-doc.with-alpha.lossless.webp", "gopher-doc.8bpp.lossless.webp", image.Pt(0, 0), image.Pt(75, 100)},
		{"lossless at an offset", "blue-purple-pink.lossless.webp", "gopher-doc.8bpp.lossless.webp", image.Pt(32, 2), image.Pt(200, 110)},
		{"lossless in the bottom right corner", "gopher-doc.1bpp.lossless.webp", "blue-purple-pink.lossy.webp", image.Pt(74, 20), image.Pt(149, 120)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first, img := readStill(t, dir, tc.first)
			second, _ := readStill(t, dir, tc.second)
			data := animation(t, tc.canvas.X, tc.canvas.Y, webptest.Frame{X: tc.at.X, Y: tc.at.Y, Still: first}, webptest.Frame{Still: second})
			if !Animated(data) {
				t.Error("Animated is false for an animation")
			}
			got, err := FirstFrame(data, int64(tc.canvas.X*tc.canvas.Y))
			if err != nil {
				t.Fatal(err)
			}
			checkFrame(t, got, img, tc.at, tc.canvas)
		})
	}
}

// TestFirstFrameSkipsUnknownChunks: unknown chunks (odd-sized, so padded)
// before the first frame, and before and after its image chunks, are
// skipped; so is an ALPH chunk after the bitstream.
func TestFirstFrameSkipsUnknownChunks(t *testing.T) {
	dir := webptest.Testdata(t)
	file, img := readStill(t, dir, "yellow_rose.lossy-with-alpha.webp")
	chunks, w, h, err := webptest.Image(file)
	if err != nil {
		t.Fatal(err)
	}
	odd := webptest.Chunk("XTRA", []byte{1, 2, 3})
	frame := append([][]byte{odd}, chunks...)
	frame = append(frame, odd, chunks[0])
	data := webptest.File(webptest.VP8X(webptest.FlagAnimation|webptest.FlagAlpha, w+2, h+4), odd,
		webptest.ANIM([4]byte{}, 0), odd, webptest.ANMF(2, 4, w, h, 0, frame...))
	got, err := FirstFrame(data, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	checkFrame(t, got, img, image.Pt(2, 4), image.Pt(w+2, h+4))
}

func TestAnimated(t *testing.T) {
	dir := webptest.Testdata(t)
	for _, name := range []string{"yellow_rose.lossy-with-alpha.webp", "gopher-doc.with-alpha.lossless.webp", "video-001.lossy.webp"} {
		data, _ := readStill(t, dir, name)
		if Animated(data) {
			t.Errorf("%s: Animated is true for a still image", name)
		}
	}
	for _, data := range [][]byte{nil, []byte("RIFF"), webptest.File(webptest.VP8X(webptest.FlagAlpha, 8, 8))} {
		if Animated(data) {
			t.Errorf("Animated(%q) is true", data)
		}
	}
	if !Animated(webptest.File(webptest.VP8X(webptest.FlagAnimation, 8, 8))) {
		t.Error("Animated is false for a VP8X chunk with the animation flag")
	}
}

// errorKind names the type of a FirstFrame error.
func errorKind(err error) string {
	var (
		fe FormatError
		le *LimitError
		re *FrameError
		de *DecodeError
	)
	switch {
	case err == nil:
		return "nil"
	case errors.As(err, &fe):
		return "format"
	case errors.As(err, &le):
		return "limit"
	case errors.As(err, &re):
		return "frame"
	case errors.As(err, &de) && errors.Unwrap(err) != nil:
		return "decode"
	}
	return "untyped"
}

// setLE32 returns a copy of b with the little-endian uint32 at p set to v.
func setLE32(b []byte, p int, v uint32) []byte {
	b = bytes.Clone(b)
	binary.LittleEndian.PutUint32(b[p:], v)
	return b
}

func TestFirstFrameHostile(t *testing.T) {
	dir := webptest.Testdata(t)
	gopher, _ := readStill(t, dir, "gopher-doc.1bpp.lossless.webp") // 75x100, VP8L
	rose, _ := readStill(t, dir, "yellow_rose.lossy-with-alpha.webp")
	vp8l, _, _, err := webptest.Image(gopher)
	if err != nil {
		t.Fatal(err)
	}
	alphVP8, _, _, err := webptest.Image(rose) // ALPH, VP8 of 400x301
	if err != nil {
		t.Fatal(err)
	}
	const anim = webptest.FlagAnimation | webptest.FlagAlpha
	canvas := webptest.VP8X(anim, 75, 100)
	animChunk := webptest.ANIM([4]byte{}, 0)
	valid := webptest.File(canvas, animChunk, webptest.ANMF(0, 0, 75, 100, 0, vp8l...), webptest.ANMF(0, 0, 75, 100, 0, vp8l...))
	const firstANMF = 12 + 18 + 14 // RIFF header, VP8X, ANIM
	junk := make([][]byte, maxChunks)
	for i := range junk {
		junk[i] = webptest.Chunk("JUNK", nil)
	}
	garbage := webptest.Chunk("VP8 ", bytes.Repeat([]byte{0x5a}, 40))
	for _, tc := range []struct {
		name      string
		data      []byte
		maxPixels int64
		want      string
	}{
		{"valid", valid, 7500, "nil"},
		{"frame one step right of the canvas", webptest.File(canvas, animChunk, webptest.ANMF(2, 0, 75, 100, 0, vp8l...)), 7500, "frame"},
		{"frame one step below the canvas", webptest.File(canvas, animChunk, webptest.ANMF(0, 2, 75, 100, 0, vp8l...)), 7500, "frame"},
		{"frame wider than the canvas", webptest.File(webptest.VP8X(anim, 74, 100), animChunk, webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 7500, "frame"},
		{"frame at the largest offset", webptest.File(canvas, webptest.ANMF(1<<25-2, 1<<25-2, 1<<24, 1<<24, 0, vp8l...)), 7500, "frame"},
		{"canvas above the pixel limit", valid, 7499, "limit"},
		{"zero pixel limit", valid, 0, "limit"},
		{"largest canvas", webptest.File(webptest.VP8X(anim, 1<<24, 1<<24), webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 1 << 62, "limit"},
		{"not a RIFF file", []byte("GIF89a...."), 7500, "format"},
		{"RIFF but not WebP", []byte("RIFF\x04\x00\x00\x00WAVE"), 7500, "format"},
		{"RIFF size beyond the file", setLE32(valid, 4, uint32(len(valid))), 7500, "format"},
		{"RIFF size of 2^32-1", setLE32(valid, 4, 1<<32-1), 7500, "format"},
		{"ANMF size overflowing", setLE32(valid, firstANMF+4, 1<<32-1), 7500, "format"},
		{"ANMF size overflowing by one", setLE32(valid, firstANMF+4, uint32(len(valid)-firstANMF-8+1)), 7500, "format"},
		{"VP8L size overflowing its ANMF", setLE32(valid, firstANMF+8+16+4, uint32(len(vp8l[0]))), 7500, "format"},
		{"no chunks", webptest.File(), 7500, "format"},
		{"truncated chunk header", append(webptest.File(canvas), 'A', 'N'), 7500, "format"},
		{"no VP8X", webptest.File(animChunk, webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 7500, "format"},
		{"VP8X of 9 bytes", webptest.File(webptest.Chunk("VP8X", make([]byte, 9)), webptest.ANMF(0, 0, 1, 1, 0, vp8l...)), 7500, "format"},
		{"zero frames", webptest.File(canvas, animChunk), 7500, "format"},
		{"first ANMF with no frame data", webptest.File(canvas, animChunk, webptest.ANMF(0, 0, 75, 100, 0), webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 7500, "format"},
		{"first ANMF with unknown chunks only", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, webptest.Chunk("XTRA", []byte{1}))), 7500, "format"},
		{"ANMF shorter than its header", webptest.File(canvas, webptest.Chunk("ANMF", make([]byte, 15))), 7500, "format"},
		{"ANMF inside ANMF", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, webptest.ANMF(0, 0, 75, 100, 0, vp8l...))), 7500, "format"},
		{"VP8X inside ANMF", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, canvas, vp8l[0])), 7500, "format"},
		{"ANIM inside ANMF", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, animChunk, vp8l[0])), 7500, "format"},
		{"second VP8X", webptest.File(canvas, canvas, webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 7500, "format"},
		{"bitstream before the first ANMF", webptest.File(canvas, vp8l[0], webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 7500, "format"},
		{"ALPH before the first ANMF", webptest.File(canvas, alphVP8[0], webptest.ANMF(0, 0, 75, 100, 0, vp8l...)), 7500, "format"},
		{"two ALPH chunks", webptest.File(webptest.VP8X(anim, 400, 301), webptest.ANMF(0, 0, 400, 301, 0, alphVP8[0], alphVP8[0], alphVP8[1])), 1 << 20, "format"},
		{"ALPH before VP8L", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, alphVP8[0], vp8l[0])), 7500, "format"},
		{"more chunks than the cap", webptest.File(append(append([][]byte{canvas}, junk...), webptest.ANMF(0, 0, 75, 100, 0, vp8l...))...), 7500, "format"},
		{"garbage bitstream", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, garbage)), 7500, "decode"},
		{"bitstream smaller than its ANMF frame", webptest.File(canvas, webptest.ANMF(0, 0, 74, 100, 0, vp8l...)), 7500, "decode"},
		{"bitstream larger than its ANMF frame", webptest.File(webptest.VP8X(anim, 100, 100), webptest.ANMF(0, 0, 10, 10, 0, alphVP8...)), 10000, "decode"},
		{"ALPH cut short", webptest.File(webptest.VP8X(anim, 400, 301), webptest.ANMF(0, 0, 400, 301, 0, webptest.Chunk("ALPH", []byte{0, 1, 2}), alphVP8[1])), 1 << 20, "decode"},
		{"empty VP8 chunk", webptest.File(canvas, webptest.ANMF(0, 0, 75, 100, 0, webptest.Chunk("VP8 ", nil))), 7500, "decode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, err := FirstFrame(tc.data, tc.maxPixels)
			if got := errorKind(err); got != tc.want {
				t.Fatalf("error %v (%s), want a %s error", err, got, tc.want)
			}
			if (err == nil) != (img != nil) {
				t.Errorf("image %T with error %v", img, err)
			}
		})
	}
}

// TestFirstFrameTruncated cuts a valid two-frame file at every byte: as it
// is (the RIFF size then exceeds the file), and with the RIFF size set to
// what is left. Every cut is an error, except a RIFF payload cut after the
// first frame's chunk, which still decodes to the same image.
func TestFirstFrameTruncated(t *testing.T) {
	dir := webptest.Testdata(t)
	first, _ := readStill(t, dir, "gopher-doc.1bpp.lossless.webp")
	second, _ := readStill(t, dir, "gopher-doc.2bpp.lossless.webp")
	data := animation(t, 80, 102, webptest.Frame{X: 4, Y: 2, Still: first}, webptest.Frame{Still: second})
	want, err := FirstFrame(data, 80*102)
	if err != nil {
		t.Fatal(err)
	}
	_, _, anmfLen, err := (&walker{}).next(data, 12+18+14)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if img, err := FirstFrame(data[:n], 80*102); err == nil || img != nil {
			t.Fatalf("cut at %d: no error", n)
		}
		if n < 8 {
			continue
		}
		cut := setLE32(data[:n], 4, uint32(n-8))
		img, err := FirstFrame(cut, 80*102)
		switch {
		case n < anmfLen && err == nil:
			t.Fatalf("RIFF payload cut at %d, inside the first frame: no error", n)
		case n >= anmfLen && err != nil:
			t.Fatalf("RIFF payload cut at %d, after the first frame: %v", n, err)
		case err == nil && !bytes.Equal(img.(*image.NRGBA).Pix, want.(*image.NRGBA).Pix):
			t.Fatalf("RIFF payload cut at %d: a different image", n)
		}
		if k := errorKind(err); k == "untyped" {
			t.Fatalf("cut at %d: untyped error %v", n, err)
		}
	}
}

// Package webptest builds WebP files for tests: RIFF chunks, VP8X and ANIM
// headers, ANMF frames, and animations made from the image chunks of still
// WebP files. The builders write exactly what they are told, including
// lies.
package webptest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"os"
	"testing"

	"golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/limitedrange"
	"github.com/profileimage/profileimage/internal/testimage"
)

// Testdata returns golang.org/x/image's testdata folder, whose still WebP
// files the animations are made from, or skips tb when it is absent.
func Testdata(tb testing.TB) string {
	tb.Helper()
	dir := testimage.XImageTestdata()
	if dir == "" {
		tb.Skip("golang.org/x/image's testdata folder is absent: the go command cannot locate the module")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skip("golang.org/x/image's testdata folder is absent:", err)
	}
	return dir
}

// VP8X feature flags.
const (
	FlagAnimation = 1 << 1
	FlagAlpha     = 1 << 4
)

// Chunk returns a RIFF chunk: id, the payload's size, the payload, and a
// padding byte when the size is odd.
func Chunk(id string, payload []byte) []byte {
	b := binary.LittleEndian.AppendUint32([]byte(id), uint32(len(payload)))
	b = append(b, payload...)
	if len(payload)&1 != 0 {
		b = append(b, 0)
	}
	return b
}

// File returns "RIFF", the size of what follows, "WEBP" and chunks.
func File(chunks ...[]byte) []byte {
	body := bytes.Join(chunks, nil)
	b := binary.LittleEndian.AppendUint32([]byte("RIFF"), uint32(4+len(body)))
	return append(append(b, "WEBP"...), body...)
}

// VP8X returns a VP8X chunk with flags and a w×h canvas.
func VP8X(flags byte, w, h int) []byte {
	d := make([]byte, 10)
	d[0] = flags
	put24(d[4:], w-1)
	put24(d[7:], h-1)
	return Chunk("VP8X", d)
}

// ANIM returns an ANIM chunk with a background colour (B, G, R, A as
// stored) and a loop count.
func ANIM(background [4]byte, loops uint16) []byte {
	return Chunk("ANIM", binary.LittleEndian.AppendUint16(background[:], loops))
}

// ANMF returns an ANMF chunk for a w×h frame at (x, y) on the canvas
// (written as x/2 and y/2), a duration of 100 ms, flags, then data (the
// frame's chunks, or anything).
func ANMF(x, y, w, h int, flags byte, data ...[]byte) []byte {
	d := make([]byte, 16)
	put24(d, x/2)
	put24(d[3:], y/2)
	put24(d[6:], w-1)
	put24(d[9:], h-1)
	put24(d[12:], 100)
	d[15] = flags
	return Chunk("ANMF", append(d, bytes.Join(data, nil)...))
}

// Image returns the chunks of a still WebP file that make up its image
// (ALPH if any, then VP8 or VP8L) and its size.
func Image(still []byte) (chunks [][]byte, w, h int, err error) {
	cfg, err := webp.DecodeConfig(bytes.NewReader(still))
	if err != nil {
		return nil, 0, 0, err
	}
	if len(still) < 12 {
		return nil, 0, 0, errors.New("webptest: short file")
	}
	for p := 12; p+8 <= len(still); {
		n := int(binary.LittleEndian.Uint32(still[p+4:]))
		end := p + 8 + n
		if n < 0 || end > len(still) {
			return nil, 0, 0, errors.New("webptest: chunk runs past the file")
		}
		switch string(still[p : p+4]) {
		case "ALPH", "VP8 ", "VP8L":
			chunks = append(chunks, Chunk(string(still[p:p+4]), still[p+8:end]))
		}
		p = end + end&1
	}
	if len(chunks) == 0 {
		return nil, 0, 0, errors.New("webptest: no image chunk")
	}
	return chunks, cfg.Width, cfg.Height, nil
}

// Frame is a still WebP file placed at (X, Y) on a canvas; X and Y must
// be even.
type Frame struct {
	X, Y  int
	Still []byte
}

// Animation returns an animated WebP with a w×h canvas (VP8X with the
// animation and alpha flags), an ANIM chunk with an opaque red background
// (which decoders ignore) and one ANMF chunk per frame.
func Animation(w, h int, frames ...Frame) ([]byte, error) {
	chunks := [][]byte{VP8X(FlagAnimation|FlagAlpha, w, h), ANIM([4]byte{0, 0, 0xff, 0xff}, 0)}
	for _, f := range frames {
		img, fw, fh, err := Image(f.Still)
		if err != nil {
			return nil, err
		}
		chunks = append(chunks, ANMF(f.X, f.Y, fw, fh, 0, img...))
	}
	return File(chunks...), nil
}

// Layout is a second, plain reading of an animated WebP, for tests to
// check a decoder against: the VP8X canvas size and the rectangle of the
// first ANMF frame on it. ok is false when data is not a RIFF WebP whose
// first chunk is VP8X, or when a chunk before the first full ANMF header
// runs past the RIFF payload.
func Layout(data []byte) (canvas image.Point, frame image.Rectangle, ok bool) {
	if len(data) < 30 || string(data[:4]) != "RIFF" || string(data[8:16]) != "WEBPVP8X" {
		return canvas, frame, false
	}
	riff := uint64(binary.LittleEndian.Uint32(data[4:])) + 8
	if riff > uint64(len(data)) || riff < 30 || binary.LittleEndian.Uint32(data[16:]) != 10 {
		return canvas, frame, false
	}
	data = data[:riff]
	canvas = image.Pt(get24(data[24:])+1, get24(data[27:])+1)
	for p := 30; p+8 <= len(data); {
		end := uint64(p) + 8 + uint64(binary.LittleEndian.Uint32(data[p+4:]))
		if end > uint64(len(data)) {
			return canvas, frame, false
		}
		if string(data[p:p+4]) == "ANMF" && end-uint64(p) >= 8+16 {
			d := data[p+8:]
			x, y := 2*get24(d), 2*get24(d[3:])
			return canvas, image.Rect(x, y, x+get24(d[6:])+1, y+get24(d[9:])+1), true
		}
		p = int(end + end&1)
	}
	return canvas, frame, false
}

func get24(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 }

func put24(b []byte, v int) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }

// NRGBA returns a still as golang.org/x/image/webp decodes it, shown as
// libwebp shows it: the limited-range Y'CbCr of a lossy still converted
// with limitedrange.RGB, its alpha as it is (not premultiplied); a
// lossless still's pixels as they are.
func NRGBA(img image.Image) *image.NRGBA {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var c color.NRGBA
			switch m := img.(type) {
			case *image.YCbCr:
				v := m.YCbCrAt(x, y)
				c.R, c.G, c.B = limitedrange.RGB(v.Y, v.Cb, v.Cr)
				c.A = 0xff
			case *image.NYCbCrA:
				v := m.NYCbCrAAt(x, y)
				c.R, c.G, c.B = limitedrange.RGB(v.Y, v.Cb, v.Cr)
				c.A = v.A
			default:
				c = color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			}
			out.SetNRGBA(x-b.Min.X, y-b.Min.Y, c)
		}
	}
	return out
}

// Package webp decodes the first frame of an animated WebP, which
// golang.org/x/image/webp does not read.
//
// An animated WebP (RFC 9649, the WebP container) is a RIFF file whose
// first chunk, VP8X, gives the canvas size and sets the animation flag; an
// ANIM chunk (background colour, loop count) and one ANMF chunk per frame
// follow. An ANMF chunk starts with a 16-byte header (the frame's X/2 and
// Y/2 on the canvas, its width-1 and height-1, each 24 bits; its duration,
// 24 bits; a byte of blending and disposal flags) and holds the frame's
// image data: an optional ALPH chunk and a VP8 chunk, or a VP8L chunk.
//
// [FirstFrame] finds the first ANMF chunk, wraps its image data in a
// minimal still WebP (RIFF, a VP8X chunk of the frame's size carrying the
// alpha flag when there is an ALPH chunk, the ALPH and bitstream chunks),
// decodes that with golang.org/x/image/webp, and places the frame at the
// offset its header gives (twice the stored X/2 and Y/2) on a canvas of the
// VP8X size.
//
// # Composition
//
// The canvas starts fully transparent, as libwebp's animation decoder
// starts it: the specification makes the ANIM background colour a hint
// that decoders may ignore, and libwebp ignores it, so this package does
// too (and does not require an ANIM chunk). The first frame has nothing
// beneath it, so its blending method cannot change the result (alpha
// blending onto transparent pixels gives the frame itself), and its
// disposal method only applies once the frame has been shown. Pixels are
// non-premultiplied, as libwebp gives them: a lossy frame's Y'CbCr samples
// are limited-range BT.601 (VP8 stores luma 16 to 235), converted as
// libwebp converts them (see internal/limitedrange), not with
// color.YCbCrToRGB, which reads them as full range; its ALPH values are
// kept as they are.
//
// The animation flag of VP8X is not required; [Animated] reports it.
//
// # Security Considerations
//
// FirstFrame never panics on any input. Every chunk size is checked against
// the bytes that remain in its container (the RIFF payload, or the ANMF
// payload) before it is used, and at most 65536 chunks are examined. The
// canvas size is checked against the caller's pixel limit, and the frame's
// rectangle against the canvas, before anything is allocated; the still
// file handed to x/image declares the frame's size in its VP8X chunk,
// which x/image checks against the bitstream's own header before it
// allocates pixels, so a frame cannot decode larger than its ANMF header
// says. No state is shared between calls.
package webp

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/draw"
	"math"
	"strconv"

	"golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/limitedrange"
)

// VP8X feature flags.
const (
	flagAnimation = 1 << 1
	flagAlpha     = 1 << 4
)

const (
	// maxChunks bounds the chunks examined, at the top level and inside
	// the first frame together.
	maxChunks = 1 << 16
	// anmfHeader is the size of the ANMF header before the frame data.
	anmfHeader = 16
	// maxCanvas is the largest canvas in pixels: the container's own
	// limit, 2^32-1, and an NRGBA buffer's size must fit an int.
	maxCanvas = min(1<<32-1, math.MaxInt/4)
)

// Animated reports whether data is a RIFF WebP whose first chunk is a VP8X
// chunk with the animation flag set: the file's own statement that it is
// an animation, whose image data lives in ANMF chunks.
func Animated(data []byte) bool {
	return len(data) >= 21 && string(data[:4]) == "RIFF" && string(data[8:16]) == "WEBPVP8X" &&
		data[20]&flagAnimation != 0
}

// FirstFrame decodes the first frame of the animated WebP in data and
// returns it composed onto a transparent canvas of the VP8X canvas size: an
// *image.NRGBA whose bounds start at (0, 0). A canvas of more than
// maxPixels pixels is refused with a *[LimitError] before anything is
// allocated (so a maxPixels of zero or less refuses every canvas).
//
// The error is a [FormatError] for a malformed container or frame, a
// *[LimitError], a *[FrameError] for a frame that does not lie inside the
// canvas, or a *[DecodeError] wrapping golang.org/x/image/webp's error for
// image data it could not decode, which includes a bitstream of another
// size than the ANMF header's (x/image checks it against the still file's
// VP8X chunk before decoding).
func FirstFrame(data []byte, maxPixels int64) (image.Image, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, FormatError("not a RIFF WebP file")
	}
	size := uint64(binary.LittleEndian.Uint32(data[4:])) + 8
	if size > uint64(len(data)) {
		return nil, FormatError("truncated: the RIFF size says " + strconv.FormatUint(size, 10) +
			" bytes, the file has " + strconv.Itoa(len(data)))
	}
	data = data[:size]
	var w walker
	id, vp8x, p, err := w.next(data, 12)
	if err != nil {
		return nil, err
	}
	if id != "VP8X" || len(vp8x) != 10 {
		return nil, FormatError("the first chunk is not a 10-byte VP8X chunk")
	}
	cw, ch := le24(vp8x[4:])+1, le24(vp8x[7:])+1
	if limit := min(maxPixels, maxCanvas); int64(cw)*int64(ch) > limit {
		return nil, &LimitError{Width: cw, Height: ch, Limit: limit}
	}
	for p < len(data) {
		id, d, after, err := w.next(data, p)
		if err != nil {
			return nil, err
		}
		switch id {
		case "ANMF":
			return w.frame(d, cw, ch)
		case "VP8X", "ALPH", "VP8 ", "VP8L":
			return nil, FormatError(strconv.Quote(id) + " chunk before the first ANMF frame")
		}
		p = after
	}
	return nil, FormatError("no ANMF frame")
}

// walker reads RIFF chunks and counts them.
type walker struct {
	chunks int
}

// next reads the chunk at b[p:]: its FourCC, its payload, and the offset
// of the chunk after it (payloads of odd size are followed by a padding
// byte, which a container's last chunk may lack). b must start at an even
// offset of the file.
func (w *walker) next(b []byte, p int) (id string, payload []byte, after int, err error) {
	if w.chunks++; w.chunks > maxChunks {
		return "", nil, 0, FormatError("more than " + strconv.Itoa(maxChunks) + " chunks before the first frame's image")
	}
	if len(b)-p < 8 {
		return "", nil, 0, FormatError("truncated chunk header")
	}
	id = string(b[p : p+4])
	n := binary.LittleEndian.Uint32(b[p+4:])
	if uint64(n) > uint64(len(b)-p-8) {
		return "", nil, 0, FormatError(strconv.Quote(id) + " chunk of " + strconv.FormatUint(uint64(n), 10) +
			" bytes runs past its container")
	}
	end := p + 8 + int(n)
	return id, b[p+8 : end], min(end+end&1, len(b)), nil
}

// frame decodes the frame of the ANMF payload d onto a cw×ch canvas.
func (w *walker) frame(d []byte, cw, ch int) (image.Image, error) {
	if len(d) < anmfHeader {
		return nil, FormatError("ANMF chunk of " + strconv.Itoa(len(d)) + " bytes, shorter than its header")
	}
	x, y := 2*le24(d), 2*le24(d[3:])
	r := image.Rect(x, y, x+le24(d[6:])+1, y+le24(d[9:])+1)
	if r.Max.X > cw || r.Max.Y > ch {
		return nil, &FrameError{Frame: r, Canvas: image.Pt(cw, ch)}
	}
	var alph, bits []byte
	var bitsID string
	for p := anmfHeader; p < len(d) && bitsID == ""; {
		id, c, after, err := w.next(d, p)
		if err != nil {
			return nil, err
		}
		switch id {
		case "ALPH":
			if alph != nil {
				return nil, FormatError("two ALPH chunks in the first frame")
			}
			alph = c
		case "VP8 ", "VP8L":
			bitsID, bits = id, c
		case "VP8X", "ANIM", "ANMF":
			return nil, FormatError(strconv.Quote(id) + " chunk inside an ANMF frame")
		}
		p = after
	}
	switch {
	case bitsID == "":
		return nil, FormatError("the first frame has no VP8 or VP8L chunk")
	case bitsID == "VP8L" && alph != nil:
		return nil, FormatError("ALPH chunk before a VP8L bitstream, which carries its own alpha")
	}
	img, err := webp.Decode(bytes.NewReader(still(alph, bitsID, bits, r.Dx(), r.Dy())))
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	if b := img.Bounds(); b.Dx() != r.Dx() || b.Dy() != r.Dy() {
		return nil, FormatError("the first frame decodes to " + dims(b.Dx(), b.Dy()) +
			", its ANMF header says " + dims(r.Dx(), r.Dy()))
	}
	return compose(img, r, cw, ch), nil
}

// still returns a still WebP file of a w×h image: RIFF, VP8X (with the
// alpha flag when alph is not nil), then ALPH and the bitstream chunk.
func still(alph []byte, bitsID string, bits []byte, w, h int) []byte {
	vp8x := make([]byte, 10)
	if alph != nil {
		vp8x[0] = flagAlpha
	}
	putLE24(vp8x[4:], w-1)
	putLE24(vp8x[7:], h-1)
	size := 4 + chunkSize(vp8x) + chunkSize(bits)
	if alph != nil {
		size += chunkSize(alph)
	}
	b := make([]byte, 0, 8+size)
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(size))
	b = append(b, "WEBP"...)
	b = appendChunk(b, "VP8X", vp8x)
	if alph != nil {
		b = appendChunk(b, "ALPH", alph)
	}
	return appendChunk(b, bitsID, bits)
}

// chunkSize is the size of a chunk with payload d: header, payload and
// padding.
func chunkSize(d []byte) int { return 8 + len(d) + len(d)&1 }

func appendChunk(b []byte, id string, d []byte) []byte {
	b = append(b, id...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(d)))
	b = append(b, d...)
	if len(d)&1 != 0 {
		b = append(b, 0)
	}
	return b
}

// compose places frame, whose size is r's, at r on a transparent cw×ch
// canvas.
func compose(frame image.Image, r image.Rectangle, cw, ch int) *image.NRGBA {
	full := image.Rect(0, 0, cw, ch)
	if m, ok := frame.(*image.NRGBA); ok && r == full && m.Rect == full {
		return m // the frame is the canvas
	}
	canvas := image.NewNRGBA(full)
	switch f := frame.(type) {
	case *image.YCbCr:
		placeYCbCr(canvas, r.Min, f, nil)
	case *image.NYCbCrA:
		placeYCbCr(canvas, r.Min, &f.YCbCr, f)
	default: // *image.NRGBA from a VP8L bitstream
		draw.Draw(canvas, r, frame, frame.Bounds().Min, draw.Src)
	}
	return canvas
}

// placeYCbCr converts src, limited-range Y'CbCr, to non-premultiplied RGB
// at at on dst, with the alpha of a (opaque when a is nil).
func placeYCbCr(dst *image.NRGBA, at image.Point, src *image.YCbCr, a *image.NYCbCrA) {
	b := src.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := dst.Pix[dst.PixOffset(at.X, at.Y+y-b.Min.Y):]
		for x := b.Min.X; x < b.Max.X; x++ {
			ci, i := src.COffset(x, y), 4*(x-b.Min.X)
			px := row[i : i+4]
			px[0], px[1], px[2] = limitedrange.RGB(src.Y[src.YOffset(x, y)], src.Cb[ci], src.Cr[ci])
			px[3] = 0xff
			if a != nil {
				px[3] = a.A[a.AOffset(x, y)]
			}
		}
	}
}

func le24(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 }

func putLE24(b []byte, v int) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }

func dims(w, h int) string { return strconv.Itoa(w) + "x" + strconv.Itoa(h) }

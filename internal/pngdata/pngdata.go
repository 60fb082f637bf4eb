// Package pngdata checks that the image data of a PNG file decodes,
// without keeping it: the cheapest proof that a decoder will not reject
// the pixels.
//
// [Verify] reads the IHDR chunk, takes the first run of consecutive IDAT
// chunks, and inflates their zlib stream (compress/zlib, which checks the
// Adler-32 checksum at the end of the stream) into a writer that keeps
// nothing: it checks that every row starts with a filter type of 0 to 4
// and that the stream holds exactly the bytes the header implies, one
// filter byte and ceil(width·bits per pixel / 8) bytes a row, for each of
// the seven Adam7 passes of an interlaced image (a pass with no pixel has
// no rows). That is what image/png and libpng require of the image data
// before they unfilter it; unfiltering itself cannot fail.
//
// Bytes after the end of the zlib stream, in the last IDAT chunk or in
// further IDAT chunks, are ignored, as libpng ignores them (with a
// warning). The chunk structure itself (CRCs, chunk order, PLTE and tRNS)
// is not checked here: validate.Inspect reads it.
//
// # Security Considerations
//
// Verify never panics. It allocates nothing in proportion to the image,
// whatever the header says: the inflater's state, a copy buffer, and the
// tables compress/flate builds for each dynamic Huffman block (about
// 0.3 MB for a 4 MP photo, against 16 MB to decode it). The chunk walk advances at
// least 12 bytes per chunk, reading each chunk once, and the inflate stops as soon as the stream
// holds one byte more than the header implies, so the work is bounded by
// the file's size (deflate expands a byte to at most 1032) and by the
// declared size, whichever is smaller. The context is checked after every
// mebibyte of inflated data.
package pngdata

import (
	"cmp"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"strconv"
)

// FormatError reports a PNG whose header or image data does not decode.
type FormatError string

// Error implements the error interface.
func (e FormatError) Error() string { return "png: invalid image data: " + string(e) }

// signature starts every PNG file.
const signature = "\x89PNG\r\n\x1a\n"

// checkEvery is how many inflated bytes pass between two looks at the
// context.
const checkEvery = 1 << 20

// header is what IHDR says about the image data.
type header struct {
	width, height    uint64
	bitsPerPixel     uint64
	interlaced       bool
	colorType, depth byte
}

// Verify checks that the image data of the PNG file b decodes, as the
// package documentation describes. It returns nil, a [FormatError], or
// ctx's error.
func Verify(ctx context.Context, b []byte) error {
	if len(b) < len(signature) || string(b[:len(signature)]) != signature {
		return FormatError("not a PNG file")
	}
	h, p, err := readHeader(b)
	if err != nil {
		return err
	}
	idat, err := firstIDATRun(b, p)
	if err != nil {
		return err
	}
	z, err := zlib.NewReader(idat)
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return FormatError("no zlib stream in the image data")
	case err != nil:
		return FormatError(err.Error())
	}
	w := &rowChecker{ctx: ctx, passes: h.passes()}
	_, err = io.Copy(w, z)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil:
		var fe FormatError
		if errors.As(err, &fe) {
			return fe
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return FormatError("the zlib stream ends early: not enough pixel data")
		}
		return FormatError(err.Error()) // compress/flate's or compress/zlib's, which say so
	case !w.done():
		return FormatError("not enough pixel data: the zlib stream ends after " + strconv.FormatUint(w.total, 10) + " bytes")
	}
	return nil
}

// readHeader reads the IHDR chunk, which must come first, and returns the
// offset of the chunk after it.
func readHeader(b []byte) (header, int, error) {
	var h header
	p := len(signature)
	if len(b) < p+8+13+4 || string(b[p+4:p+8]) != "IHDR" || binary.BigEndian.Uint32(b[p:]) != 13 {
		return h, 0, FormatError("the first chunk is not a 13-byte IHDR")
	}
	d := b[p+8 : p+8+13]
	h.width, h.height = uint64(binary.BigEndian.Uint32(d)), uint64(binary.BigEndian.Uint32(d[4:]))
	h.depth, h.colorType = d[8], d[9]
	if h.width == 0 || h.height == 0 || h.width > 1<<31-1 || h.height > 1<<31-1 {
		return h, 0, FormatError("image size " + strconv.FormatUint(h.width, 10) + "x" + strconv.FormatUint(h.height, 10))
	}
	channels, ok := channelsOf(h.colorType, h.depth)
	if !ok {
		return h, 0, FormatError("bit depth " + strconv.Itoa(int(h.depth)) + " with colour type " + strconv.Itoa(int(h.colorType)))
	}
	if d[10] != 0 || d[11] != 0 || d[12] > 1 {
		return h, 0, FormatError("unknown compression, filter or interlace method")
	}
	h.bitsPerPixel = channels * uint64(h.depth)
	h.interlaced = d[12] == 1
	return h, p + 8 + 13 + 4, nil
}

// channelsOf returns the samples per pixel of a colour type, and whether
// the bit depth is allowed with it.
func channelsOf(colorType, depth byte) (uint64, bool) {
	switch colorType {
	case 0:
		return 1, depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16
	case 3:
		return 1, depth == 1 || depth == 2 || depth == 4 || depth == 8
	case 2:
		return 3, depth == 8 || depth == 16
	case 4:
		return 2, depth == 8 || depth == 16
	case 6:
		return 4, depth == 8 || depth == 16
	}
	return 0, false
}

// pass is one run of rows of the same length in the filtered data: the
// whole image, or one Adam7 pass.
type pass struct {
	rowBytes uint64 // the filter byte included
	rows     uint64
}

// adam7 holds each pass's first column and row and its steps along x and y.
var adam7 = [7][4]uint64{
	{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2},
}

// passes lists the filtered data's runs of rows, leaving out empty passes.
func (h header) passes() []pass {
	row := func(width uint64) uint64 { return 1 + (width*h.bitsPerPixel+7)/8 } // width < 2^31, bits ≤ 64
	if !h.interlaced {
		return []pass{{row(h.width), h.height}}
	}
	out := make([]pass, 0, len(adam7))
	for _, a := range adam7 {
		var w, rows uint64
		if h.width > a[0] {
			w = (h.width - a[0] + a[2] - 1) / a[2]
		}
		if h.height > a[1] {
			rows = (h.height - a[1] + a[3] - 1) / a[3]
		}
		if w > 0 && rows > 0 {
			out = append(out, pass{row(w), rows})
		}
	}
	return out
}

// chunkReader reads the concatenated payloads of the first run of
// consecutive IDAT chunks, walking the chunks as it goes. It is an
// io.ByteReader, so the inflater reads no further than the end of the zlib
// stream.
type chunkReader struct {
	b   []byte
	p   int    // the offset of the next chunk
	cur []byte // what is left of the current IDAT payload
	end bool   // the run is over
}

// firstIDATRun returns a reader over the first run of IDAT chunks at or
// after offset p of b.
func firstIDATRun(b []byte, p int) (*chunkReader, error) {
	for p < len(b) {
		typ, payload, err := chunkAt(b, p)
		switch {
		case err != nil:
			return nil, err
		case string(typ) == "IDAT":
			return &chunkReader{b: b, p: p + 12 + len(payload), cur: payload}, nil
		case string(typ) == "IEND":
			p = len(b)
			continue
		}
		p += 12 + len(payload)
	}
	return nil, FormatError("no image data (IDAT)")
}

// chunkAt returns the type and payload of the chunk at offset p of b.
func chunkAt(b []byte, p int) (typ, payload []byte, err error) {
	if len(b)-p < 12 {
		return nil, nil, FormatError("truncated chunk header at offset " + strconv.Itoa(p))
	}
	n := uint64(binary.BigEndian.Uint32(b[p:]))
	if n > uint64(len(b)-p-12) {
		return nil, nil, FormatError("chunk " + strconv.Quote(string(b[p+4:p+8])) + " runs past the end of the file")
	}
	return b[p+4 : p+8], b[p+8 : p+8+int(n)], nil
}

// next makes cur the rest of the run's next non-empty payload; it
// reports false at the end of the run.
func (r *chunkReader) next() (bool, error) {
	for len(r.cur) == 0 {
		if r.end || r.p >= len(r.b) {
			r.end = true
			return false, nil
		}
		typ, payload, err := chunkAt(r.b, r.p)
		if err != nil {
			r.end = true
			return false, err
		}
		if string(typ) != "IDAT" {
			r.end = true
			return false, nil
		}
		r.cur, r.p = payload, r.p+12+len(payload)
	}
	return true, nil
}

// Read implements io.Reader.
func (r *chunkReader) Read(p []byte) (int, error) {
	if ok, err := r.next(); !ok {
		return 0, cmp.Or(err, io.EOF)
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// ReadByte implements io.ByteReader.
func (r *chunkReader) ReadByte() (byte, error) {
	if ok, err := r.next(); !ok {
		return 0, cmp.Or(err, io.EOF)
	}
	c := r.cur[0]
	r.cur = r.cur[1:]
	return c, nil
}

// rowChecker is the io.Writer the image data is inflated into: it keeps
// nothing, checks each row's filter byte and refuses a byte beyond the
// last row.
type rowChecker struct {
	ctx     context.Context
	passes  []pass
	pass    int    // the current pass
	row     uint64 // the current row of the pass
	inRow   uint64 // bytes of the current row seen
	total   uint64 // bytes seen
	checked uint64 // total at the last look at the context
}

// done reports whether every row of every pass has been seen.
func (w *rowChecker) done() bool { return w.pass == len(w.passes) }

// Write implements io.Writer.
func (w *rowChecker) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		if w.done() {
			return 0, FormatError("too much pixel data: more than the " + strconv.FormatUint(w.total, 10) + " bytes the header implies")
		}
		ps := w.passes[w.pass]
		if w.inRow == 0 && b[0] > 4 {
			return 0, FormatError("bad filter type " + strconv.Itoa(int(b[0])) + " in row " + strconv.FormatUint(w.row, 10))
		}
		k := min(uint64(len(b)), ps.rowBytes-w.inRow)
		b = b[k:]
		w.inRow += k
		w.total += k
		if w.inRow == ps.rowBytes {
			w.inRow = 0
			if w.row++; w.row == ps.rows {
				w.row = 0
				w.pass++
			}
		}
	}
	if w.total-w.checked >= checkEvery {
		w.checked = w.total
		if err := w.ctx.Err(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

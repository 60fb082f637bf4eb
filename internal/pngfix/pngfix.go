// Package pngfix decides which chunks of a PNG stream a reader that
// follows libpng's defaults reads, and rewrites a stream so that image/png,
// which is strict, reads it the same way.
//
// libpng (1.6, with its default settings) goes on where image/png stops:
//
//   - an ancillary chunk whose CRC does not match is discarded
//     (PNG_CRC_DEFAULT is "warn and discard" for ancillary chunks); a
//     critical chunk (IHDR, PLTE, IDAT, IEND) whose CRC does not match
//     ends the read, as in image/png;
//   - a tRNS chunk that is misplaced (after IDAT, or before PLTE in a
//     palette image), duplicated, of the wrong length for the colour type,
//     longer than the palette, or in an image that has an alpha channel is
//     ignored;
//   - a PLTE chunk in a grayscale image, after IDAT, or of an invalid
//     length in a truecolour image (where it is only a suggested palette)
//     is ignored; a palette of more entries than the bit depth addresses
//     is cut to its first 2^depth entries;
//   - an IEND chunk with data ends the stream all the same;
//   - a stream that ends without IEND after its image data chunks, or in
//     a chunk after them, is read as far as the image data goes.
//
// [Stream] makes those decisions chunk by chunk for a caller that walks
// the chunks itself (package validate's Inspect); [Repair] applies them to
// a whole stream before it is handed to image/png.
//
// # Security Considerations
//
// Both take untrusted bytes. Every chunk length is checked against the
// bytes present before it is used; the walk moves forward by at least 12
// bytes per chunk, so it is linear in the input; Repair allocates only when
// it changes the stream, once, at most the input's size plus an IEND chunk.
// Neither keeps state between calls.
package pngfix

import (
	"encoding/binary"
	"hash/crc32"
	"strconv"
)

// Signature is the eight bytes that start every PNG stream.
const Signature = "\x89PNG\r\n\x1a\n"

// iend is a whole IEND chunk: length 0, type, CRC.
var iend = []byte("\x00\x00\x00\x00IEND\xaeB`\x82")

// Action is what a reader that follows libpng does with a chunk.
type Action uint8

// The actions of [Stream.Next].
const (
	// Keep: the chunk is read as it is.
	Keep Action = iota
	// Drop: the chunk is ignored (see the package documentation).
	Drop
	// Trim: only the first [Stream.Kept] bytes of the chunk's data are
	// read: the entries of a palette that the bit depth addresses, none
	// of an IEND chunk that has data.
	Trim
	// Stop: the stream is broken here and the read stops (libpng's and
	// image/png's alike); [Stream.Reason] says why.
	Stop
)

// Stream follows the chunks of one PNG stream, in order, from the first
// after the signature. Its zero value is ready for the IHDR chunk.
type Stream struct {
	header           bool // IHDR seen
	colorType, depth byte
	plte             bool // a PLTE chunk that libpng did not drop as misplaced
	paletteLen       int  // entries of the palette in use
	trns             bool // a tRNS chunk was kept
	idat             bool // IDAT seen
	kept             int  // the data to read of a chunk to Trim
	reason           string
}

// Critical reports whether a chunk type is critical: bit 5 of its first
// byte is clear (an upper-case letter).
func Critical(typ string) bool { return len(typ) == 4 && typ[0]&0x20 == 0 }

// Next says what to do with the next chunk, of type typ with data, whose
// CRC matches when crcOK is set, and records it. A caller that does not
// check the CRC of IDAT chunks (the bulk of a file, and never dropped) may
// pass true for them; their damage is then the decoder's to find.
func (s *Stream) Next(typ string, data []byte, crcOK bool) Action {
	switch {
	case !s.header && typ != "IHDR":
		return s.stop("the first chunk is not IHDR")
	case !crcOK && Critical(typ):
		return s.stop("CRC mismatch in a critical chunk")
	case !crcOK:
		return Drop
	}
	switch typ {
	case "IHDR":
		if s.header {
			return s.stop("a second IHDR chunk")
		}
		if len(data) != 13 {
			return s.stop("an IHDR chunk that is not 13 bytes long")
		}
		s.header = true
		s.depth, s.colorType = data[8], data[9]
	case "PLTE":
		return s.palette(data)
	case "tRNS":
		if !s.transparencyOK(len(data)) {
			return Drop
		}
		s.trns = true
	case "IDAT":
		if s.colorType == 3 && !s.plte {
			return s.stop("no PLTE chunk before the image data of a palette image")
		}
		s.idat = true
	case "IEND":
		if len(data) > 0 {
			s.kept = 0
			return Trim
		}
	}
	return Keep
}

func (s *Stream) stop(reason string) Action {
	s.reason = reason
	return Stop
}

// Reason says why [Stream.Next] last said to Stop (without the chunk's
// type, which the caller knows).
func (s *Stream) Reason() string { return s.reason }

// Kept is how many bytes of its data are read of the chunk that
// [Stream.Next] last said to Trim.
func (s *Stream) Kept() int { return s.kept }

// palette decides on a PLTE chunk of data.
func (s *Stream) palette(data []byte) Action {
	if s.plte {
		return s.stop("a second PLTE chunk")
	}
	if s.idat {
		return Drop // out of place; a palette image had to have one before IDAT
	}
	s.plte = true
	n := len(data) / 3
	valid := len(data)%3 == 0 && n >= 1 && n <= 256
	switch s.colorType {
	case 3:
		if !valid {
			return s.stop("a PLTE chunk of " + strconv.Itoa(len(data)) + " bytes")
		}
		s.paletteLen = min(n, 1<<min(s.depth, 8))
		if s.paletteLen < n {
			s.kept = 3 * s.paletteLen
			return Trim
		}
	case 2, 6:
		if !valid {
			return Drop // a suggested palette: nothing reads it
		}
		if s.trns {
			return s.stop("a PLTE chunk after tRNS")
		}
		s.paletteLen = n
	default:
		return Drop // grayscale: ignored
	}
	return Keep
}

// transparencyOK reports whether libpng reads a tRNS chunk of n bytes here.
func (s *Stream) transparencyOK(n int) bool {
	if s.idat || s.trns {
		return false
	}
	switch s.colorType {
	case 0:
		return n == 2
	case 2:
		return n == 6
	case 3:
		return s.plte && n >= 1 && n <= s.paletteLen
	}
	return false // an alpha channel already
}

// EndsWell reports whether a stream that stops at rest (the bytes after
// the last whole chunk, possibly none) without an IEND chunk is read as
// libpng reads it: up to its image data, which must have started, and as
// long as rest is not the start of a cut IDAT chunk. Whether the image data
// is complete is for the decoder to find.
func (s *Stream) EndsWell(rest []byte) bool {
	return s.idat && !(len(rest) >= 8 && string(rest[4:8]) == "IDAT")
}

// Repair returns the stream b as image/png must read it to see what libpng
// sees: the chunks [Stream.Next] drops are left out, a palette it trims is
// cut, and an IEND chunk ends a stream that [Stream.EndsWell] without one.
// When nothing needs to change, which is the case for every stream a
// well-behaved encoder writes, Repair returns b itself, having read only
// the chunk headers and checked the CRC of the chunks other than IDAT.
//
// A stream Repair cannot follow (no signature, a chunk length of 2^31 or
// more, a cut before the image data or inside an IDAT chunk, a chunk
// [Stream.Next] stops at) is returned as it is, for image/png to reject. Chunks after IEND
// are left as they are: neither decoder reads them.
func Repair(b []byte) []byte {
	if len(b) < len(Signature) || string(b[:len(Signature)]) != Signature {
		return b
	}
	var (
		s   Stream
		out []byte // nil until the first change
		p   = len(Signature)
	)
	for p < len(b) {
		rest := b[p:]
		if len(rest) < 12 {
			return cutAt(b, out, p, &s)
		}
		n := uint64(binary.BigEndian.Uint32(rest))
		typ := string(rest[4:8])
		if n > 1<<31-1 {
			return b
		}
		if 12+n > uint64(len(rest)) {
			return cutAt(b, out, p, &s)
		}
		end := p + 12 + int(n)
		data := b[p+8 : end-4]
		crcOK := typ == "IDAT" || crc32.ChecksumIEEE(b[p+4:end-4]) == binary.BigEndian.Uint32(b[end-4:])
		switch s.Next(typ, data, crcOK) {
		case Stop:
			return b
		case Keep:
			if out != nil {
				out = append(out, b[p:end]...)
			}
		case Drop:
			if out == nil {
				out = started(b, p)
			}
		case Trim:
			if out == nil {
				out = started(b, p)
			}
			out = appendChunk(out, typ, data[:s.Kept()])
		}
		if typ == "IEND" {
			if out == nil {
				return b
			}
			return append(out, b[end:]...)
		}
		p = end
	}
	return cutAt(b, out, p, &s)
}

// started returns a new buffer holding b[:p], with room for the rest of b
// and an IEND chunk.
func started(b []byte, p int) []byte {
	out := make([]byte, p, len(b)+len(iend))
	copy(out, b[:p])
	return out
}

// cutAt ends a stream that stops at p without IEND: with an IEND chunk in
// place of b[p:] when s.EndsWell, else as it is.
func cutAt(b, out []byte, p int, s *Stream) []byte {
	if !s.EndsWell(b[p:]) {
		return b
	}
	if out == nil {
		out = started(b, p)
	}
	return append(out, iend...)
}

// appendChunk appends a chunk of type typ and data, with its CRC.
func appendChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

package jpeg

import "strconv"

// Marker codes (table B.1 of ITU-T T.81).
const (
	markerSOF0  = 0xc0 // baseline sequential
	markerSOF1  = 0xc1 // extended sequential, Huffman
	markerSOF2  = 0xc2 // progressive, Huffman
	markerSOF3  = 0xc3 // lossless, Huffman
	markerDHT   = 0xc4
	markerSOF9  = 0xc9 // extended sequential, arithmetic
	markerSOF10 = 0xca // progressive, arithmetic
	markerDAC   = 0xcc // arithmetic conditioning
	markerRST0  = 0xd0
	markerRST7  = 0xd7
	markerSOI   = 0xd8
	markerEOI   = 0xd9
	markerSOS   = 0xda
	markerDQT   = 0xdb
	markerDRI   = 0xdd
	markerAPP0  = 0xe0
	markerAPP14 = 0xee
	markerAPP15 = 0xef
	markerCOM   = 0xfe
)

// adobeUnknown is the Adobe APP14 colour transform value for RGB or CMYK
// (1 is YCbCr, 2 is YCCK).
const adobeUnknown = 0

// component is one image component of the frame (section B.2.2).
type component struct {
	id   uint8
	h, v int   // sampling factors
	tq   uint8 // quantization table selector
	// bw and bh are the component's size in blocks when it is coded alone
	// in a scan (section A.2.2).
	bw, bh int
}

// reader walks the segments of a JPEG stream held in memory.
type reader struct {
	data []byte
	pos  int
	opts *DecodeOptions // for warnings; nil in DecodeConfig
	// ended is set when the data ended where a marker was expected.
	ended bool
}

func (r *reader) need(n int) error {
	if n < 0 || len(r.data)-r.pos < n {
		return errTruncated
	}
	return nil
}

func (r *reader) byte() (byte, error) {
	if r.pos >= len(r.data) {
		return 0, errTruncated
	}
	b := r.data[r.pos]
	r.pos++
	return b, nil
}

func (r *reader) take(n int) ([]byte, error) {
	if err := r.need(n); err != nil {
		return nil, err
	}
	p := r.data[r.pos : r.pos+n]
	r.pos += n
	return p, nil
}

// nextMarker returns the next marker code, skipping extraneous bytes and
// fill bytes the way libjpeg (and image/jpeg) do: data that is not a
// marker is ignored, and so are "\xff\x00" pairs; skipped data is
// reported as a warning, in libjpeg's words.
func (r *reader) nextMarker() (byte, error) {
	start, extra := r.pos, 0
	for {
		b, err := r.byte()
		if err != nil {
			r.ended = true
			return 0, err
		}
		if b != 0xff {
			extra++
			continue
		}
		m, err := r.byte()
		// Fill bytes; a 0 after them makes them data, as in libjpeg
		// (image/jpeg takes that 0 for an unknown marker).
		for err == nil && m == 0xff {
			m, err = r.byte()
		}
		if err != nil {
			r.ended = true
			return 0, err
		}
		if m == 0 {
			extra += 2
			continue
		}
		if extra > 0 {
			r.opts.warn(start, "Corrupt JPEG data: "+strconv.Itoa(extra)+" extraneous bytes before marker "+hexCode(m))
		}
		return m, nil
	}
}

// hexCode formats a marker code as libjpeg's messages do: 0xd9.
func hexCode(m byte) string {
	const digits = "0123456789abcdef"
	return "0x" + string([]byte{digits[m>>4], digits[m&15]})
}

// soi consumes the SOI marker that starts every stream.
func (r *reader) soi() error {
	p, err := r.take(2)
	if err != nil || p[0] != 0xff || p[1] != markerSOI {
		return FormatError("missing SOI marker")
	}
	return nil
}

// nextSegment returns the next marker and its segment's payload (none for
// EOI), skipping stray RSTn markers, which are harmless.
func (r *reader) nextSegment() (byte, []byte, error) {
	for {
		m, err := r.nextMarker()
		if err != nil {
			return 0, nil, err
		}
		if m == markerEOI {
			return m, nil, nil
		}
		if markerRST0 <= m && m <= markerRST7 {
			continue
		}
		if m == markerSOI {
			return 0, nil, FormatError("SOI marker inside the stream")
		}
		seg, err := r.segment()
		return m, seg, err
	}
}

// otherMarker returns the error for a marker that neither Decode nor
// DecodeConfig reads: nil for metadata (APPn, COM), UnsupportedError for
// the modes this package does not implement and for unknown markers,
// FormatError for codes that are not markers at all.
func otherMarker(m byte) error {
	switch {
	case markerAPP0 <= m && m <= markerAPP15 || m == markerCOM:
		return nil
	case m == markerSOF3 || m == 0xc7 || m == 0xcb || m == 0xcf:
		return UnsupportedError("lossless JPEG")
	case m == 0xc5 || m == 0xc6 || m == 0xcd || m == 0xce || m == 0xde || m == 0xdf:
		return UnsupportedError("hierarchical JPEG")
	case m == 0xf7:
		return UnsupportedError("JPEG-LS")
	case m < 0xc0:
		return FormatError("unknown marker")
	}
	return UnsupportedError("unknown marker")
}

// segment reads the 16-bit length of the current marker segment and
// returns its payload.
func (r *reader) segment() ([]byte, error) {
	p, err := r.take(2)
	if err != nil {
		return nil, err
	}
	n := int(p[0])<<8 | int(p[1]) - 2
	if n < 0 {
		return nil, FormatError("short segment length")
	}
	return r.take(n)
}

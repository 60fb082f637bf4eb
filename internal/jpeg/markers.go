package jpeg

// Marker codes (table B.1 of ITU-T T.81).
const (
	markerSOF0  = 0xc0 // baseline sequential
	markerSOF1  = 0xc1 // extended sequential, Huffman
	markerSOF2  = 0xc2 // progressive, Huffman
	markerSOF3  = 0xc3 // lossless, Huffman
	markerDHT   = 0xc4
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
// fill bytes the way image/jpeg (and libjpeg) do: data that is not a marker
// is ignored, and so are "\xff\x00" pairs.
func (r *reader) nextMarker() (byte, error) {
	for {
		b, err := r.byte()
		if err != nil {
			return 0, err
		}
		if b != 0xff {
			continue
		}
		m, err := r.byte()
		if err != nil {
			return 0, err
		}
		if m == 0 {
			continue
		}
		// Fill bytes; a 0 after them is returned (and is an unknown
		// marker), as image/jpeg does.
		for m == 0xff {
			if m, err = r.byte(); err != nil {
				return 0, err
			}
		}
		return m, nil
	}
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
	case 0xc9 <= m && m <= 0xcb || 0xcd <= m && m <= 0xcf || m == markerDAC:
		return UnsupportedError("arithmetic coding")
	case m == 0xc5 || m == 0xc6 || m == 0xde || m == 0xdf:
		return UnsupportedError("hierarchical JPEG")
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

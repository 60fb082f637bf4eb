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

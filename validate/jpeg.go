package validate

import (
	"bytes"
	"strconv"

	"github.com/profileimage/profileimage/vendors"
)

// JPEG markers the walk acts on.
const (
	markerSOF0  = 0xc0 // baseline
	markerSOF2  = 0xc2 // progressive, Huffman
	markerSOF9  = 0xc9 // extended sequential, arithmetic
	markerSOF10 = 0xca // progressive, arithmetic
	markerDHT   = 0xc4
	markerJPG   = 0xc8
	markerDAC   = 0xcc
	markerRST0  = 0xd0
	markerRST7  = 0xd7
	markerSOI   = 0xd8
	markerEOI   = 0xd9
	markerSOS   = 0xda
	markerAPP0  = 0xe0
	markerAPP1  = 0xe1
	markerAPP2  = 0xe2
	markerAPP14 = 0xee
	markerAPP15 = 0xef
	markerSOF55 = 0xf7 // JPEG-LS
	markerCOM   = 0xfe
)

// unsupportedSOF names the frame types the decoder does not support.
func unsupportedSOF(m byte) (string, bool) {
	switch m {
	case 0xc3, 0xcb:
		return "lossless JPEG", true
	case 0xc5, 0xc6, 0xc7, 0xcd, 0xce, 0xcf:
		return "differential (hierarchical) JPEG", true
	}
	return "", false
}

// jpegState is what the segment walk has seen so far.
type jpegState struct {
	sof            bool
	components     int
	ids            [4]byte // component identifiers, in frame order
	progressive    bool
	rgbIDs         bool // component IDs 'R', 'G', 'B'
	adobeTransform int  // -1 when there is no Adobe APP14 segment
	exif           firstEXIF
	// final has a bit set for each coefficient (zig-zag index) of each
	// component that a scan header says is coded to its last bit.
	final [4]uint64
}

// complete reports whether the scans seen cover the whole image: every
// component scanned, and in a progressive image every coefficient
// refined to its last bit. A file that ends without EOI after such scans
// is taken as libjpeg takes it; whether the last scan's data is whole is
// for the decoder to find.
func (st *jpegState) complete() bool {
	if !st.sof || st.components == 0 {
		return false
	}
	for i := range st.components {
		if st.final[i] != ^uint64(0) {
			return false
		}
	}
	return true
}

// scanned notes what the scan header seg covers.
func (st *jpegState) scanned(seg []byte) {
	n := int(seg[0])
	ss, se, al := 0, 63, 0
	if st.progressive {
		ss, se, al = int(seg[1+2*n]), int(seg[2+2*n]), int(seg[3+2*n]&15)
	}
	if al != 0 || ss > se || se > 63 {
		return
	}
	band := ^uint64(0) >> (63 - se) &^ (1<<ss - 1)
	for i := range n {
		for c := range st.components {
			if st.ids[c] == seg[1+2*i] {
				st.final[c] |= band
			}
		}
	}
}

// inspectJPEG walks the segments of a JPEG file: every marker segment is
// length-checked, the frame header (SOF) gives size and components, APPn
// segments give metadata, and the entropy-coded data after each SOS is
// skipped to count the scans. The file must end with EOI, or, as libjpeg
// allows, without it once its scans cover the whole image. Extraneous
// bytes before a marker are skipped wherever they stand, as libjpeg skips
// them with a warning (and as internal/jpeg does).
func inspectJPEG(b []byte, in *Info) (int, *Error) {
	st := jpegState{adobeTransform: -1}
	p := 2
	for segments := 0; ; segments++ {
		if segments > maxJPEGSegments {
			return 0, corrupt(vendors.JPEG, "more than "+strconv.Itoa(maxJPEGSegments)+" marker segments")
		}
		q := markerCode(b, p)
		if q >= len(b) {
			if in.Scans > 0 && st.complete() {
				finishJPEG(&st, in)
				return st.exif.orientation, nil
			}
			return 0, corrupt(vendors.JPEG, jpegEndDetail(&st, in))
		}
		m := b[q]
		p = q + 1
		switch {
		case m == markerEOI:
			if in.Scans == 0 {
				return 0, corrupt(vendors.JPEG, jpegEndDetail(&st, in))
			}
			finishJPEG(&st, in)
			return st.exif.orientation, nil
		case m == markerSOI || m == 0x01 || m >= markerRST0 && m <= markerRST7:
			continue // standalone markers
		}
		if p+2 > len(b) {
			return 0, corrupt(vendors.JPEG, "truncated in the length of marker "+hexByte(m))
		}
		n := be16(b[p:])
		if n < 2 {
			return 0, corrupt(vendors.JPEG, "segment length "+strconv.Itoa(n)+" of marker "+hexByte(m))
		}
		end := p + n
		if end > len(b) {
			return 0, corrupt(vendors.JPEG, "marker "+hexByte(m)+" segment runs past the end of the file")
		}
		seg := b[p+2 : end]
		p = end
		if err := jpegSegment(m, seg, &st, in); err != nil {
			return 0, err
		}
		if m == markerSOS {
			p = skipEntropy(b, p)
		}
	}
}

func jpegSegment(m byte, seg []byte, st *jpegState, in *Info) *Error {
	switch {
	case m >= markerSOF0 && m <= 0xcf && m != markerDHT && m != markerJPG && m != markerDAC:
		if st.sof {
			return corrupt(vendors.JPEG, "more than one frame header (SOF)")
		}
		st.sof = true
		if name, ok := unsupportedSOF(m); ok {
			return unsupported(name + " (SOF" + strconv.Itoa(int(m-markerSOF0)) + ") is not supported")
		}
		return jpegFrame(m, seg, st, in)
	case m == markerSOS:
		if !st.sof {
			return corrupt(vendors.JPEG, "scan (SOS) before the frame header (SOF)")
		}
		if len(seg) < 1 || int(seg[0]) < 1 || int(seg[0]) > 4 || len(seg) < 4+2*int(seg[0]) {
			return corrupt(vendors.JPEG, "bad scan header")
		}
		in.Scans++
		st.scanned(seg)
	case m == markerSOF55:
		return unsupported("JPEG-LS (SOF55) is not supported")
	case m == markerAPP0:
		// A JFIF thumbnail (non-zero size) or a JFXX extension thumbnail.
		if bytes.HasPrefix(seg, []byte("JFIF\x00")) && len(seg) >= 14 && seg[12] != 0 && seg[13] != 0 ||
			bytes.HasPrefix(seg, []byte("JFXX\x00")) {
			in.Metadata.Thumbnail = true
		}
	case m == markerAPP1:
		switch {
		case bytes.HasPrefix(seg, []byte("Exif\x00")):
			st.exif.read(seg[min(len(seg), 6):], &in.Metadata)
		case bytes.HasPrefix(seg, []byte("http://ns.adobe.com/xap/1.0/\x00")),
			bytes.HasPrefix(seg, []byte("http://ns.adobe.com/xmp/extension/\x00")):
			in.Metadata.XMP = true
		}
	case m == markerAPP2:
		if bytes.HasPrefix(seg, []byte("ICC_PROFILE\x00")) {
			in.Metadata.ICC = true
		}
	case m == markerAPP14:
		if bytes.HasPrefix(seg, []byte("Adobe")) && len(seg) >= 12 {
			st.adobeTransform = int(seg[11])
		}
	case m == markerCOM:
		in.Metadata.Comment = true
	}
	return nil
}

// jpegFrame reads a SOF0, SOF1 or SOF2 frame header.
func jpegFrame(m byte, seg []byte, st *jpegState, in *Info) *Error {
	if len(seg) < 6 {
		return corrupt(vendors.JPEG, "short frame header")
	}
	switch seg[0] {
	case 8:
	case 12:
		return unsupported("12-bit JPEG is not supported")
	default:
		return corrupt(vendors.JPEG, "sample precision of "+strconv.Itoa(int(seg[0]))+" bits in the frame header (SOF)")
	}
	in.Height, in.Width = be16(seg[1:]), be16(seg[3:])
	if in.Height == 0 {
		return corrupt(vendors.JPEG, "zero height in the frame header (DNL is not supported)")
	}
	nc := int(seg[5])
	if len(seg) < 6+3*nc {
		return corrupt(vendors.JPEG, "short frame header for "+strconv.Itoa(nc)+" components")
	}
	switch nc {
	case 1, 3, 4:
	default:
		return corrupt(vendors.JPEG, strconv.Itoa(nc)+" colour components")
	}
	for i := range nc {
		c := seg[6+3*i:]
		if h, v := c[1]>>4, c[1]&15; h < 1 || h > 4 || v < 1 || v > 4 {
			return corrupt(vendors.JPEG, "bad sampling factor in component "+strconv.Itoa(i))
		}
	}
	st.components = nc
	for i := range nc {
		st.ids[i] = seg[6+3*i]
	}
	st.rgbIDs = nc == 3 && seg[6] == 'R' && seg[9] == 'G' && seg[12] == 'B'
	st.progressive = m == markerSOF2 || m == markerSOF10
	in.Progressive = st.progressive
	in.Arithmetic = m == markerSOF9 || m == markerSOF10
	return nil
}

func finishJPEG(st *jpegState, in *Info) {
	switch st.components {
	case 1:
		in.ColorModel = ColorGray
	case 3:
		in.ColorModel = ColorYCbCr
		if st.rgbIDs || st.adobeTransform == 0 {
			in.ColorModel = ColorRGB
		}
	case 4:
		in.ColorModel = ColorCMYK
		if st.adobeTransform == 2 {
			in.ColorModel = ColorYCCK
		}
	}
}

func jpegEndDetail(st *jpegState, in *Info) string {
	switch {
	case !st.sof:
		return "truncated before the frame header (SOF)"
	case in.Scans == 0:
		return "no scan (SOS) before the end"
	}
	return "truncated: no end of image (EOI) marker"
}

// markerCode returns the offset of the code of the marker at p, after any
// fill bytes, or len(b) when the data ends first. It first skips what
// libjpeg skips with a warning: bytes up to a 0xff, and "\xff\x00" pairs.
func markerCode(b []byte, p int) int {
	for p < len(b) {
		if b[p] != 0xff {
			p++
			continue
		}
		for p < len(b) && b[p] == 0xff {
			p++ // fill bytes
		}
		if p < len(b) && b[p] == 0 {
			p++
			continue
		}
		return p
	}
	return len(b)
}

// skipEntropy returns the offset of the first marker at or after p that is
// not a stuffed 0xff00, a restart marker or a code below 0xc0 (none is a
// marker that ends a scan; libjpeg's resynchronisation at a restart skips
// them as data): the end of entropy-coded data.
// It jumps with bytes.IndexByte over ordinary data and steps byte by byte
// where 0xff bytes are dense (at most entropyNear bytes apart), so that
// neither kind of data costs more than a few nanoseconds per 0xff.
func skipEntropy(b []byte, p int) int {
	const entropyNear = 16
	for {
		i := bytes.IndexByte(b[p:], 0xff)
		if i < 0 {
			return len(b)
		}
		q := p + i // b[q] == 0xff
		for {
			q++
			for q < len(b) && b[q] == 0xff {
				q++ // fill bytes
			}
			if q >= len(b) {
				return len(b)
			}
			if c := b[q]; c >= markerSOF0 && (c < markerRST0 || c > markerRST7) {
				return q - 1
			}
			q++
			end := min(q+entropyNear, len(b))
			for q < end && b[q] != 0xff {
				q++
			}
			if q == end {
				break
			}
		}
		p = q
	}
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return "0x" + string([]byte{digits[c>>4], digits[c&15]})
}

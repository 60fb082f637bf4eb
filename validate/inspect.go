package validate

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/vendors"
)

// Structural caps: more blocks than any real file has are corrupt, so that
// the walk over a 64 MiB file of empty blocks stays within milliseconds.
const (
	maxJPEGSegments = 1 << 16 // marker segments, scans included
	maxPNGChunks    = 1 << 20 // encoders write IDAT in chunks of 8 KiB or more
	maxWebPChunks   = 1 << 16 // one ANMF chunk per frame
)

// maxSide is the largest width or height Inspect accepts from any format
// (the PNG limit, 2^31-1), so that sizes fit an int on every platform.
const maxSide = math.MaxInt32

// Inspect reads what an upload is from its header: format, size, EXIF
// orientation, frames, scans, colour model and metadata. It never decodes
// pixels; its time is linear in len(data) (it walks the JPEG segments, PNG
// chunks, GIF blocks and RIFF chunks) and it allocates a small constant
// amount whatever the header claims (a PNG iCCP profile is inflated no
// further than its description, at most 64 KiB).
//
// The error, when not nil, is an [*Error] whose Reason is
// [vendors.ReasonEmpty], [vendors.ReasonUnsupportedFormat] (unknown bytes,
// or a recognised format the library does not decode, named in the detail)
// or [vendors.ReasonCorrupt] (a header that is truncated, inconsistent, or
// claims a zero or overflowing size). Limits are not applied here: see
// [Check]. On error the Info still holds the sniffed Format and Bytes and,
// when the header's size was read before the error, that claimed Width and
// Height (Orientation 1): a header above a pixel cap is rejected for that
// by Check, whatever is wrong with the data after it, and the facade
// (package profileimage) answers too-many-pixels before corrupt.
func Inspect(data []byte) (Info, error) {
	in := Info{Bytes: int64(len(data))}
	if len(data) == 0 {
		return in, inspectError(vendors.ReasonEmpty, "the upload has no bytes")
	}
	sig, name := sniff(data)
	if sig == nil {
		return in, unsupported("unknown format")
	}
	if sig.format == "" {
		return in, unsupported(name + " is not a supported format")
	}
	in.Format = sig.format
	if sig.damaged {
		return in, corrupt(sig.format, name)
	}
	in.Frames = 1
	var (
		raw int // EXIF orientation as stored
		err *Error
	)
	switch sig.format {
	case vendors.JPEG:
		raw, err = inspectJPEG(data, &in)
	case vendors.PNG:
		raw, err = inspectPNG(data, &in)
	case vendors.GIF:
		err = inspectGIF(data, &in)
	case vendors.WebP:
		raw, err = inspectWebP(data, &in)
	case vendors.BMP:
		err = inspectBMP(data, &in)
	case vendors.TIFF:
		raw, err = inspectTIFF(data, &in)
	}
	if err == nil {
		err = checkSize(in.Format, in.Width, in.Height)
	}
	if err != nil {
		return claimed(in), err
	}
	in.orient(raw)
	describeColor(data, &in)
	return in, nil
}

// claimed is what Inspect reports with an error: the format and bytes, and
// the size the header claims when it was read before the error and each
// side is 1 to 2^31-1 (Orientation 1, since the EXIF block may not have
// been read), so that a pixel cap can be judged on it (see [Check]).
func claimed(in Info) Info {
	out := Info{Format: in.Format, Bytes: in.Bytes}
	if in.Width > 0 && in.Height > 0 && in.Width <= maxSide && in.Height <= maxSide {
		out.Width, out.Height = in.Width, in.Height
		out.orient(1)
	}
	return out
}

// checkSize rejects zero sizes and sizes whose pixel buffers could not be
// addressed: each side at most 2^31-1 and width×height×8 (the largest
// pixel a decoder produces, 16-bit RGBA) within an int64.
func checkSize(f vendors.Format, w, h int) *Error {
	if w <= 0 || h <= 0 {
		return corrupt(f, "zero width or height ("+dims(w, h)+")")
	}
	if w > maxSide || h > maxSide {
		return corrupt(f, "dimension overflow ("+dims(w, h)+")")
	}
	hi, lo := bits.Mul64(uint64(w), uint64(h))
	if hi != 0 || lo > math.MaxInt64/8 {
		return corrupt(f, "dimension overflow ("+dims(w, h)+")")
	}
	return nil
}

func dims(w, h int) string { return strconv.Itoa(w) + "x" + strconv.Itoa(h) }

// firstEXIF keeps what the first EXIF block of a file said: a file may
// carry several (JPEG APP1 segments, PNG eXIf or WebP EXIF chunks), and the
// first one wins.
type firstEXIF struct {
	seen        bool
	orientation int // raw, as readEXIF returns it
}

// read walks block into m, unless an earlier block was read.
func (f *firstEXIF) read(block []byte, m *Metadata) {
	if !f.seen {
		f.seen = true
		f.orientation = readEXIF(block, m)
	}
}

// readEXIF walks an EXIF block (with or without the "Exif\0\0" prefix) into
// m and returns the raw orientation, or 0 when IFD0 could not be read.
func readEXIF(block []byte, m *Metadata) int {
	m.EXIF = true
	r, err := exif.Walk(exif.TrimPrefix(block))
	if err != nil {
		m.EXIFError = err
	}
	m.GPS = m.GPS || r.GPS
	m.Thumbnail = m.Thumbnail || r.Thumbnail
	m.XMP = m.XMP || r.XMP
	m.ICC = m.ICC || r.ICC
	if !r.IFD0 {
		return 0
	}
	return r.Orientation
}

// be16 and le16 read a big- or little-endian 16-bit integer as an int,
// the type sizes and offsets are kept in.
func be16(b []byte) int { return int(binary.BigEndian.Uint16(b)) }
func le16(b []byte) int { return int(binary.LittleEndian.Uint16(b)) }

// le24 reads the 24-bit little-endian integers of WebP headers, which
// encoding/binary has no reader for.
func le24(b []byte) int { return int(b[0]) | int(b[1])<<8 | int(b[2])<<16 }

package validate

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/internal/icc"
	"github.com/profileimage/profileimage/vendors"
)

// ColorProfile describes the colour profile an upload carries, as
// [Inspect] found it in the header.
type ColorProfile struct {
	// Source is "" when the upload describes no colour space (its pixels
	// are then taken as sRGB), "icc" for an embedded ICC profile (JPEG
	// APP2, PNG iCCP, WebP ICCP, TIFF tag 34675), "png" for PNG's sRGB,
	// gAMA or cHRM chunks without an iCCP.
	Source string
	// Name is the profile's description ("Display P3"); for PNG chunks
	// "sRGB", or the gamma and primaries ("gAMA 0.55556, cHRM").
	Name string
	// Space is the profile's data colour space ("RGB", "GRAY", "CMYK"),
	// Class its device class ("display", "input", "output", ...) and
	// Version its version ("2.1", "4.3"); empty for PNG chunks.
	Space, Class, Version string
	// Err is why the profile cannot be used (a missing JPEG chunk, a
	// malformed profile), or nil. Such a profile is ignored: it is never a
	// reason to reject the upload. Inspect checks that the profile is
	// there whole and reads its header; a fault in its tags shows only
	// when it is used.
	Err error
}

// Color is what an upload says about its colours, for a conversion to
// sRGB: an ICC profile, else PNG's colour chunks.
type Color struct {
	// ICC is the embedded ICC profile (JPEG chunks reassembled, PNG iCCP
	// inflated), or nil.
	ICC []byte
	// SRGB is PNG's sRGB chunk.
	SRGB bool
	// Gamma is PNG's gAMA, the file gamma (0.45455 for 1/2.2), or 0.
	Gamma float64
	// Chromaticities is PNG's cHRM: white, red, green, blue as x, y pairs;
	// nil when absent.
	Chromaticities []float64
}

// maxColorBytes bounds an embedded profile: a larger one is ignored.
const maxColorBytes = icc.MaxSize

// ErrColorProfile is the kind of every error about an embedded colour
// profile (errors.Is matches it): never a rejection of the upload.
var ErrColorProfile = errors.New("validate: unusable colour profile")

func colorError(detail string) error { return &colorErr{detail} }

type colorErr struct{ detail string }

func (e *colorErr) Error() string { return ErrColorProfile.Error() + ": " + e.detail }
func (e *colorErr) Unwrap() error { return ErrColorProfile }

// EmbeddedColor reads what data (an upload whose format Inspect found,
// f) says about its colours: its ICC profile, or PNG's sRGB, gAMA and
// cHRM chunks. The error, when not nil, is about the profile only (a
// missing JPEG chunk, an iCCP that does not inflate): the image itself is
// not at fault, and its colours are then best taken as sRGB.
func EmbeddedColor(data []byte, f vendors.Format) (Color, error) {
	switch f {
	case vendors.JPEG:
		return jpegColor(data, maxColorBytes)
	case vendors.PNG:
		return pngColor(data, maxColorBytes)
	case vendors.WebP:
		return webpColor(data), nil
	case vendors.TIFF:
		r, _ := exif.Walk(data)
		if r.ICCLength > 0 && uint64(r.ICCOffset)+uint64(r.ICCLength) <= uint64(len(data)) {
			return Color{ICC: data[r.ICCOffset : r.ICCOffset+r.ICCLength]}, nil
		}
	}
	return Color{}, nil
}

// describePrefix is how much of a profile describing it keeps when the
// profile must be inflated (PNG iCCP) or reassembled (several JPEG
// chunks): its header, tag table and description are at its start.
const describePrefix = 64 << 10

// describeColor fills in.ColorProfile from data's colour description,
// keeping at most describePrefix bytes of a profile that is not stored
// whole and uncompressed (so that Inspect's allocation stays small). It
// finds the same errors as EmbeddedColor: an iCCP is inflated whole.
func describeColor(data []byte, in *Info) {
	if !in.Metadata.ICC && in.Format != vendors.PNG {
		return
	}
	var (
		c   Color
		err error
	)
	switch in.Format {
	case vendors.JPEG:
		c, err = jpegColor(data, describePrefix)
	case vendors.PNG:
		c, err = pngColor(data, describePrefix)
	default:
		c, err = EmbeddedColor(data, in.Format)
	}
	cp := &in.ColorProfile
	switch {
	case err != nil:
		*cp = ColorProfile{Source: "icc", Err: err}
	case c.ICC != nil:
		cp.Source = "icc"
		h, err := icc.ReadHeaderPrefix(c.ICC)
		if err != nil {
			cp.Err = colorError(err.Error())
		} else {
			cp.Name, cp.Space, cp.Class, cp.Version = h.Description, h.Space.String(), icc.ClassName(h.Class), h.VersionString()
		}
	case c.SRGB || c.Gamma != 0 || c.Chromaticities != nil:
		cp.Source, cp.Name = "png", c.PNGName()
	}
}

// PNGName names PNG colour chunks: "sRGB", or the gamma and whether
// there are primaries ("gAMA 0.45455, cHRM").
func (c Color) PNGName() string {
	if c.SRGB {
		return "sRGB"
	}
	var parts []string
	if c.Gamma != 0 {
		parts = append(parts, "gAMA "+strconv.FormatFloat(c.Gamma, 'f', -1, 64))
	}
	if c.Chromaticities != nil {
		parts = append(parts, "cHRM")
	}
	return strings.Join(parts, ", ")
}

// jpegColor reassembles the ICC profile of the APP2 "ICC_PROFILE" chunks
// before the first scan. Chunks may come in any order; a missing,
// repeated or inconsistent one makes the profile unusable. A profile of
// one chunk is returned in place; one of several is reassembled up to
// limit bytes (below maxColorBytes: the start of the profile).
func jpegColor(b []byte, limit int) (Color, error) {
	const prefix = "ICC_PROFILE\x00"
	var (
		sizes [256]int // by sequence number, 1-based
		total int
		count int
	)
	each := func(fn func(seq int, chunk []byte)) error {
		for p := 2; p+4 <= len(b); {
			if b[p] != 0xff {
				return nil
			}
			m := b[p+1]
			if m == 0xff {
				p++ // fill byte
				continue
			}
			if m == markerSOS || m == markerEOI {
				return nil
			}
			if m == markerSOI || m == 0x01 || m >= markerRST0 && m <= markerRST7 {
				p += 2
				continue
			}
			n := be16(b[p+2:])
			if n < 2 || p+2+n > len(b) {
				return nil
			}
			seg := b[p+4 : p+2+n]
			p += 2 + n
			if m != markerAPP2 || !bytes.HasPrefix(seg, []byte(prefix)) {
				continue
			}
			if len(seg) < len(prefix)+2 {
				return colorError("short ICC_PROFILE chunk")
			}
			seq, n2 := int(seg[len(prefix)]), int(seg[len(prefix)+1])
			if seq == 0 || n2 == 0 || seq > n2 || count != 0 && n2 != count {
				return colorError("ICC_PROFILE chunk " + strconv.Itoa(seq) + " of " + strconv.Itoa(n2) + " (inconsistent numbering)")
			}
			count = n2
			fn(seq, seg[len(prefix)+2:])
		}
		return nil
	}
	var err error
	var dup bool
	if e := each(func(seq int, chunk []byte) {
		if sizes[seq] != 0 || len(chunk) == 0 {
			dup = true
		}
		sizes[seq] = max(len(chunk), 1)
		total += len(chunk)
	}); e != nil {
		return Color{}, e
	}
	switch {
	case count == 0:
		return Color{}, nil
	case dup:
		return Color{}, colorError("a repeated or empty ICC_PROFILE chunk")
	case total > maxColorBytes:
		return Color{}, colorError("ICC profile of " + strconv.Itoa(total) + " bytes")
	}
	for seq := 1; seq <= count; seq++ {
		if sizes[seq] == 0 {
			return Color{}, colorError("ICC_PROFILE chunk " + strconv.Itoa(seq) + " of " + strconv.Itoa(count) + " is missing")
		}
	}
	if count == 1 {
		var one []byte
		err = each(func(_ int, chunk []byte) { one = chunk })
		return Color{ICC: one}, err
	}
	var start [257]int
	for seq := 1; seq <= count; seq++ {
		start[seq+1] = start[seq] + sizes[seq]
	}
	out := make([]byte, min(total, limit))
	err = each(func(seq int, chunk []byte) {
		if start[seq] < len(out) {
			copy(out[start[seq]:], chunk)
		}
	})
	return Color{ICC: out}, err
}

// pngColor reads iCCP, sRGB, gAMA and cHRM, which come before IDAT. An
// iCCP is inflated whole, and its first limit bytes kept: below
// maxColorBytes, the start of the profile.
func pngColor(b []byte, limit int) (Color, error) {
	var c Color
	for p := 8; p+12 <= len(b); {
		n := uint64(binary.BigEndian.Uint32(b[p:]))
		typ := string(b[p+4 : p+8])
		if typ == "IDAT" || uint64(p)+12+n > uint64(len(b)) {
			break
		}
		d := b[p+8 : p+8+int(n)]
		p += 12 + int(n)
		switch typ {
		case "iCCP":
			profile, err := inflateICCP(d, limit)
			if err != nil {
				return Color{}, err
			}
			return Color{ICC: profile}, nil
		case "sRGB":
			c.SRGB = true
		case "gAMA":
			if len(d) == 4 {
				c.Gamma = float64(binary.BigEndian.Uint32(d)) / 100000
			}
		case "cHRM":
			if len(d) == 32 {
				c.Chromaticities = make([]float64, 8)
				for i := range c.Chromaticities {
					c.Chromaticities[i] = float64(binary.BigEndian.Uint32(d[4*i:])) / 100000
				}
			}
		}
	}
	return c, nil
}

// inflateICCP reads an iCCP chunk: a name, a NUL, method 0, zlib data
// of at most maxColorBytes. It keeps the first keep bytes of the profile
// and inflates the rest only to check it, so that Inspect (which keeps a
// prefix) and EmbeddedColor (which keeps it all) see the same errors.
// Like Pillow, it keeps what inflated before the stream was cut short (a
// missing Adler-32 trailer leaves the profile whole); icc.Parse judges a
// profile that lost bytes.
func inflateICCP(d []byte, keep int) ([]byte, error) {
	i := bytes.IndexByte(d, 0)
	if i < 1 || i > 79 || i+2 > len(d) || d[i+1] != 0 {
		return nil, colorError("bad iCCP header")
	}
	z, err := zlib.NewReader(bytes.NewReader(d[i+2:]))
	if err != nil {
		return nil, colorError("iCCP: " + err.Error())
	}
	// A profile of up to describePrefix bytes takes one allocation; the
	// MinRead spare keeps bytes.Buffer from growing once it is full.
	var profile bytes.Buffer
	profile.Grow(min(keep, describePrefix) + bytes.MinRead)
	total, err := io.CopyN(&profile, z, int64(keep))
	switch err {
	case nil: // keep bytes: inflate the rest to check it
		var rest int64
		rest, err = io.Copy(io.Discard, io.LimitReader(z, maxColorBytes+1-total))
		total += rest
	case io.EOF: // the stream ended before keep bytes
		err = nil
	}
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, colorError("iCCP: " + err.Error())
	}
	if total > maxColorBytes {
		return nil, colorError("iCCP inflates beyond " + strconv.Itoa(maxColorBytes) + " bytes")
	}
	return profile.Bytes(), nil
}

// webpColor returns the ICCP chunk of a RIFF WebP file.
func webpColor(b []byte) Color {
	if len(b) < 12 {
		return Color{}
	}
	end := min(uint64(binary.LittleEndian.Uint32(b[4:]))+8, uint64(len(b)))
	for p := uint64(12); p+8 <= end; {
		n := uint64(binary.LittleEndian.Uint32(b[p+4:]))
		if p+8+n > end {
			break
		}
		if string(b[p:p+4]) == "ICCP" {
			return Color{ICC: b[p+8 : p+8+n]}
		}
		p += 8 + n + n&1
	}
	return Color{}
}

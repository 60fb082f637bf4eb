package icc

import (
	"encoding/binary"
	"strconv"
)

// Limits on what a profile may claim. Real profiles have a few dozen tags
// and are under a few MiB (a press profile with 33^4 CLUTs is about 4 MiB).
const (
	headerSize = 128
	// MaxTags bounds the tag table: a profile that claims more is malformed.
	MaxTags = 1024
	// MaxSize is the largest profile read, in bytes.
	MaxSize = 16 << 20
)

// Signature is a four-byte ICC signature, such as 'RGB ' or 'desc'.
type Signature uint32

// The signatures this package acts on.
const (
	SpaceRGB  Signature = 'R'<<24 | 'G'<<16 | 'B'<<8 | ' '
	SpaceGray Signature = 'G'<<24 | 'R'<<16 | 'A'<<8 | 'Y'
	SpaceCMYK Signature = 'C'<<24 | 'M'<<16 | 'Y'<<8 | 'K'
	PCSXYZ    Signature = 'X'<<24 | 'Y'<<16 | 'Z'<<8 | ' '
	PCSLab    Signature = 'L'<<24 | 'a'<<16 | 'b'<<8 | ' '

	ClassInput      Signature = 's'<<24 | 'c'<<16 | 'n'<<8 | 'r'
	ClassDisplay    Signature = 'm'<<24 | 'n'<<16 | 't'<<8 | 'r'
	ClassOutput     Signature = 'p'<<24 | 'r'<<16 | 't'<<8 | 'r'
	ClassLink       Signature = 'l'<<24 | 'i'<<16 | 'n'<<8 | 'k'
	ClassColorSpace Signature = 's'<<24 | 'p'<<16 | 'a'<<8 | 'c'
	ClassAbstract   Signature = 'a'<<24 | 'b'<<16 | 's'<<8 | 't'
	ClassNamed      Signature = 'n'<<24 | 'm'<<16 | 'c'<<8 | 'l'
)

// String returns the signature's four characters, trailing spaces trimmed.
func (s Signature) String() string {
	b := []byte{byte(s >> 24), byte(s >> 16), byte(s >> 8), byte(s)}
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			b[i] = '?'
		}
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// ClassName names a device class as a word: "input", "display", "output",
// "link", "colorspace", "abstract", "named", or the signature itself.
func ClassName(c Signature) string {
	switch c {
	case ClassInput:
		return "input"
	case ClassDisplay:
		return "display"
	case ClassOutput:
		return "output"
	case ClassLink:
		return "link"
	case ClassColorSpace:
		return "colorspace"
	case ClassAbstract:
		return "abstract"
	case ClassNamed:
		return "named"
	}
	return c.String()
}

// Tag signatures.
const (
	tagDesc = Signature('d'<<24 | 'e'<<16 | 's'<<8 | 'c')
	tagWtpt = Signature('w'<<24 | 't'<<16 | 'p'<<8 | 't')
	tagChad = Signature('c'<<24 | 'h'<<16 | 'a'<<8 | 'd')
	tagRXYZ = Signature('r'<<24 | 'X'<<16 | 'Y'<<8 | 'Z')
	tagGXYZ = Signature('g'<<24 | 'X'<<16 | 'Y'<<8 | 'Z')
	tagBXYZ = Signature('b'<<24 | 'X'<<16 | 'Y'<<8 | 'Z')
	tagRTRC = Signature('r'<<24 | 'T'<<16 | 'R'<<8 | 'C')
	tagGTRC = Signature('g'<<24 | 'T'<<16 | 'R'<<8 | 'C')
	tagBTRC = Signature('b'<<24 | 'T'<<16 | 'R'<<8 | 'C')
	tagKTRC = Signature('k'<<24 | 'T'<<16 | 'R'<<8 | 'C')
	tagA2B0 = Signature('A'<<24 | '2'<<16 | 'B'<<8 | '0')
	tagA2B1 = Signature('A'<<24 | '2'<<16 | 'B'<<8 | '1')
)

// Header is what a profile's header and description say about it.
type Header struct {
	Version     uint32 // major<<24 | minor<<20 | bugfix<<16, as stored
	Class       Signature
	Space       Signature // the data colour space
	PCS         Signature // XYZ or Lab
	Description string    // from desc (v2 textDescription or v4 mluc); may be empty
}

// VersionString returns the version as "major.minor", such as "4.3".
func (h Header) VersionString() string {
	return strconv.Itoa(int(h.Version>>24)) + "." + strconv.Itoa(int(h.Version>>20&15))
}

// Profile is a parsed profile: what a conversion to sRGB needs.
type Profile struct {
	Header

	// WhitePoint is the media white point (wtpt), or D50 when absent.
	WhitePoint XYZ
	// Adaptation is the chad matrix, when the profile has one.
	Adaptation *[9]float64

	// Matrix reports rXYZ, gXYZ and bXYZ (the colorants, columns of the
	// device-to-PCS matrix) and rTRC, gTRC and bTRC.
	Matrix    bool
	Colorants [3]XYZ
	TRC       [3]Curve

	// GrayTRC is kTRC, for a gray profile.
	Gray    bool
	GrayTRC Curve

	// A2B0 (perceptual) and A2B1 (colorimetric), when present.
	A2B0, A2B1 *LUT
}

// table is the raw profile with its validated tag table, and where the
// tags this package reads are (the first of each signature), found in the
// one pass that checks the table.
type table struct {
	b     []byte
	known [12]struct{ off, size uint32 } // by knownIndex
}

// readTable checks the header and the tag table of b.
// With prefix, b may be the start of a profile only: the tags that lie
// beyond it are left unread instead of refused.
func readTable(b []byte, prefix bool) (table, Header, error) {
	var h Header
	if len(b) < headerSize+4 {
		return table{}, h, malformed(-1, "shorter than a header and a tag count ("+strconv.Itoa(len(b))+" bytes)")
	}
	if len(b) > MaxSize {
		return table{}, h, unsupported("profile of " + strconv.Itoa(len(b)) + " bytes, above " + strconv.Itoa(MaxSize))
	}
	if string(b[36:40]) != "acsp" {
		return table{}, h, malformed(36, "no 'acsp' signature")
	}
	size := be32(b)
	if size < headerSize+4 {
		return table{}, h, malformed(0, "profile size "+strconv.Itoa(int(size)))
	}
	if uint64(size) < uint64(len(b)) {
		b = b[:size] // trailing bytes (padding of a container) are not the profile's
	}
	h.Version = be32(b[8:])
	h.Class = Signature(be32(b[12:]))
	h.Space = Signature(be32(b[16:]))
	h.PCS = Signature(be32(b[20:]))
	n := be32(b[headerSize:])
	if n > MaxTags {
		return table{}, h, malformed(headerSize, strconv.FormatUint(uint64(n), 10)+" tags, above "+strconv.Itoa(MaxTags))
	}
	if end := uint64(headerSize+4) + 12*uint64(n); prefix && end > uint64(len(b)) && end <= uint64(size) {
		return table{b: b}, h, nil // the table goes on beyond the prefix: no description
	}
	if uint64(headerSize+4)+12*uint64(n) > uint64(len(b)) {
		return table{}, h, malformed(headerSize, "a tag table of "+strconv.Itoa(int(n))+" entries runs past the end")
	}
	t := table{b: b}
	for i := range int(n) {
		e := b[headerSize+4+12*i:]
		off, sz := uint64(be32(e[4:])), uint64(be32(e[8:]))
		if prefix && off+sz > uint64(len(b)) && off+sz <= uint64(size) {
			continue
		}
		if off+sz > uint64(len(b)) || sz < 8 || off < headerSize+4 {
			return table{}, h, malformed(headerSize+4+12*i, "tag "+Signature(be32(e)).String()+" lies outside the profile")
		}
		if k := knownIndex(Signature(be32(e))); k >= 0 && t.known[k].size == 0 {
			t.known[k].off, t.known[k].size = uint32(off), uint32(sz)
		}
	}
	h.Description = t.description()
	return t, h, nil
}

// find returns the data of tag sig (starting with its type signature), or
// nil when the profile has no such tag.
func (t *table) find(sig Signature) []byte {
	k := knownIndex(sig)
	if k < 0 || t.known[k].size == 0 {
		return nil
	}
	return t.b[t.known[k].off : t.known[k].off+t.known[k].size]
}

// knownIndex returns the index in table.known of a tag Parse reads, or
// -1 for any other.
func knownIndex(sig Signature) int {
	switch sig {
	case tagDesc:
		return 0
	case tagWtpt:
		return 1
	case tagChad:
		return 2
	case tagRXYZ:
		return 3
	case tagGXYZ:
		return 4
	case tagBXYZ:
		return 5
	case tagRTRC:
		return 6
	case tagGTRC:
		return 7
	case tagBTRC:
		return 8
	case tagKTRC:
		return 9
	case tagA2B0:
		return 10
	case tagA2B1:
		return 11
	}
	return -1
}

// offset returns where tag data d starts in the profile, for errors.
func (t *table) offset(d []byte) int {
	if len(d) == 0 {
		return -1
	}
	return cap(t.b) - cap(d)
}

// ReadHeader reads a profile's header, checks its tag table and returns
// its description, without reading any other tag: what describing an
// upload needs, in microseconds and without allocating beyond the
// description string.
func ReadHeader(b []byte) (Header, error) {
	_, h, err := readTable(b, false)
	return h, err
}

// ReadHeaderPrefix is ReadHeader of the first bytes of a profile (what a
// caller has without inflating or reassembling all of it): tags beyond
// them are not checked, and the description is empty when it lies there.
func ReadHeaderPrefix(b []byte) (Header, error) {
	_, h, err := readTable(b, true)
	return h, err
}

// Parse reads the tags of profile b that a conversion to sRGB uses. The
// Profile refers to b (curves and CLUTs are read in place): b must not
// change while the Profile is used.
func Parse(b []byte) (*Profile, error) {
	t, h, err := readTable(b, false)
	if err != nil {
		return nil, err
	}
	p := &Profile{Header: h, WhitePoint: D50}
	if d := t.find(tagWtpt); d != nil {
		if p.WhitePoint, err = readXYZ(d, t.offset(d)); err != nil {
			return nil, err
		}
	}
	if d := t.find(tagChad); d != nil {
		m, err := readSF32(d, t.offset(d))
		if err != nil {
			return nil, err
		}
		p.Adaptation = &m
	}
	if err := p.readMatrix(&t); err != nil {
		return nil, err
	}
	if d := t.find(tagKTRC); d != nil {
		c, _, err := readCurve(d, t.offset(d))
		if err != nil {
			return nil, err
		}
		p.Gray, p.GrayTRC = true, c
	}
	for _, l := range []struct {
		sig Signature
		dst **LUT
	}{{tagA2B0, &p.A2B0}, {tagA2B1, &p.A2B1}} {
		if d := t.find(l.sig); d != nil {
			lut, err := readLUT(d, t.offset(d))
			if err != nil {
				return nil, err
			}
			*l.dst = lut
		}
	}
	return p, nil
}

// readMatrix reads the colorants and TRCs, all six or none.
func (p *Profile) readMatrix(t *table) error {
	xyz := [3][]byte{t.find(tagRXYZ), t.find(tagGXYZ), t.find(tagBXYZ)}
	trc := [3][]byte{t.find(tagRTRC), t.find(tagGTRC), t.find(tagBTRC)}
	for i := range 3 {
		if xyz[i] == nil || trc[i] == nil {
			return nil
		}
	}
	for i := range 3 {
		var err error
		if p.Colorants[i], err = readXYZ(xyz[i], t.offset(xyz[i])); err != nil {
			return err
		}
		if p.TRC[i], _, err = readCurve(trc[i], t.offset(trc[i])); err != nil {
			return err
		}
	}
	p.Matrix = true
	return nil
}

func be32(b []byte) uint32 { return binary.BigEndian.Uint32(b) }
func be16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }

// s15 reads an s15Fixed16Number.
func s15(b []byte) float64 { return float64(int32(be32(b))) / 65536 }

package icc

import (
	"bytes"
	"strings"
	"unicode/utf16"
)

// XYZ is a CIE XYZ colour, Y of the white 1.
type XYZ struct{ X, Y, Z float64 }

// D50 is the ICC profile connection space's illuminant, as the header of
// every profile stores it (s15Fixed16 0.9642, 1, 0.8249).
var D50 = XYZ{0.9642, 1, 0.8249}

// Type signatures of tag data.
const (
	typeXYZ  = Signature('X'<<24 | 'Y'<<16 | 'Z'<<8 | ' ')
	typeSF32 = Signature('s'<<24 | 'f'<<16 | '3'<<8 | '2')
	typeDesc = Signature('d'<<24 | 'e'<<16 | 's'<<8 | 'c')
	typeMLUC = Signature('m'<<24 | 'l'<<16 | 'u'<<8 | 'c')
	typeText = Signature('t'<<24 | 'e'<<16 | 'x'<<8 | 't')
	typeCurv = Signature('c'<<24 | 'u'<<16 | 'r'<<8 | 'v')
	typePara = Signature('p'<<24 | 'a'<<16 | 'r'<<8 | 'a')
	typeMft1 = Signature('m'<<24 | 'f'<<16 | 't'<<8 | '1')
	typeMft2 = Signature('m'<<24 | 'f'<<16 | 't'<<8 | '2')
	typeMAB  = Signature('m'<<24 | 'A'<<16 | 'B'<<8 | ' ')
)

func typeOf(d []byte) Signature { return Signature(be32(d)) }

// readXYZ reads the first value of an XYZType tag.
func readXYZ(d []byte, off int) (XYZ, error) {
	if typeOf(d) != typeXYZ || len(d) < 20 {
		return XYZ{}, malformed(off, "XYZ tag of type "+typeOf(d).String()+" or short")
	}
	return XYZ{s15(d[8:]), s15(d[12:]), s15(d[16:])}, nil
}

// readSF32 reads a 3x3 matrix from an s15Fixed16ArrayType tag (chad).
func readSF32(d []byte, off int) ([9]float64, error) {
	var m [9]float64
	if typeOf(d) != typeSF32 || len(d) < 8+36 {
		return m, malformed(off, "chad tag of type "+typeOf(d).String()+" or short")
	}
	for i := range m {
		m[i] = s15(d[8+4*i:])
	}
	return m, nil
}

// maxName bounds the description kept, in bytes.
const maxName = 128

// description reads desc as a v2 textDescriptionType, a v4
// multiLocalizedUnicodeType (the en record, else the first) or a
// textType. A description that cannot be read is empty: it names the
// profile and is no reason to refuse it.
func (t *table) description() string {
	d := t.find(tagDesc)
	if d == nil {
		return ""
	}
	switch typeOf(d) {
	case typeDesc:
		if len(d) < 12 {
			return ""
		}
		n := uint64(be32(d[8:]))
		if n > uint64(len(d)-12) {
			return ""
		}
		return cleanName(d[12 : 12+n])
	case typeText:
		return cleanName(d[8:])
	case typeMLUC:
		return mlucName(d)
	}
	return ""
}

// mlucName picks the English record of an mluc tag, else its first.
func mlucName(d []byte) string {
	if len(d) < 16 {
		return ""
	}
	n, size := uint64(be32(d[8:])), uint64(be32(d[12:]))
	if size < 12 || 16+n*size > uint64(len(d)) {
		return ""
	}
	pick := -1
	for i := range int(n) {
		r := d[16+uint64(i)*size:]
		if pick < 0 || string(r[:2]) == "en" {
			pick = i
			if string(r[:2]) == "en" {
				break
			}
		}
	}
	if pick < 0 {
		return ""
	}
	r := d[16+uint64(pick)*size:]
	length, off := uint64(be32(r[4:])), uint64(be32(r[8:]))
	if off+length > uint64(len(d)) {
		return ""
	}
	s := d[off : off+min(length, 2*maxName)]
	units := make([]uint16, len(s)/2)
	for i := range units {
		units[i] = be16(s[2*i:])
	}
	return cleanName([]byte(string(utf16.Decode(units))))
}

// cleanName cuts a name at its first NUL, drops control characters and
// bounds its length.
func cleanName(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	s := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == 0xfffd {
			return -1
		}
		return r
	}, string(b))
	if len(s) > maxName {
		s = s[:maxName]
		for len(s) > 0 && s[len(s)-1]&0xc0 == 0x80 {
			s = s[:len(s)-1] // do not cut a UTF-8 sequence
		}
		if len(s) > 0 && s[len(s)-1] >= 0xc0 {
			s = s[:len(s)-1]
		}
	}
	return strings.TrimSpace(s)
}

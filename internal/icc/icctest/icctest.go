// Package icctest writes ICC profiles for tests, fuzz seeds and the
// fixtures of the differential tests: matrix/TRC, gray and LUT profiles
// (mft1, mft2, mAB), version 2 or 4, made from numbers in code.
package icctest

import (
	"bytes"
	"encoding/binary"
	"math"
	"unicode/utf16"

	"github.com/profileimage/profileimage/internal/icc"
)

// Tag is one tag: its signature and its data (type signature first).
type Tag struct {
	Sig  string
	Data []byte
}

// Header says what a profile's header holds.
type Header struct {
	Version uint32 // such as 0x02100000 or 0x04300000
	Class   string // "mntr", "prtr", ...
	Space   string // "RGB ", "GRAY", "CMYK"
	PCS     string // "XYZ " or "Lab "
}

// Profile lays out a profile: the header, the tag table and the tag data,
// each aligned to four bytes; tags with identical data share it, as real
// profiles share their TRCs.
func Profile(h Header, tags ...Tag) []byte {
	var data bytes.Buffer
	table := make([]byte, 4+12*len(tags))
	binary.BigEndian.PutUint32(table, uint32(len(tags)))
	start := 128 + len(table)
	seen := map[string]int{}
	for i, t := range tags {
		off, ok := seen[string(t.Data)]
		if !ok {
			off = start + data.Len()
			seen[string(t.Data)] = off
			data.Write(t.Data)
			for data.Len()%4 != 0 {
				data.WriteByte(0)
			}
		}
		e := table[4+12*i:]
		copy(e, t.Sig)
		binary.BigEndian.PutUint32(e[4:], uint32(off))
		binary.BigEndian.PutUint32(e[8:], uint32(len(t.Data)))
	}
	out := make([]byte, 128, start+data.Len())
	binary.BigEndian.PutUint32(out[0:], uint32(start+data.Len()))
	copy(out[4:], "none")
	binary.BigEndian.PutUint32(out[8:], h.Version)
	copy(out[12:], h.Class)
	copy(out[16:], h.Space)
	copy(out[20:], h.PCS)
	copy(out[36:], "acsp")
	put15(out[68:], icc.D50.X)
	put15(out[72:], icc.D50.Y)
	put15(out[76:], icc.D50.Z)
	out = append(out, table...)
	return append(out, data.Bytes()...)
}

func put15(b []byte, v float64) { binary.BigEndian.PutUint32(b, uint32(int32(math.Round(v*65536)))) }

func typed(sig string, n int) []byte {
	b := make([]byte, 8+n)
	copy(b, sig)
	return b
}

// Desc is a v2 textDescriptionType.
func Desc(name string) []byte {
	b := typed("desc", 4+len(name)+1+12+67)
	binary.BigEndian.PutUint32(b[8:], uint32(len(name)+1))
	copy(b[12:], name)
	return b
}

// MLUC is a v4 multiLocalizedUnicodeType with one en-US record.
func MLUC(name string) []byte {
	u := utf16.Encode([]rune(name))
	b := typed("mluc", 8+12+2*len(u))
	binary.BigEndian.PutUint32(b[8:], 1)
	binary.BigEndian.PutUint32(b[12:], 12)
	copy(b[16:], "enUS")
	binary.BigEndian.PutUint32(b[20:], uint32(2*len(u)))
	binary.BigEndian.PutUint32(b[24:], 28)
	for i, c := range u {
		binary.BigEndian.PutUint16(b[28+2*i:], c)
	}
	return b
}

// XYZ is an XYZType of one value.
func XYZ(v icc.XYZ) []byte {
	b := typed("XYZ ", 12)
	put15(b[8:], v.X)
	put15(b[12:], v.Y)
	put15(b[16:], v.Z)
	return b
}

// SF32 is an s15Fixed16ArrayType (chad).
func SF32(m [9]float64) []byte {
	b := typed("sf32", 36)
	for i, v := range m {
		put15(b[8+4*i:], v)
	}
	return b
}

// Gamma is a curv of one gamma.
func Gamma(g float64) []byte {
	b := typed("curv", 6)
	binary.BigEndian.PutUint32(b[8:], 1)
	binary.BigEndian.PutUint16(b[12:], uint16(math.Round(g*256)))
	return b
}

// Table is a curv sampling f at n points.
func Table(n int, f func(float64) float64) []byte {
	b := typed("curv", 4+2*n)
	binary.BigEndian.PutUint32(b[8:], uint32(n))
	for i := range n {
		binary.BigEndian.PutUint16(b[12+2*i:], u16(f(float64(i)/float64(n-1))))
	}
	return b
}

// Para is a parametricCurveType of function type fn.
func Para(fn int, params ...float64) []byte {
	b := typed("para", 4+4*len(params))
	binary.BigEndian.PutUint16(b[8:], uint16(fn))
	for i, p := range params {
		put15(b[12+4*i:], p)
	}
	return b
}

// SRGBPara is sRGB's curve as para type 3.
func SRGBPara() []byte { return Para(3, 2.4, 1/1.055, 0.055/1.055, 1/12.92, 0.04045) }

func u16(v float64) uint16 { return uint16(math.Round(min(max(v, 0), 1) * 65535)) }

// Matrix makes a matrix/TRC RGB display profile from chromaticities and a
// curve (curv or para data): version 4 with mluc, chad and D50 wtpt, or
// version 2 with desc.
func Matrix(name string, v4 bool, white, r, g, b icc.Chromaticity, trc []byte) []byte {
	p, err := icc.FromChromaticities(name, white, r, g, b, icc.GammaCurve(1))
	if err != nil {
		panic(err)
	}
	h := Header{Version: 0x02100000, Class: "mntr", Space: "RGB ", PCS: "XYZ "}
	desc := Desc(name)
	if v4 {
		h.Version, desc = 0x04300000, MLUC(name)
	}
	tags := []Tag{{"desc", desc}, {"wtpt", XYZ(icc.D50)},
		{"rXYZ", XYZ(p.Colorants[0])}, {"gXYZ", XYZ(p.Colorants[1])}, {"bXYZ", XYZ(p.Colorants[2])},
		{"rTRC", trc}, {"gTRC", trc}, {"bTRC", trc}}
	if v4 {
		tags = append(tags, Tag{"chad", SF32(Bradford(white))})
	}
	return Profile(h, tags...)
}

// Bradford returns the Bradford adaptation from white to D50, as chad
// stores it.
func Bradford(white icc.Chromaticity) [9]float64 {
	cone := [9]float64{0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296}
	inv := [9]float64{0.9869929, -0.1470543, 0.1599627, 0.4323053, 0.5183603, 0.0492912, -0.0085287, 0.0400428, 0.9684867}
	w := [3]float64{white.X / white.Y, 1, (1 - white.X - white.Y) / white.Y}
	d := [3]float64{icc.D50.X, icc.D50.Y, icc.D50.Z}
	var s, t [3]float64
	for i := range 3 {
		s[i] = cone[3*i]*w[0] + cone[3*i+1]*w[1] + cone[3*i+2]*w[2]
		t[i] = cone[3*i]*d[0] + cone[3*i+1]*d[1] + cone[3*i+2]*d[2]
	}
	var m [9]float64
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				m[3*i+j] += inv[3*i+k] * t[k] / s[k] * cone[3*k+j]
			}
		}
	}
	return m
}

// Gray makes a gray display profile with kTRC trc.
func Gray(name string, v4 bool, trc []byte) []byte {
	h := Header{Version: 0x02100000, Class: "mntr", Space: "GRAY", PCS: "XYZ "}
	desc := Desc(name)
	if v4 {
		h.Version, desc = 0x04300000, MLUC(name)
	}
	return Profile(h, Tag{"desc", desc}, Tag{"wtpt", XYZ(icc.D50)}, Tag{"kTRC", trc})
}

// Mft2 is a lut16Type of in inputs and 3 outputs: identity input and
// output tables of two entries, and a CLUT of grid points per input whose
// node values (normalised, first input slowest) f gives.
func Mft2(in, grid int, f func(x []float64) [3]float64) []byte {
	nodes := pow(grid, in)
	b := typed("mft2", 44+4*in+2*3*nodes+4*3)
	b[8], b[9], b[10] = byte(in), 3, byte(grid)
	for i := range 3 {
		put15(b[12+16*i:], 1) // the identity matrix
	}
	binary.BigEndian.PutUint16(b[48:], 2)
	binary.BigEndian.PutUint16(b[50:], 2)
	p := 52
	for range in {
		binary.BigEndian.PutUint16(b[p+2:], 0xffff)
		p += 4
	}
	p = putGrid(b, p, in, grid, 2, f)
	for range 3 {
		binary.BigEndian.PutUint16(b[p+2:], 0xffff)
		p += 4
	}
	return b
}

// putGrid writes the nodes of a CLUT at p and returns the end.
func putGrid(b []byte, p, in, grid, width int, f func(x []float64) [3]float64) int {
	x := make([]float64, in)
	for n := range pow(grid, in) {
		r := n
		for i := in - 1; i >= 0; i-- {
			x[i] = float64(r%grid) / float64(grid-1)
			r /= grid
		}
		for _, v := range f(x) {
			if width == 1 {
				b[p] = byte(math.Round(min(max(v, 0), 1) * 255))
			} else {
				binary.BigEndian.PutUint16(b[p:], u16(v))
			}
			p += width
		}
	}
	return p
}

// MAB is a lutAtoBType of in inputs: A curves (in of them), a CLUT with
// grid points per input and 8- or 16-bit nodes from f, and B curves (3).
// Curves are curv or para data.
func MAB(in, grid, width int, a [][]byte, f func(x []float64) [3]float64, b [][]byte) []byte {
	var d bytes.Buffer
	d.Write(typed("mAB ", 24))
	d.Bytes()[8], d.Bytes()[9] = byte(in), 3
	curves := func(cs [][]byte) uint32 {
		off := uint32(d.Len())
		for _, c := range cs {
			d.Write(c)
			for d.Len()%4 != 0 {
				d.WriteByte(0)
			}
		}
		return off
	}
	bOff := curves(b)
	clutOff := uint32(d.Len())
	clut := make([]byte, 20+width*3*pow(grid, in))
	for i := range in {
		clut[i] = byte(grid)
	}
	clut[16] = byte(width)
	putGrid(clut, 20, in, grid, width, f)
	d.Write(clut)
	for d.Len()%4 != 0 {
		d.WriteByte(0)
	}
	aOff := curves(a)
	out := d.Bytes()
	binary.BigEndian.PutUint32(out[12:], bOff)
	binary.BigEndian.PutUint32(out[24:], clutOff)
	binary.BigEndian.PutUint32(out[28:], aOff)
	return out
}

func pow(g, n int) int {
	r := 1
	for range n {
		r *= g
	}
	return r
}

// LabEncode normalises a D50 L*a*b* colour for a v4 Lab PCS (mAB), or a
// v2 one (mft2) when legacy.
func LabEncode(l, a, b float64, legacy bool) [3]float64 {
	if legacy {
		return [3]float64{l / 100 * 65280 / 65535, (a + 128) * 256 / 65535, (b + 128) * 256 / 65535}
	}
	return [3]float64{l / 100, (a + 128) / 255, (b + 128) / 255}
}

// DisplayP3 is Display P3 as Apple writes it: version 4, mluc, chad, D65
// primaries adapted to D50 and sRGB's curve as para type 3.
func DisplayP3() []byte {
	d65 := icc.Chromaticity{X: 0.3127, Y: 0.3290}
	return Matrix("Display P3", true, d65, icc.Chromaticity{X: 0.680, Y: 0.320},
		icc.Chromaticity{X: 0.265, Y: 0.690}, icc.Chromaticity{X: 0.150, Y: 0.060}, SRGBPara())
}

// Mft1 is a lut8Type of in inputs and 3 outputs: identity input and output
// tables of 256 entries, and a CLUT of grid points per input with 8-bit
// nodes from f (normalised; a Lab PCS in the v4 encoding).
func Mft1(in, grid int, f func(x []float64) [3]float64) []byte {
	nodes := pow(grid, in)
	b := typed("mft1", 40+256*in+3*nodes+256*3)
	b[8], b[9], b[10] = byte(in), 3, byte(grid)
	for i := range 3 {
		put15(b[12+16*i:], 1)
	}
	p := 48
	for range in {
		for v := range 256 {
			b[p+v] = byte(v)
		}
		p += 256
	}
	p = putGrid(b, p, in, grid, 1, f)
	for range 3 {
		for v := range 256 {
			b[p+v] = byte(v)
		}
		p += 256
	}
	return b
}

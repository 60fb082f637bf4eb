package icc

import (
	"math"
	"sync"
)

// Fixed point of the matrix path: linear light and matrix coefficients
// in 1.14, as lcms' 8-bit matrix-shaper path.
const (
	fixBits = 14
	fixOne  = 1 << fixBits
)

// maxRowSum bounds the absolute coefficients of each row of the
// device-to-sRGB matrix: real colorants give sums below 4 (ProPhoto's are
// about 3.1); larger ones are not a colour space, and would overflow the
// 2.28 sums of the fixed point.
const maxRowSum = 7.5

// Transform converts 8-bit pixels of one profile to sRGB. It is immutable
// once made, and safe for concurrent use.
type Transform struct {
	inputs int // 1 gray, 3 RGB, 4 CMYK

	// Matrix/TRC: linear light per channel, and the matrix to linear sRGB.
	lin *[3][256]int32
	m   [9]int32
	enc *[fixOne + 1]uint8 // linear 1.14 to sRGB

	gray *[256]uint8 // gray: the sRGB gray of each value
	link *deviceLink // LUT profiles
}

// srgbOut is the table from 1.14 linear light to 8-bit sRGB, made once
// and shared by every Transform (it never changes).
var srgbOut = sync.OnceValue(func() *[fixOne + 1]uint8 {
	var t [fixOne + 1]uint8
	for i := range t {
		t[i] = uint8(math.Round(255 * srgbEncode(float64(i)/fixOne)))
	}
	return &t
})

// Inputs returns the channels the transform takes: 1 (gray), 3 (RGB) or 4
// (CMYK).
func (t *Transform) Inputs() int { return t.inputs }

// New makes the conversion of p's colours to sRGB, relative colorimetric:
// through A2B1 (else A2B0) when p has a LUT, as lcms does, else through
// its matrix and TRCs or its gray TRC. It returns an *Error of kind
// ErrUnsupported for a profile it cannot convert (another colour space
// or class, no usable tags).
func New(p *Profile) (*Transform, error) {
	switch p.Class {
	case ClassLink, ClassAbstract, ClassNamed:
		return nil, unsupported(ClassName(p.Class) + " profile")
	}
	if p.PCS != PCSXYZ && p.PCS != PCSLab {
		return nil, unsupported("connection space " + p.PCS.String())
	}
	lut := p.A2B1
	if lut == nil {
		lut = p.A2B0
	}
	switch p.Space {
	case SpaceGray:
		if lut != nil && lut.In == 1 {
			return newGray(func(v float64) [3]float64 { return lutXYZ(lut, p.PCS, []float64{v}) }), nil
		}
		if p.Gray {
			return newGray(func(v float64) [3]float64 { return grayXYZ(&p.GrayTRC, p.PCS, v) }), nil
		}
	case SpaceRGB:
		if lut != nil && lut.In == 3 {
			return newLink(lut, p.PCS, rgbGrid), nil
		}
		if p.Matrix {
			return newMatrix(p)
		}
	case SpaceCMYK:
		if lut != nil && lut.In == 4 {
			return newLink(lut, p.PCS, cmykGrid), nil
		}
	default:
		return nil, unsupported("colour space " + p.Space.String())
	}
	return nil, unsupported(p.Space.String() + " profile without the tags to convert it")
}

// newMatrix makes the matrix/TRC path. Colorants that add up to the
// profile's own white rather than D50 (an old v2 profile that did not
// adapt them) are adapted to D50 with chad, or Bradford where chad is
// absent.
func newMatrix(p *Profile) (*Transform, error) {
	cols := columns(p.Colorants)
	sum := XYZ{cols[0] + cols[1] + cols[2], cols[3] + cols[4] + cols[5], cols[6] + cols[7] + cols[8]}
	if !near(sum, D50, 0.01) && near(sum, p.WhitePoint, 0.01) {
		a, ok := adapt(p.WhitePoint, D50)
		if p.Adaptation != nil {
			a, ok = mat3(*p.Adaptation), true
		}
		if ok {
			cols = a.mul(cols)
		}
	}
	m := xyz50ToSRGB.mul(cols)
	t := &Transform{inputs: 3, lin: new([3][256]int32), enc: srgbOut()}
	for r := range 3 {
		if !(math.Abs(m[3*r])+math.Abs(m[3*r+1])+math.Abs(m[3*r+2]) <= maxRowSum) {
			return nil, unsupported("colorants out of any colour space's range")
		}
	}
	for i, v := range m {
		t.m[i] = int32(math.Round(v * fixOne))
	}
	for c := range 3 {
		for v := range 256 {
			t.lin[c][v] = int32(math.Round(clamp01(p.TRC[c].Eval(float64(v)/255)) * fixOne))
		}
	}
	return t, nil
}

func near(a, b XYZ, tol float64) bool {
	return math.Abs(a.X-b.X) <= tol && math.Abs(a.Y-b.Y) <= tol && math.Abs(a.Z-b.Z) <= tol
}

// newGray tabulates a gray profile: its Y in sRGB's gray.
func newGray(xyz func(v float64) [3]float64) *Transform {
	t := &Transform{inputs: 1, gray: new([256]uint8)}
	for v := range 256 {
		y := xyz(float64(v) / 255)[1]
		t.gray[v] = uint8(math.Round(255 * srgbEncode(y)))
	}
	return t
}

// grayXYZ is the PCS colour of gray value v through kTRC: Y times D50 for
// an XYZ PCS, L* for a Lab one.
func grayXYZ(c *Curve, pcs Signature, v float64) [3]float64 {
	y := c.Eval(v)
	if pcs == PCSLab {
		return labToXYZ(100*y, 0, 0)
	}
	return [3]float64{D50.X * y, D50.Y * y, D50.Z * y}
}

// lutXYZ runs lut on device values in and decodes its PCS output to XYZ.
func lutXYZ(l *LUT, pcs Signature, in []float64) [3]float64 {
	var o [3]float64
	l.Eval(in, &o)
	return pcsXYZ(o, pcs, l.Legacy)
}

// pcsXYZ decodes a LUT's normalised PCS output: Lab in the v4 encoding
// (or v2's for lut16), or XYZ as u1Fixed15.
func pcsXYZ(o [3]float64, pcs Signature, legacy bool) [3]float64 {
	if pcs == PCSLab {
		if legacy {
			return labToXYZ(o[0]*65535/65280*100, o[1]*65535/256-128, o[2]*65535/256-128)
		}
		return labToXYZ(o[0]*100, o[1]*255-128, o[2]*255-128)
	}
	const u1f15 = 65535.0 / 32768
	return [3]float64{o[0] * u1f15, o[1] * u1f15, o[2] * u1f15}
}

// xyzToSRGB8 converts D50 XYZ to sRGB in [0, 1], clipped.
func xyzToSRGB(x [3]float64) [3]float64 {
	l := xyz50ToSRGB.apply(x)
	return [3]float64{srgbEncode(l[0]), srgbEncode(l[1]), srgbEncode(l[2])}
}

// Gray converts a gray value.
func (t *Transform) Gray(v uint8) uint8 { return t.gray[v] }

// RGB converts an RGB pixel.
func (t *Transform) RGB(r, g, b uint8) (uint8, uint8, uint8) {
	if t.link != nil {
		return t.link.eval3(r, g, b)
	}
	lr, lg, lb := t.lin[0][r], t.lin[1][g], t.lin[2][b]
	m := &t.m
	return t.enc[fix(m[0]*lr+m[1]*lg+m[2]*lb)],
		t.enc[fix(m[3]*lr+m[4]*lg+m[5]*lb)],
		t.enc[fix(m[6]*lr+m[7]*lg+m[8]*lb)]
}

// fix rounds a 2.28 product sum back to 1.14, clamped to [0, 1].
func fix(v int32) int32 {
	v = (v + 1<<(fixBits-1)) >> fixBits
	return min(max(v, 0), fixOne)
}

// CMYK converts a CMYK pixel (0 no ink, 255 full ink: image.CMYK's
// convention, and the ICC device encoding).
func (t *Transform) CMYK(c, m, y, k uint8) (uint8, uint8, uint8) {
	return t.link.eval4(c, m, y, k)
}

// RGBRow converts the pixels of an interleaved row in place: pixels of
// step bytes (3 for RGB, 4 for RGBA or NRGBA, whose alpha is left alone).
func (t *Transform) RGBRow(pix []byte, step int) {
	if t.link != nil {
		for i := 0; i+2 < len(pix); i += step {
			pix[i], pix[i+1], pix[i+2] = t.link.eval3(pix[i], pix[i+1], pix[i+2])
		}
		return
	}
	lin, m, enc := t.lin, t.m, t.enc
	for i := 0; i+2 < len(pix); i += step {
		p := pix[i : i+3 : i+3]
		lr, lg, lb := lin[0][p[0]], lin[1][p[1]], lin[2][p[2]]
		p[0] = enc[fix(m[0]*lr+m[1]*lg+m[2]*lb)]
		p[1] = enc[fix(m[3]*lr+m[4]*lg+m[5]*lb)]
		p[2] = enc[fix(m[6]*lr+m[7]*lg+m[8]*lb)]
	}
}

// IsIdentity reports whether the transform changes no colour by more
// than 1 in 255 (an sRGB profile, or one equal to it), so that applying
// it can be skipped: every gray level and a 16x16x16 lattice of colours
// are checked.
func (t *Transform) IsIdentity() bool {
	switch t.inputs {
	case 1:
		for v := range 256 {
			if d := int(t.gray[v]) - v; d < -1 || d > 1 {
				return false
			}
		}
		return true
	case 3:
		same := func(r, g, b int) bool {
			or, og, ob := t.RGB(uint8(r), uint8(g), uint8(b))
			return abs(int(or)-r) <= 1 && abs(int(og)-g) <= 1 && abs(int(ob)-b) <= 1
		}
		for v := range 256 {
			if !same(v, v, v) {
				return false
			}
		}
		for r := 0; r < 256; r += 17 {
			for g := 0; g < 256; g += 17 {
				for b := 0; b < 256; b += 17 {
					if !same(r, g, b) {
						return false
					}
				}
			}
		}
		return true
	}
	return false
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

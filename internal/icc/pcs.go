package icc

import "math"

// mat3 is a row-major 3x3 matrix.
type mat3 [9]float64

func (m mat3) mul(n mat3) mat3 {
	var r mat3
	for i := range 3 {
		for j := range 3 {
			r[3*i+j] = m[3*i]*n[j] + m[3*i+1]*n[3+j] + m[3*i+2]*n[6+j]
		}
	}
	return r
}

func (m mat3) apply(v [3]float64) [3]float64 {
	return [3]float64{
		m[0]*v[0] + m[1]*v[1] + m[2]*v[2],
		m[3]*v[0] + m[4]*v[1] + m[5]*v[2],
		m[6]*v[0] + m[7]*v[1] + m[8]*v[2],
	}
}

// inverse returns m's inverse, and false when m is singular.
func (m mat3) inverse() (mat3, bool) {
	a, b, c, d, e, f, g, h, i := m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]
	det := a*(e*i-f*h) - b*(d*i-f*g) + c*(d*h-e*g)
	if math.Abs(det) < 1e-12 || math.IsNaN(det) || math.IsInf(det, 0) {
		return mat3{}, false
	}
	return mat3{
		(e*i - f*h) / det, (c*h - b*i) / det, (b*f - c*e) / det,
		(f*g - d*i) / det, (a*i - c*g) / det, (c*d - a*f) / det,
		(d*h - e*g) / det, (b*g - a*h) / det, (a*e - b*d) / det,
	}, true
}

// columns makes the matrix whose columns are the three colours.
func columns(c [3]XYZ) mat3 {
	return mat3{c[0].X, c[1].X, c[2].X, c[0].Y, c[1].Y, c[2].Y, c[0].Z, c[1].Z, c[2].Z}
}

// bradford is the Bradford cone response matrix.
var bradford = mat3{0.8951, 0.2664, -0.1614, -0.7502, 1.7135, 0.0367, 0.0389, -0.0685, 1.0296}

// adapt returns the Bradford chromatic adaptation from white src to white
// dst, and false when a white is degenerate.
func adapt(src, dst XYZ) (mat3, bool) {
	inv, ok := bradford.inverse()
	s := bradford.apply([3]float64{src.X, src.Y, src.Z})
	d := bradford.apply([3]float64{dst.X, dst.Y, dst.Z})
	if !ok || s[0] == 0 || s[1] == 0 || s[2] == 0 {
		return mat3{}, false
	}
	scale := mat3{d[0] / s[0], 0, 0, 0, d[1] / s[1], 0, 0, 0, d[2] / s[2]}
	return inv.mul(scale).mul(bradford), true
}

// Chromaticity is a CIE xy chromaticity.
type Chromaticity struct{ X, Y float64 }

func (c Chromaticity) xyz() XYZ { return XYZ{c.X / c.Y, 1, (1 - c.X - c.Y) / c.Y} }

// rgbToXYZ50 returns the matrix from linear RGB with the given primaries
// and white to D50 XYZ, adapted with Bradford (how ICC profiles store
// colorants), and false when the chromaticities are degenerate.
func rgbToXYZ50(white, r, g, b Chromaticity) (mat3, bool) {
	for _, c := range []Chromaticity{white, r, g, b} {
		if !(c.Y > 1e-6) || math.IsInf(c.X, 0) || math.IsNaN(c.X) || math.IsInf(c.Y, 0) {
			return mat3{}, false
		}
	}
	p := columns([3]XYZ{r.xyz(), g.xyz(), b.xyz()})
	inv, ok := p.inverse()
	if !ok {
		return mat3{}, false
	}
	w := white.xyz()
	s := inv.apply([3]float64{w.X, w.Y, w.Z})
	m := p.mul(mat3{s[0], 0, 0, 0, s[1], 0, 0, 0, s[2]})
	a, ok := adapt(w, D50)
	if !ok {
		return mat3{}, false
	}
	return a.mul(m), true
}

// sRGB's primaries and white (IEC 61966-2-1).
var (
	srgbWhite = Chromaticity{0.3127, 0.3290}
	srgbRed   = Chromaticity{0.64, 0.33}
	srgbGreen = Chromaticity{0.30, 0.60}
	srgbBlue  = Chromaticity{0.15, 0.06}
)

// xyz50ToSRGB is the inverse of sRGB's matrix adapted to D50: where every
// conversion ends.
var xyz50ToSRGB = srgbFromXYZ50()

func srgbFromXYZ50() mat3 {
	m, _ := rgbToXYZ50(srgbWhite, srgbRed, srgbGreen, srgbBlue)
	inv, _ := m.inverse()
	return inv
}

// labToXYZ converts CIE L*a*b* (D50) to XYZ.
func labToXYZ(l, a, b float64) [3]float64 {
	fy := (l + 16) / 116
	fx := fy + a/500
	fz := fy - b/200
	return [3]float64{D50.X * labInv(fx), D50.Y * labInv(fy), D50.Z * labInv(fz)}
}

func labInv(t float64) float64 {
	const d = 6.0 / 29
	if t > d {
		return t * t * t
	}
	return 3 * d * d * (t - 4.0/29)
}

// srgbEncode is sRGB's transfer function from linear light, v clamped to
// [0, 1].
func srgbEncode(v float64) float64 {
	v = clamp01(v)
	if v <= 0.0031308 {
		return 12.92 * v
	}
	return 1.055*math.Pow(v, 1/2.4) - 0.055
}

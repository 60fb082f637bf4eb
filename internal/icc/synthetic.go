package icc

// FromChromaticities makes the matrix/TRC profile of an RGB space given
// by its white point and primaries (as PNG's cHRM chunk gives them) and a
// transfer curve, with D50 colorants adapted by Bradford as an ICC
// profile stores them. It returns an *Error of kind ErrMalformed when the
// chromaticities do not make a colour space.
func FromChromaticities(name string, white, r, g, b Chromaticity, trc Curve) (*Profile, error) {
	m, ok := rgbToXYZ50(white, r, g, b)
	if !ok {
		return nil, malformed(-1, "degenerate chromaticities")
	}
	p := &Profile{
		Header:     Header{Version: 4 << 24, Class: ClassDisplay, Space: SpaceRGB, PCS: PCSXYZ, Description: name},
		WhitePoint: D50, Matrix: true, TRC: [3]Curve{trc, trc, trc},
	}
	for i := range 3 {
		p.Colorants[i] = XYZ{m[i], m[3+i], m[6+i]}
	}
	return p, nil
}

// SRGBChromaticities returns sRGB's white point and primaries.
func SRGBChromaticities() (white, r, g, b Chromaticity) {
	return srgbWhite, srgbRed, srgbGreen, srgbBlue
}

// GammaCurve is the curve x^g.
func GammaCurve(g float64) Curve { return Curve{kind: curveGamma, gamma: g} }

// SRGBCurve is sRGB's transfer curve, as para type 3 writes it.
func SRGBCurve() Curve {
	return Curve{kind: curveParam, fn: 3, p: [7]float64{2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045}}
}

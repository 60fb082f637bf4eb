package profileimage

import "github.com/profileimage/profileimage/vendors"

// maxFitSide bounds each side of a caller's fit box ([FitBox]), as the
// vendors package bounds the sides of a profile's sizes.
const maxFitSide = 1 << 14

// profile returns p as the caller's options change it for this call: with
// the caller's fit box, if any, in place of its own (its Enlarge is kept).
func (s settings) profile(p vendors.Profile) vendors.Profile {
	if s.fit != nil {
		p.Fit.MaxWidth, p.Fit.MaxHeight = s.fit.MaxWidth, s.fit.MaxHeight
	}
	return p
}

package profileimage

import (
	"image"

	"github.com/profileimage/profileimage/vendors"
)

// minResidual is how many times smaller than the image decoded at 1/d
// every output must still be, so that the resampler's Lanczos3 has enough
// left to remove what the reduced decode aliased. At 1/8 the decode keeps
// only each block's DC term, a pure box average, and needs 2; at 1/2 its
// 4x4 inverse DCT is a better low-pass and 1.8 is enough. These keep every
// vendor size above 45 dB against a full decode and a float64 Lanczos3
// (TestShrinkOnLoadQuality measures it).
func minResidual(d int) float64 {
	if d == 2 {
		return 1.8
	}
	return 2
}

// shrinkDenom returns the JPEG shrink-on-load denominator (1, 2, 4 or 8)
// for an upload of format f from which outputs of the given plans will be
// made: the largest that leaves every output at least minResidual times
// smaller than the decoded image. Other formats always decode at full size.
func shrinkDenom(f vendors.Format, plans []plan) int {
	if f != vendors.JPEG {
		return 1
	}
	shrink := 64.0 // above anything the loop below can use
	for _, pl := range plans {
		shrink = min(shrink,
			float64(pl.crop.Dx())/float64(pl.pad.Dx()),
			float64(pl.crop.Dy())/float64(pl.pad.Dy()))
	}
	d := 1
	for d < 8 && shrink >= float64(2*d)*minResidual(2*d) {
		d *= 2
	}
	return d
}

// mapRect maps a rectangle of the planning size onto the decoded image,
// which a shrink-on-load decode made smaller, rounding outwards.
func (src *source) mapRect(r image.Rectangle) image.Rectangle {
	if src.w == src.planW && src.h == src.planH {
		return r
	}
	m := image.Rect(
		r.Min.X*src.w/src.planW, r.Min.Y*src.h/src.planH,
		ceilDiv(r.Max.X*src.w, src.planW), ceilDiv(r.Max.Y*src.h, src.planH),
	)
	return m.Intersect(image.Rect(0, 0, src.w, src.h))
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

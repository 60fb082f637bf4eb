package profileimage

import (
	"image"
	"math"

	pjpeg "github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/vendors"
)

// transformMaxPixels is the largest image whose forward DCT a byte budget
// keeps to re-quantize at each quality it tries (see pjpeg.Transformed: 6
// bytes a pixel for 4:2:0, 100 MB here). A larger one is encoded whole at
// each quality: slower, in constant extra memory.
const transformMaxPixels = 1 << 24

// estimateStep is the sampling of the estimate that decides whether the
// image is transformed before its first encode: one MCU row in
// estimateStep is coded (see pjpeg.EstimateSize), about an eighth of the
// work of an encode.
const estimateStep = 8

// likelyOver estimates whether the JPEG of img at out.Quality is over
// maxBytes, and if so returns the estimated size. Only for an image that
// jpegWithin would transform: then, rather than encode it whole at
// out.Quality first, the byte budget transforms it first and starts its
// search from the estimate, which saves the transform an encode repeats.
func likelyOver(img image.Image, out vendors.Output, maxBytes int64, enc encoding) (int, bool) {
	b := img.Bounds()
	if maxBytes <= 0 || b.Dx()*b.Dy() > transformMaxPixels {
		return 0, false
	}
	est, err := pjpeg.EstimateSize(img, jpegOptions(img, out.Quality, enc), estimateStep)
	return est, err == nil && int64(est) > maxBytes
}

// jpegWithin writes img as a JPEG at the largest quality from
// out.MinQuality to hi (out.Quality or out.Quality-1) whose bytes fit
// maxBytes (> 0), given that at out.Quality they are about sizeQ bytes,
// over it; it returns errOverBudget when none fits. An image of up to
// transformMaxPixels is transformed once and coded at each quality tried
// (see largestFitting).
func jpegWithin(img image.Image, out vendors.Output, maxBytes int64, hi, sizeQ int, enc encoding) ([]byte, int, error) {
	b := img.Bounds()
	try := func(q int) ([]byte, error) { return encode(img, vendors.JPEG, q, enc) }
	if b.Dx()*b.Dy() <= transformMaxPixels {
		t, err := pjpeg.Transform(img, jpegOptions(img, out.Quality, enc))
		if err != nil {
			return nil, 0, err
		}
		try = func(q int) ([]byte, error) { return t.Append(nil, q), nil }
	}
	return largestFitting(out.MinQuality, hi, maxBytes, out.Quality, sizeQ, try)
}

// largestFitting returns the bytes that try writes at the largest quality
// q in [lo, hi] whose bytes fit maxBytes, and q, given that hi+1 does not
// fit (or is out of range) and that at quality ref the size is about
// sizeRef, over maxBytes; errOverBudget when none fits. Like the bisection
// it replaces, it takes the size to grow with the quality; it finds the
// same q in fewer tries, usually two: it predicts the quality at which the
// size crosses maxBytes with a rate model (see predictQuality) from the
// nearest sizes known either side, tries the largest quality predicted to
// fit, and continues between the nearest fitting and non-fitting qualities
// tried. After predictedTries tries every other one is a bisection, so
// that no sizes take many more tries than bisection would.
func largestFitting(lo, hi int, maxBytes int64, ref, sizeRef int, try func(q int) ([]byte, error)) ([]byte, int, error) {
	var best []byte
	below, above := lo-1, hi+1 // below fits (or is lo-1), above does not (or is out of range)
	qa, sa := ref, sizeRef     // the nearest size known over maxBytes
	qa2, sa2 := 0, 0           // the one before
	sizeBelow := 0
	for n := 0; above-below > 1; n++ {
		q := (below + above) / 2
		if n < predictedTries || n%2 == 1 {
			switch {
			case sizeBelow > 0:
				q = predictQuality(below, sizeBelow, qa, sa, maxBytes)
			case sa2 > 0:
				q = predictQuality(qa2, sa2, qa, sa, maxBytes)
			default:
				q = predictQuality(0, 0, qa, sa, maxBytes)
			}
			q = min(max(q, below+1), above-1)
		}
		d, err := try(q)
		if err != nil {
			return nil, 0, err
		}
		if int64(len(d)) <= maxBytes {
			best, below, sizeBelow = d, q, len(d)
		} else {
			above = q
			qa2, sa2, qa, sa = qa, sa, q, len(d)
		}
	}
	if best == nil {
		return nil, 0, errOverBudget
	}
	return best, below, nil
}

// predictedTries is how many tries after the first largestFitting makes
// where the rate model predicts, before it alternates with bisection.
const predictedTries = 3

// rateExponent is how the JPEG size of a photo falls as the quantization
// tables grow: size ∝ scale^-rateExponent, scale being the IJG quality's
// percentage of the annex K tables. Fitted on real camera photos from
// quality 50 to 90 (0.6 to 0.7); predictQuality uses it until it has two
// sizes of its own to fit.
const rateExponent = 0.66

// predictQuality predicts the largest quality whose size is at most
// maxBytes from the size sizeAbove (> maxBytes) at quality above and, if
// sizeBelow > 0, the size at another quality below, by the rate model of
// rateExponent: a straight line through the two in log size against log
// scale, or the fitted slope through the one.
func predictQuality(below, sizeBelow, above, sizeAbove int, maxBytes int64) int {
	la, ly := math.Log(qualityScale(above)), math.Log(float64(sizeAbove))
	slope := rateExponent
	if sizeBelow > 0 {
		if s := (math.Log(float64(sizeBelow)) - ly) / (la - math.Log(qualityScale(below))); s > 0.05 && s < 10 {
			slope = s
		}
	}
	q := scaleQuality(math.Exp(la + (ly-math.Log(float64(maxBytes)))/slope))
	if !(q >= 0 && q <= 100) { // also NaN
		return (below + above) / 2
	}
	return int(q)
}

// qualityScale is the percentage of the annex K tables that IJG quality q
// (1..100) scales them to, as internal/jpeg computes it, but at least 1
// (quality 100's 0 gives tables of 1s, as 1 nearly does).
func qualityScale(q int) float64 {
	if q < 50 {
		return 5000 / float64(q)
	}
	return float64(max(200-2*q, 1))
}

// scaleQuality inverts qualityScale, continuously.
func scaleQuality(scale float64) float64 {
	if scale > 100 {
		return 5000 / scale
	}
	return (200 - scale) / 2
}

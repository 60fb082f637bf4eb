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

// jpegWithin writes img as a JPEG at the largest quality from
// out.MinQuality to out.Quality-1 whose bytes fit maxBytes (> 0), given
// that at out.Quality they are sizeOver bytes, over it; it returns
// errOverBudget when none fits. The image is transformed once and coded
// at each quality tried (see largestFitting).
func jpegWithin(img image.Image, out vendors.Output, maxBytes int64, sizeOver int, enc encoding) ([]byte, int, error) {
	b := img.Bounds()
	try := func(q int) ([]byte, error) { return encode(img, vendors.JPEG, q, enc) }
	if b.Dx()*b.Dy() <= transformMaxPixels {
		t, err := pjpeg.Transform(img, jpegOptions(img, out.Quality, enc))
		if err != nil {
			return nil, 0, err
		}
		try = func(q int) ([]byte, error) { return t.Append(nil, q), nil }
	}
	return largestFitting(out.MinQuality, out.Quality, maxBytes, sizeOver, try)
}

// largestFitting returns the bytes that try writes at the largest quality
// q in [lo, hi-1] whose bytes fit maxBytes, and q, given that at hi they
// are sizeHi bytes, over it; errOverBudget when none fits. Like the
// bisection it replaces, it takes the size to grow with the quality; it
// finds the same q in fewer tries, usually two: it predicts the quality at
// which the size crosses maxBytes with a rate model (see predictQuality)
// from the nearest sizes measured either side, tries the largest quality
// predicted to fit, and continues between the nearest fitting and
// non-fitting qualities known. After predictedTries tries every other one
// is a bisection, so that no sizes take many more tries than bisection
// would.
func largestFitting(lo, hi int, maxBytes int64, sizeHi int, try func(q int) ([]byte, error)) ([]byte, int, error) {
	var best []byte
	below, above := lo-1, hi // below fits (or is lo-1), above does not
	sizeBelow, sizeAbove := 0, sizeHi
	prevAbove, sizePrevAbove := 0, 0 // the last non-fitting quality before above
	for n := 0; above-below > 1; n++ {
		q := (below + above) / 2
		if n < predictedTries || n%2 == 1 {
			switch {
			case sizeBelow > 0:
				q = predictQuality(below, sizeBelow, above, sizeAbove, maxBytes)
			case sizePrevAbove > 0:
				q = predictQuality(prevAbove, sizePrevAbove, above, sizeAbove, maxBytes)
			default:
				q = predictQuality(0, 0, above, sizeAbove, maxBytes)
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
			prevAbove, sizePrevAbove = above, sizeAbove
			above, sizeAbove = q, len(d)
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

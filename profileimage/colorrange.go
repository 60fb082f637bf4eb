package profileimage

import (
	"image"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// limitedRange reports whether img, decoded from the upload info
// describes, holds limited-range Y'CbCr (luma 16 to 235), which its
// outputs must expand to full range to look as libwebp shows them: a
// still lossy WebP, whose VP8 samples golang.org/x/image/webp returns
// unchanged as *image.YCbCr, or *image.NYCbCrA with an ALPH chunk. A
// lossless WebP decodes to *image.NRGBA, and internal/webp converts the
// first frame of an animation itself.
//
// The expansion is affine, so it is done where it costs least: on the
// resampled output, fused into the resample (scale.Options.LimitedRange),
// or in place on the decoded planes when they are the output themselves.
func limitedRange(info validate.Info, img image.Image) bool {
	if info.Format != vendors.WebP {
		return false
	}
	switch img.(type) {
	case *image.YCbCr, *image.NYCbCrA:
		return true
	}
	return false
}

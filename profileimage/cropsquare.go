package profileimage

import (
	"fmt"
	"image"
	"math"
)

// CropSquare gives the caller's square crop box as Jira's storeAvatar takes
// it in its query: the top-left corner (x, y) and the side size, in the
// coordinates of the image as a person sees it (after its EXIF
// orientation). It is Crop(image.Rect(x, y, x+size, y+size)) with the
// parameters checked first: x and y must not be negative and size must be
// positive. A bad parameter, like a square that does not lie inside the
// image (for which Jira answers 400, "the crop parameters extend the crop
// area beyond the edge of the image"), makes Normalize, Scale and ScaleAll
// return an error wrapping [ErrBadOption]; so does Validate, which makes no
// image to crop.
//
// Without it the jira profile crops what Jira crops when no crop parameters
// are given: the largest square at the top-left corner.
func CropSquare(x, y, size int) Option {
	return func(s *settings) {
		s.shapes("CropSquare")
		switch {
		case size < 1:
			s.fail(fmt.Errorf("%w: CropSquare of side %d: the side must be positive", ErrBadOption, size))
		case x < 0 || y < 0:
			s.fail(fmt.Errorf("%w: CropSquare at (%d,%d): the corner must not be negative", ErrBadOption, x, y))
		case x > math.MaxInt-size || y > math.MaxInt-size:
			s.fail(fmt.Errorf("%w: CropSquare at (%d,%d) of side %d: beyond any image", ErrBadOption, x, y, size))
		default:
			s.crop = image.Rect(x, y, x+size, y+size)
		}
	}
}

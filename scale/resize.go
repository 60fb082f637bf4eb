package scale

import (
	"context"
	"image"
)

// Resize resamples src into a new width×height image, applying
// opts.Orientation, opts.Crop and opts.Pad in the same pass. A nil opts means
// the defaults (Lanczos3, the whole image, upright, all cores).
//
// The result is an *image.YCbCr with the same subsampling for an
// *image.YCbCr (its planes are resampled directly, without RGB), an
// *image.Gray for an *image.Gray, and an *image.NRGBA for anything else,
// computed with premultiplied alpha. Its bounds start at (0, 0). src is never
// changed nor returned. Sizes are checked before anything is allocated; every
// error wraps one of the Err values of this package, or is ctx's error: ctx
// is checked between bands of rows, and once it is done the resample stops.
// A nil ctx is never done.
//
// To resample many images of the same size, a [Scaler] computes the weights
// once.
func Resize(ctx context.Context, src image.Image, width, height int, opts *Options) (image.Image, error) {
	if src == nil {
		return nil, ErrInvalidSource
	}
	b := src.Bounds()
	s, err := NewScaler(b.Dx(), b.Dy(), width, height, opts)
	if err != nil {
		return nil, err
	}
	return s.Resize(ctx, src)
}

package scale

import "errors"

// The errors that this package returns. Each error returned wraps exactly one
// of them, so callers test with [errors.Is]; the message adds the detail.
var (
	// ErrInvalidSize reports a destination width or height that is not
	// positive, or a destination larger than [MaxPixels].
	ErrInvalidSize = errors.New("scale: invalid destination size")
	// ErrInvalidSource reports an empty source, a source larger than
	// [MaxPixels], or a concrete image whose pixel slice is too short for its
	// bounds.
	ErrInvalidSource = errors.New("scale: invalid source image")
	// ErrSourceSize reports a source given to [Scaler.Resize] whose size is not
	// the one the Scaler was made for.
	ErrSourceSize = errors.New("scale: source size differs from the scaler's")
	// ErrInvalidCrop reports an Options.Crop that does not lie inside the
	// oriented source or is empty.
	ErrInvalidCrop = errors.New("scale: crop rectangle outside the source")
	// ErrInvalidPad reports an Options.Pad that does not lie inside the
	// destination or is empty.
	ErrInvalidPad = errors.New("scale: pad rectangle outside the destination")
	// ErrInvalidOrientation reports an Options.Orientation outside 0..8.
	ErrInvalidOrientation = errors.New("scale: invalid EXIF orientation")
	// ErrInvalidKernel reports a Kernel whose support is negative, too large
	// or not finite, whose At is nil, or whose weights cannot be normalised
	// (a sum near zero, a non-finite value, or absolute weights summing to
	// more than 2).
	ErrInvalidKernel = errors.New("scale: invalid kernel")
	// ErrInvalidConcurrency reports a negative Options.Concurrency.
	ErrInvalidConcurrency = errors.New("scale: negative concurrency")
	// ErrInvalidDestination reports a destination image given to
	// [Scaler.ResizeInto] whose type or size does not match.
	ErrInvalidDestination = errors.New("scale: destination image does not match")
	// ErrAborted is what [Feed.Done] returns after [Feed.Abort].
	ErrAborted = errors.New("scale: feed aborted")
)

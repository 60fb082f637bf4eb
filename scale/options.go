package scale

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"runtime"

	"github.com/profileimage/profileimage/internal/orient"
)

// MaxPixels is the largest pixel count this package accepts for a source or
// a destination (2^28, a quarter of a gibi-pixel). It bounds every allocation
// before it happens.
const MaxPixels = 1 << 28

// maxSupport bounds a Kernel's Support, so a hostile kernel cannot make the
// weight tables absurdly large.
const maxSupport = 16

// Options tunes a resample. A nil *Options, and the zero value of each field,
// mean the defaults. Options are fixed when a [Scaler] is made; the context
// that may cancel a resample is not an option but an argument of each call,
// so that one Scaler serves requests that are cancelled independently.
type Options struct {
	// Kernel is the resampling filter; the zero value means Lanczos3.
	Kernel Kernel
	// Orientation is the EXIF orientation (1..8) of the source; the
	// resample applies it, so the result looks upright. 0 means 1.
	Orientation int
	// Crop selects the part of the source to resample, in oriented
	// coordinates: the image as a person sees it after Orientation, with its
	// top-left pixel at (0, 0) whatever the source's Bounds().Min. The zero
	// rectangle means the whole image; otherwise it must be non-empty and
	// lie inside the oriented image.
	Crop image.Rectangle
	// Pad is where the resampled image goes inside the destination
	// (0, 0, width, height); the rest is filled with PadColor. The zero
	// rectangle means the whole destination; otherwise it must be non-empty
	// and lie inside it. For Y'CbCr destinations the chroma planes use Pad
	// divided by the subsampling factors, rounded outwards.
	Pad image.Rectangle
	// PadColor fills the destination outside Pad. nil means transparent
	// black for *image.NRGBA destinations and black for *image.Gray and
	// *image.YCbCr ones (which have no alpha).
	PadColor color.Color
	// Concurrency is the number of goroutines that work on one resample:
	// 0 means runtime.GOMAXPROCS(0), 1 means only the calling goroutine.
	// Small images use fewer goroutines than allowed. A negative value is
	// ErrInvalidConcurrency.
	Concurrency int
	// LinearLight resamples in linear light (gamma-correct) instead of the
	// sRGB-encoded values. It applies to sources resampled as RGBA (all but
	// *image.YCbCr and *image.Gray, whose stored values are resampled as
	// they are). It is slower.
	LinearLight bool
	// LimitedRange says that a Y'CbCr source holds limited-range
	// ("studio swing", BT.601) samples, as video and lossy WebP (VP8)
	// store them: luma 16 to 235 from black to white, chroma 16 to 240,
	// instead of the full range 0 to 255 that package image reads. The
	// result is then full range. An *image.YCbCr's planes are expanded as
	// each resampled row is written, from its sums before they are
	// rounded (the expansion is affine and commutes with the resample, so
	// this equals expanding the source first, within a level, without
	// touching the larger image); an *image.NYCbCrA is converted with
	// the limited-range matrix as its rows are read. PadColor stays full
	// range. It has no effect on other sources.
	LimitedRange bool
}

// config is a validated Options, with the defaults filled in.
type config struct {
	kernel      Kernel
	orient      orientation
	crop        image.Rectangle // oriented, zero-based, never empty
	pad         image.Rectangle // never empty
	padColor    color.Color     // may be nil
	workers     int
	linearLight bool
	// limitedRange is Options.LimitedRange.
	limitedRange bool
}

func validKernel(k Kernel) error {
	if isZeroKernel(k) {
		return nil
	}
	if math.IsNaN(k.Support) || k.Support < 0 || k.Support > maxSupport {
		return fmt.Errorf("%w: support %v not in [0, %d]", ErrInvalidKernel, k.Support, maxSupport)
	}
	if k.Support > 0 && k.At == nil {
		return fmt.Errorf("%w: %q has no At function", ErrInvalidKernel, k.Name)
	}
	return nil
}

func checkSize(w, h int, sentinel error, what string) error {
	if w <= 0 || h <= 0 || w > MaxPixels || h > MaxPixels || w > MaxPixels/h {
		return fmt.Errorf("%w: %s %dx%d", sentinel, what, w, h)
	}
	return nil
}

// newConfig validates opts for a srcW×srcH source and a dstW×dstH
// destination.
func newConfig(srcW, srcH, dstW, dstH int, opts *Options) (config, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	var c config
	if err := checkSize(dstW, dstH, ErrInvalidSize, "destination"); err != nil {
		return c, err
	}
	if err := checkSize(srcW, srcH, ErrInvalidSource, "source"); err != nil {
		return c, err
	}
	if err := validKernel(o.Kernel); err != nil {
		return c, err
	}
	c.kernel = o.Kernel
	if isZeroKernel(c.kernel) {
		c.kernel = defaultKernel
	}
	var ok bool
	if c.orient, ok = orient.Of(o.Orientation); !ok {
		return c, fmt.Errorf("%w: %d", ErrInvalidOrientation, o.Orientation)
	}
	ow, oh := c.orient.Size(srcW, srcH)
	c.crop = o.Crop
	if c.crop == (image.Rectangle{}) {
		c.crop = image.Rect(0, 0, ow, oh)
	} else if c.crop.Empty() || !c.crop.In(image.Rect(0, 0, ow, oh)) {
		return c, fmt.Errorf("%w: %v not inside the oriented %dx%d image", ErrInvalidCrop, o.Crop, ow, oh)
	}
	c.pad = o.Pad
	if c.pad == (image.Rectangle{}) {
		c.pad = image.Rect(0, 0, dstW, dstH)
	} else if c.pad.Empty() || !c.pad.In(image.Rect(0, 0, dstW, dstH)) {
		return c, fmt.Errorf("%w: %v not inside %dx%d", ErrInvalidPad, o.Pad, dstW, dstH)
	}
	c.padColor = o.PadColor
	if o.Concurrency < 0 {
		return c, fmt.Errorf("%w: %d", ErrInvalidConcurrency, o.Concurrency)
	}
	c.workers = o.Concurrency
	if c.workers == 0 {
		c.workers = runtime.GOMAXPROCS(0)
	}
	c.linearLight = o.LinearLight
	c.limitedRange = o.LimitedRange
	return c, nil
}

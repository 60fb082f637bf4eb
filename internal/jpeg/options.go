package jpeg

import (
	"image"
	"runtime"
)

// Default limits used when the corresponding [DecodeOptions] field is zero.
const (
	// DefaultMaxPixels is the largest full-size width×height decoded when
	// DecodeOptions.MaxPixels is 0: 100 megapixels, above any phone or
	// common camera.
	DefaultMaxPixels = 100_000_000
	// DefaultMaxScans is the largest number of scans (SOS segments) decoded
	// when DecodeOptions.MaxScans is 0. Real encoders write at most a few
	// dozen; each scan can cost a pass over every block of the image.
	DefaultMaxScans = 256
)

// DecodeOptions tunes [Decode]. A nil *DecodeOptions means the zero value
// of every field.
type DecodeOptions struct {
	// ScaleDenom is the shrink-on-load denominator: 1 (or 0), 2, 4 or 8.
	// The image is decoded at ceil(width/ScaleDenom) × ceil(height/ScaleDenom)
	// straight from the DCT coefficients: each output sample is the mean of
	// the ScaleDenom×ScaleDenom full-size samples it covers (a box
	// filter computed in the DCT domain), so the full-size image is never
	// built. At 8 only the DC coefficients are used.
	ScaleDenom int

	// MaxPixels refuses, before any pixel memory is allocated, an image
	// whose full-size width×height exceeds it. 0 means DefaultMaxPixels.
	MaxPixels int64

	// MaxScans refuses a stream with more scans than this. 0 means
	// DefaultMaxScans.
	MaxScans int

	// Rows, if not nil, is called as decoded rows become final, in order
	// and covering every row of the output exactly once: img is the image
	// that Decode will return and rows y0 ≤ y < y1 (in img's coordinates)
	// will not change any more. For a baseline gray image, or a baseline
	// Y'CbCr image whose components are interleaved in one scan, it is
	// called while the decode is running, for each row of MCUs (or, when
	// parts of the scan are decoded in parallel, for each run of rows
	// that they complete); otherwise
	// (progressive, multi-scan, RGB, CMYK, and the sampling layouts that
	// are upsampled at the end) once, at the end. A non-nil error stops the
	// decode and is returned by Decode. When Rows is set, the output type
	// is decided at the first scan: an APP0 or APP14 segment after it is
	// ignored.
	Rows func(img image.Image, y0, y1 int) error

	// Concurrency is the number of goroutines that decode the
	// entropy-coded data of a sequential scan: with restart markers, each
	// takes runs of restart intervals; without them, the scan is split in
	// two (see the package documentation), which uses two goroutines and
	// costs some CPU time over the serial decode, little at 1/8 scale and
	// up to half as much again at 1/2. 0 means runtime.GOMAXPROCS(0) for
	// scans of 4096 blocks or more (smaller ones are not worth it), 1 the
	// calling goroutine only, n > 1 up to n goroutines (at most 64) at any
	// size. The output, the warnings and the errors are the same whatever
	// it is.
	Concurrency int

	// Warn, if not nil, is called for each repair of a damaged stream that
	// Decode makes where libjpeg warns and goes on: extraneous bytes
	// before a marker, restart markers missing, out of order or reached
	// early (libjpeg's resynchronisation, see [Decode]), and a stream that
	// ends without EOI after its last scan.
	Warn func(Warning)
}

func (o *DecodeOptions) scale() (int, error) {
	if o == nil {
		return 1, nil
	}
	switch o.ScaleDenom {
	case 0, 1:
		return 1, nil
	case 2, 4, 8:
		return o.ScaleDenom, nil
	}
	return 0, UnsupportedError("scale denominator (want 1, 2, 4 or 8)")
}

// concurrency returns the number of goroutines, and whether the caller
// chose it.
func (o *DecodeOptions) concurrency() (int, bool) {
	if o == nil || o.Concurrency <= 0 {
		return runtime.GOMAXPROCS(0), false
	}
	return o.Concurrency, true
}

func (o *DecodeOptions) maxPixels() int64 {
	if o == nil || o.MaxPixels <= 0 {
		return DefaultMaxPixels
	}
	return o.MaxPixels
}

func (o *DecodeOptions) maxScans() int {
	if o == nil || o.MaxScans <= 0 {
		return DefaultMaxScans
	}
	return o.MaxScans
}

// warn reports a repair to o.Warn, if set.
func (o *DecodeOptions) warn(offset int, what string) {
	if o != nil && o.Warn != nil {
		o.Warn(Warning{Offset: offset, What: what})
	}
}

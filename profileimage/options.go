package profileimage

import (
	"errors"
	"fmt"
	"image"
	"image/color"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// Option changes how Validate, Normalize, Scale and ScaleAll treat one call.
// Each option is checked when it is applied: one that cannot apply to any
// image (a negative Concurrency, an empty Crop box, a fit box of no width)
// makes the call return an error wrapping [ErrBadOption], naming the
// option, before the upload is read. A nil Option is skipped.
//
// Which function reads which option:
//
//	option                               Validate      Normalize, Scale, ScaleAll
//	ContentType, TrustBytes, WithLimits  reads it      read it
//	Concurrency                          reads it      read it
//	HeaderOnly                           reads it      ErrBadOption
//	Crop, CropSquare, FitBox, PadColor   ErrBadOption  read it
//
// An option a function cannot honour is not ignored: the call returns an
// error wrapping [ErrBadOption] that names it, so that a caller never
// believes a crop or a header-only check was made when it was not.
type Option func(*settings)

type settings struct {
	check       []validate.Option
	crop        image.Rectangle
	padColor    color.Color
	concurrency int
	fit         *vendors.Fit // the caller's fit box, or nil
	// err is the first option that cannot apply whatever the image; every
	// function returns it.
	err        error
	headerOnly bool
	// shaping names the options given that shape the output (Crop,
	// CropSquare, FitBox, PadColor), which Validate cannot honour.
	shaping []string
}

func newSettings(opts []Option) settings {
	var s settings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	return s
}

// forValidate returns the error of options that Validate cannot apply.
func (s *settings) forValidate() error {
	if s.err != nil {
		return s.err
	}
	if len(s.shaping) > 0 {
		return fmt.Errorf("%w: %s shapes an output, and Validate makes none", ErrBadOption, s.shaping[0])
	}
	return nil
}

// forOutput returns the error of options that Normalize, Scale and
// ScaleAll cannot apply.
func (s *settings) forOutput() error {
	if s.err != nil {
		return s.err
	}
	if s.headerOnly {
		return fmt.Errorf("%w: HeaderOnly: an output is made from the decoded pixels, not the header alone", ErrBadOption)
	}
	return nil
}

// fail records err as the settings' error unless an earlier option already
// failed.
func (s *settings) fail(err error) {
	if s.err == nil {
		s.err = err
	}
}

// shapes records that the option named name, which shapes the output, was
// given.
func (s *settings) shapes(name string) { s.shaping = append(s.shaping, name) }

// ContentType declares the media type the upload came with (for example the
// multipart part's Content-Type). When it names another format than the one
// sniffed from the bytes, the upload is rejected with the reason
// content-type-mismatch, unless [TrustBytes] is also given.
func ContentType(mediaType string) Option {
	return func(s *settings) { s.check = append(s.check, validate.ContentType(mediaType)) }
}

// TrustBytes makes a declared content type that disagrees with the bytes no
// reason for rejection: the format sniffed from the bytes wins.
func TrustBytes() Option {
	return func(s *settings) { s.check = append(s.check, validate.TrustBytes()) }
}

// WithLimits replaces the library's safety caps (see [DefaultLimits]),
// which apply on top of every profile's own limits.
func WithLimits(l Limits) Option {
	return func(s *settings) { s.check = append(s.check, validate.WithLimits(l)) }
}

// HeaderOnly makes Validate judge the upload from its header alone, as
// validate.Check does, without decoding any pixel: a fraction of a
// millisecond instead of a decode at the cheapest scale (see [Validate]),
// but a file whose pixel data is damaged or missing then passes, which
// Normalize, Scale and the vendor reject as corrupt. Only Validate reads
// it: Normalize, Scale and ScaleAll, which must decode the pixels, return
// an error wrapping [ErrBadOption].
func HeaderOnly() Option {
	return func(s *settings) { s.headerOnly = true }
}

// Crop gives the caller's own crop box, in the coordinates of the image as a
// person sees it (after its EXIF orientation), with the top-left pixel at
// (0, 0). It replaces the profile's square crop (Slack's crop_x, crop_y and
// crop_w become image.Rect(x, y, x+w, y+w)). The zero Rectangle means no
// crop of the caller's (the profile's applies); any other empty box, and a
// box outside the image, is an error wrapping [ErrBadOption]. Normalize,
// Scale and ScaleAll read it; Validate returns ErrBadOption.
func Crop(r image.Rectangle) Option {
	return func(s *settings) {
		s.shapes("Crop")
		if r != (image.Rectangle{}) && r.Empty() {
			s.fail(fmt.Errorf("%w: Crop %v: the box is empty", ErrBadOption, r))
			return
		}
		s.crop = r
	}
}

// FitBox replaces the profile's fit box for one call: the normalized image
// is scaled to fit inside width×height instead of the profile's
// Fit.MaxWidth×Fit.MaxHeight. Everything else of the profile still applies:
// its square rule, its Fit.Enlarge, and its hard limits (MaxWidth,
// MaxHeight and MaxPixels bound the output as before). Named sizes such as
// "90x90" keep their exact dimensions; the box applies to the "original"
// output of Normalize, Scale and ScaleAll. It is how a caller passes a size
// of its own that a vendor honours, such as Smartsheet's custom size, which
// replaces the 1050x1050 it scales down to. Both sides must be within
// 1..16384, else Normalize, Scale and ScaleAll return an error wrapping
// [ErrBadOption]. Validate returns ErrBadOption.
func FitBox(width, height int) Option {
	return func(s *settings) {
		s.shapes("FitBox")
		if width < 1 || height < 1 || width > maxFitSide || height > maxFitSide {
			s.fail(fmt.Errorf("%w: FitBox %dx%d: each side must be within 1..%d", ErrBadOption, width, height, maxFitSide))
			return
		}
		s.fit = &vendors.Fit{MaxWidth: width, MaxHeight: height}
	}
}

// PadColor replaces the profile's pad colour, used to pad to a square and to
// flatten transparency when the output format has none. A nil colour
// means the profile's. Normalize, Scale and ScaleAll read it; Validate
// returns an error wrapping [ErrBadOption].
func PadColor(c color.Color) Option {
	return func(s *settings) {
		s.shapes("PadColor")
		s.padColor = c
	}
}

// Concurrency bounds how many goroutines one call may use to decode a
// JPEG (its restart intervals in parallel, or its scan split in two; in
// Validate too, which decodes it at 1/8 to prove its pixels), to resample
// (a JPEG upload while it decodes) and to encode: 0 means GOMAXPROCS, 1
// means only the calling goroutine. The output does not depend on it. The
// goroutines cost CPU time of their own (a split JPEG scan up to half as
// much again at 1/2 scale): a service that is busy on every core gets
// more uploads through with 1. A negative n is an error wrapping
// [ErrBadOption]. Every function reads it.
func Concurrency(n int) Option {
	return func(s *settings) {
		if n < 0 {
			s.fail(fmt.Errorf("%w: Concurrency %d: must be 0 (GOMAXPROCS) or more", ErrBadOption, n))
			return
		}
		s.concurrency = n
	}
}

// ErrBadOption is wrapped by the error returned for an option that cannot
// apply to the image, such as a crop box outside it, to any image, such
// as a fit box of zero width, or to the function it is given to, such as
// Crop to Validate.
var ErrBadOption = errors.New("profileimage: bad option")

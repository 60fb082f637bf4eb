package profileimage

import (
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// The words a caller of Validate, Normalize and Scale needs, so that one
// import of this package is enough besides the profile itself (package
// vendors: vendors.Lookup, vendors.MustLookup, vendors.Parse). Each is an
// alias of the type, constant or error it names in the package that owns
// it, so values pass between the packages unchanged.

// Error is a rejection: the vendor-neutral [Reason], a human detail, and
// the vendor's own status, code and message for it (Error.Vendor). Every
// rejection of Validate, Normalize, Scale and ScaleAll is an *Error, and
// errors.Is matches it against the sentinel of its reason ([ErrCorrupt],
// [ErrTooManyPixels], ...). See [validate.Error].
type Error = validate.Error

// Violation is one broken rule of an [Error]: Error.Violations lists every
// rule the upload breaks.
type Violation = validate.Violation

// VendorError is a vendor's own answer to a rejection: its HTTP status,
// error code and message, as Error.Vendor carries it.
type VendorError = vendors.VendorError

// Info is what an upload is, read from its header: format, size, EXIF
// orientation, frames, colour profile. Validate returns it, and
// Result.Source carries it.
type Info = validate.Info

// Reason is the vendor-neutral name of why an upload is rejected
// (Error.Reason). The names are a public contract.
type Reason = vendors.Reason

// The reasons of a rejection (see [vendors.Reason]).
const (
	ReasonEmpty               = vendors.ReasonEmpty               // no bytes
	ReasonUnsupportedFormat   = vendors.ReasonUnsupportedFormat   // not a format the vendor takes, or no image
	ReasonContentTypeMismatch = vendors.ReasonContentTypeMismatch // the declared type is not the bytes' ([ContentType])
	ReasonCorrupt             = vendors.ReasonCorrupt             // a known format, malformed
	ReasonTooManyPixels       = vendors.ReasonTooManyPixels       // width×height above the vendor's or the safety cap
	ReasonTooManyBytes        = vendors.ReasonTooManyBytes        // more bytes than the vendor takes
	ReasonTooSmall            = vendors.ReasonTooSmall            // a side below the vendor's minimum
	ReasonTooLarge            = vendors.ReasonTooLarge            // a side above the vendor's maximum
	ReasonAnimated            = vendors.ReasonAnimated            // animation, or more frames, than the vendor takes
	ReasonUnknownSize         = vendors.ReasonUnknownSize         // a scaled size the vendor does not offer ([Scale])
)

// The sentinel error of each [Reason]: errors.Is(err, ErrCorrupt) reports
// whether err is a rejection for that reason.
var (
	ErrEmpty               = validate.ErrEmpty
	ErrUnsupportedFormat   = validate.ErrUnsupportedFormat
	ErrContentTypeMismatch = validate.ErrContentTypeMismatch
	ErrCorrupt             = validate.ErrCorrupt
	ErrTooManyPixels       = validate.ErrTooManyPixels
	ErrTooManyBytes        = validate.ErrTooManyBytes
	ErrTooSmall            = validate.ErrTooSmall
	ErrTooLarge            = validate.ErrTooLarge
	ErrAnimated            = validate.ErrAnimated
	ErrUnknownSize         = validate.ErrUnknownSize
)

// Format names an image file format (Info.Format, Result.Format).
type Format = vendors.Format

// The formats the library decodes; Normalize and Scale write JPEG and PNG.
const (
	JPEG = vendors.JPEG
	PNG  = vendors.PNG
	GIF  = vendors.GIF
	WebP = vendors.WebP
	BMP  = vendors.BMP
	TIFF = vendors.TIFF
)

// OriginalSize is the size name of Normalize's output, which Scale also
// takes ([Result.Size]).
const OriginalSize = vendors.OriginalSize

// Limits are the library's safety caps, which apply on top of every
// profile's own limits; [WithLimits] replaces them for one call. In a
// Limits, a zero field means the default and a negative one no cap.
type Limits = validate.Limits

// DefaultLimits returns the safety caps that apply when the caller sets
// none (see [validate.DefaultLimits] for the figures).
func DefaultLimits() Limits { return validate.DefaultLimits() }

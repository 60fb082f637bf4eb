package vendors

import (
	"net/http"
	"slices"
)

// Reason is the vendor-neutral name of why an upload is rejected. The names
// are a public contract, used by callers and by the command line's JSON.
type Reason string

// The reasons. Each profile maps every reason to the vendor's own error.
const (
	// ReasonEmpty: the upload has no bytes.
	ReasonEmpty Reason = "empty"
	// ReasonUnsupportedFormat: the bytes are not a format the vendor
	// accepts (or not an image the library can read at all).
	ReasonUnsupportedFormat Reason = "unsupported-format"
	// ReasonContentTypeMismatch: the declared content type does not match
	// the format sniffed from the bytes.
	ReasonContentTypeMismatch Reason = "content-type-mismatch"
	// ReasonCorrupt: the file claims a known format but is malformed.
	ReasonCorrupt Reason = "corrupt"
	// ReasonTooManyPixels: width×height is above the vendor's (or the
	// library's safety) pixel limit.
	ReasonTooManyPixels Reason = "too-many-pixels"
	// ReasonTooManyBytes: the file is larger than the vendor's byte limit.
	ReasonTooManyBytes Reason = "too-many-bytes"
	// ReasonTooSmall: the width or height is below the vendor's minimum.
	ReasonTooSmall Reason = "too-small"
	// ReasonTooLarge: the width or height is above the vendor's maximum
	// (a limit on one side, unlike ReasonTooManyPixels; Slack's too_large
	// and GitHub's 3000×3000 are of this kind). Added to the original list
	// because no other reason names a per-side maximum.
	ReasonTooLarge Reason = "too-large"
	// ReasonAnimated: the image is animated and the vendor rejects
	// animation, or has more frames than the vendor allows.
	ReasonAnimated Reason = "animated"
	// ReasonUnknownSize: a scaled size that the vendor does not offer.
	ReasonUnknownSize Reason = "unknown-size"
)

var reasons = [...]Reason{
	ReasonEmpty, ReasonUnsupportedFormat, ReasonContentTypeMismatch, ReasonCorrupt,
	ReasonTooManyPixels, ReasonTooManyBytes, ReasonTooSmall, ReasonTooLarge,
	ReasonAnimated, ReasonUnknownSize,
}

// Reasons returns every reason, in a fixed order. The slice is the caller's
// own: changing it changes nothing else.
func Reasons() []Reason { return slices.Clone(reasons[:]) }

// Known reports whether r is one of the reasons above.
func (r Reason) Known() bool { return slices.Contains(reasons[:], r) }

// GenericError returns the library's answer for r when a profile has no
// entry for it: no vendor code, a neutral message, and the HTTP status that
// fits the reason: 415 Unsupported Media Type for unsupported-format and
// content-type-mismatch, 413 Content Too Large for too-many-bytes, 404 Not
// Found for unknown-size, and 400 Bad Request for every other reason.
func GenericError(r Reason) VendorError {
	status := http.StatusBadRequest
	switch r {
	case ReasonUnsupportedFormat, ReasonContentTypeMismatch:
		status = http.StatusUnsupportedMediaType
	case ReasonTooManyBytes:
		status = http.StatusRequestEntityTooLarge
	case ReasonUnknownSize:
		status = http.StatusNotFound
	}
	return VendorError{Status: status, Message: genericMessages[r], Generic: true}
}

var genericMessages = map[Reason]string{
	ReasonEmpty:               "The image is empty.",
	ReasonUnsupportedFormat:   "The image format is not supported.",
	ReasonContentTypeMismatch: "The content type does not match the image.",
	ReasonCorrupt:             "The image is not valid.",
	ReasonTooManyPixels:       "The image has too many pixels.",
	ReasonTooManyBytes:        "The image file is too large.",
	ReasonTooSmall:            "The image is too small.",
	ReasonTooLarge:            "The image dimensions are too large.",
	ReasonAnimated:            "Animated images are not accepted.",
	ReasonUnknownSize:         "The image size is not available.",
}

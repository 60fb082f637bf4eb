package validate

import (
	"github.com/profileimage/profileimage/internal/answer"
	"github.com/profileimage/profileimage/vendors"
)

// Error is a rejection: the vendor-neutral [vendors.Reason], a human
// detail, and, when a profile was applied, the vendor's own error for the
// reason with its message placeholders filled.
//
// errors.Is(err, ErrTooManyPixels) and the other sentinels match through
// [Error.Unwrap], which returns the sentinel of Reason (the first
// violation only; the others are in Violations).
type Error struct {
	Reason vendors.Reason
	Detail string
	// Vendor is the profile's entry for Reason, filled; the zero value
	// when no profile was applied (errors from [Inspect]).
	Vendor vendors.VendorError
	// Violations lists every rule the upload breaks, in the priority order
	// documented on [Check]; Violations[0] is Reason and Detail. Errors
	// from [Inspect] have a single violation.
	Violations []Violation
}

// Violation is one broken rule.
type Violation struct {
	Reason vendors.Reason
	Detail string
	// Value is the offending value and Limit the limit it broke, as they
	// go into the vendor's message ("5000x4000" and "12000000"); empty
	// when the rule has none.
	Value, Limit string
}

// Error returns "validate: ", the reason and the detail.
func (e *Error) Error() string {
	return "validate: " + string(e.Reason) + ": " + e.Detail
}

// Unwrap returns the sentinel error of e.Reason, such as [ErrCorrupt].
func (e *Error) Unwrap() error { return sentinel(e.Reason) }

// reasonError is the type of the sentinels: comparable values, so that
// errors.Is matches them by identity.
type reasonError struct{ reason vendors.Reason }

func (e *reasonError) Error() string { return "validate: " + string(e.reason) }

// The sentinel of each [vendors.Reason].
var (
	ErrEmpty               error = &reasonError{vendors.ReasonEmpty}
	ErrUnsupportedFormat   error = &reasonError{vendors.ReasonUnsupportedFormat}
	ErrContentTypeMismatch error = &reasonError{vendors.ReasonContentTypeMismatch}
	ErrCorrupt             error = &reasonError{vendors.ReasonCorrupt}
	ErrTooManyPixels       error = &reasonError{vendors.ReasonTooManyPixels}
	ErrTooManyBytes        error = &reasonError{vendors.ReasonTooManyBytes}
	ErrTooSmall            error = &reasonError{vendors.ReasonTooSmall}
	ErrTooLarge            error = &reasonError{vendors.ReasonTooLarge}
	ErrAnimated            error = &reasonError{vendors.ReasonAnimated}
	ErrUnknownSize         error = &reasonError{vendors.ReasonUnknownSize}
)

func sentinel(r vendors.Reason) error {
	switch r {
	case vendors.ReasonEmpty:
		return ErrEmpty
	case vendors.ReasonUnsupportedFormat:
		return ErrUnsupportedFormat
	case vendors.ReasonContentTypeMismatch:
		return ErrContentTypeMismatch
	case vendors.ReasonCorrupt:
		return ErrCorrupt
	case vendors.ReasonTooManyPixels:
		return ErrTooManyPixels
	case vendors.ReasonTooManyBytes:
		return ErrTooManyBytes
	case vendors.ReasonTooSmall:
		return ErrTooSmall
	case vendors.ReasonTooLarge:
		return ErrTooLarge
	case vendors.ReasonAnimated:
		return ErrAnimated
	case vendors.ReasonUnknownSize:
		return ErrUnknownSize
	}
	return nil
}

// withVendor makes the error whose first violation is vs[0], with p's
// vendor error for it (see internal/answer; the facade's
// profileimage.Reject makes the rejections found after [Check] with it
// too).
func withVendor(p vendors.Profile, vs []Violation, params map[string]string) *Error {
	first := vs[0]
	return &Error{
		Reason:     first.Reason,
		Detail:     first.Detail,
		Vendor:     answer.For(p, first.Reason, first.Detail, first.Value, first.Limit, params),
		Violations: vs,
	}
}

// inspectError is an error of [Inspect]: no vendor part.
func inspectError(r vendors.Reason, detail string) *Error {
	return &Error{Reason: r, Detail: detail, Violations: []Violation{{Reason: r, Detail: detail}}}
}

func corrupt(format vendors.Format, detail string) *Error {
	return inspectError(vendors.ReasonCorrupt, string(format)+": "+detail)
}

func unsupported(detail string) *Error {
	return inspectError(vendors.ReasonUnsupportedFormat, detail)
}

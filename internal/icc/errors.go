package icc

import (
	"errors"
	"strconv"
)

// The kinds of [Error], matched with errors.Is.
var (
	// ErrMalformed: the profile breaks the ICC specification or its own
	// bounds (a tag outside the profile, a count larger than its data).
	ErrMalformed = errors.New("icc: malformed profile")
	// ErrUnsupported: a valid profile this package does not convert (a
	// colour space other than RGB, gray or CMYK, a device link, a tag type
	// it does not read).
	ErrUnsupported = errors.New("icc: unsupported profile")
)

// Error says what is wrong with a profile and where.
type Error struct {
	Kind   error  // ErrMalformed or ErrUnsupported
	Offset int    // byte offset in the profile, -1 when not about one place
	Detail string // what was wrong
}

// Error returns the kind, the detail and the offset.
func (e *Error) Error() string {
	s := e.Kind.Error() + ": " + e.Detail
	if e.Offset >= 0 {
		s += " at offset " + strconv.Itoa(e.Offset)
	}
	return s
}

// Unwrap returns the kind, so that errors.Is(err, ErrMalformed) works.
func (e *Error) Unwrap() error { return e.Kind }

func malformed(off int, detail string) *Error { return &Error{ErrMalformed, off, detail} }

func unsupported(detail string) *Error { return &Error{ErrUnsupported, -1, detail} }

// Package exif walks the TIFF structure of an EXIF block (or of a whole TIFF
// file) with every offset, count and loop checked, so that no input can make
// it read out of range, loop, or allocate.
//
// It reads the few tags the library needs (orientation, the image size of a
// TIFF file, which metadata is present) and nothing else. Bytes that [Walk]
// accepted without error are safe to hand to a general EXIF decoder; the
// fuzz tests check that against github.com/rwcarlsen/goexif, a test
// dependency that no package of the library links.
package exif

import (
	"encoding/binary"
	"strconv"
)

// Kind names what is wrong with a block.
type Kind int

// The kinds of [Error].
const (
	KindHeader     Kind = iota + 1 // not a TIFF header
	KindOutOfRange                 // an offset or a count points past the end
	KindLoop                       // an IFD is reached twice
	KindTooMuch                    // more IFDs or entries than the work cap
)

var kindNames = [...]string{
	KindHeader:     "bad header",
	KindOutOfRange: "out of range",
	KindLoop:       "IFD loop",
	KindTooMuch:    "work cap exceeded",
}

// String returns the kind's name, such as "IFD loop".
func (k Kind) String() string {
	if k <= 0 || int(k) >= len(kindNames) {
		return "kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// Error is what [Walk] returns for a malformed block. It matches the
// sentinel of its kind with errors.Is.
type Error struct {
	Kind   Kind
	Offset int64  // byte offset in the block where the problem was found
	Detail string // what was found there
}

// Error returns "exif: ", the kind, the offset and the detail.
func (e *Error) Error() string {
	return "exif: " + e.Kind.String() + " at offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Detail
}

// Is reports whether target is the sentinel of e's kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Offset == -1 && t.Kind == e.Kind
}

// Sentinels, one per [Kind], for errors.Is.
var (
	ErrHeader     error = &Error{Kind: KindHeader, Offset: -1}
	ErrOutOfRange error = &Error{Kind: KindOutOfRange, Offset: -1}
	ErrLoop       error = &Error{Kind: KindLoop, Offset: -1}
	ErrTooMuch    error = &Error{Kind: KindTooMuch, Offset: -1}
)

func fail(k Kind, off int64, detail string) *Error {
	return &Error{Kind: k, Offset: off, Detail: detail}
}

// Work caps. A real EXIF block has 2 to 5 IFDs and well under 200 entries;
// a multi-page TIFF has one IFD per page.
const (
	// MaxIFDs is the most IFDs one walk visits, sub-IFDs included.
	MaxIFDs = 64
	// MaxEntries is the most IFD entries one walk reads, over all IFDs.
	MaxEntries = 8192
)

// Header reports the byte order of a TIFF header ("II*\x00" or
// "MM\x00*") at the start of b.
func Header(b []byte) (binary.ByteOrder, bool) {
	if len(b) < 8 {
		return nil, false
	}
	switch string(b[:4]) {
	case "II*\x00":
		return binary.LittleEndian, true
	case "MM\x00*":
		return binary.BigEndian, true
	}
	return nil, false
}

// TrimPrefix returns b without the "Exif\x00\x00" identifier that JPEG APP1
// segments (and some WebP and PNG writers) put before the TIFF header.
func TrimPrefix(b []byte) []byte {
	if len(b) >= 6 && string(b[:6]) == "Exif\x00\x00" {
		return b[6:]
	}
	return b
}

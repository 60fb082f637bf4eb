package jpeg

import (
	"io"
	"strconv"
)

// FormatError reports that the input is not a valid JPEG stream.
type FormatError string

// Error implements the error interface.
func (e FormatError) Error() string { return "jpeg: invalid format: " + string(e) }

// Is reports whether a truncated-stream error matches [io.ErrUnexpectedEOF],
// so that callers can tell a cut-off upload from other damage.
func (e FormatError) Is(target error) bool {
	return e == errTruncated && target == io.ErrUnexpectedEOF
}

// UnsupportedError reports that the input is a valid JPEG stream that uses a
// feature this package does not implement (12-bit or lossless coding,
// hierarchical mode).
type UnsupportedError string

// Error implements the error interface.
func (e UnsupportedError) Error() string { return "jpeg: unsupported feature: " + string(e) }

// LimitError reports that decoding was refused because the input exceeds a
// limit set in [DecodeOptions] (or its documented default).
type LimitError struct {
	What  string // "pixels" or "scans"
	Limit int64  // the limit in force
	Got   int64  // the value the input asked for
}

// Error implements the error interface.
func (e *LimitError) Error() string {
	return "jpeg: too many " + e.What + ": " + strconv.FormatInt(e.Got, 10) +
		" exceeds the limit of " + strconv.FormatInt(e.Limit, 10)
}

// Warning is a repair of a damaged stream that Decode made and went on
// (see DecodeOptions.Warn).
type Warning struct {
	Offset int    // where in the data the damage was found
	What   string // what was repaired, in libjpeg's words where it has them
}

// String returns the offset and what was repaired.
func (w Warning) String() string {
	return "jpeg: at byte " + strconv.Itoa(w.Offset) + ": " + w.What
}

// Errors returned in several places.
const (
	errTruncated     = FormatError("unexpected end of data")
	errShortHuffman  = FormatError("short Huffman data")
	errBadHuffman    = FormatError("bad Huffman code")
	errMissingSOF    = FormatError("missing SOF marker")
	errOversubscribe = FormatError("Huffman table has more codes than fit their lengths")
)

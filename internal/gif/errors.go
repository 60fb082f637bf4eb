package gif

import (
	"strconv"
)

// FormatError reports a GIF whose first frame cannot be read: a damaged or
// truncated header, a block before the first frame that is neither an
// extension nor an image, no image at all, or a first frame that is
// truncated, empty, has an LZW code size outside 1 to 11, no image data,
// or an LZW code that names no table entry. Its text is the detail, without
// a prefix.
type FormatError string

// Error implements the error interface.
func (e FormatError) Error() string { return "gif: " + string(e) }

// LimitError reports a logical screen of more pixels than FirstFrame's
// limit (the caller's, or the library's own). It is returned before
// anything is allocated.
type LimitError struct {
	Width, Height int   // the logical screen
	Limit         int64 // the limit in force, in pixels
}

// Error implements the error interface.
func (e *LimitError) Error() string {
	return "gif: logical screen " + dims(e.Width, e.Height) + " exceeds the limit of " +
		strconv.FormatInt(e.Limit, 10) + " pixels"
}

func dims(w, h int) string { return strconv.Itoa(w) + "x" + strconv.Itoa(h) }

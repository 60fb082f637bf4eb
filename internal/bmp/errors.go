package bmp

import "strconv"

// FormatError reports a file that is not a well-formed BMP: a truncated
// header, palette or pixel array, a size or offset that does not add up, a
// combination of header fields no BMP variant defines, or RLE data that
// ends before the bitmap does.
type FormatError string

// Error implements the error interface.
func (e FormatError) Error() string { return "bmp: invalid BMP: " + string(e) }

// UnsupportedError reports a well-formed BMP that uses a feature this
// package does not decode, which it names: an embedded JPEG or PNG, CMYK,
// OS/2 Huffman or RLE24 compression, 64 bits per pixel, or a DIB header
// of an unknown size.
type UnsupportedError string

// Error implements the error interface.
func (e UnsupportedError) Error() string { return "bmp: unsupported BMP: " + string(e) }

// LimitError reports an image of more pixels than Decode's limit (the
// caller's, or the package's own, which keeps the decoded buffer's size
// within an int). It is returned before anything is allocated.
type LimitError struct {
	Width, Height int   // as the header states them
	Limit         int64 // the limit in force, in pixels
}

// Error implements the error interface.
func (e *LimitError) Error() string {
	return "bmp: " + dims(e.Width, e.Height) + " exceeds the limit of " + strconv.FormatInt(e.Limit, 10) + " pixels"
}

func itoa(v int) string { return strconv.Itoa(v) }

func dims(w, h int) string { return itoa(w) + "x" + itoa(h) }

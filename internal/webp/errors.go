package webp

import (
	"image"
	"strconv"
)

// FormatError reports that the input is not a well-formed animated WebP:
// a truncated or overflowing chunk, a missing VP8X chunk or ANMF frame,
// chunks where they do not belong, or a frame whose image data does not
// match its ANMF header.
type FormatError string

// Error implements the error interface.
func (e FormatError) Error() string { return "webp: invalid animated WebP: " + string(e) }

// LimitError reports a canvas of more pixels than FirstFrame's limit (the
// caller's, or the container's own 2^32-1). It is returned before anything
// is allocated.
type LimitError struct {
	Width, Height int   // the canvas
	Limit         int64 // the limit in force, in pixels
}

// Error implements the error interface.
func (e *LimitError) Error() string {
	return "webp: canvas " + dims(e.Width, e.Height) + " exceeds the limit of " +
		strconv.FormatInt(e.Limit, 10) + " pixels"
}

// FrameError reports a frame whose rectangle, as its ANMF header gives
// it, does not lie inside the canvas.
type FrameError struct {
	Frame  image.Rectangle // the frame's rectangle on the canvas
	Canvas image.Point     // the canvas size
}

// Error implements the error interface.
func (e *FrameError) Error() string {
	return "webp: frame " + dims(e.Frame.Dx(), e.Frame.Dy()) + " at (" + strconv.Itoa(e.Frame.Min.X) + "," +
		strconv.Itoa(e.Frame.Min.Y) + ") lies outside the " + dims(e.Canvas.X, e.Canvas.Y) + " canvas"
}

// DecodeError reports that golang.org/x/image/webp could not decode the
// first frame's image data; Err is its error.
type DecodeError struct {
	Err error
}

// Error implements the error interface.
func (e *DecodeError) Error() string { return "webp: first frame: " + e.Err.Error() }

// Unwrap returns x/image's error.
func (e *DecodeError) Unwrap() error { return e.Err }

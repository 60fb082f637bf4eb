package exif

import (
	"bytes"
	"fmt"

	goexif "github.com/rwcarlsen/goexif/exif"
)

// DecodeChecked decodes every tag of an EXIF block with
// github.com/rwcarlsen/goexif, for callers that need more than [Walk] reads.
// b must start with the TIFF header (use [TrimPrefix] on a JPEG APP1
// payload).
//
// This is the library's one boundary with goexif. That version panics,
// loops and over-allocates on hostile input, so the bytes go through [Walk]
// first and are handed over only when every IFD and value goexif can reach
// has been checked; goexif's maker-note parsers are never registered (this
// package does not import goexif/mknote); and a panic inside goexif is
// recovered here and returned as an [Error] of kind [KindDecoder].
func DecodeChecked(b []byte) (x *goexif.Exif, err error) {
	if _, err := Walk(b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, fail(KindDecoder, 0, fmt.Sprint("goexif panicked: ", r))
		}
	}()
	x, err = goexif.Decode(bytes.NewReader(b))
	if err != nil {
		return x, &Error{Kind: KindDecoder, Offset: 0, Detail: err.Error()}
	}
	return x, nil
}

package exiftest

import (
	"bytes"
	"fmt"

	goexif "github.com/rwcarlsen/goexif/exif"

	"github.com/profileimage/profileimage/internal/exif"
)

// DecodeChecked decodes every tag of an EXIF block with
// github.com/rwcarlsen/goexif: the differential oracle the fuzz tests hold
// [exif.Walk] against. b must start with the TIFF header (use
// [exif.TrimPrefix] on a JPEG APP1 payload). No production package links
// goexif; this test-support package is its one boundary.
//
// That version of goexif panics, loops and over-allocates on hostile input,
// so the bytes go through [exif.Walk] first and are handed over only when
// every IFD and value goexif can reach has been checked; goexif's
// maker-note parsers are never registered (this package does not import
// goexif/mknote); and a panic inside goexif is recovered here and returned
// as an [*exif.Error] of kind [exif.KindDecoder] whose detail starts with
// "goexif panicked", which the fuzz tests report as a failure.
func DecodeChecked(b []byte) (x *goexif.Exif, err error) {
	if _, err := exif.Walk(b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, &exif.Error{Kind: exif.KindDecoder, Detail: fmt.Sprint("goexif panicked: ", r)}
		}
	}()
	x, err = goexif.Decode(bytes.NewReader(b))
	if err != nil {
		return x, &exif.Error{Kind: exif.KindDecoder, Detail: err.Error()}
	}
	return x, nil
}

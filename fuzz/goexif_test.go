package fuzz

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"testing"

	goexif "github.com/rwcarlsen/goexif/exif"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/internal/exif/exiftest"
)

// decodeChecked decodes every tag of an EXIF block with
// github.com/rwcarlsen/goexif: the differential oracle FuzzEXIF holds
// exif.Walk against. b must start with the TIFF header. goexif is a test
// dependency only: no package of the library links it, and this is its one
// boundary.
//
// That version of goexif panics, loops and over-allocates on hostile input,
// so the bytes go through exif.Walk first and are handed over only when
// every IFD and value goexif can reach has been checked; goexif's
// maker-note parsers are never registered (goexif/mknote is not imported);
// and a panic inside goexif is recovered here into an error starting
// "goexif panicked", which FuzzEXIF reports as a failure.
func decodeChecked(b []byte) (x *goexif.Exif, err error) {
	if _, err := exif.Walk(b); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			x, err = nil, fmt.Errorf("goexif panicked: %v", r)
		}
	}()
	return goexif.Decode(bytes.NewReader(b))
}

// TestDecodeChecked hands goexif only checked bytes and agrees with Walk.
func TestDecodeChecked(t *testing.T) {
	x, err := decodeChecked(exiftest.Orientation(6))
	if err != nil {
		t.Fatal(err)
	}
	tag, err := x.Get("Orientation")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := tag.Int(0); v != 6 {
		t.Errorf("goexif orientation %d, want 6", v)
	}
	if _, err := decodeChecked(exiftest.Loop(binary.LittleEndian, 3)); !errors.Is(err, exif.ErrLoop) {
		t.Errorf("loop: err = %v, want ErrLoop (never reaching goexif)", err)
	}
}

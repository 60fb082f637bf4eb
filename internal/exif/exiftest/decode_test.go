package exiftest

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/profileimage/profileimage/internal/exif"
)

// TestDecodeChecked hands goexif only checked bytes and agrees with Walk.
func TestDecodeChecked(t *testing.T) {
	x, err := DecodeChecked(Orientation(6))
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
	if _, err := DecodeChecked(Loop(binary.LittleEndian, 3)); !errors.Is(err, exif.ErrLoop) {
		t.Errorf("loop: err = %v, want ErrLoop (never reaching goexif)", err)
	}
}

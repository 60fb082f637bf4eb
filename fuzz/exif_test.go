package fuzz

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/internal/exif/exiftest"
)

// exifPayload returns the first EXIF APP1 payload of a JPEG file, without
// its "Exif\0\0" identifier, or nil.
func exifPayload(jpeg []byte) []byte {
	for p := 2; p+4 <= len(jpeg) && jpeg[p] == 0xff; {
		n := int(binary.BigEndian.Uint16(jpeg[p+2:]))
		if jpeg[p+1] == 0xda || n < 2 || p+2+n > len(jpeg) {
			return nil
		}
		seg := jpeg[p+4 : p+2+n]
		if jpeg[p+1] == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg[6:]
		}
		p += 2 + n
	}
	return nil
}

// FuzzEXIF checks the bounded walker: no panic, orientation only from an
// intact IFD0, and, whenever the walk accepts a block, that goexif (the
// oracle behind decodeChecked) neither panics nor disagrees on the
// orientation.
func FuzzEXIF(f *testing.F) {
	f.Add(exiftest.Orientation(6))
	f.Add(exiftest.Loop(binary.LittleEndian, 3))
	f.Add(exiftest.Block(binary.BigEndian, []exiftest.IFD{{Entries: []exiftest.Entry{{Tag: 34853, Type: 4, Count: 1, Value: 8}}}}, nil))
	for _, s := range imageSeeds(f, 4<<20) {
		if p := exifPayload(s); p != nil {
			f.Add(p)
		}
	}
	f.Fuzz(func(t *testing.T, block []byte) {
		r, err := exif.Walk(block)
		if !r.IFD0 && r.Orientation != 0 {
			t.Fatalf("orientation %d from an unread IFD0", r.Orientation)
		}
		if err != nil || len(block) > 32767*12 {
			return // goexif reads entry counts as int16
		}
		x, derr := decodeChecked(block)
		if derr != nil && strings.Contains(derr.Error(), "panicked") {
			t.Fatalf("goexif panicked on checked bytes: %v", derr)
		}
		if derr != nil || x == nil {
			return
		}
		if tag, terr := x.Get("Orientation"); terr == nil && r.Orientation != 0 {
			if v, verr := tag.Int(0); verr == nil && v != r.Orientation && tag.Count == 1 {
				t.Fatalf("goexif orientation %d, walker %d", v, r.Orientation)
			}
		}
	})
}

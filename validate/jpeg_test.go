package validate

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/vendors"
)

// jpegFixtures is the decoder's folder of damaged and unusual JPEGs made
// with cjpeg (see its README.md).
const jpegFixtures = "../internal/jpeg/testdata"

// TestInspectJPEGFixtures gives the verdict on each of the decoder's
// fixtures: what libjpeg reads with a warning is a JPEG of the right size,
// damage is corrupt with a detail that says what, and a mode we do not
// decode is unsupported-format naming it. Inspect reads headers only: a
// scan cut short (cut, restart-cut-eoi) passes here and is refused by the
// decode.
func TestInspectJPEGFixtures(t *testing.T) {
	refused := map[string]struct {
		reason vendors.Reason
		detail string
	}{
		"progressive-cut": {corrupt_, "no end of image (EOI)"},
		"soi-damaged":     {corrupt_, "damaged start-of-image marker"},
		"no-soi":          {corrupt_, "damaged start-of-image marker"},
	}
	files, _ := filepath.Glob(filepath.Join(jpegFixtures, "*.jpg"))
	if len(files) < 30 {
		t.Fatalf("only %d fixtures in %s", len(files), jpegFixtures)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jpg")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(data)
			want, isRefused := refused[name]
			if !isRefused {
				if err != nil {
					t.Fatal(err)
				}
				if info.Format != vendors.JPEG || info.Width != 48 || info.Height != 32 {
					t.Errorf("got %+v", info)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Reason != want.reason || !strings.Contains(e.Detail, want.detail) {
				t.Errorf("got %v, want %s containing %q", err, want.reason, want.detail)
			}
		})
	}
}

// TestInspectJPEGModes names the JPEG modes we do not decode, and tells a
// frame header that is damaged from one that uses such a mode.
func TestInspectJPEGModes(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		reason vendors.Reason
		detail string
	}{
		{"hierarchical", jpegFile(jpegSOF(0xc5, 8, 8, 8, 3), jpegSOS()), unsupported_, "hierarchical"},
		{"JPEG-LS", jpegFile(jpegSOF(0xf7, 8, 8, 8, 3), jpegSOS()), unsupported_, "JPEG-LS"},
		{"precision 9", jpegFile(jpegSOF(0xc0, 9, 8, 8, 3), jpegSOS()), corrupt_, "precision of 9 bits"},
		{"precision 0", jpegFile(jpegSOF(0xc1, 0, 8, 8, 3), jpegSOS()), corrupt_, "precision of 0 bits"},
		{"SOI then garbage, no marker", []byte("\xff\xd8garbage"), corrupt_, "before the frame header"},
		{"SOI alone", []byte("\xff\xd8"), unsupported_, "unknown format"},
		{"SOI byte damaged, not a segment after it", []byte("\xff\xd9\xff\x00\x00\x10"), unsupported_, "unknown format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Inspect(tc.data)
			var e *Error
			if !errors.As(err, &e) || e.Reason != tc.reason || !strings.Contains(e.Detail, tc.detail) {
				t.Errorf("got %v, want %s containing %q", err, tc.reason, tc.detail)
			}
		})
	}
}

// TestInspectJPEGEndWithoutEOI accepts a file whose scans cover the image
// and that ends without EOI, as libjpeg takes it, and keeps refusing one
// whose scans do not: a progressive file cut between scans.
func TestInspectJPEGEndWithoutEOI(t *testing.T) {
	sos3 := cat(exiftest.Segment(0xda, []byte{3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0}), []byte{0x12, 0x34})
	progDC := cat(exiftest.Segment(0xda, []byte{3, 1, 0, 2, 0, 3, 0, 0, 0, 0}), []byte{0x12})
	progAC := func(id byte) []byte { return cat(exiftest.Segment(0xda, []byte{1, id, 0, 1, 63, 0}), []byte{0x34}) }
	head := cat([]byte{0xff, 0xd8}, jpegSOF(0xc0, 8, 16, 16, 3))
	progHead := cat([]byte{0xff, 0xd8}, jpegSOF(0xc2, 8, 16, 16, 3))
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"sequential", cat(head, sos3), true},
		{"sequential, half an EOI", cat(head, sos3, []byte{0xff}), true},
		{"sequential, one component of three", cat(head, jpegSOS()), false},
		{"progressive, all bands", cat(progHead, progDC, progAC(1), progAC(2), progAC(3)), true},
		{"progressive, a band missing", cat(progHead, progDC, progAC(1), progAC(2)), false},
		{"progressive, DC only", cat(progHead, progDC), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if tc.ok != (err == nil) {
				t.Fatalf("got %+v, %v; want accepted %v", info, err, tc.ok)
			}
			var e *Error
			if err != nil && (!errors.As(err, &e) || e.Reason != corrupt_ || !strings.Contains(e.Detail, "EOI")) {
				t.Errorf("got %v", err)
			}
		})
	}
}

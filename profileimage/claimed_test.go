package profileimage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"testing"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// pngClaiming is a PNG whose header says w×h and whose image data is far
// too short for it.
func pngClaiming(w, h uint32) []byte {
	chunk := func(typ string, data []byte) []byte {
		c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		c = append(append(c, typ...), data...)
		return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)
	return bytes.Join([][]byte{[]byte("\x89PNG\r\n\x1a\n"), chunk("IHDR", append(ihdr, 8, 2, 0, 0, 0)),
		chunk("IDAT", []byte{0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1}), chunk("IEND", nil)}, nil)
}

// TestPixelCapBeforeCorrupt: a header above a pixel cap is rejected for
// that, with the claimed size in the Info, although its data is too short
// to be real; under the caps the same damage is corrupt.
func TestPixelCapBeforeCorrupt(t *testing.T) {
	ctx := context.Background()
	ring := vendors.MustLookup("ringcentral") // 12,000,000 pixels at most
	tests := []struct {
		name   string
		data   []byte
		p      vendors.Profile
		opts   []Option
		reason vendors.Reason
	}{
		{"above the library's cap", pngClaiming(100000, 100000), vendors.MustLookup("discord"), nil, vendors.ReasonTooManyPixels},
		{"above the profile's limit", pngClaiming(5000, 4000), ring, nil, vendors.ReasonTooManyPixels},
		{"within both", pngClaiming(3000, 2000), ring, nil, vendors.ReasonCorrupt},
		{"no cap at all", pngClaiming(100000, 100000), vendors.MustLookup("discord"), []Option{WithLimits(validate.Limits{MaxPixels: -1, MaxFrameArea: -1})}, vendors.ReasonCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Validate(ctx, tc.data, tc.p, tc.opts...)
			var e *validate.Error
			if !errors.As(err, &e) || e.Reason != tc.reason {
				t.Fatalf("Validate: %v, want %s", err, tc.reason)
			}
			if e.Vendor.Status < 400 || e.Vendor.Message == "" {
				t.Errorf("no vendor answer: %+v", e.Vendor)
			}
			if tc.reason == vendors.ReasonTooManyPixels && (info.Width == 0 || info.Height == 0) {
				t.Errorf("Info %+v lacks the claimed size", info)
			}
			// Normalize scales a profile's pixel limit away, not the
			// library's cap, nor the damage.
			want := tc.reason
			if tc.p.MaxPixels > 0 && int64(info.Width)*int64(info.Height) <= validate.DefaultLimits().MaxPixels {
				want = vendors.ReasonCorrupt
			}
			_, err = Normalize(ctx, tc.data, tc.p, tc.opts...)
			if !errors.As(err, &e) || e.Reason != want {
				t.Errorf("Normalize: %v, want %s", err, want)
			}
		})
	}
}

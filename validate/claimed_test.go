package validate

import (
	"errors"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/vendors"
)

// TestInspectClaimedSize: a header whose size was read before its data was
// found corrupt reports that size with the error, and Check rejects that
// size for the pixel cap; a header that is itself broken reports none.
func TestInspectClaimedSize(t *testing.T) {
	webpCut := webpFile(vp8x(0, 16000, 16000), vp8(16000, 16000))
	webpCut = webpCut[:len(webpCut)-10]
	tests := []struct {
		name   string
		data   []byte
		detail string // of Inspect's corrupt error
		w, h   int    // 0: no size claimed
	}{
		{"PNG 100000x100000, tiny data", pngFile(100000, 100000, 8, 2), "cannot hold", 100000, 100000},
		{"PNG 2^31-1 square, tiny data", pngFile(1<<31-1, 1<<31-1, 8, 6), "cannot hold", 1<<31 - 1, 1<<31 - 1},
		{"PNG over the cap, cut in IDAT", pngFile(20000, 20000, 8, 2)[:45], "runs past the end", 20000, 20000},
		{"PNG bad depth claims nothing", pngFile(20000, 20000, 3, 2), "bit depth", 0, 0},
		{"PNG width 2^31 claims nothing", pngFile(1<<31, 1, 8, 2), "overflow", 0, 0},
		{"BMP 30000x30000 in 100 bytes", bmpFile(30000, 30000, 24, 0, 46), "needs more bytes", 30000, 30000},
		{"GIF 65535x65535 without a frame", cat(gifFile(65535, 65535)[:19], []byte{0x3b}), "no image", 65535, 65535},
		{"JPEG 65535x65535 without EOI", baselineJPEG(65535, 65535)[:len(baselineJPEG(65535, 65535))-2], "EOI", 65535, 65535},
		{"WebP 16000x16000 cut short", webpCut, "truncated", 16000, 16000},
		{"TIFF 100000x100000, BitsPerSample 0", tiffFile(100000, 100000, exiftest.Entry{Tag: 258, Type: 3, Count: 1}), "BitsPerSample 0", 100000, 100000},
		{"small PNG, tiny data", pngFile(4000, 3000, 8, 2)[:45], "runs past the end", 4000, 3000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			var e *Error
			if !errors.As(err, &e) || e.Reason != corrupt_ || !strings.Contains(e.Detail, tc.detail) {
				t.Fatalf("Inspect: %v, want corrupt containing %q", err, tc.detail)
			}
			if info.Width != tc.w || info.Height != tc.h || info.Bytes != int64(len(tc.data)) || info.Format == "" {
				t.Fatalf("Info %+v, want %dx%d", info, tc.w, tc.h)
			}
			if tc.w == 0 {
				return
			}
			if info.OrientedWidth != tc.w || info.OrientedHeight != tc.h || info.Orientation != 1 {
				t.Errorf("oriented %dx%d, orientation %d", info.OrientedWidth, info.OrientedHeight, info.Orientation)
			}
			over := int64(tc.w)*int64(tc.h) > DefaultLimits().MaxPixels
			err = Check(info, vendors.Profile{Name: "any", Accept: vendors.Formats()})
			switch {
			case over && !errors.Is(err, ErrTooManyPixels):
				t.Errorf("Check: %v, want too-many-pixels", err)
			case !over && err != nil:
				t.Errorf("Check: %v, want nil (within the caps)", err)
			}
		})
	}
}

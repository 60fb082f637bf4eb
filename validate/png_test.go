package validate

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/pngfix"
)

// badCRC is chunk c with its CRC broken.
func badCRC(c []byte) []byte {
	c = append([]byte(nil), c...)
	c[len(c)-1] ^= 1
	return c
}

// TestInspectPNGLenient covers what libpng reads and image/png alone does
// not: each file is accepted, or rejected, as libpng's defaults take it.
func TestInspectPNGLenient(t *testing.T) {
	idat := mkChunk("IDAT", []byte{0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1})
	end := mkChunk("IEND", nil)
	head := cat([]byte(pngSignature), pngIHDR(8, 8, 8, 2))
	palette := cat([]byte(pngSignature), pngIHDR(8, 8, 8, 3))
	plte := mkChunk("PLTE", make([]byte, 12))
	actl := mkChunk("acTL", []byte{0, 0, 0, 2, 0, 0, 0, 0})
	tests := []struct {
		name   string
		data   []byte
		reason string // "" accepted, else a substring of the corrupt detail
		frames int
		alpha  bool
		orient int
	}{
		{"ancillary CRC: the chunk is skipped", cat(head, badCRC(mkChunk("eXIf", exiftest.Orientation(6))), idat, end), "", 1, false, 1},
		{"ancillary CRC after IDAT", cat(head, idat, badCRC(mkChunk("tEXt", []byte("a\x00b"))), end), "", 1, false, 1},
		{"damaged tRNS gives no alpha", cat(head, badCRC(mkChunk("tRNS", make([]byte, 6))), idat, end), "", 1, false, 1},
		{"tRNS of the wrong length is ignored", cat(head, mkChunk("tRNS", make([]byte, 2)), idat, end), "", 1, false, 1},
		{"tRNS after IDAT is ignored", cat(head, idat, mkChunk("tRNS", make([]byte, 6)), end), "", 1, false, 1},
		{"tRNS kept", cat(head, mkChunk("tRNS", make([]byte, 6)), idat, end), "", 1, true, 1},
		{"no IEND", cat(head, idat), "", 1, false, 1},
		{"cut in IEND", cat(head, idat, end[:9]), "", 1, false, 1},
		{"cut in a chunk after IDAT", cat(head, idat, mkChunk("tEXt", []byte("abcdef"))[:12]), "", 1, false, 1},
		{"IEND with data", cat(head, idat, mkChunk("IEND", []byte{1})), "", 1, false, 1},
		{"late acTL: a still image", cat(head, idat, actl, fcTL(1, 4, 4, 0, 0), end), "", 1, false, 1},
		{"late acTL, frame outside the canvas ignored", cat(head, idat, actl, fcTL(1, 40, 40, 0, 0), end), "", 1, false, 1},
		{"fcTL without acTL ignored", cat(head, fcTL(0, 80, 80, 0, 0), idat, end), "", 1, false, 1},
		{"damaged acTL: a still image", cat(head, badCRC(actl), fcTL(0, 8, 8, 0, 0), idat, fcTL(1, 4, 4, 0, 0), end), "", 1, false, 1},
		{"APNG", cat(head, actl, fcTL(0, 8, 8, 0, 0), idat, fcTL(1, 4, 4, 0, 0), end), "", 2, false, 1},
		{"gray PLTE ignored", cat([]byte(pngSignature), pngIHDR(8, 8, 8, 0), plte, idat, end), "", 1, false, 1},
		{"palette", cat(palette, plte, idat, end), "", 1, false, 1},
		{"palette longer than the depth addresses", cat([]byte(pngSignature), pngIHDR(8, 8, 1, 3), plte, idat, end), "", 1, false, 1},

		{"critical CRC", cat(head, badCRC(idat), end), "CRC mismatch in a critical chunk (IDAT)", 1, false, 1},
		{"IEND CRC", cat(head, idat, badCRC(end)), "CRC mismatch in a critical chunk (IEND)", 1, false, 1},
		{"cut in IDAT", cat(head, idat[:15]), "runs past the end", 1, false, 1},
		{"cut before IDAT", cat(head, mkChunk("tEXt", []byte("abcdef"))[:12]), "runs past the end", 1, false, 1},
		{"no IDAT", cat(head, end), "no image data", 1, false, 1},
		{"second PLTE", cat(palette, plte, plte, idat, end), "second PLTE", 1, false, 1},
		{"palette of 11 bytes", cat(palette, mkChunk("PLTE", make([]byte, 11)), idat, end), "PLTE chunk of 11 bytes", 1, false, 1},
		{"palette after IDAT", cat(palette, idat, plte, end), "no PLTE", 1, false, 1},
		{"second IHDR", cat(head, pngIHDR(8, 8, 8, 2), idat, end), "second IHDR", 1, false, 1},
		{"bad acTL before IDAT", cat(head, mkChunk("acTL", []byte{1}), idat, end), "acTL chunk of 1 bytes", 1, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if tc.reason != "" {
				var e *Error
				if !errors.As(err, &e) || e.Reason != corrupt_ || !strings.Contains(e.Detail, tc.reason) {
					t.Fatalf("Inspect: %v, want corrupt containing %q", err, tc.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Inspect: %v", err)
			}
			if info.Frames != tc.frames || info.HasAlpha != tc.alpha || info.Orientation != tc.orient {
				t.Errorf("frames %d, alpha %v, orientation %d; want %d, %v, %d", info.Frames, info.HasAlpha, info.Orientation, tc.frames, tc.alpha, tc.orient)
			}
		})
	}
}

// TestInspectPNGAgreesWithDecoder inspects pngfix's fixtures: Inspect
// rejects none that the decoder (image/png after pngfix.Repair) reads,
// and accepts none it refuses, but for damage inside the compressed image
// data, which only inflating it finds.
func TestInspectPNGAgreesWithDecoder(t *testing.T) {
	insideData := map[string]bool{"no-iend-idat-short.png": true}
	names, _ := filepath.Glob("../internal/pngfix/testdata/*.png")
	if len(names) < 30 {
		t.Fatalf("found %d fixtures", len(names))
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(data)
		img, decErr := png.Decode(bytes.NewReader(pngfix.Repair(data)))
		base := filepath.Base(name)
		switch {
		case err != nil && decErr == nil:
			t.Errorf("%s: Inspect: %v, but it decodes", base, err)
		case err == nil && decErr != nil && !insideData[base]:
			t.Errorf("%s: Inspect accepts it, the decoder says %v", base, decErr)
		case err == nil && decErr == nil && (img.Bounds().Dx() != info.Width || img.Bounds().Dy() != info.Height):
			t.Errorf("%s: Inspect %dx%d, decoded %v", base, info.Width, info.Height, img.Bounds())
		}
	}
}

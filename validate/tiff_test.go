package validate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/vendors"
)

// TestInspectTIFFFixtures inspects the files of testdata/tiff (make.py
// says how each was made). A file Inspect accepts must decode with
// golang.org/x/image/tiff at Inspect's size; a file it calls unsupported
// for a storage feature must be one that x/image refuses, so that the
// table follows x/image when it learns more; a camera raw file decodes,
// but only its small preview, which is why it is refused.
func TestInspectTIFFFixtures(t *testing.T) {
	tests := []struct {
		file   string
		detail string // "" accepted; else a substring of the unsupported-format detail
	}{
		{"rgb8.tif", ""},
		{"rgb8-lzw.tif", ""},
		{"rgb8-deflate-predictor.tif", ""},
		{"rgb16.tif", ""},
		{"rgba8.tif", ""},
		{"gray8-packbits.tif", ""},
		{"gray1-g4.tif", ""},
		{"palette8.tif", ""},
		{"tiled.tif", ""},
		{"jpeg.tif", "JPEG compression (7)"},
		{"ojpeg.tif", "old-style JPEG compression (6)"},
		{"cmyk.tif", "CMYK"},
		{"lab.tif", "CIELab"},
		{"ycbcr.tif", "Y'CbCr"},
		{"planar.tif", "planar configuration 2"},
		{"bigtiff.tif", "BigTIFF"},
		{"palette4.tif", "4-bit samples"},
		{"gray2.tif", "2-bit samples"},
		{"rgb12.tif", "12-bit samples"},
		{"float32.tif", "32-bit samples"},
		{"gray-alpha.tif", "extra samples"},
		{"raw-dng.tif", "camera raw (DNG)"},
		{"raw-nef.tif", "camera raw (from NIKON CORPORATION)"},
		{"raw-cr2.tif", "camera raw (Canon CR2)"},
		{"reduced.tif", "preview"},
	}
	names, _ := filepath.Glob("testdata/tiff/*.tif")
	if len(names) != len(tests) {
		t.Errorf("%d files in testdata/tiff, %d in the table", len(names), len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "tiff", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(data)
			img, decErr := tiff.Decode(bytes.NewReader(data))
			if tc.detail == "" {
				if err != nil {
					t.Fatalf("Inspect: %v", err)
				}
				if decErr != nil || img.Bounds().Dx() != info.Width || img.Bounds().Dy() != info.Height {
					t.Fatalf("Inspect %dx%d; x/image: %v", info.Width, info.Height, decErr)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Reason != vendors.ReasonUnsupportedFormat || !strings.Contains(e.Detail, tc.detail) {
				t.Fatalf("Inspect: %v, want unsupported-format naming %q", err, tc.detail)
			}
			raw := strings.HasPrefix(tc.detail, "camera raw") || tc.detail == "preview"
			switch {
			case raw && decErr != nil:
				t.Errorf("x/image does not even read the preview: %v", decErr)
			case raw && img.Bounds().Dx() >= 24:
				t.Errorf("x/image reads %v, not the small preview", img.Bounds())
			case !raw && decErr == nil:
				t.Errorf("x/image decodes it (%v): the feature is supported now", img.Bounds())
			}
		})
	}
}

// TestTIFFFeatures names what x/image does not read from IFD0's tags.
func TestTIFFFeatures(t *testing.T) {
	e := func(tag, typ uint16, v uint32) exiftest.Entry {
		return exiftest.Entry{Tag: tag, Type: typ, Count: 1, Value: v}
	}
	tests := []struct {
		name   string
		more   []exiftest.Entry
		reason vendors.Reason
		detail string
	}{
		{"plain", nil, "", ""},
		{"LZW, predictor 2", []exiftest.Entry{e(259, 3, 5), e(317, 3, 2)}, "", ""},
		{"signed samples", []exiftest.Entry{e(339, 3, 2)}, unsupported_, "signed integer"},
		{"unsigned samples", []exiftest.Entry{e(339, 3, 1)}, "", ""},
		{"float predictor", []exiftest.Entry{e(317, 3, 3)}, unsupported_, "floating-point predictor"},
		{"predictor 7", []exiftest.Entry{e(317, 3, 7)}, unsupported_, "predictor 7"},
		{"zstd", []exiftest.Entry{e(259, 3, 50000)}, unsupported_, "Zstandard"},
		{"CCITT RLE", []exiftest.Entry{e(259, 3, 2)}, unsupported_, "modified Huffman"},
		{"compression 9", []exiftest.Entry{e(259, 3, 9)}, unsupported_, "compression 9"},
		{"planar 2", []exiftest.Entry{e(284, 3, 2)}, unsupported_, "planar configuration 2"},
		{"planar 2, one sample", []exiftest.Entry{e(262, 3, 1), e(258, 3, 8), e(284, 3, 2)}, "", ""},
		{"gray with three samples", []exiftest.Entry{e(262, 3, 1)}, unsupported_, "(3 samples per pixel) in a gray"},
		{"gray, one BitsPerSample value for two samples", []exiftest.Entry{e(262, 3, 1), e(258, 3, 8), e(277, 3, 2)}, unsupported_, "(2 samples per pixel) in a gray"},
		{"BitsPerSample 0", []exiftest.Entry{e(258, 3, 0)}, corrupt_, "BitsPerSample 0"},
		{"LogLuv", []exiftest.Entry{e(262, 3, 32845)}, unsupported_, "LogLuv"},
		{"mask", []exiftest.Entry{e(262, 3, 4)}, unsupported_, "transparency mask"},
		{"CFA in IFD0", []exiftest.Entry{e(262, 3, 32803), {Tag: 271, Type: 2, Count: 3, Value: 'A' | 'B'<<8}}, unsupported_, "camera raw (from AB)"},
		{"DNG", []exiftest.Entry{e(50706, 1, 0x00000401)}, unsupported_, "camera raw (DNG)"},
		{"reduced via SubfileType", []exiftest.Entry{e(255, 3, 2)}, unsupported_, "preview"},
		{"full-resolution SubfileType", []exiftest.Entry{e(255, 3, 1), e(254, 4, 0)}, "", ""},
		{"RGB, four samples, three BitsPerSample values", []exiftest.Entry{e(277, 3, 4)}, unsupported_, "4 samples per pixel with 3 BitsPerSample values"},
		{"RGB, one BitsPerSample value", []exiftest.Entry{e(258, 3, 8), e(277, 3, 3)}, unsupported_, "3 samples per pixel with 1 BitsPerSample values"},
		{"RGB of one sample", []exiftest.Entry{e(258, 3, 8)}, corrupt_, "RGB of 1 sample"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// tiffFile's photometric entry comes first; a later 262 replaces it.
			_, err := Inspect(tiffFile(100, 50, tc.more...))
			var e *Error
			switch {
			case tc.reason == "" && err != nil:
				t.Fatalf("Inspect: %v", err)
			case tc.reason != "" && (!errors.As(err, &e) || e.Reason != tc.reason || !strings.Contains(e.Detail, tc.detail)):
				t.Fatalf("Inspect: %v, want %s naming %q", err, tc.reason, tc.detail)
			}
		})
	}
}

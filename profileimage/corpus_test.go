package profileimage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// corpusFiles lists the test images of the Go tree, of golang.org/x/image
// and of the repository's test corpus.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	dirs := []string{testimage.GoTestdata(), testimage.XImageTestdata()}
	for _, d := range []string{"orientation", "pngsuite"} {
		dirs = append(dirs, testimage.Corpus(t, d))
	}
	var files []string
	for _, d := range dirs {
		if d == "" {
			continue // not on this machine
		}
		for _, ext := range []string{"*.jpeg", "*.jpg", "*.png", "*.gif", "*.webp", "*.bmp", "*.tiff", "*.tif"} {
			m, _ := filepath.Glob(filepath.Join(d, ext))
			files = append(files, m...)
		}
	}
	if len(files) == 0 {
		t.Fatal("no test images found, not even the Go tree's")
	}
	return files
}

// assertWithinProfile fails t when res breaks a limit of p.
func assertWithinProfile(t *testing.T, res *Result, p vendors.Profile, sz vendors.Size) {
	t.Helper()
	if v := profileViolation(res, p, sz); v != "" {
		t.Error(v)
	}
}

// profileViolation describes how res breaks a limit of p, or is "".
func profileViolation(res *Result, p vendors.Profile, sz vendors.Size) string {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(res.Data))
	switch {
	case err != nil:
		return fmt.Sprintf("output does not decode: %v", err)
	case vendors.Format(format) != res.Format || !p.Accepts(res.Format) || !slices.Contains(p.Output.Formats, res.Format):
		return fmt.Sprintf("output format %s (result says %s) is not one of the profile's %v", format, res.Format, p.Output.Formats)
	case cfg.Width != res.Width || cfg.Height != res.Height:
		return fmt.Sprintf("output is %dx%d, result says %dx%d", cfg.Width, cfg.Height, res.Width, res.Height)
	case p.MaxBytes > 0 && int64(len(res.Data)) > p.MaxBytes:
		return fmt.Sprintf("%d bytes, above the limit %d", len(res.Data), p.MaxBytes)
	case p.MaxPixels > 0 && int64(res.Width)*int64(res.Height) > p.MaxPixels:
		return fmt.Sprintf("%dx%d is above %d pixels", res.Width, res.Height, p.MaxPixels)
	case (p.MaxWidth > 0 && res.Width > p.MaxWidth) || (p.MaxHeight > 0 && res.Height > p.MaxHeight):
		return fmt.Sprintf("%dx%d is above the maximum %dx%d", res.Width, res.Height, p.MaxWidth, p.MaxHeight)
	case sz.Name == vendors.OriginalSize && (res.Width < p.MinWidth || res.Height < p.MinHeight):
		return fmt.Sprintf("%dx%d is below the minimum %dx%d", res.Width, res.Height, p.MinWidth, p.MinHeight)
	case (p.Fit.MaxWidth > 0 && res.Width > p.Fit.MaxWidth) || (p.Fit.MaxHeight > 0 && res.Height > p.Fit.MaxHeight):
		return fmt.Sprintf("%dx%d does not fit in %dx%d", res.Width, res.Height, p.Fit.MaxWidth, p.Fit.MaxHeight)
	case sz.Name == vendors.OriginalSize && p.Square.Mode != vendors.SquareNone && res.Width != res.Height:
		return fmt.Sprintf("%dx%d is not square", res.Width, res.Height)
	case sz.Width > 0 && (res.Width != sz.Width || res.Height != sz.Height):
		return fmt.Sprintf("%dx%d is not the size %s", res.Width, res.Height, sz.Name)
	case res.Hash != hashOf(res.Data) || res.ContentType != res.Format.ContentType():
		return "hash or content type do not describe the data"
	}
	if md := metadataIn(res.Data); md != "" {
		return "output carries metadata: " + md
	}
	return ""
}

// metadataIn names the first metadata segment or chunk in a JPEG or PNG.
func metadataIn(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		for p := 8; p+8 <= len(data); {
			n, kind := int(binary.BigEndian.Uint32(data[p:])), string(data[p+4:p+8])
			if !slices.Contains([]string{"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}, kind) {
				return "PNG chunk " + kind
			}
			p += 12 + n
		}
		return ""
	}
	for p := 2; p+4 <= len(data) && data[p] == 0xff; {
		m := data[p+1]
		if m == 0xfe || (m >= 0xe0 && m <= 0xef) {
			return fmt.Sprintf("JPEG marker %#x", m)
		}
		if m == 0xda { // start of scan: the header is over
			return ""
		}
		p += 2 + int(binary.BigEndian.Uint16(data[p+2:]))
	}
	return ""
}

// expectedReason is the verdict Normalize must reach for a file and profile:
// "" for accepted.
func expectedReason(t *testing.T, file string, data []byte, p vendors.Profile) []vendors.Reason {
	base := filepath.Base(file)
	if strings.HasPrefix(base, "x") && strings.Contains(file, "pngsuite") {
		return []vendors.Reason{vendors.ReasonCorrupt, vendors.ReasonUnsupportedFormat}
	}
	info, err := validate.Inspect(data)
	var ve *validate.Error
	if errors.As(err, &ve) {
		return []vendors.Reason{ve.Reason}
	}
	if err != nil {
		t.Fatalf("%s: Inspect: %v", file, err)
	}
	if !p.Fit.Enlarge && (info.OrientedWidth < p.MinWidth || info.OrientedHeight < p.MinHeight) {
		return []vendors.Reason{vendors.ReasonTooSmall}
	}
	if p.Animation.Mode == vendors.AnimationReject && info.Frames > 1 {
		return []vendors.Reason{vendors.ReasonAnimated}
	}
	return nil
}

func TestNormalizeCorpusForEveryProfile(t *testing.T) {
	files := corpusFiles(t)
	profiles := vendors.All()
	for i, file := range files {
		if testing.Short() && i%8 != 0 {
			continue // -short (as in CI's -race run) takes every 8th file
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range profiles {
			t.Run(p.Name+":"+filepath.Base(file), func(t *testing.T) {
				want := expectedReason(t, file, data, p)
				res, err := Normalize(context.Background(), data, p)
				if want != nil {
					var ve *validate.Error
					if !errors.As(err, &ve) || !slices.Contains(want, ve.Reason) {
						t.Fatalf("got %v, want a rejection for %v", err, want)
					}
					if ve.Vendor.Status < 400 || ve.Vendor.Message == "" {
						t.Errorf("rejection without the vendor's answer: %+v", ve.Vendor)
					}
					return
				}
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				assertWithinProfile(t, res, p, vendors.Size{Name: vendors.OriginalSize})
			})
		}
	}
}

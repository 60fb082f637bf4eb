package profileimage

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/profileimage/profileimage/internal/pngdata/pngdatatest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// uncompressedPNG is a 96x64 RGBA PNG of a photo-like picture with
// uncompressed (stored) zlib blocks, so that half its image data is still
// more than a tiny file could claim, and the offset and length of its one
// IDAT payload.
func uncompressedPNG(t *testing.T) (file []byte, at, n int) {
	t.Helper()
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&buf, testimage.PhotoWithAlpha(96, 64, 5)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	for p := 8; p+12 <= len(b); {
		l := int(binary.BigEndian.Uint32(b[p:]))
		if string(b[p+4:p+8]) == "IDAT" {
			return b, p + 8, l
		}
		p += 12 + l
	}
	t.Fatal("no IDAT chunk")
	return nil, 0, 0
}

// replaceIDAT returns file with its IDAT chunk's payload replaced by
// payload, with a correct CRC: the damage is in the image data only.
func replaceIDAT(file []byte, at, n int, payload []byte) []byte {
	return slices.Concat(file[:at-8], pngdatatest.Chunk("IDAT", payload), file[at+n+4:])
}

// cutScan returns a JPEG whose entropy-coded data stops halfway through
// its scan, followed by an EOI marker: every marker segment intact.
func cutScan(t *testing.T) []byte {
	t.Helper()
	data := testimage.JPEG(testimage.Photo(320, 240, 9), 85) // the intact file of the test
	sos := bytes.LastIndex(data, []byte{0xff, 0xda})
	if sos < 0 {
		t.Fatal("no SOS")
	}
	cut := sos + (len(data)-sos)/2
	for data[cut-1] == 0xff { // do not leave half a stuffed byte or marker
		cut--
	}
	return slices.Concat(data[:cut], []byte{0xff, 0xd9})
}

func TestValidateProvesThePixelsDecode(t *testing.T) {
	file, at, n := uncompressedPNG(t)
	brokenZlib := bytes.Clone(file[at : at+n])
	brokenZlib[3] ^= 0xff // the first stored block's length: the zlib stream is broken
	ring := vendors.MustLookup("ringcentral")
	intact := testimage.JPEG(testimage.Photo(320, 240, 9), 85)
	for _, good := range [][]byte{file, intact} {
		if _, err := Validate(context.Background(), good, ring); err != nil {
			t.Fatalf("an intact file: %v", err)
		}
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"a PNG whose zlib stream is broken", replaceIDAT(file, at, n, brokenZlib)},
		{"a PNG missing half its image data", replaceIDAT(file, at, n, file[at:at+n/2])},
		{"a PNG whose IDAT chunk is empty", replaceIDAT(file, at, n, nil)},
		{"a PNG whose zlib checksum is wrong", replaceIDAT(file, at, n, slices.Concat(file[at:at+n-1], []byte{file[at+n-1] ^ 1}))},
		{"a JPEG whose scan is cut", cutScan(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			if _, err := validate.Inspect(tc.data); err != nil {
				t.Fatalf("the header is not intact: %v", err)
			}
			if _, err := Validate(ctx, tc.data, ring, HeaderOnly()); err != nil {
				t.Fatalf("HeaderOnly: %v, want accepted", err)
			}
			_, err := Validate(ctx, tc.data, ring)
			var e *validate.Error
			if !errors.As(err, &e) || !errors.Is(err, validate.ErrCorrupt) {
				t.Fatalf("Validate: %v, want corrupt", err)
			}
			if e.Vendor.Status != 400 || e.Vendor.Code != "ACT-331" {
				t.Errorf("vendor error %+v, want RingCentral's 400 ACT-331", e.Vendor)
			}
			t.Logf("detail: %s", e.Detail)
			if _, err := Normalize(ctx, tc.data, ring); !errors.Is(err, validate.ErrCorrupt) {
				t.Errorf("Normalize: %v: Validate and Normalize disagree", err)
			}
		})
	}
}

// TestValidateYesIsNormalizeYes: over the sample, the lossy WebPs and the
// test corpus (PngSuite, the EXIF orientation set, Go's image testdata),
// for profiles that take every format, whatever Validate accepts
// Normalize accepts, and whatever Normalize calls corrupt Validate rejects;
// HeaderOnly gives validate.Check's verdict.
func TestValidateYesIsNormalizeYes(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.*p*")
	for _, dir := range []string{testimage.Corpus(t, "pngsuite"), testimage.Corpus(t, "orientation"), testimage.GoTestdata()} {
		if dir == "" {
			continue
		}
		more, _ := filepath.Glob(filepath.Join(dir, "*"))
		files = append(files, more...)
	}
	profiles := []vendors.Profile{vendors.MustLookup("google-directory"), vendors.MustLookup("ringcentral")}
	all := profiles[0]
	all.Accept = vendors.Formats()
	profiles = append(profiles, all)
	ctx := context.Background()
	checked := 0
	for i, file := range files {
		if testing.Short() && i%8 != 0 {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil || len(data) > 8<<20 {
			continue // a folder, or not an upload
		}
		for _, p := range profiles {
			_, full := Validate(ctx, data, p)
			_, header := Validate(ctx, data, p, HeaderOnly())
			info, inspectErr := validate.Inspect(data)
			if inspectErr == nil {
				if want := validate.Check(info, p); !sameVerdict(header, want) {
					t.Errorf("%s, %s: HeaderOnly says %v, Check %v", p.Name, filepath.Base(file), header, want)
				}
			}
			_, norm := Normalize(ctx, data, p)
			switch {
			case full == nil && norm != nil:
				t.Errorf("%s, %s: Validate accepts, Normalize says %v", p.Name, filepath.Base(file), norm)
			case errors.Is(norm, validate.ErrCorrupt) && full == nil:
				t.Errorf("%s, %s: Normalize says corrupt, Validate accepts", p.Name, filepath.Base(file))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no files")
	}
	t.Logf("%d file and profile pairs", checked)
}

func sameVerdict(a, b error) bool {
	var ea, eb *validate.Error
	if errors.As(a, &ea) != errors.As(b, &eb) {
		return false
	}
	return ea == nil || ea.Reason == eb.Reason
}

func TestValidateIsCancelled(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Validate(ctx, data, vendors.MustLookup("ringcentral")); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

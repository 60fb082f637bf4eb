package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color/palette"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../profileimage/testdata/Portrait_6.jpg"

func runCLI(t *testing.T, stdin []byte, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, bytes.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func decodeReport(t *testing.T, line string) report {
	t.Helper()
	var r report
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("not one JSON object: %q: %v", line, err)
	}
	return r
}

func TestNormalizeWritesAnUprightSquare(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jpg")
	code, stdout, stderr := runCLI(t, nil, "normalize", "-vendor", "smartsheet", "-o", out, "-json", sample)
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	r := decodeReport(t, stdout)
	if !r.OK || r.Info == nil || r.Info.Orientation != 6 || len(r.Outputs) != 1 {
		t.Fatalf("report %+v", r)
	}
	o := r.Outputs[0]
	if o.Path != out || o.Width != 1050 || o.Height != 1050 || o.Format != "jpeg" || len(o.SHA256) != 64 {
		t.Errorf("output %+v", o)
	}
	if st, err := os.Stat(out); err != nil || st.Size() != int64(o.Bytes) {
		t.Errorf("file %v, %v; report says %d bytes", st, err, o.Bytes)
	}
}

func TestValidateRejectionIsTheVendorsError(t *testing.T) {
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, image.NewPaletted(image.Rect(0, 0, 8, 8), palette.Plan9), nil); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCLI(t, gifData.Bytes(), "validate", "-vendor", "zoom", "-json", "-")
	if code != exitRejected {
		t.Fatalf("exit %d, want %d: %s", code, exitRejected, stdout)
	}
	r := decodeReport(t, stdout)
	if r.OK || r.Error == nil || r.Error.Reason != "unsupported-format" || r.Error.Status != 400 || r.Error.Code != "120" {
		t.Errorf("report %+v, error %+v", r, r.Error)
	}
}

// TestValidateDecodesThePixels: a JPEG whose scan stops halfway (its
// markers intact) is corrupt, RingCentral's 400 ACT-331; -header-only
// takes it on the strength of its header.
func TestValidateDecodesThePixels(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	sos := bytes.LastIndex(data, []byte{0xff, 0xda}) // the main image's scan, after any EXIF thumbnail
	cut := sos + (len(data)-sos)/2
	for data[cut-1] == 0xff {
		cut--
	}
	cutScan := append(data[:cut:cut], 0xff, 0xd9)
	code, stdout, _ := runCLI(t, cutScan, "validate", "-vendor", "ringcentral", "-json", "-")
	r := decodeReport(t, stdout)
	if code != exitRejected || r.Error == nil || r.Error.Reason != "corrupt" || r.Error.Code != "ACT-331" {
		t.Errorf("exit %d, report %+v, error %+v", code, r, r.Error)
	}
	if code, stdout, _ := runCLI(t, cutScan, "validate", "-vendor", "ringcentral", "-header-only", "-json", "-"); code != exitOK {
		t.Errorf("-header-only: exit %d: %s", code, stdout)
	}
}

func TestContentTypeMismatch(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "validate", "-vendor", "ringcentral", "-content-type", "image/png", "-json", sample)
	r := decodeReport(t, stdout)
	if code != exitRejected || r.Error == nil || r.Error.Reason != "content-type-mismatch" || r.Error.Code != "ACT-330" {
		t.Errorf("exit %d, report %+v, error %+v", code, r, r.Error)
	}
}

func TestScaleAllAndUnknownSize(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, nil, "scale", "-vendor", "ringcentral", "-all", "-o", dir, "-json", sample)
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	r := decodeReport(t, stdout)
	if len(r.Outputs) != 4 || r.Outputs[1].Size != "90x90" || r.Outputs[1].Width != 90 {
		t.Errorf("outputs %+v", r.Outputs)
	}
	code, stdout, _ = runCLI(t, nil, "scale", "-vendor", "ringcentral", "-size", "92", "-o", dir, "-json", sample)
	r = decodeReport(t, stdout)
	if code != exitRejected || r.Error == nil || r.Error.Code != "ACT-333" || !strings.Contains(r.Error.Message, "[92]") {
		t.Errorf("exit %d, error %+v", code, r.Error)
	}
}

func TestManyFilesGoToADirectoryInOrder(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jpg")
	if err := os.WriteFile(bad, []byte{0xff, 0xd8, 0xff, 0xe0}, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, nil, "normalize", "-vendor", "ringcentral", "-o", out, "-json", sample, bad, sample)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != exitRejected || len(lines) != 3 {
		t.Fatalf("exit %d, %d lines: %s", code, len(lines), stdout)
	}
	if r := decodeReport(t, lines[1]); r.OK || r.File != bad || r.Error.Code != "ACT-331" {
		t.Errorf("second report %+v", r)
	}
	if !strings.Contains(stderr, "2 accepted, 1 rejected, 0 failed") {
		t.Errorf("no summary on standard error: %q", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "Portrait_6.jpg")); err != nil {
		t.Error(err)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"validate", "-vendor", "myspace", sample}, {"scale", "-vendor", "zoom", "-o", "x", sample},
		{"normalize", "-vendor", "zoom", sample}, {"inspect", "/does/not/exist"},
	} {
		if code, _, _ := runCLI(t, nil, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestVendorsAndInspect(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "vendors")
	if code != exitOK || !strings.Contains(stdout, "ringcentral: RingCentral") {
		t.Errorf("exit %d: %s", code, stdout)
	}
	code, stdout, _ = runCLI(t, nil, "inspect", "-json", sample)
	if r := decodeReport(t, stdout); code != exitOK || r.Info.Width != 1800 || r.Info.Height != 1200 || r.Info.Orientation != 6 {
		t.Errorf("exit %d, info %+v", code, r.Info)
	}
}

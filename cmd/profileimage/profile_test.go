package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/vendors"
)

// writeProfile writes p as JSON into a temporary file and returns its path.
func writeProfile(t *testing.T, p vendors.Profile) string {
	t.Helper()
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), p.Name+".json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestCallersProfileWorksEndToEnd: Smartsheet's rules under another name,
// read from a file with -profile, give the same image as -vendor
// smartsheet, and validate and scale take the file too.
func TestCallersProfileWorksEndToEnd(t *testing.T) {
	p := vendors.MustLookup("smartsheet")
	p.Name, p.Title = "intranet", "Intranet avatar"
	file := writeProfile(t, p)
	dir := t.TempDir()
	outputOf := func(args ...string) outputJSON {
		t.Helper()
		code, stdout, stderr := runCLI(t, nil, append(args, "-json", sample)...)
		if code != exitOK {
			t.Fatalf("%q: exit %d: %s %s", args, code, stdout, stderr)
		}
		r := decodeReport(t, stdout)
		if len(r.Outputs) != 1 {
			t.Fatalf("%q: report %+v", args, r)
		}
		return r.Outputs[0]
	}
	mine := outputOf("normalize", "-profile", file, "-o", filepath.Join(dir, "mine.jpg"))
	theirs := outputOf("normalize", "-vendor", "smartsheet", "-o", filepath.Join(dir, "theirs.jpg"))
	if mine.SHA256 != theirs.SHA256 || mine.Width != 1050 || mine.Height != 1050 {
		t.Errorf("-profile gave %+v, -vendor smartsheet %+v", mine, theirs)
	}
	if o := outputOf("scale", "-profile", file, "-size", "original", "-o", filepath.Join(dir, "scaled.jpg")); o.SHA256 != theirs.SHA256 {
		t.Errorf("scale -profile: %+v, want the normalized image", o)
	}
	if code, stdout, stderr := runCLI(t, nil, "validate", "-profile", file, "-json", sample); code != exitOK {
		t.Errorf("validate -profile: exit %d: %s %s", code, stdout, stderr)
	}
	// The caller's own rules apply: a byte limit below the sample's size
	// is answered with the profile's own error.
	p.MaxBytes = 1000
	p.Errors[vendors.ReasonTooManyBytes] = vendors.VendorError{Status: 413, Code: "TOO-BIG", Message: "Too big."}
	code, stdout, _ := runCLI(t, nil, "validate", "-profile", writeProfile(t, p), "-json", sample)
	if r := decodeReport(t, stdout); code != exitRejected || r.Error == nil || r.Error.Code != "TOO-BIG" || r.Error.Status != 413 {
		t.Errorf("validate -profile with maxBytes 1000: exit %d, %s", code, stdout)
	}
}

// TestMalformedProfileNamesTheField: every command that takes a profile
// refuses a malformed one with a usage error whose message names the
// field, and refuses -vendor with -profile.
func TestMalformedProfileNamesTheField(t *testing.T) {
	p := vendors.MustLookup("zoom")
	p.Name = "mine"
	good := writeProfile(t, p)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	bad := func(name, from, to string) string {
		if !strings.Contains(string(data), from) {
			t.Fatalf("the profile's JSON lacks %s", from)
		}
		file := filepath.Join(t.TempDir(), name+".json")
		os.WriteFile(file, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
		return file
	}
	cases := []struct{ file, field string }{
		{bad("negative", `"maxBytes":2000000`, `"maxBytes":-1`), "field maxBytes"},
		{bad("unknown", `"maxBytes":`, `"maxByte":`), "field maxByte"},
		{bad("quality", `"quality":90`, `"quality":"high"`), "field output.quality"},
	}
	out := filepath.Join(t.TempDir(), "out.jpg")
	for _, c := range cases {
		for _, args := range [][]string{
			{"validate", "-profile", c.file, sample},
			{"normalize", "-profile", c.file, "-o", out, sample},
			{"scale", "-profile", c.file, "-all", "-o", t.TempDir(), sample},
			{"serve", "-addr", "127.0.0.1:0", "-dir", t.TempDir(), "-profile", c.file},
		} {
			code, stdout, stderr := runCLI(t, nil, args...)
			if code != exitUsage || !strings.Contains(stderr, c.field) || !strings.Contains(stderr, c.file) || stdout != "" {
				t.Errorf("%q: exit %d, stderr %q, want exit %d naming %q and the file", args, code, stderr, exitUsage, c.field)
			}
		}
	}
	for _, args := range [][]string{
		{"validate", "-vendor", "zoom", "-profile", good, sample},
		{"normalize", "-vendor", "zoom", "-profile", good, "-o", out, sample},
	} {
		if code, _, stderr := runCLI(t, nil, args...); code != exitUsage || !strings.Contains(stderr, "mutually exclusive") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, nil, "validate", sample); code != exitUsage || !strings.Contains(stderr, "-profile FILE.json") {
		t.Errorf("no profile: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused command wrote its output")
	}
}

// endless is an upload that never ends, counting what is read of it.
type endless struct {
	fill byte
	read int64
}

func (r *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.fill
	}
	r.read += int64(len(p))
	return len(p), nil
}

// TestUploadsAreReadByInspectReader: an upload on standard input that is
// no image is refused as unsupported-format after its first block, not
// read up to the byte cap.
func TestUploadsAreReadByInspectReader(t *testing.T) {
	for _, args := range [][]string{
		{"inspect", "-json", "-"},
		{"validate", "-vendor", "zoom", "-json", "-"},
		{"normalize", "-vendor", "zoom", "-o", filepath.Join(t.TempDir(), "out.jpg"), "-json", "-"},
	} {
		in := &endless{fill: 'x'}
		var stdout, stderr strings.Builder
		code := run(context.Background(), args, in, &stdout, &stderr)
		r := decodeReport(t, stdout.String())
		if code != exitRejected || r.Error == nil || r.Error.Reason != "unsupported-format" {
			t.Errorf("%q: exit %d, %s %s", args, code, stdout.String(), stderr.String())
		}
		if in.read > 64<<10 {
			t.Errorf("%q: read %d bytes of an upload that is no image", args, in.read)
		}
	}
}

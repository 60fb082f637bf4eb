package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestColourIsReported: the profile an upload carries is in the report,
// and its conversion among the steps.
func TestColourIsReported(t *testing.T) {
	p3 := "../../profileimage/testdata/colour/p3.jpg"
	code, stdout, stderr := runCLI(t, nil, "normalize", "-vendor", "smartsheet", "-o", filepath.Join(t.TempDir(), "out.jpg"), p3)
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, `colour profile "Display P3" (RGB display 4.3)`) {
		t.Errorf("stdout %q does not name the profile", stdout)
	}
	if !strings.Contains(stderr, "converted (Display P3 to sRGB)") {
		t.Errorf("stderr %q does not say it converted", stderr)
	}
	_, stdout, _ = runCLI(t, nil, "validate", "-vendor", "smartsheet", "-json", p3)
	if r := decodeReport(t, strings.TrimSpace(stdout)); r.Info == nil || r.Info.ColorProfile != `"Display P3" (RGB display 4.3)` {
		t.Errorf("JSON report %q", stdout)
	}
}

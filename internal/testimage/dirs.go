package testimage

import (
	"os/exec"
	"path/filepath"
	"strings"
)

// GoTestdata returns the standard library's image test folder,
// $(go env GOROOT)/src/image/testdata, or "" when the go command cannot
// tell.
func GoTestdata() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return filepath.Join(strings.TrimSpace(string(out)), "src", "image", "testdata")
}

// XImageTestdata returns the testdata folder of the golang.org/x/image
// module this module requires, or "" when the go command cannot tell.
func XImageTestdata() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/image").Output()
	if err != nil || len(strings.TrimSpace(string(out))) == 0 {
		return ""
	}
	return filepath.Join(strings.TrimSpace(string(out)), "testdata")
}

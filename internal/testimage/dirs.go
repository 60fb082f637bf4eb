package testimage

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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

// Corpus returns the folder sub of the repository's corpus of public test
// images, internal/testimage/testdata/corpus from the module root (the
// nearest folder holding a go.mod, from the working directory up):
// "orientation" (the EXIF orientation set) or "pngsuite" (PngSuite). sub ""
// is the corpus itself. The corpus is part of the repository, so a missing
// folder fails the test.
func Corpus(tb testing.TB, sub string) string {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		tb.Fatalf("test corpus: %v", err)
	}
	dir := filepath.Join(root, "internal", "testimage", "testdata", "corpus", sub)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		tb.Fatalf("test corpus: %s is not a folder", dir)
	}
	return dir
}

// moduleRoot returns the nearest folder holding a go.mod, from the working
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

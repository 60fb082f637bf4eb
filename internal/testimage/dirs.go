package testimage

import (
	"os"
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

// Corpus returns the folder sub of the shared test corpus, which lives
// next to the module, in ../shared/corpus from the module root (the nearest
// folder holding a go.mod, from the working directory up). sub "" is the
// corpus itself. It returns "" when that folder does not exist.
func Corpus(sub string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	c := filepath.Join(filepath.Dir(dir), "shared", "corpus", sub)
	if st, err := os.Stat(c); err != nil || !st.IsDir() {
		return ""
	}
	return c
}

package profileimage

import (
	"os"
	"strings"
	"testing"
)

// TestREADMESnippet: the README's "In Go" snippet is the body of
// avatarHandler in example_readme_test.go, which Example_readme runs, so
// the code a reader copies compiles and behaves as the README says.
func TestREADMESnippet(t *testing.T) {
	src, err := os.ReadFile("example_readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok1 := strings.Cut(string(src), "\t// README begin\n")
	body, _, ok2 := strings.Cut(rest, "\t// README end\n")
	if !ok1 || !ok2 {
		t.Fatal("example_readme_test.go has no README begin and end markers")
	}
	var snippet strings.Builder
	for line := range strings.Lines(body) {
		snippet.WriteString(strings.TrimPrefix(line, "\t"))
	}
	if want := "```go\n" + snippet.String() + "```\n"; !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not show avatarHandler's snippet; it should read:\n%s", want)
	}
}

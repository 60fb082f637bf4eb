package gif

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/draw"
	stdgif "image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
)

// reference is what libvips and Pillow decoded from a fixture (see
// testdata/make.py): "WxH:sha256" of the pixels as NRGBA, or "error".
type reference struct {
	name, vips, pillow string
	vipsWarned         bool
}

func readReferences(t *testing.T, path string) []reference {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var refs []reference
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) != 3 {
			t.Fatalf("%s: bad line %q", path, s.Text())
		}
		v, warned := strings.CutSuffix(fields[1], "+warning")
		refs = append(refs, reference{name: fields[0], vips: v, pillow: fields[2], vipsWarned: warned})
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return refs
}

// digest is the reference form of img: its size and the SHA-256 of its
// pixels as non-premultiplied 8-bit RGBA.
func digest(img image.Image) string {
	m := nrgba(img)
	sum := sha256.Sum256(m.Pix)
	return fmt.Sprintf("%dx%d:%s", m.Rect.Dx(), m.Rect.Dy(), hex.EncodeToString(sum[:]))
}

func nrgba(img image.Image) *image.NRGBA {
	b := img.Bounds()
	m := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Rect, img, b.Min, draw.Src)
	return m
}

// refusals are the fixtures the library refuses although a reference
// decodes them, with what it says and what the references do.
var refusals = map[string]string{
	// libvips and Pillow make the screen the first frame's extent, 5x4.
	"zero-screen.gif": "zero width or height",
	// libvips warns and shows a transparent canvas; Pillow refuses it.
	"cut-in-first-frame.gif": "truncated",
	// Only the zero-length block and the trailer are missing: libvips
	// warns and shows the frame, Pillow shows it.
	"cut-after-first-frame-data.gif": "truncated",
	// libvips shows a black canvas; Pillow refuses them.
	"first-frame-empty.gif": "(0x0 at 0,0) has no image data",
	"no-data.gif":           "(4x3 at 0,0) has no image data",
	// Both decode every pixel as index 0: a code size no encoder writes,
	// whose codes cannot even hold the end code.
	"lit-0.gif": "LZW code size 0",
}

// TestReferenceDecoders decodes every fixture and the standard library's
// GIFs and compares with libvips: the same verdict, and for accepted files
// the same pixels, except for the refusals above and the screen size that
// libnsgif changes.
func TestReferenceDecoders(t *testing.T) {
	type source struct{ dir, list string }
	sources := []source{{"testdata", "testdata/expected.txt"}, {testimage.GoTestdata(), "testdata/goroot.txt"}}
	var same, pillowSame, total int
	for _, src := range sources {
		for _, ref := range readReferences(t, src.list) {
			total++
			data, err := os.ReadFile(filepath.Join(src.dir, ref.name))
			if err != nil {
				t.Fatal(err)
			}
			img, err := FirstFrame(data, 1<<24)
			got := "error"
			if err == nil {
				got = digest(img)
			} else if !typed(err) {
				t.Errorf("%s: untyped error %v", ref.name, err)
			}
			if got == ref.pillow {
				pillowSame++
			}
			if want, ok := refusals[ref.name]; ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("%s: %v, want an error containing %q", ref.name, err, want)
				}
				if ref.vips == "error" {
					t.Errorf("%s: libvips refuses it too: no longer a refusal to list", ref.name)
				}
				continue
			}
			if ref.name == "screen-640x480.gif" {
				// libnsgif takes a 640x480 screen for the creator's monitor
				// and makes the image the first frame's extent, 7x5;
				// Pillow keeps 640x480, as the library does.
				if err != nil || img.Bounds() != image.Rect(0, 0, 640, 480) {
					t.Errorf("%s: %v, %v; want 640x480", ref.name, err, img)
					continue
				}
				if d := digest(nrgba(img).SubImage(image.Rect(0, 0, 7, 5))); d != ref.vips {
					t.Errorf("%s: the 7x5 corner is %s, libvips %s", ref.name, d, ref.vips)
				}
				continue
			}
			if got != ref.vips {
				t.Errorf("%s: got %s (%v), libvips %s", ref.name, got, err, ref.vips)
				continue
			}
			same++
		}
	}
	t.Logf("%d files: %d identical to libvips (%d refused on purpose, 1 at its stated screen size), %d identical to Pillow",
		total, same, len(refusals), pillowSame)
}

func typed(err error) bool {
	var (
		fe FormatError
		le *LimitError
	)
	return errors.As(err, &fe) || errors.As(err, &le)
}

// TestStandardLibraryAgrees: whenever image/gif decodes a file whose first
// frame fills the screen, the pixels are the same.
func TestStandardLibraryAgrees(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"testdata/*.gif", filepath.Join(testimage.GoTestdata(), "*.gif")} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	compared := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := stdgif.Decode(bytes.NewReader(data))
		if err != nil {
			continue
		}
		cfg, _ := stdgif.DecodeConfig(bytes.NewReader(data))
		if want.Bounds() != image.Rect(0, 0, cfg.Width, cfg.Height) {
			continue
		}
		got, err := FirstFrame(data, 1<<24)
		if err != nil {
			t.Errorf("%s: image/gif decodes it, FirstFrame: %v", path, err)
			continue
		}
		if a, b := digest(got), digest(want); a != b {
			t.Errorf("%s: %s, image/gif %s", path, a, b)
		}
		compared++
	}
	t.Logf("%d files compared with image/gif", compared)
	if compared < 10 {
		t.Errorf("compared only %d files with image/gif", compared)
	}
}

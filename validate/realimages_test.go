package validate

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"github.com/profileimage/profileimage/internal/testimage"
)

// testdataDirs returns the directories of real test images on this
// machine: the Go tree's, every testdata folder of golang.org/x/image (the
// TIFF and CCITT packages have their own) and the test corpus.
func testdataDirs(t testing.TB) []string {
	dirs := []string{testimage.GoTestdata()}
	if x := testimage.XImageTestdata(); x != "" {
		filepath.WalkDir(filepath.Dir(x), func(path string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == "testdata" {
				dirs = append(dirs, path)
			}
			return nil
		})
	} else {
		t.Log("golang.org/x/image not found")
	}
	return append(dirs, testimage.Corpus(t, "pngsuite"), testimage.Corpus(t, "orientation"))
}

type realImage struct {
	path string
	data []byte
}

func realImages(t testing.TB) []realImage {
	var out []realImage
	for _, dir := range testdataDirs(t) {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.Contains(path, string(filepath.Separator)+"fuzz"+string(filepath.Separator)) {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff":
			default:
				return nil
			}
			data, err := os.ReadFile(path)
			if err == nil {
				out = append(out, realImage{path, data})
			}
			return nil
		})
	}
	return out
}

// TestRealImages inspects every real image on the machine and compares with
// the standard decoders: whatever they decode, Inspect must accept with the
// same format and size; PngSuite's x* files must be corrupt.
func TestRealImages(t *testing.T) {
	imgs := realImages(t)
	if len(imgs) < 50 {
		t.Fatalf("found only %d test images", len(imgs))
	}
	var decoded, rejectedBoth int
	for _, im := range imgs {
		name := filepath.Base(im.path)
		info, err := Inspect(im.data)
		m, format, decErr := image.Decode(bytes.NewReader(im.data))
		if strings.Contains(im.path, "pngsuite") && strings.HasPrefix(name, "x") {
			var e *Error
			if !errors.As(err, &e) || e.Reason != "corrupt" {
				t.Errorf("%s: Inspect = %v, want corrupt", im.path, err)
			}
			continue
		}
		if decErr != nil {
			if err != nil {
				rejectedBoth++
			} else {
				t.Logf("%s: decoders fail (%v) but Inspect accepts %+v", im.path, decErr, info)
			}
			continue
		}
		decoded++
		if err != nil {
			t.Errorf("%s: decodes as %s %v but Inspect: %v", im.path, format, m.Bounds().Size(), err)
			continue
		}
		if string(info.Format) != format {
			t.Errorf("%s: format %q, decoder says %q", im.path, info.Format, format)
		}
		if sz := m.Bounds().Size(); info.Width != sz.X || info.Height != sz.Y {
			t.Errorf("%s: size %dx%d, decoder says %v", im.path, info.Width, info.Height, sz)
		}
	}
	t.Logf("%d images: %d decoded and inspected alike, %d rejected by both", len(imgs), decoded, rejectedBoth)
}

// TestCorpusOrientation checks the orientation series of the test
// corpus: Landscape_N.jpg and Portrait_N.jpg carry EXIF orientation N (0
// means 1) and, once oriented, are 1800x1200 and 1200x1800.
func TestCorpusOrientation(t *testing.T) {
	dir := testimage.Corpus(t, "orientation")
	for _, kind := range []string{"Landscape", "Portrait"} {
		for n := 0; n <= 8; n++ {
			path := filepath.Join(dir, kind+"_"+string(rune('0'+n))+".jpg")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			want := max(n, 1)
			w, h := 1800, 1200
			if kind == "Portrait" {
				w, h = h, w
			}
			if info.Orientation != want || info.OrientedWidth != w || info.OrientedHeight != h {
				t.Errorf("%s: orientation %d, oriented %dx%d; want %d, %dx%d", path, info.Orientation, info.OrientedWidth, info.OrientedHeight, want, w, h)
			}
			if !info.Metadata.EXIF || info.Metadata.EXIFError != nil {
				t.Errorf("%s: metadata %+v", path, info.Metadata)
			}
		}
	}
}

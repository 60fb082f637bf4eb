package testimage

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

func TestPhotoIsDeterministicAndDecodes(t *testing.T) {
	a, b := Photo(101, 77, 7), Photo(101, 77, 7)
	if !bytes.Equal(a.Y, b.Y) || !bytes.Equal(a.Cb, b.Cb) || !bytes.Equal(a.Cr, b.Cr) {
		t.Fatal("same size and seed gave different pixels")
	}
	if c := Photo(101, 77, 8); bytes.Equal(a.Y, c.Y) {
		t.Fatal("different seeds gave the same pixels")
	}
	img, err := jpeg.Decode(bytes.NewReader(JPEG(a, 90)))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 101 || got.Y != 77 {
		t.Fatalf("decoded size %v, want 101x77", got)
	}
}

func TestPhotoWithAlphaHasTransparentAndOpaquePixels(t *testing.T) {
	img := PhotoWithAlpha(64, 48, 1)
	var opaque, clear int
	for i := 3; i < len(img.Pix); i += 4 {
		switch img.Pix[i] {
		case 255:
			opaque++
		case 0:
			clear++
		}
	}
	if opaque == 0 || clear == 0 {
		t.Fatalf("opaque=%d transparent=%d, want both", opaque, clear)
	}
}

func BenchmarkPhoto12MP(b *testing.B) {
	for b.Loop() {
		Photo(4000, 3000, 1)
	}
}

func TestCorpus(t *testing.T) {
	root := Corpus(t, "")
	if filepath.Base(root) != "corpus" || !filepath.IsAbs(root) {
		t.Errorf(`Corpus("") = %q, want an absolute path ending in corpus`, root)
	}
	for sub, want := range map[string]int{"orientation": 18, "pngsuite": 175} {
		dir := Corpus(t, sub)
		if dir != filepath.Join(root, sub) {
			t.Errorf("Corpus(%q) = %q, want %q", sub, dir, filepath.Join(root, sub))
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.*g"))
		if len(files) != want {
			t.Errorf("Corpus(%q) holds %d images, want %d", sub, len(files), want)
		}
		if _, err := os.Stat(filepath.Join(dir, "LICENSE")); err != nil {
			t.Errorf("Corpus(%q) has no LICENSE: %v", sub, err)
		}
	}
}

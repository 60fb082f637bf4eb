package testimage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// RealPhoto is a named real camera photograph, decoded.
type RealPhoto struct {
	Name  string
	Image *image.YCbCr // as image/jpeg returns it: 4:2:0
}

// realPhotoNames are the crops in internal/testimage/testdata/realphoto
// (see its LICENSE): fine detail of four kinds.
var realPhotoNames = []string{
	"street",  // iPhone XS: a bike's keypad, printed text, asphalt
	"city",    // iPhone XS: buildings, people, street texture
	"stars",   // a night sky: point-like stars over noise
	"flowers", // Canon 5D III: bouquets, leaves, paving
}

// RealPhotos returns the repository's crops of real camera photographs,
// 1008x1008 each, decoded with image/jpeg, in a fixed order. They are part
// of the repository, so a missing or undecodable file fails the test.
func RealPhotos(tb testing.TB) []RealPhoto {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		tb.Fatalf("real photos: %v", err)
	}
	dir := filepath.Join(root, "internal", "testimage", "testdata", "realphoto")
	photos := make([]RealPhoto, 0, len(realPhotoNames))
	for _, name := range realPhotoNames {
		path := filepath.Join(dir, name+".jpg")
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatalf("real photos: %v", err)
		}
		img, err := decodeYCbCr(path, data)
		if err != nil {
			tb.Fatalf("real photos: %v", err)
		}
		photos = append(photos, RealPhoto{name, img})
	}
	return photos
}

// CameraPhoto names one of the full-size photographs of the modules in
// cameraPhotos.
type CameraPhoto int

const (
	// IPhone12MP is an iPhone XS photo, 4032x3024 stored (EXIF orientation
	// 6), 4:2:0 at quality 96: street, buildings, a bike.
	IPhone12MP CameraPhoto = iota
	// Canon10MP is a Canon 5D Mark III photo, 3840x2560, 4:2:2 at quality
	// 98: flowers, a shop front, paving.
	Canon10MP
)

// cameraPhotos are where the full-size photos are: a module of the Go
// module proxy, its version and the file's path inside it. Both modules are
// MIT-licensed (see testdata/realphoto/LICENSE).
var cameraPhotos = []struct{ module, version, path string }{
	IPhone12MP: {"github.com/h2non/bimg", "v1.1.9", "testdata/test_exif_full.jpg"},
	Canon10MP:  {"github.com/dsoprea/go-exif/v3", "v3.0.1", "assets/NDM_8901.jpg"},
}

// CameraFile returns the JPEG file of a full-size camera photo, from the Go
// module cache (go mod download fetches the module when the cache lacks
// it). They are too large for the repository, so benchmarks read them from
// there; when the go command cannot get the module, the error says why.
func CameraFile(p CameraPhoto) ([]byte, error) {
	c := cameraPhotos[p]
	out, err := exec.Command("go", "mod", "download", "-json", c.module+"@"+c.version).Output()
	var mod struct{ Dir, Error string }
	if err == nil {
		err = json.Unmarshal(out, &mod)
	}
	if err == nil && mod.Error != "" {
		err = errors.New(mod.Error)
	}
	if err != nil {
		return nil, fmt.Errorf("camera photo: go mod download %s@%s (needs the module cache or the module proxy): %w", c.module, c.version, err)
	}
	data, err := os.ReadFile(filepath.Join(mod.Dir, c.path))
	if err != nil {
		return nil, fmt.Errorf("camera photo: %w", err)
	}
	return data, nil
}

// Camera returns a full-size camera photo (see CameraFile) decoded by
// image/jpeg, in stored orientation.
func Camera(p CameraPhoto) (*image.YCbCr, error) {
	data, err := CameraFile(p)
	if err != nil {
		return nil, err
	}
	return decodeYCbCr(cameraPhotos[p].path, data)
}

// decodeYCbCr decodes a JPEG file, named path in errors, that image/jpeg
// returns as Y'CbCr.
func decodeYCbCr(path string, data []byte) (*image.YCbCr, error) {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	y, ok := img.(*image.YCbCr)
	if !ok {
		return nil, fmt.Errorf("%s: decoded as %T, want *image.YCbCr", path, img)
	}
	return y, nil
}

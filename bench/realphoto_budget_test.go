package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	stdjpeg "image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// iPhonePhoto returns a real 12 MP phone upload: test_exif_full.jpg of
// github.com/h2non/bimg v1.1.9's test data (MIT; an iPhone XS photo,
// 4032x3024, 4 MB, Display P3, EXIF orientation 6), from the Go module
// cache, downloaded by the go command if it is not there.
func iPhonePhoto(b *testing.B) []byte {
	data, err := iPhoneUpload()
	if err != nil {
		b.Fatal(err)
	}
	return data
}

var iPhoneUpload = sync.OnceValues(func() ([]byte, error) {
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/h2non/bimg@v1.1.9").Output()
	if err != nil {
		return nil, err
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Join(mod.Dir, "testdata", "test_exif_full.jpg"))
})

// BenchmarkBudgetRealPhoto times Zoom's Normalize of the real 12 MP
// iPhone photo, which at Zoom's quality 90 is over its 2,000,000-byte
// budget (the byte budget finds quality 84), against the plain re-encodes
// of the same photo in the same run: RingCentral's original (quality 90,
// no budget) and an internal/jpeg encode of the decoded photo at quality
// 90. Compare with benchstat -col /impl.
func BenchmarkBudgetRealPhoto(b *testing.B) {
	data := iPhonePhoto(b)
	for _, vendor := range []string{"zoom", "ringcentral"} {
		p := vendors.MustLookup(vendor)
		res, err := profileimage.Normalize(context.Background(), data, p)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: %dx%d, %d bytes, %v", vendor, res.Width, res.Height, len(res.Data), res.Steps[len(res.Steps)-1])
		b.Run("impl=profileimage/job=normalize-"+vendor+"/src=iphone-12mp", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := profileimage.Normalize(context.Background(), data, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	img, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("impl=internal-jpeg/job=encode-q90/src=iphone-12mp", func(b *testing.B) {
		encodeBench(b, img, 90)
	})
}

func encodeBench(b *testing.B, img image.Image, quality int) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: quality}); err != nil {
			b.Fatal(err)
		}
	}
}

package bench

import (
	"fmt"
	"image"
	"maps"
	"strings"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/testimage"
)

// ResizeJob is one benchmarked resample: a source and what the facade asks
// of package scale for a vendor size.
type ResizeJob struct {
	Name string // job=...
	Src  string // src=..., a key of ResizeSources
	W, H int
	Crop image.Rectangle
}

// BenchName is the job's benchmark name for implementation impl, laid out
// for benchstat -col /impl.
func (j ResizeJob) BenchName(impl string) string {
	return fmt.Sprintf("impl=%s/job=%s/src=%s", impl, j.Name, j.Src)
}

// ResizeJobs returns the resample jobs that this package and bench/peers
// both time: fit-1050 (Smartsheet), square-584 and square-90 (RingCentral,
// from the centre square) of each source, real photos first.
func ResizeJobs() []ResizeJob {
	photoCentre := image.Rect(504, 0, 3528, 3024)
	synthCentre := image.Rect(500, 0, 3500, 3000)
	return []ResizeJob{
		{"fit-1050", "photo-ycbcr420-12mp", 1050, 788, image.Rectangle{}},
		{"square-584", "photo-ycbcr420-12mp", 584, 584, photoCentre},
		{"square-90", "photo-ycbcr420-12mp", 90, 90, photoCentre},
		{"fit-1050", "photo-nrgba-12mp", 1050, 788, image.Rectangle{}},
		{"square-584", "photo-nrgba-12mp", 584, 584, photoCentre},
		{"square-90", "photo-nrgba-12mp", 90, 90, photoCentre},
		{"fit-1050", "synthetic-ycbcr420-12mp", 1050, 788, image.Rectangle{}},
		{"square-584", "synthetic-ycbcr420-12mp", 584, 584, synthCentre},
		{"square-90", "synthetic-ycbcr420-12mp", 90, 90, synthCentre},
		{"fit-1050", "synthetic-nrgba-12mp", 1050, 788, image.Rectangle{}},
		{"square-584", "synthetic-nrgba-12mp", 584, 584, synthCentre},
		{"square-90", "synthetic-nrgba-12mp", 90, 90, synthCentre},
		{"square-584", "synthetic-alpha-4mp", 584, 584, image.Rectangle{}},
	}
}

// RealPhoto reports whether the job's source is a real camera photo, which
// comes from the Go module cache (see ResizeSources).
func (j ResizeJob) RealPhoto() bool { return strings.HasPrefix(j.Src, "photo-") }

// ResizeSources returns the jobs' sources, made once per process (callers
// must not change them): a real 12-megapixel iPhone photo (4032x3024, EXIF
// orientation ignored) as image/jpeg decodes it (4:2:0) and the same as
// opaque NRGBA; a synthetic 12-megapixel photo-like image
// (testimage.Photo) the same two ways; and a synthetic 4-megapixel cut-out
// with alpha. The real photo is read from the Go module cache
// (testimage.Camera); when it cannot be had, tb fails with the reason.
func ResizeSources(tb testing.TB) map[string]image.Image {
	tb.Helper()
	photos, err := photoSources()
	if err != nil {
		tb.Fatal(err)
	}
	srcs := maps.Clone(syntheticSources())
	maps.Copy(srcs, photos)
	return srcs
}

// syntheticSources are the sources made in code, which need no network.
var syntheticSources = sync.OnceValue(func() map[string]image.Image {
	synth := testimage.Photo(4000, 3000, 1)
	return map[string]image.Image{
		"synthetic-ycbcr420-12mp": synth,
		"synthetic-nrgba-12mp":    testimage.NRGBA(synth),
		"synthetic-alpha-4mp":     testimage.PhotoWithAlpha(2000, 2000, 1),
	}
})

// photoSources are the sources of the real photo.
var photoSources = sync.OnceValues(func() (map[string]image.Image, error) {
	photo, err := testimage.Camera(testimage.IPhone12MP)
	if err != nil {
		return nil, err
	}
	return map[string]image.Image{
		"photo-ycbcr420-12mp": photo,
		"photo-nrgba-12mp":    testimage.NRGBA(photo),
	}, nil
})

// PhotoUpload12MP returns a real phone upload, the input of whole-pipeline
// benchmarks on real content: the iPhone photo of ResizeSources as the
// phone wrote it (4032x3024 stored, EXIF orientation 6, 4 MB), from the Go
// module cache; when it cannot be had, tb fails with the reason.
func PhotoUpload12MP(tb testing.TB) []byte {
	tb.Helper()
	data, err := photoUpload12MP()
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

var photoUpload12MP = sync.OnceValues(func() ([]byte, error) {
	return testimage.CameraFile(testimage.IPhone12MP)
})

// Upload12MP returns what a phone uploads, the input of the whole-pipeline
// benchmarks: a 4000x3000 JPEG at quality 90 whose EXIF says it is stored
// turned (orientation 6). It is made once per process.
func Upload12MP() []byte { return upload12MP() }

var upload12MP = sync.OnceValue(func() []byte {
	return exiftest.Splice(testimage.JPEG(testimage.Photo(4000, 3000, 7), 90), exiftest.APP1(exiftest.Orientation(6)))
})

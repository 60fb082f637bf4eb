package bench

import (
	"fmt"
	"image"
	"sync"

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
// from the centre 3000x3000 square) of each source.
func ResizeJobs() []ResizeJob {
	centre := image.Rect(500, 0, 3500, 3000)
	return []ResizeJob{
		{"fit-1050", "ycbcr420-12mp", 1050, 788, image.Rectangle{}},
		{"square-584", "ycbcr420-12mp", 584, 584, centre},
		{"square-90", "ycbcr420-12mp", 90, 90, centre},
		{"fit-1050", "nrgba-12mp", 1050, 788, image.Rectangle{}},
		{"square-584", "nrgba-12mp", 584, 584, centre},
		{"square-90", "nrgba-12mp", 90, 90, centre},
		{"square-584", "alpha-4mp", 584, 584, image.Rectangle{}},
	}
}

// ResizeSources returns the jobs' sources, made once per process (callers
// must not change them): a 12-megapixel camera photo as image/jpeg returns
// it (4:2:0), the same as opaque NRGBA, and a 4-megapixel cut-out with
// alpha.
func ResizeSources() map[string]image.Image { return resizeSources() }

var resizeSources = sync.OnceValue(func() map[string]image.Image {
	photo := testimage.Photo(4000, 3000, 1)
	return map[string]image.Image{
		"ycbcr420-12mp": photo,
		"nrgba-12mp":    testimage.NRGBA(photo),
		"alpha-4mp":     testimage.PhotoWithAlpha(2000, 2000, 1),
	}
})

// Upload12MP returns what a phone uploads, the input of the whole-pipeline
// benchmarks: a 4000x3000 JPEG at quality 90 whose EXIF says it is stored
// turned (orientation 6). It is made once per process.
func Upload12MP() []byte { return upload12MP() }

var upload12MP = sync.OnceValue(func() []byte {
	return exiftest.Splice(testimage.JPEG(testimage.Photo(4000, 3000, 7), 90), exiftest.APP1(exiftest.Orientation(6)))
})

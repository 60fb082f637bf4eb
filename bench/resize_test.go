package bench

import (
	"fmt"
	"image"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
)

// resizeJob is one benchmarked resample: a source and what the facade asks
// of scale for a vendor size.
type resizeJob struct {
	name string // job=...
	src  string // src=...
	w, h int
	crop image.Rectangle
}

// resizeSources are made once per process: a 12-megapixel camera photo as
// image/jpeg returns it (4:2:0), the same as opaque NRGBA, and a 4-megapixel
// cut-out with alpha.
var resizeSources = sync.OnceValue(func() map[string]image.Image {
	photo := testimage.Photo(4000, 3000, 1)
	return map[string]image.Image{
		"ycbcr420-12mp": photo,
		"nrgba-12mp":    testimage.NRGBA(photo),
		"alpha-4mp":     testimage.PhotoWithAlpha(2000, 2000, 1),
	}
})

var centre = image.Rect(500, 0, 3500, 3000)

var resizeJobs = []resizeJob{
	{"fit-1050", "ycbcr420-12mp", 1050, 788, image.Rectangle{}},
	{"square-584", "ycbcr420-12mp", 584, 584, centre},
	{"square-90", "ycbcr420-12mp", 90, 90, centre},
	{"fit-1050", "nrgba-12mp", 1050, 788, image.Rectangle{}},
	{"square-584", "nrgba-12mp", 584, 584, centre},
	{"square-90", "nrgba-12mp", 90, 90, centre},
	{"square-584", "alpha-4mp", 584, 584, image.Rectangle{}},
}

func (j resizeJob) benchName(impl string) string {
	return fmt.Sprintf("impl=%s/job=%s/src=%s", impl, j.name, j.src)
}

// BenchmarkResize runs scale.Resize, the default Lanczos3, on every job;
// the same jobs with the peer libraries are in bench/peers.
func BenchmarkResize(b *testing.B) {
	for _, j := range resizeJobs {
		src := resizeSources()[j.src]
		b.Run(j.benchName("profileimage"), func(b *testing.B) {
			sz := src.Bounds().Size()
			b.SetBytes(int64(sz.X * sz.Y))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scale.Resize(src, j.w, j.h, &scale.Options{Crop: j.crop}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResizeKernels compares the built-in kernels on the main job.
func BenchmarkResizeKernels(b *testing.B) {
	src := resizeSources()["ycbcr420-12mp"]
	for _, k := range []scale.Kernel{scale.Lanczos3, scale.CatmullRom, scale.Linear, scale.Box, scale.Nearest} {
		b.Run(fmt.Sprintf("impl=profileimage/kernel=%s/job=fit-1050/src=ycbcr420-12mp", k.Name), func(b *testing.B) {
			b.SetBytes(12e6)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scale.Resize(src, 1050, 788, &scale.Options{Kernel: k}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

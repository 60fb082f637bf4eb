package peers

import (
	"fmt"
	"image"
	"sync"
	"testing"

	"github.com/disintegration/imaging"
	"github.com/nfnt/resize"
	"golang.org/x/image/draw"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

// job mirrors bench/resize_test.go: the same sources, sizes and crops.
type job struct {
	name, src string
	w, h      int
	crop      image.Rectangle
}

var centre = image.Rect(500, 0, 3500, 3000)

var jobs = []job{
	{"fit-1050", "ycbcr420-12mp", 1050, 788, image.Rectangle{}},
	{"square-584", "ycbcr420-12mp", 584, 584, centre},
	{"square-90", "ycbcr420-12mp", 90, 90, centre},
	{"fit-1050", "nrgba-12mp", 1050, 788, image.Rectangle{}},
	{"square-584", "nrgba-12mp", 584, 584, centre},
	{"square-90", "nrgba-12mp", 90, 90, centre},
	{"square-584", "alpha-4mp", 584, 584, image.Rectangle{}},
}

var sources = sync.OnceValue(func() map[string]image.Image {
	photo := testimage.Photo(4000, 3000, 1)
	return map[string]image.Image{
		"ycbcr420-12mp": photo,
		"nrgba-12mp":    testimage.NRGBA(photo),
		"alpha-4mp":     testimage.PhotoWithAlpha(2000, 2000, 1),
	}
})

// crop returns the job's source region as each peer takes it: a sub-image
// (no copy) of the source.
func crop(src image.Image, r image.Rectangle) image.Image {
	if r.Empty() {
		return src
	}
	return src.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(r)
}

// impls are every implementation, ours first, as func(source, job).
var impls = []struct {
	name string
	run  func(image.Image, job) image.Image
}{
	{"profileimage", func(src image.Image, j job) image.Image {
		out, err := scale.Resize(src, j.w, j.h, &scale.Options{Crop: j.crop})
		if err != nil {
			panic(err)
		}
		return out
	}},
	{"profileimage-catmullrom", func(src image.Image, j job) image.Image {
		out, _ := scale.Resize(src, j.w, j.h, &scale.Options{Crop: j.crop, Kernel: scale.CatmullRom})
		return out
	}},
	{"imaging-lanczos", func(src image.Image, j job) image.Image {
		return imaging.Resize(crop(src, j.crop), j.w, j.h, imaging.Lanczos)
	}},
	{"imaging-catmullrom", func(src image.Image, j job) image.Image {
		return imaging.Resize(crop(src, j.crop), j.w, j.h, imaging.CatmullRom)
	}},
	{"imaging-box", func(src image.Image, j job) image.Image {
		return imaging.Resize(crop(src, j.crop), j.w, j.h, imaging.Box)
	}},
	{"xdraw-catmullrom", func(src image.Image, j job) image.Image {
		dst := image.NewNRGBA(image.Rect(0, 0, j.w, j.h))
		r := j.crop
		if r.Empty() {
			r = src.Bounds()
		}
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, r, draw.Src, nil)
		return dst
	}},
	{"xdraw-approxbilinear", func(src image.Image, j job) image.Image {
		dst := image.NewNRGBA(image.Rect(0, 0, j.w, j.h))
		r := j.crop
		if r.Empty() {
			r = src.Bounds()
		}
		draw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, r, draw.Src, nil)
		return dst
	}},
	{"nfnt-lanczos3", func(src image.Image, j job) image.Image {
		return resize.Resize(uint(j.w), uint(j.h), crop(src, j.crop), resize.Lanczos3)
	}},
}

func BenchmarkResize(b *testing.B) {
	for _, j := range jobs {
		src := sources()[j.src]
		for _, impl := range impls {
			b.Run(fmt.Sprintf("impl=%s/job=%s/src=%s", impl.name, j.name, j.src), func(b *testing.B) {
				sz := src.Bounds().Size()
				b.SetBytes(int64(sz.X * sz.Y))
				b.ReportAllocs()
				for b.Loop() {
					impl.run(src, j)
				}
			})
		}
	}
}

// TestPeersPSNR logs the PSNR of every implementation against the float64
// Lanczos3 reference: for a Y'CbCr source, plane by plane for our Y'CbCr
// output, and in RGB (reference computed from the RGB conversion) for
// everyone's RGB output, ours converted too.
func TestPeersPSNR(t *testing.T) {
	if testing.Short() {
		t.Skip("the references take seconds")
	}
	for _, j := range jobs {
		src := sources()[j.src]
		ref := scaletest.Lanczos3(src, j.crop, j.w, j.h)
		var refRGB image.Image = ref
		if _, ok := src.(*image.YCbCr); ok {
			refRGB = scaletest.Lanczos3(testimage.NRGBA(src), j.crop, j.w, j.h)
		}
		for _, impl := range impls {
			out := impl.run(src, j)
			p, err := scaletest.PSNR(out, ref)
			if err != nil {
				t.Fatal(err)
			}
			pRGB, _ := scaletest.PSNR(testimage.NRGBA(out), refRGB)
			t.Logf("job=%s src=%s impl=%-24s PSNR own model %5.1f dB, RGB %5.1f dB", j.name, j.src, impl.name, p, pRGB)
		}
	}
}

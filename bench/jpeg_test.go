package bench

import (
	"bytes"
	"fmt"
	"image"
	stdjpeg "image/jpeg"
	"io"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// photo12MP is a 4000×3000 photo-like image encoded by image/jpeg at
// quality 90 (4:2:0), the input of the decode benchmarks.
var photo12MP = sync.OnceValue(func() []byte {
	return testimage.JPEG(testimage.Photo(4000, 3000, 1), 90)
})

// photo1050 is a 1050×788 photo-like image, the input of the encode
// benchmarks (the size Smartsheet's profile produces).
var photo1050 = sync.OnceValue(func() *image.YCbCr {
	return testimage.Photo(1050, 788, 2)
})

// BenchmarkJPEGDecode compares image/jpeg with our decoder at every scale
// on the 12 MP JPEG. Run with -cpu 1,2 and compare with
// benchstat -col /impl.
func BenchmarkJPEGDecode(b *testing.B) {
	data := photo12MP()
	b.Run("impl=stdlib/job=decode-scale1of1", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := stdjpeg.Decode(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, s := range []int{1, 2, 4, 8} {
		b.Run("impl=profileimage/job=decode-scale1of"+strconv.Itoa(s), func(b *testing.B) {
			opts := &jpeg.DecodeOptions{ScaleDenom: s}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := jpeg.Decode(data, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJPEGEncode compares image/jpeg's encoder with ours at quality
// 90 on a 1050×788 4:2:0 image (one restart interval) and on the 12 MP
// photo (eight intervals, coded in parallel on -cpu 2).
func BenchmarkJPEGEncode(b *testing.B) {
	for _, in := range []struct {
		name string
		img  image.Image
	}{{"1050x788", photo1050()}, {"12mp", testimage.Photo(4000, 3000, 7)}} {
		size := int64(in.img.Bounds().Dx() * in.img.Bounds().Dy() * 3 / 2)
		b.Run("impl=stdlib/job=encode-"+in.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := stdjpeg.Encode(io.Discard, in.img, &stdjpeg.Options{Quality: 90}); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, opt := range []bool{false, true} {
			job := "encode-" + in.name
			if opt {
				job += "-optimized"
			}
			b.Run("impl=profileimage/job="+job, func(b *testing.B) {
				o := &jpeg.EncodeOptions{Quality: 90, OptimizeHuffman: opt}
				buf := make([]byte, 0, 4<<20)
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if buf, err = jpeg.Append(buf[:0], in.img, o); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// realPhotos are the licensed camera photos of testimage.CameraFile: an
// iPhone XS 12 MP photo with one restart interval per MCU row, and a Canon
// 5D III 10 MP photo without restart markers.
var realPhotos = []struct {
	name  string
	photo testimage.CameraPhoto
}{
	{"iphone-12mp-rst", testimage.IPhone12MP},
	{"canon-10mp", testimage.Canon10MP},
}

// BenchmarkJPEGDecodeReal decodes real camera photos at 1/1, 1/2 and 1/8
// on one goroutine and on two (DecodeOptions.Concurrency: restart
// intervals are decoded in parallel). The goroutines are set explicitly:
// under -cpu, sub-benchmarks do not always see the GOMAXPROCS it sets.
func BenchmarkJPEGDecodeReal(b *testing.B) {
	for _, p := range realPhotos {
		data, err := testimage.CameraFile(p.photo)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range []int{1, 2, 8} {
			for _, workers := range []int{1, 2} {
				b.Run(fmt.Sprintf("impl=profileimage/src=%s/job=decode-scale1of%d/workers=%d", p.name, s, workers), func(b *testing.B) {
					opts := &jpeg.DecodeOptions{ScaleDenom: s, Concurrency: workers}
					b.SetBytes(int64(len(data)))
					b.ReportAllocs()
					cpu := cpuTime()
					for b.Loop() {
						if _, err := jpeg.Decode(data, opts); err != nil {
							b.Fatal(err)
						}
					}
					reportCPU(b, cpu)
				})
			}
		}
	}
}

// cpuTime is the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since start as cpu-ns/op: on a
// machine shared with other work it varies less than the wall time, and
// on -cpu 2 it shows what a parallel decode costs in total.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

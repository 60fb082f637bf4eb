package bench

import (
	"context"
	"fmt"
	"testing"

	"github.com/profileimage/profileimage/scale"
)

// BenchmarkResize runs scale.Resize, the default Lanczos3, on every job;
// the same jobs with the peer libraries are in bench/peers.
func BenchmarkResize(b *testing.B) {
	for _, j := range ResizeJobs() {
		src := ResizeSources(b)[j.Src]
		b.Run(j.BenchName("profileimage"), func(b *testing.B) {
			sz := src.Bounds().Size()
			b.SetBytes(int64(sz.X * sz.Y))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scale.Resize(context.Background(), src, j.W, j.H, &scale.Options{Crop: j.Crop}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkResizeKernels compares the built-in kernels on the main job.
func BenchmarkResizeKernels(b *testing.B) {
	src := ResizeSources(b)["photo-ycbcr420-12mp"]
	for _, k := range scale.Kernels() {
		b.Run(fmt.Sprintf("impl=profileimage/kernel=%s/job=fit-1050/src=photo-ycbcr420-12mp", k.Name), func(b *testing.B) {
			b.SetBytes(12e6)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scale.Resize(context.Background(), src, 1050, 788, &scale.Options{Kernel: k}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package scale_test

import (
	"context"
	"fmt"
	"image"
	"time"

	"github.com/profileimage/profileimage/scale"
)

// Fit a 12-megapixel camera photo, stored sideways (EXIF orientation 6),
// into a 1050×1050 box: the result is upright and stays Y'CbCr.
func ExampleResize() {
	// What image/jpeg returns for a 4000x3000 photo.
	photo := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	out, err := scale.Resize(context.Background(), photo, 788, 1050, &scale.Options{Orientation: 6})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%T %v %v\n", out, out.Bounds(), out.(*image.YCbCr).SubsampleRatio)
	// Output: *image.YCbCr (0,0)-(788,1050) YCbCrSubsampleRatio420
}

// A Scaler computes the weights once for a fixed pair of sizes, here a
// centre square crop to a 90×90 thumbnail, and serves many calls, each
// with its own context: a request that is cancelled stops its own resample
// only.
func ExampleNewScaler() {
	s, err := scale.NewScaler(4000, 3000, 90, 90, &scale.Options{
		Kernel: scale.CatmullRom,
		Crop:   image.Rect(500, 0, 3500, 3000),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	photo := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // one request's
	defer cancel()
	out, err := s.Resize(ctx, photo)
	fmt.Println(out.Bounds(), err)

	gone, cancel := context.WithCancel(context.Background()) // a request whose client left
	cancel()
	_, err = s.Resize(gone, photo)
	fmt.Println(err)
	// Output:
	// (0,0)-(90,90) <nil>
	// context canceled
}

// A Feed resamples an image while it is still being produced, here row by
// row as a decoder would hand them out: the resample runs on other
// goroutines, reading each row once it is reported final.
func ExampleScaler_Feed() {
	photo := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420) // a decoder's output
	s, err := scale.NewScaler(4000, 3000, 788, 1050, &scale.Options{Orientation: 6})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := s.Feed(context.Background(), photo)
	if err != nil {
		fmt.Println(err)
		return
	}
	for y := 16; y < 3000; y += 16 {
		// ... decode the next 16 rows into photo, then:
		f.Ready(y)
	}
	out, err := f.Done()
	fmt.Println(out.Bounds(), err)
	// Output: (0,0)-(788,1050) <nil>
}

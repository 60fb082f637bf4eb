package bench

import (
	"context"
	"fmt"
	"image"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

// minPSNR is the quality target of the default filter against the float64
// Lanczos3 reference, on real photos and synthetic ones.
const minPSNR = 55

// TestResizePSNR checks the quality target on every benchmarked job. The
// jobs of a real 12 MP photo run here on the repository's 1008x1008 crops
// of real photos (testimage.RealPhotos), shrunk by the job's ratio, so that
// the test needs no network; bench/peers' TestPeersPSNR measures the full
// photo. The synthetic sources are made in code.
func TestResizePSNR(t *testing.T) {
	crops := testimage.RealPhotos(t)
	for _, j := range ResizeJobs() {
		if !j.RealPhoto() {
			if testing.Short() && j.Src == "synthetic-nrgba-12mp" {
				continue // the float64 reference of 12 MP RGBA takes seconds
			}
			t.Run(j.Name+"/"+j.Src, func(t *testing.T) {
				checkPSNR(t, syntheticSources()[j.Src], j.Crop, j.W, j.H)
			})
			continue
		}
		span := 4032 // the iPhone photo's width
		if !j.Crop.Empty() {
			span = j.Crop.Dx()
		}
		for _, c := range crops {
			var src image.Image = c.Image
			if j.Src == "photo-nrgba-12mp" {
				src = testimage.NRGBA(c.Image)
			}
			n := (c.Image.Bounds().Dx()*j.W + span/2) / span
			t.Run(fmt.Sprintf("%s/%s/crop=%s-%d", j.Name, j.Src, c.Name, n), func(t *testing.T) {
				checkPSNR(t, src, image.Rectangle{}, n, n)
			})
		}
	}
}

// checkPSNR resizes the crop of src to w×h and fails the test below
// minPSNR.
func checkPSNR(t *testing.T, src image.Image, crop image.Rectangle, w, h int) {
	t.Helper()
	got, err := scale.Resize(context.Background(), src, w, h, &scale.Options{Crop: crop})
	if err != nil {
		t.Fatal(err)
	}
	psnr, err := scaletest.PSNR(got, scaletest.Lanczos3(src, crop, w, h))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PSNR %.1f dB", psnr)
	if psnr < minPSNR {
		t.Errorf("PSNR %.1f dB, want at least %d", psnr, minPSNR)
	}
}

package bench

import (
	"context"
	"testing"

	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

// TestResizePSNR checks the quality target of the default filter: at least
// 50 dB against the float64 Lanczos3 reference on every benchmarked job.
func TestResizePSNR(t *testing.T) {
	for _, j := range ResizeJobs() {
		if testing.Short() && j.Src == "nrgba-12mp" {
			continue // the float64 reference of 12 MP RGBA takes seconds
		}
		t.Run(j.Name+"/"+j.Src, func(t *testing.T) {
			src := ResizeSources()[j.Src]
			got, err := scale.Resize(context.Background(), src, j.W, j.H, &scale.Options{Crop: j.Crop})
			if err != nil {
				t.Fatal(err)
			}
			psnr, err := scaletest.PSNR(got, scaletest.Lanczos3(src, j.Crop, j.W, j.H))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("PSNR %.1f dB", psnr)
			if psnr < 50 {
				t.Errorf("PSNR %.1f dB, want at least 50", psnr)
			}
		})
	}
}

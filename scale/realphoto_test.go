package scale

import (
	"context"
	"fmt"
	"image"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale/scaletest"
)

// TestRealPhotoPSNR checks the quality target of the default filter on
// real camera photos (testimage.RealPhotos, 1008x1008 crops), from Y'CbCr
// 4:2:0 and from NRGBA: at least 55 dB against the float64 Lanczos3
// reference at the shrink ratios of the facade's jobs on a 12 MP photo
// (4032→1050, 3024→584, 3024→90) and at ratios just above the ones where
// the box pre-reduction starts and grows (2, 3 and 4 times minResidual).
func TestRealPhotoPSNR(t *testing.T) {
	const side = 1008
	ratios := []struct {
		name  string
		ratio float64
	}{
		{"fit-1050", 4032.0 / 1050},
		{"square-584", 3024.0 / 584},
		{"square-90", 3024.0 / 90},
		{"box-2", 2*minResidual + 0.1},
		{"box-3", 3*minResidual + 0.1},
		{"box-4", 4*minResidual + 0.1},
	}
	for _, p := range testimage.RealPhotos(t) {
		sources := []struct {
			name string
			img  image.Image
		}{{"ycbcr420", p.Image}, {"nrgba", testimage.NRGBA(p.Image)}}
		for _, src := range sources {
			for _, r := range ratios {
				n := int(side/r.ratio + 0.5)
				t.Run(fmt.Sprintf("%s/%s/%s-%d", p.Name, src.name, r.name, n), func(t *testing.T) {
					got, err := Resize(context.Background(), src.img, n, n, nil)
					if err != nil {
						t.Fatal(err)
					}
					psnr, err := scaletest.PSNR(got, scaletest.Lanczos3(src.img, image.Rectangle{}, n, n))
					if err != nil {
						t.Fatal(err)
					}
					if psnr < 55 {
						t.Errorf("%dx%d → %dx%d: PSNR %.1f dB, want at least 55", side, side, n, n, psnr)
					}
				})
			}
		}
	}
}

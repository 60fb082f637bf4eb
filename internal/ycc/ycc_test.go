package ycc

import (
	"image"
	"testing"
)

// TestSubsamplingMatchesPackageImage: the chroma planes package image
// allocates for each ratio are the luma size divided by Subsampling,
// rounded up.
func TestSubsamplingMatchesPackageImage(t *testing.T) {
	ratios := []image.YCbCrSubsampleRatio{
		image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420,
		image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410,
	}
	for _, r := range ratios {
		m := image.NewYCbCr(image.Rect(0, 0, 17, 9), r)
		sx, sy := Subsampling(r)
		if w, h := (17+sx-1)/sx, (9+sy-1)/sy; m.CStride != w || len(m.Cb) != w*h {
			t.Errorf("%v: Subsampling %dx%d gives chroma %dx%d, package image has stride %d, %d samples", r, sx, sy, w, h, m.CStride, len(m.Cb))
		}
	}
}

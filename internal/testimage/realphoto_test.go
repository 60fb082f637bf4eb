package testimage

import (
	"image"
	"testing"
)

func TestRealPhotos(t *testing.T) {
	photos := RealPhotos(t)
	if len(photos) != len(realPhotoNames) {
		t.Fatalf("%d photos, want %d", len(photos), len(realPhotoNames))
	}
	for _, p := range photos {
		if got := p.Image.Bounds(); got != image.Rect(0, 0, 1008, 1008) || p.Image.SubsampleRatio != image.YCbCrSubsampleRatio420 {
			t.Errorf("%s: %v %v, want 1008x1008 4:2:0", p.Name, got, p.Image.SubsampleRatio)
		}
	}
}

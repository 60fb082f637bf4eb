package scale_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
)

// TestScalerContextPerCall shares one Scaler between calls running at the
// same time: the calls whose context is cancelled stop with its error, the
// others give the image of a call on their own.
func TestScalerContextPerCall(t *testing.T) {
	src := testimage.Photo(800, 600, 3)
	s, err := scale.NewScaler(800, 600, 200, 150, &scale.Options{Concurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Resize(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	var wg sync.WaitGroup
	errs := make([]error, 8)
	outs := make([]image.Image, 8)
	for i := range errs {
		wg.Go(func() {
			ctx := context.Background()
			if i%2 == 1 {
				ctx = gone
			}
			if i%4 < 2 {
				outs[i], errs[i] = s.Resize(ctx, src)
				return
			}
			dst := image.NewYCbCr(image.Rect(0, 0, 200, 150), src.SubsampleRatio)
			if errs[i] = s.ResizeInto(ctx, dst, src); errs[i] == nil {
				outs[i] = dst
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if i%2 == 1 {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("call %d, cancelled: %v, want context.Canceled", i, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		if !bytes.Equal(outs[i].(*image.YCbCr).Y, want.(*image.YCbCr).Y) {
			t.Errorf("call %d: another image than a call on its own", i)
		}
	}

	f, err := s.Feed(gone, src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Done(); !errors.Is(err, context.Canceled) {
		t.Errorf("Feed with a cancelled context: %v, want context.Canceled", err)
	}
}

package httpapi

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"sync"
	"testing"
	"time"

	"github.com/profileimage/profileimage/internal/testimage"
)

func TestKeyLocks(t *testing.T) {
	var k keyLocks
	ctx := context.Background()
	if err := k.lock(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := k.lock(ctx, "b"); err != nil {
		t.Fatal("another key waits for a")
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	if err := k.lock(short, "a"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a second lock of a: %v", err)
	}
	got := make(chan struct{})
	go func() { k.lock(ctx, "a"); close(got) }()
	k.unlock("a")
	<-got
	k.unlock("a")
	k.unlock("b")
	if n := len(k.locks); n != 0 {
		t.Errorf("%d locks left after every holder left", n)
	}
}

// TestConcurrentUpdatesLeaveOneImage puts a red landscape and a blue
// portrait to the same extension at once, again and again: every time,
// the scaled sizes are of the same upload as the original.
func TestConcurrentUpdatesLeaveOneImage(t *testing.T) {
	store, err := OpenDirStore(t.TempDir()) // its Puts take long enough for two uploads to interleave
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ts, _ := newTestServer(t, Options{Store: store}, "ringcentral")
	url := ts.URL + "/restapi/v1.0/account/~/extension/5/profile-image"
	red := testimage.JPEG(testimage.Uniform(320, 240, color.NRGBA{220, 20, 20, 255}), 90)
	blue := testimage.JPEG(testimage.Uniform(240, 320, color.NRGBA{20, 20, 220, 255}), 90)
	rounds := 10
	if testing.Short() {
		rounds = 3
	}
	for round := range rounds {
		var wg sync.WaitGroup
		for _, img := range [][]byte{red, blue} {
			body, form := curlForm("image", "a.jpg", "image/jpeg", img)
			wg.Go(func() {
				if got := call(t, "PUT", url, body, map[string]string{"Content-Type": form}); got.status != 204 {
					t.Errorf("PUT: %d %s", got.status, got.body)
				}
			})
		}
		wg.Wait()
		_, w, _, _ := storedImage(t, store, "ringcentral/~/5/original")
		for _, size := range []string{"90x90", "195x195", "584x584"} {
			obj, _ := store.Get(context.Background(), "ringcentral/~/5/"+size)
			img, _, err := image.Decode(bytes.NewReader(obj.Data))
			if err != nil {
				t.Fatal(err)
			}
			r, _, b, _ := img.At(img.Bounds().Dx()/2, img.Bounds().Dy()/2).RGBA()
			if isRed := r > b; isRed != (w == 320) {
				t.Fatalf("round %d: the original is %d wide but %s is %s", round, w, size, map[bool]string{true: "red", false: "blue"}[isRed])
			}
		}
	}
}

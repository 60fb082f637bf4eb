package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"io"
	"net/http"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// heapPeak samples the bytes of heap objects (live, and dead but not yet
// freed) every millisecond until stop is called, and returns the highest.
func heapPeak() (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

func heapNow() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// TestLoad sends 50 concurrent 12 MP uploads to one RingCentral server on
// loopback (12 uploads of 1 MP with -short, for the race detector). Every
// answer must be a success or a 503 with Retry-After, every stored size
// must decode, and the heap must stay under the memory budget plus a
// margin. The budget bounds what uploads hold; the margin, a quarter of
// the budget and 16 MiB, is room for the garbage the collector has not yet
// freed, the runtime and the test's own client. On the 2-core machine the
// full run peaked at 357 MiB of heap against 512 + 144 (all 50 uploads
// admitted, at most five decoding at once); without the admission limit
// all 50 would decode at once, about 1.2 GB.
func TestLoad(t *testing.T) {
	n, w, h, budget := 50, 4000, 3000, int64(DefaultMemoryBudget)
	if testing.Short() {
		n, w, h, budget = 12, 1000, 750, 32<<20
	}
	margin := uint64(budget/4 + 16<<20)
	data := jpegImage(w, h, 7)
	store, err := OpenDirStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ts, _ := newTestServer(t, Options{Store: store, MemoryBudget: budget, MaxWait: 20 * time.Second}, "ringcentral")
	if !strings.HasPrefix(ts.URL, "http://127.0.0.1:") {
		t.Fatalf("the server listens on %s, not loopback", ts.URL)
	}
	body, form := curlForm("image", "big.jpg", "image/jpeg", data)
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: n}, Timeout: 5 * time.Minute}
	defer client.CloseIdleConnections()

	runtime.GC()
	base := heapNow()
	stop := heapPeak()
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			url := fmt.Sprintf("%s/restapi/v1.0/account/~/extension/%d/profile-image", ts.URL, i)
			req, _ := http.NewRequest("POST", url, bytes.NewReader(body)) // the bytes are shared, not copied
			req.Header.Set("Content-Type", form)
			req.Header.Set("Authorization", "Bearer "+testToken)
			resp, err := client.Do(req)
			if err != nil {
				t.Errorf("upload %d: %v", i, err)
				return
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			statuses[i] = resp.StatusCode
			switch {
			case resp.StatusCode == 204:
			case resp.StatusCode == 503 && resp.Header.Get("Retry-After") != "":
			default:
				t.Errorf("upload %d: %d %s (Retry-After %q)", i, resp.StatusCode, answer, resp.Header.Get("Retry-After"))
			}
		})
	}
	wg.Wait()
	peak := stop()
	counts := map[int]int{}
	for _, s := range statuses {
		counts[s]++
	}
	t.Logf("%d uploads of %dx%d (%d bytes): %v; heap %d MiB before, peak %d MiB; budget %d MiB + margin %d MiB",
		n, w, h, len(data), counts, base>>20, peak>>20, budget>>20, margin>>20)
	if counts[204] == 0 {
		t.Fatal("no upload succeeded")
	}
	if peak > base+uint64(budget)+margin {
		t.Errorf("peak heap %d MiB over the budget %d MiB plus margin %d MiB", (peak-base)>>20, budget>>20, margin>>20)
	}

	ctx := context.Background()
	for i, s := range statuses {
		for _, size := range []string{"original", "90x90", "195x195", "584x584"} {
			key := fmt.Sprintf("ringcentral/~/%d/%s", i, size)
			obj, err := store.Get(ctx, key)
			if s != 204 {
				if err == nil {
					t.Errorf("%s is stored though its upload was refused", key)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			img, _, err := image.Decode(bytes.NewReader(obj.Data))
			if err != nil {
				t.Fatalf("%s does not decode: %v", key, err)
			}
			if size == "original" && (img.Bounds().Dx() != w || img.Bounds().Dy() != h) {
				t.Errorf("%s is %v", key, img.Bounds())
			}
		}
	}
}

package profileimage

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/vendors"
)

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data, err := os.ReadFile("testdata/Portrait_1.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Normalize(ctx, data, vendors.MustLookup("zoom")); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// flipContext is a context that is cancelled the moment its Err method has
// been called a given number of times: a way to cancel deterministically in
// the middle of the work.
type flipContext struct {
	context.Context
	mu      sync.Mutex
	calls   []time.Time
	flipAt  int // 0: never
	flipped time.Time
}

func (c *flipContext) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, time.Now())
	if c.flipAt == 0 || len(c.calls) < c.flipAt {
		return nil
	}
	if c.flipped.IsZero() {
		c.flipped = time.Now()
	}
	return context.Canceled
}

// TestCancelInTheMiddle cancels Normalize of a 12 MP JPEG at a check of the
// context inside the decode, then at one inside the resample, and reports
// (without asserting: tests assert no timings) how long after the
// cancellation the call returned, and the longest stretch of work between
// two checks.
func TestCancelInTheMiddle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12 MP JPEG")
	}
	data := testimage.JPEG(testimage.Photo(4000, 3000, 2), 90)
	p := vendors.MustLookup("smartsheet")
	// A whole run, to count the checks: Normalize makes one before the
	// decode and one after it; in between the decoder checks once per row
	// of MCUs, then (with one goroutine) the resample every 32 rows.
	watch := &flipContext{Context: context.Background()}
	if _, err := Normalize(watch, data, p, Concurrency(1)); err != nil {
		t.Fatal(err)
	}
	n := len(watch.calls)
	var longest time.Duration
	for i := 1; i < n; i++ {
		longest = max(longest, watch.calls[i].Sub(watch.calls[i-1]))
	}
	t.Logf("%d context checks; longest gap %v", n, longest)

	for _, c := range []struct {
		where  string
		flipAt int
	}{{"decode", 3}, {"resample", n - 3}} {
		ctx := &flipContext{Context: context.Background(), flipAt: c.flipAt}
		_, err := Normalize(ctx, data, p, Concurrency(1))
		returned := time.Now()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: got %v after %d context checks, want context.Canceled", c.where, err, len(ctx.calls))
		}
		t.Logf("cancelled in the %s: returned %v after the cancellation", c.where, returned.Sub(ctx.flipped))
	}
}

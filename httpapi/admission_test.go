package httpapi

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// waitFor polls cond until it holds, failing the test after a generous
// deadline instead of hanging.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func (s *semaphore) state() (used int64, waiting int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used, s.waiters.Len()
}

func TestSemaphoreAdmitsInArrivalOrder(t *testing.T) {
	s := newSemaphore(10)
	ctx := context.Background()
	if err := s.acquire(ctx, 6, time.Hour); err != nil {
		t.Fatal(err)
	}
	order := make(chan string, 2)
	go func() { s.acquire(ctx, 8, time.Hour); order <- "big" }()
	waitFor(t, "the big waiter", func() bool { _, n := s.state(); return n == 1 })
	go func() { s.acquire(ctx, 3, time.Hour); order <- "small" }()
	waitFor(t, "the small waiter", func() bool { _, n := s.state(); return n == 2 })
	// 3 units would fit beside the 6 held, but the small one waits its turn.
	if used, _ := s.state(); used != 6 {
		t.Fatalf("the small waiter jumped the line: %d units used", used)
	}
	s.release(6)
	if first := <-order; first != "big" {
		t.Fatalf("%s was admitted first", first)
	}
	if used, n := s.state(); used != 8 || n != 1 {
		t.Fatalf("after the big one: %d used, %d waiting", used, n)
	}
	s.release(8)
	<-order
	if used, n := s.state(); used != 3 || n != 0 {
		t.Fatalf("at the end: %d used, %d waiting", used, n)
	}
}

func TestSemaphoreGivesUp(t *testing.T) {
	s := newSemaphore(10)
	if err := s.acquire(context.Background(), 9, time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := s.acquire(context.Background(), 5, 10*time.Millisecond); !errors.Is(err, errBusy) {
		t.Fatalf("a wait that ran out: %v, want errBusy", err)
	}
	// A cancelled big waiter at the head lets the small one behind it in.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 2)
	go func() { done <- s.acquire(ctx, 5, time.Hour) }()
	waitFor(t, "the big waiter", func() bool { _, n := s.state(); return n == 1 })
	go func() { done <- s.acquire(context.Background(), 1, time.Hour) }()
	waitFor(t, "the small waiter", func() bool { _, n := s.state(); return n == 2 })
	cancel()
	if err1, err2 := <-done, <-done; !(errors.Is(err1, context.Canceled) && err2 == nil) && !(err1 == nil && errors.Is(err2, context.Canceled)) {
		t.Fatalf("got %v and %v, want one cancelled and one admitted", err1, err2)
	}
	if used, n := s.state(); used != 10 || n != 0 {
		t.Fatalf("%d used, %d waiting; want 10 and none", used, n)
	}
}

// TestBusyAnswers fills each share of the budget and checks that an upload
// that cannot get in is answered 503 with Retry-After in the vendor's
// envelope, and that the units it waited for are not lost.
func TestBusyAnswers(t *testing.T) {
	svc := NewService(Options{MaxWait: 20 * time.Millisecond, Auth: BearerToken(testToken)})
	h, err := svc.Handler(vendors.MustLookup("ringcentral"), vendors.MustLookup("smartsheet"))
	if err != nil {
		t.Fatal(err)
	}
	ts := newListener(t, h)
	body, form := curlForm("image", "a.jpg", "image/jpeg", jpegImage(320, 240, 1))
	url := ts.URL + "/restapi/v1.0/account/~/extension/1/profile-image"
	for _, share := range []*semaphore{svc.admission.bodies, svc.admission.pixels} {
		share.acquire(context.Background(), share.size, time.Hour)
		got := call(t, "POST", url, body, map[string]string{"Content-Type": form})
		wantError(t, "busy", got, 503, rcError("", "The service is busy; retry after the time in Retry-After."))
		if got.header.Get("Retry-After") != "1" {
			t.Errorf("Retry-After %q", got.header.Get("Retry-After"))
		}
		ss := call(t, "POST", ts.URL+"/2.0/users/1/profileimage", jpegImage(64, 64, 1), map[string]string{"Content-Type": "image/jpeg"})
		wantError(t, "busy Smartsheet", ss, 503, `{"message":"The service is busy; retry after the time in Retry-After.","refId":"*"}`)
		share.release(share.size)
	}
	if got := call(t, "POST", url, body, map[string]string{"Content-Type": form}); got.status != 204 {
		t.Fatalf("with room again: %d %s", got.status, got.body)
	}
	for _, share := range []*semaphore{svc.admission.bodies, svc.admission.pixels} {
		if used, n := share.state(); used != 0 || n != 0 {
			t.Errorf("after the requests: %d units used, %d waiting", used, n)
		}
	}
}

// TestDecodeCostCountsStoredCoefficients: the same photo crop,
// Huffman-coded sequential, arithmetic-coded sequential and
// arithmetic-coded progressive (internal/jpeg/testdata), costs 12 bytes a
// pixel more when its coefficients are kept until the last scan.
func TestDecodeCostCountsStoredCoefficients(t *testing.T) {
	p := vendors.MustLookup("ringcentral")
	cost := func(path string) int64 {
		data, err := os.ReadFile(filepath.Join("..", "internal", "jpeg", "testdata", path))
		if err != nil {
			t.Fatal(err)
		}
		info, err := validate.Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		return decodeCost(info, p)
	}
	base := cost("real/iphone-444.jpg")
	for _, f := range []string{"arith/iphone-444-arith.jpg", "arith/iphone-444-arith-prog.jpg"} {
		if got, want := cost(f), base+320*240*12; got != want {
			t.Errorf("%s: cost %d, want %d", f, got, want)
		}
	}
}

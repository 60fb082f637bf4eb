package httpapi

import (
	"container/list"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// errBusy: a request waited its longest and was not admitted.
var errBusy = errors.New("httpapi: busy")

// semaphore is a weighted semaphore that admits in arrival order: a
// request that needs much waits at the head of the line, and the ones
// behind it wait too, so a large upload is never starved by small ones.
type semaphore struct {
	mu      sync.Mutex
	size    int64
	used    int64
	waiters list.List // of *waiter, in arrival order
}

type waiter struct {
	n     int64
	ready chan struct{} // closed when the units are granted
}

func newSemaphore(size int64) *semaphore { return &semaphore{size: max(size, 1)} }

// acquire takes n units (n must be at most the size), waiting at most
// wait. It returns errBusy when the wait ran out and ctx's error when ctx
// ended first; the units are then not taken.
func (s *semaphore) acquire(ctx context.Context, n int64, wait time.Duration) error {
	s.mu.Lock()
	if s.waiters.Len() == 0 && s.used+n <= s.size {
		s.used += n
		s.mu.Unlock()
		return nil
	}
	w := &waiter{n: n, ready: make(chan struct{})}
	elem := s.waiters.PushBack(w)
	s.mu.Unlock()

	timer := time.NewTimer(wait)
	defer timer.Stop()
	var err error
	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		err = ctx.Err()
	case <-timer.C:
		err = errBusy
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-w.ready:
		// Granted while giving up: hand the units back.
		s.used -= n
	default:
		s.waiters.Remove(elem)
	}
	s.grant() // the waiter may have held up the ones behind it
	return err
}

// release gives back n units.
func (s *semaphore) release(n int64) {
	s.mu.Lock()
	s.used -= n
	s.grant()
	s.mu.Unlock()
}

// grant admits waiters from the head of the line while they fit. The
// caller holds s.mu.
func (s *semaphore) grant() {
	for e := s.waiters.Front(); e != nil; e = s.waiters.Front() {
		w := e.Value.(*waiter)
		if s.used+w.n > s.size {
			return
		}
		s.used += w.n
		s.waiters.Remove(e)
		close(w.ready)
	}
}

// The share of the memory budget that request bodies may hold; decoding
// and encoding get the rest.
const bodyShare = 4 // one quarter

// admission bounds the memory that uploads hold at once: their bodies in
// one semaphore and their decoded pixels in another. A request holds its
// body's units while it waits for pixel units, never the other way round,
// so the two cannot deadlock.
type admission struct {
	bodies, pixels *semaphore // in bytes
	wait           time.Duration
}

func newAdmission(budget int64, wait time.Duration) *admission {
	bodies := budget / bodyShare
	return &admission{bodies: newSemaphore(bodies), pixels: newSemaphore(budget - bodies), wait: wait}
}

// Bytes per decoded pixel, measured as the peak heap of ScaleAll for
// RingCentral (four outputs, the most work of the seed vendors) on 3 MP
// uploads and rounded up: a Y'CbCr JPEG 5.5, a grey JPEG or PNG 4.0, RGB
// and RGBA PNG 12.2 and 10.5, a GIF 10.2, a 16-bit RGBA PNG 15.3. At 12 MP
// a JPEG takes 2.0: the figures hold for large images with room to spare.
const (
	bytesPerYCbCrPixel = 6
	bytesPerGrayPixel  = 4
	bytesPerPixel      = 16 // every other colour model
	bytesPerUpload     = 1 << 20
	// A profile with a byte cap may keep the forward DCT of a JPEG
	// output to re-quantize it at each quality its budget tries: 4 bytes
	// a coefficient, 1.5 coefficients a pixel in 4:2:0 (the facade's
	// JPEG outputs), counted, like the figures above, per pixel of the
	// upload (a padded output can hold more pixels than a small upload;
	// bytesPerUpload covers those).
	bytesPerBudgetPixel = 6
	// A progressive or arithmetic-coded JPEG keeps every coefficient of
	// every component until its last scan: 4 bytes each, at most one a
	// pixel per component (4:4:4), whatever scale it is decoded at.
	bytesPerStoredCoefficient = 4
)

// jpegComponents is the number of components of a JPEG of colour model m.
func jpegComponents(m validate.ColorModel) int64 {
	switch m {
	case validate.ColorGray:
		return 1
	case validate.ColorCMYK:
		return 4
	}
	return 3
}

// decodeCost estimates the bytes that normalizing and scaling an upload
// to profile p takes, from its header.
func decodeCost(info validate.Info, p vendors.Profile) int64 {
	per := int64(bytesPerPixel)
	switch info.ColorModel {
	case validate.ColorYCbCr:
		per = bytesPerYCbCrPixel
	case validate.ColorGray:
		per = bytesPerGrayPixel
	}
	if p.MaxBytes > 0 {
		per += bytesPerBudgetPixel
	}
	if info.Format == vendors.JPEG && (info.Progressive || info.Arithmetic) {
		per += bytesPerStoredCoefficient * jpegComponents(info.ColorModel)
	}
	return bytesPerUpload + int64(info.Width)*int64(info.Height)*per
}

package scale

import (
	"context"
	"image"
	"math"
	"sync"
	"sync/atomic"
)

// Feed resamples a source whose rows are still being written, top to
// bottom, by the caller: a decoder handing out rows as they become final,
// for example. While rows arrive, each plane of the source (one, or Y, Cb
// and Cr) is resampled on a goroutine of its own that reads a row only once
// Ready has reported it final, so producing the source and resampling it
// run at the same time. The result is the image [Scaler.Resize] returns for
// the finished source, byte for byte.
//
// Make one with [Scaler.Feed], call Ready as rows become final, then Done
// for the result or Abort to give up; one of the two must be called, or the
// goroutines wait for rows for ever. The producer must not change a row
// after reporting it final. The methods must be called from one goroutine.
type Feed struct {
	s       *Scaler
	ctx     context.Context // may be nil
	dst     image.Image
	tasks   taskList
	minY, h int  // the source's first row and its height
	stream  bool // whether the planes may be resampled while rows arrive
	// whole is the source when its path depends on every pixel (8-bit
	// RGBA, see opaqueJob): Done chooses the path and resamples it whole.
	whole image.Image

	ready   atomic.Int64 // rows of the source known final, from its top
	mu      sync.Mutex
	arrived sync.Cond // broadcast when ready grows, a plane fails or Abort
	aborted bool      // under mu
	wake    int64     // under mu: the fewest rows a waiting plane waits for
	idle    int       // under mu: plane goroutines waiting for rows or ended
	failed  atomic.Bool

	started bool // the plane goroutines are running
	wg      sync.WaitGroup
	errs    [3]error // each plane goroutine's error

	ended bool // Done or Abort was called
	res   image.Image
	err   error
}

// Feed starts a resample of src, which must have the Scaler's source size
// and whose rows will become final from the top down, into a new image of
// the type Resize returns. It reads no pixel of src before Ready reports
// it final. ctx is checked as [Scaler.Resize] checks it; once it is done,
// Done returns its error.
//
// The planes are resampled while rows arrive only when the Scaler may use
// more than one goroutine (Options.Concurrency) and the resample is large
// enough to share; otherwise, and when the first call to Ready already
// reports every row, Done does the whole resample, as Resize would. So it
// does for an *image.NRGBA or *image.RGBA, whose path depends on whether
// every pixel read is opaque.
func (s *Scaler) Feed(ctx context.Context, src image.Image) (*Feed, error) {
	if err := s.checkSource(src); err != nil {
		return nil, err
	}
	f := &Feed{s: s, ctx: ctx, dst: s.newDestination(src), minY: src.Bounds().Min.Y, h: s.srcH, wake: math.MaxInt64}
	f.arrived.L = &f.mu
	switch src.(type) {
	case *image.NRGBA, *image.RGBA:
		f.whole = src // Done plans it, with every row in
		return f, nil
	}
	tasks, err := s.tasks(f.dst, src, f)
	if err != nil {
		return nil, err
	}
	f.tasks = tasks
	f.stream = s.workers(&f.tasks) > 1
	return f, nil
}

// Ready reports that every row of the source above y (in the source's
// coordinates) is final. A y no greater than an earlier one, and any call
// after Done or Abort, does nothing.
func (f *Feed) Ready(y int) {
	n := min(max(y-f.minY, 0), f.h)
	if f.ended || int64(n) <= f.ready.Load() {
		return
	}
	f.mu.Lock()
	f.ready.Store(int64(n))
	if int64(n) >= f.wake {
		f.wake = math.MaxInt64
		f.arrived.Broadcast()
	}
	f.mu.Unlock()
	if f.stream && !f.started && n < f.h {
		f.start()
	}
}

// Done reports every row of the source final, waits for the resample to
// finish and returns its image, or the first error (the error of
// the context given to Feed if it was done, ErrAborted after Abort). Calling it again
// returns the same.
func (f *Feed) Done() (image.Image, error) {
	if f.ended {
		return f.res, f.err
	}
	f.Ready(f.minY + f.h)
	f.ended = true
	if f.started {
		f.wg.Wait()
		f.err = firstError(f.errs[:f.tasks.n])
	} else {
		if f.whole != nil {
			f.tasks, f.err = f.s.tasks(f.dst, f.whole, nil)
		}
		if f.err == nil {
			f.err = f.s.run(f.ctx, &f.tasks)
		}
	}
	if f.err == nil {
		f.res = f.dst
	}
	return f.res, f.err
}

// Abort stops the resample and waits until none of its goroutines runs;
// Done then returns ErrAborted. After Done it does nothing.
func (f *Feed) Abort() {
	if f.ended {
		return
	}
	f.ended, f.err = true, ErrAborted
	f.mu.Lock()
	f.aborted = true
	f.arrived.Broadcast()
	f.mu.Unlock()
	f.wg.Wait()
}

// start resamples each plane, as one band, on a goroutine of its own.
func (f *Feed) start() {
	f.started = true
	stop := f.s.stopper(f.ctx, &f.failed)
	for i := range f.tasks.n {
		f.wg.Go(func() {
			sc := f.s.scratch()
			defer f.s.pool.Put(sc)
			err := f.tasks.jobs[i].band(0, f.tasks.plans[i].y.n, sc, stop)
			f.mu.Lock()
			f.idle++
			if err != nil {
				f.errs[i] = err
				f.failed.Store(true)
				f.arrived.Broadcast()
			}
			f.mu.Unlock()
		})
	}
}

// wakeSteps is about how many times a plane goroutine that catches up with
// the rows is woken while the source arrives: it then waits for a
// 1/wakeSteps share of the source's rows instead of the few it needs, so
// that a decoder handing out rows one by one does not pay for a thread
// wake-up for each, and the resample left after the last row stays small.
const wakeSteps = 16

// await blocks until the first rows of the source are final, and returns
// errStopped if the feed was aborted or another plane failed first.
func (f *Feed) await(rows int) error {
	need := int64(min(rows, f.h))
	if f.ready.Load() >= need {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	target := min(max(need, f.ready.Load()+int64(f.h/wakeSteps)), int64(f.h))
	for f.ready.Load() < need {
		if f.aborted || f.failed.Load() {
			return errStopped
		}
		f.wake = min(f.wake, target)
		f.idle++
		f.arrived.Wait()
		f.idle--
	}
	return nil
}

// firstError returns the first error that is not errStopped.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil && err != errStopped {
			return err
		}
	}
	return nil
}

// arrival makes a band wait for the source rows it is about to read while
// they are still arriving (see Feed). The zero value, for a source that is
// all there, never waits.
type arrival struct {
	f    *Feed
	sy   int // source rows per plane row: the vertical chroma subsampling, or 1
	minY int // the source's first row, which chroma rows are aligned to
}

// wait blocks until the plane rows under the first boxRows box rows of p
// are final.
func (a arrival) wait(p *planePlan, boxRows int) error {
	if a.f == nil {
		return nil
	}
	return a.f.await(a.sourceRows(min(p.y.hi, p.y.lo+boxRows*p.y.k)))
}

// sourceRows returns how many rows of the source, from its top, hold the
// first n rows of the plane.
func (a arrival) sourceRows(n int) int {
	switch {
	case a.sy == 1:
		return n
	case a.minY < 0:
		// package image groups rows into chroma rows by truncated
		// division, unevenly around zero: wait for every row.
		return math.MaxInt
	}
	return (n+a.minY/a.sy)*a.sy - a.minY
}

package scale

import (
	"context"
	"sync"
	"sync/atomic"
)

// minWorkPerGoroutine is the estimated number of multiply-adds below which
// another goroutine costs more than it saves.
const minWorkPerGoroutine = 1 << 19

// maxBandsPerWorker bounds how many bands of rows each goroutine gets: more
// than one, so that when the OS holds back one of our threads (the machine is
// shared) the others take over its remaining bands instead of waiting.
const maxBandsPerWorker = 4

// maxWarmUp is the largest share of a band's horizontal work spent filling
// its ring with rows that the previous band also resampled.
const maxWarmUp = 0.04

// bands returns how many bands of rows to cut the plan into for workers
// goroutines: one per worker, and up to maxBandsPerWorker per worker as
// long as each band's warm-up stays within maxWarmUp.
func (p *planePlan) bands(workers int) int {
	n := p.y.n
	if workers <= 1 || n <= 1 {
		return 1
	}
	boxRowsPerRow := float64(p.y.blocks) / float64(n)
	minRows := float64(p.ringRows) / (maxWarmUp * boxRowsPerRow)
	return min(n, max(workers, min(maxBandsPerWorker*workers, int(float64(n)/minRows))))
}

// bander resamples a band of output rows of one plane.
type bander interface {
	band(t0, t1 int, sc *scratch, stop func() error) error
}

// taskList holds the planes of one resample (at most three: Y, Cb, Cr).
type taskList struct {
	jobs  [3]bander
	plans [3]*planePlan
	n     int
}

func (t *taskList) add(j bander, p *planePlan) {
	t.jobs[t.n], t.plans[t.n] = j, p
	t.n++
}

// workers returns how many goroutines the planes of t deserve.
func (s *Scaler) workers(t *taskList) int {
	work := 0
	for _, p := range t.plans[:t.n] {
		work += p.work()
	}
	return max(1, min(s.cfg.workers, 1+work/minWorkPerGoroutine))
}

// stopper returns the check a band makes between rows: errStopped once
// failed is set, else ctx's error, if any (a nil ctx is never done).
func (s *Scaler) stopper(ctx context.Context, failed *atomic.Bool) func() error {
	return func() error {
		if failed.Load() {
			return errStopped
		}
		if ctx != nil {
			return ctx.Err()
		}
		return nil
	}
}

// scratch takes a worker's buffers from the pool; put them back with
// s.pool.Put.
func (s *Scaler) scratch() *scratch {
	if sc, ok := s.pool.Get().(*scratch); ok {
		return sc
	}
	return new(scratch)
}

// run resamples every plane of tasks, each cut into bands of rows that the
// calling goroutine and up to cfg.workers-1 others take in turn, and returns
// the first error (ctx's, if it was done).
func (s *Scaler) run(ctx context.Context, t *taskList) error {
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	workers := s.workers(t)
	var bands [3]int
	total := 0
	for i, p := range t.plans[:t.n] {
		bands[i] = p.bands(workers)
		total += bands[i]
	}
	workers = min(workers, total)

	var (
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		first  error
	)
	stop := s.stopper(ctx, &failed)
	work1 := func() {
		sc := s.scratch()
		defer s.pool.Put(sc)
		for {
			i := int(next.Add(1) - 1)
			if i >= total || failed.Load() {
				return
			}
			job := 0
			for i >= bands[job] {
				i -= bands[job]
				job++
			}
			n := t.plans[job].y.n
			err := stop()
			if err == nil {
				err = t.jobs[job].band(i*n/bands[job], (i+1)*n/bands[job], sc, stop)
			}
			if err != nil {
				mu.Lock()
				if first == nil && err != errStopped {
					first = err
				}
				mu.Unlock()
				failed.Store(true)
				return
			}
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work1)
	}
	work1()
	wg.Wait()
	return first
}

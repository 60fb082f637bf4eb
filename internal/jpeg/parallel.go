package jpeg

import (
	"bytes"
	"sync"
	"sync/atomic"
)

// A sequential scan with restart markers is decoded on several goroutines
// (DecodeOptions.Concurrency): every interval starts with fresh DC
// predictions and an empty bit buffer, after a marker found by a walk over
// the data, so runs of intervals ("chunks") can be decoded at once, each
// by a copy of the decoder writing the blocks its MCUs own. A chunk is
// only taken when it decodes as the serial decode would with nothing to
// repair: no error, each interval's data ending exactly at the restart
// marker expected after it. On any doubt (damage, a marker missing or out
// of order, extraneous bytes) the serial decode goes on from the first
// chunk not taken, where its state is known (the start of an interval),
// and repairs, warns and fails exactly as it does alone. Rows are handed
// out by the calling goroutine as the chunks before them are done.

// parallelMinBlocks is the fewest blocks in a scan worth decoding on more
// than one goroutine when DecodeOptions.Concurrency is left 0; a caller
// that sets it has the parallel decode at any size.
const parallelMinBlocks = 4096

// chunksPerWorker is how many chunks each goroutine gets on average: enough
// to balance the work and to hand rows out early.
const chunksPerWorker = 8

// parallelHook, when set by a test, is told how many of the chunks of each
// parallel decode were taken.
var parallelHook func(taken, chunks int)

// maxWorkers bounds the goroutines, and the decoder copies, of one parallel
// decode whatever DecodeOptions.Concurrency asks.
const maxWorkers = 64

// Chunk states.
const (
	chunkPending = iota
	chunkDone
	chunkDoubt
)

// parallel decodes sequential scan s with restart intervals on several
// goroutines and returns the MCU from which the serial decode must go on:
// the scan's number of MCUs when every chunk was taken (br is then the
// last interval's bit reader), 0 with br untouched when the scan is not
// decoded in parallel, or the first MCU of the first chunk not taken (br
// is then at its start).
func (d *decoder) parallel(br *bitReader, s *scanParams) (int, error) {
	w, h, _ := d.mcuGrid(s)
	total, ri := w*h, d.ri
	workers, chosen := d.opts.concurrency()
	if d.progressive || ri == 0 || total <= ri || workers < 2 || !chosen && total*d.blocksPerMCU(s) < parallelMinBlocks {
		return 0, nil
	}
	n := (total + ri - 1) / ri // intervals
	per := max(1, n/(workers*chunksPerWorker))
	starts := restartChunks(br.data, br.pos, n, per)
	if starts == nil {
		return 0, nil
	}
	nChunks := len(starts)
	var last bitReader // the last interval's, once decoded
	var lastEOB int
	eob0 := d.eobRun
	taken, err := d.chunks(s, nChunks, workers,
		func(c int) int { return min((c+1)*per*ri, total) },
		func(wd *decoder, block blockFunc, c int, cb *bitReader, pred *[4]int32) bool {
			*cb = bitReader{data: br.data, pos: starts[c], origin: starts[c]}
			j0, j1 := c*per, min((c+1)*per, n)
			if !wd.intervals(cb, s, block, pred, j0, j1, n, eob0) {
				return false
			}
			if j1 == n {
				last, lastEOB = *cb, wd.eobRun
			}
			return true
		})
	if err != nil {
		return 0, err
	}
	if parallelHook != nil {
		parallelHook(taken, nChunks)
	}
	if taken == nChunks {
		*br = last
		d.eobRun = lastEOB
		return total, nil
	}
	if taken > 0 {
		*br = bitReader{data: br.data, pos: starts[taken], origin: starts[taken]}
		d.eobRun = 0
	}
	return taken * per * ri, nil
}

// chunks decodes n chunks of scan s on up to workers goroutines, the
// calling one included, each on a copy of d: decode(wd, block, c, cb,
// pred) decodes chunk c on copy wd, with a bit reader and DC predictions
// of the goroutine's own to use, and reports whether the chunk decoded as
// the serial decode decodes it when it has nothing to repair. Rows are
// handed out, by the calling goroutine, as the chunks from the first are
// done; chunk c ends at MCU ends(c). Once a chunk does not decode, no
// further chunk is started. It returns how many chunks from the first
// were decoded.
func (d *decoder) chunks(s *scanParams, n, workers int, ends func(c int) int,
	decode func(wd *decoder, block blockFunc, c int, cb *bitReader, pred *[4]int32) bool) (int, error) {
	w, _, rowH := d.mcuGrid(s)
	workers = min(workers, n, maxWorkers)
	state := make([]atomic.Int32, n)
	var next atomic.Int64
	var stop atomic.Bool
	stream := d.streams(s)

	taken := 0 // chunks before it are done; the calling goroutine's
	var err error
	handOut := func() {
		for taken < n && state[taken].Load() == chunkDone {
			taken++
		}
		if stream && err == nil && taken > 0 {
			err = d.emitRows(ends(taken-1) / w * rowH)
		}
	}
	work := func(wd *decoder, main bool) {
		block := wd.blockDecoder(s) // bound to wd: its own block and end-of-band run
		var cb bitReader            // allocated once per goroutine, as is pred
		var pred [4]int32
		for !stop.Load() {
			c := int(next.Add(1) - 1)
			if c >= n {
				return
			}
			if main {
				if err == nil {
					err = d.ctx.Err()
				}
				if err != nil {
					stop.Store(true)
					return
				}
			}
			if !decode(wd, block, c, &cb, &pred) {
				state[c].Store(chunkDoubt)
				stop.Store(true)
				return
			}
			state[c].Store(chunkDone)
			if main {
				handOut()
			}
		}
	}
	copies := make([]decoder, workers) // made before any goroutine starts
	for i := range copies {
		copies[i] = *d
	}
	var wg sync.WaitGroup
	for i := 1; i < workers; i++ {
		wg.Go(func() { work(&copies[i], false) })
	}
	work(&copies[0], true)
	wg.Wait()
	if err != nil {
		return 0, err
	}
	handOut()
	return taken, err
}

// intervals decodes restart intervals [j0, j1) of the n of scan s from br,
// at the start of j0, and reports whether they decoded as the serial
// decode decodes them when it has nothing to repair: without error, and
// each interval but the last ending where its restart marker stands.
// pred is the goroutine's DC predictions. Interval 0 starts with the end-of-band run eob0 left by the scan before.
func (d *decoder) intervals(br *bitReader, s *scanParams, block blockFunc, pred *[4]int32, j0, j1, n, eob0 int) bool {
	w, h, _ := d.mcuGrid(s)
	total, ri := w*h, d.ri
	for j := j0; j < j1; j++ {
		d.eobRun = 0
		if j == 0 {
			d.eobRun = eob0
		}
		*pred = [4]int32{}
		for m := j * ri; m < min((j+1)*ri, total); m++ {
			if err := d.decodeMCU(br, s, block, m%w, m/w, pred, nil); err != nil {
				return false
			}
		}
		if j < n-1 {
			p := br.pos
			if p+1 >= len(br.data) || br.data[p] != 0xff || br.data[p+1] != markerRST0+byte(j&7) {
				return false
			}
			br.reset()
			br.pos = p + 2
		}
	}
	return true
}

// blocksPerMCU is the number of blocks in an MCU of scan s.
func (d *decoder) blocksPerMCU(s *scanParams) int {
	if s.n == 1 {
		return 1
	}
	b := 0
	for i := 0; i < s.n; i++ {
		c := &d.comp[s.comps[i].ci]
		b += c.h * c.v
	}
	return b
}

// restartChunks returns where each chunk of per restart intervals starts
// in the entropy-coded data that begins at pos and holds n intervals, or
// nil unless the markers after the first n-1 intervals are RST0, RST1, …
// in order, each the first marker after the one before (the serial
// decode then finds each where it looks for it).
func restartChunks(data []byte, pos, n, per int) []int {
	starts := make([]int, 1, (n+per-1)/per)
	starts[0] = pos
	for k := 0; k < n-1; k++ {
		for {
			i := bytes.IndexByte(data[pos:], 0xff)
			if i < 0 || pos+i+1 >= len(data) {
				return nil
			}
			pos += i + 2
			if m := data[pos-1]; m != 0 {
				if m != markerRST0+byte(k&7) {
					return nil
				}
				break
			}
		}
		if (k+1)%per == 0 {
			starts = append(starts, pos)
		}
	}
	return starts
}

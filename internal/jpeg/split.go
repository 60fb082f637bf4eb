package jpeg

import (
	"bytes"
	"sync"
	"sync/atomic"
)

// A sequential scan without restart markers is one run of entropy-coded
// data, and only a decode from its start knows where an MCU begins. It is
// still decoded on two goroutines (DecodeOptions.Concurrency):
//
//   - A scout starts at a byte in the middle of the data, as if an MCU
//     began there, with DC predictions of zero. Huffman codes resynchronise
//     by themselves: after a few MCUs of garbage, the scout is decoding the
//     true MCUs, with its DC predictions off by a constant per component.
//     It only decodes the DC terms and steps over the AC coefficients (as
//     at 1/8 scale), and notes its state every scoutEvery MCUs and where
//     it stops: the bit position, the DC predictions and the end-of-band
//     run. At 1/8 scale it also keeps every block's DC term, which is all
//     that scale needs. An error (bits that are no code, say, before it is
//     in step) does not stop it: it starts again at the next byte.
//   - Meanwhile the serial decode goes on from the start as it always
//     does. Once the scout is done, at each MCU it compares its own state
//     with the scout's: when the bit position and the end-of-band run are
//     the same at an MCU start, everything after is decoded alike but the
//     DC predictions, whose differences are now known, and each state the
//     scout noted is a place the serial decode would pass through (join).
//     At 1/8 scale it writes the scout's DC terms, corrected; at the other
//     scales it decodes the MCUs between the scout's states on both
//     goroutines, as restart intervals are (see parallel.go). It then goes
//     on serially from the scout's last state that lies inside the scan.
//   - Until the join the serial decode never waits for the scout; when
//     the two never meet it has decoded the whole scan itself.
//
// The samples, warnings and errors are those of the serial decode: the
// scout's work is only used from a state the serial decode reaches
// itself, where the decode depends on nothing else. A chunk between two
// states that does not decode hands the rest back to the serial decode
// at that chunk's start. A scout that goes wrong, on damage or garbage,
// only costs the time it ran.

// splitShare is the share of a scan's data, in 64ths, that the serial
// decode takes before the scout's start, by scale: the scout steps over
// the AC coefficients, which costs about what the whole decode costs at
// 1/8, and so the serial side is given less where it does more per MCU.
var splitShare = [9]int{1: 19, 2: 24, 4: 26, 8: 31}

// scoutEvery is how many MCUs apart the scout notes its state.
const scoutEvery = 16

// scoutMaxRuns bounds how often a scout starts again after an error: on
// real photos it falls in step within 4 runs (TestScoutFallsInStep), and
// on garbage it would otherwise start again at every few bytes, noting a
// state each time.
const scoutMaxRuns = 64

// mcuState is the decode's state at the start of an MCU.
type mcuState struct {
	at   int64    // bitReader.at
	pred [4]int32 // DC predictions, as the scout's decode has them
	eob  int32    // end-of-band run
	mcu  int32    // the MCU, counted from the scout's first
	run  int32    // the scout's run of MCUs (it starts a new one on an error)
}

// scout decodes the second part of a scan, see above. The serial decode
// polls done while the scout's goroutine writes kept, a separate
// allocation so that the two do not share cache lines.
type scout struct {
	done, stop atomic.Bool
	wg         sync.WaitGroup
	kept       *kept
	cur        int // states of kept before it are behind the serial decode
}

// kept is what a scout decoded.
type kept struct {
	// states holds the state at the start of every scoutEvery-th MCU
	// decoded from the first, and then where the scout stopped.
	states []mcuState
	// dc, at 1/8 scale, holds the quantized DC term (with the scout's
	// predictions) of every block decoded, in decode order.
	dc []int32
}

// splitHook, when set by a test, is told at the end of each scan that
// had a scout whether the scout's MCUs were used.
var splitHook func(joined bool)

// splitWait, when set by a test, has the serial decode wait for the scout
// before its first MCU.
var splitWait bool

// startScout starts a scout for sequential scan s, whose serial decode
// starts at MCU from with br, when the scan is worth splitting; else it
// returns nil.
func (d *decoder) startScout(br *bitReader, s *scanParams, from int) *scout {
	w, h, _ := d.mcuGrid(s)
	total := w * h
	workers, chosen := d.opts.concurrency()
	if d.progressive || d.ri != 0 || from != 0 || workers < 2 || total <= 2*scoutEvery ||
		!chosen && total*d.blocksPerMCU(s) < parallelMinBlocks {
		return nil
	}
	start, end := br.pos, dataEnd(br.data, br.pos)
	share := splitShare[d.scale]
	mid := start + (end-start)*share/64
	for mid < end && br.data[mid-1] == 0xff { // not inside a stuffed pair
		mid++
	}
	if mid-start < 16 || end-mid < 16 {
		return nil
	}
	k := &kept{}
	if d.scale == 8 {
		k.dc = make([]int32, 0, total*d.blocksPerMCU(s)*(64-share)/64+64)
	}
	sc := &scout{kept: k}
	sd := *d // the scout's decoder: its own block, tables and run
	sd.store = k
	for t := range sd.quant {
		for i := range sd.quant[t] {
			sd.quant[t][i] = 1 // the scout keeps quantized DC terms
		}
	}
	sd.eobRun = 0
	sc.wg.Go(func() {
		defer sc.done.Store(true)
		sd.scoutScan(k, &sc.stop, &bitReader{data: br.data, pos: mid, origin: mid}, s, total-1)
	})
	return sc
}

// dataEnd returns where the entropy-coded data starting at pos ends: at
// the first marker, or at the end of data.
func dataEnd(data []byte, pos int) int {
	for {
		i := bytes.IndexByte(data[pos:], 0xff)
		if i < 0 {
			return len(data)
		}
		pos += i
		if pos+1 >= len(data) || data[pos+1] != 0 {
			return pos
		}
		pos += 2
	}
}

// scoutScan decodes up to limit MCUs of scan s from br into k, until the
// end of the data or until told to stop. An error does not stop it: the
// scout is likely not in step yet, and starts again from the next byte,
// as a new run of states (and if it was in step, the serial decode meets
// the same error where the run's last state leaves it), up to
// scoutMaxRuns runs.
func (d *decoder) scoutScan(k *kept, stop *atomic.Bool, br *bitReader, s *scanParams, limit int) {
	block := d.dcBlock
	bpm := d.blocksPerMCU(s)
	var pred [4]int32
	run := int32(0)
	note := func(j int) {
		k.states = append(k.states, mcuState{at: br.at(), pred: pred, eob: int32(d.eobRun), mcu: int32(j), run: run})
	}
	j := 0
	for i := 0; j < limit; i++ {
		if i%scoutEvery == 0 {
			if stop.Load() {
				break
			}
			note(j)
		}
		if d.decodeMCU(br, s, block, 0, 0, &pred, nil) == nil {
			j++
			continue
		}
		if d.scale == 8 {
			k.dc = k.dc[:j*bpm] // the failed MCU's blocks
		}
		next := max(br.end(), int(k.states[len(k.states)-1].at>>3)+1)
		for next < len(br.data) && br.data[next-1] == 0xff {
			next++
		}
		if br.marker || next >= len(br.data) || run+1 == scoutMaxRuns {
			return // the end of the data, or garbage
		}
		*br = bitReader{data: br.data, pos: next, origin: next}
		pred, d.eobRun, i = [4]int32{}, 0, -1
		run++
	}
	note(j)
}

// end stops the scout and waits for it. It may be called more than once,
// and on nil.
func (sc *scout) end() {
	if sc == nil {
		return
	}
	sc.stop.Store(true)
	sc.wg.Wait()
}

// join is called by the serial decode of scan s, with total MCUs, at the
// start of MCU m, once the scout is done. When the serial decode's state
// is one the scout noted, it decodes the MCUs up to the scout's last
// state inside the scan with the scout's help, and returns the MCU the
// serial decode goes on from, with br, pred and d.eobRun as the serial
// decode would have them there. Otherwise it returns m, and ok false once
// the scout cannot help any more.
func (d *decoder) join(sc *scout, br *bitReader, s *scanParams, pred *[4]int32, m, total int) (next int, ok bool, err error) {
	st := sc.kept.states
	last := len(st) - 1
	if sc.cur < last && int64(br.pos)<<3 < st[sc.cur].at {
		return m, true, nil // not there yet (at is at most pos·8)
	}
	at := br.at()
	for sc.cur < last && st[sc.cur].at < at {
		sc.cur++
	}
	if sc.cur == last {
		return m, false, nil
	}
	if st[sc.cur].at != at || int(st[sc.cur].eob) != d.eobRun {
		return m, true, nil
	}
	var off [4]int32 // the scout's DC predictions are off by these
	for c := range off {
		off[c] = pred[c] - st[sc.cur].pred[c]
	}
	// The states of the same run that lie inside the scan: states[e] is
	// at MCU m+(mcu(e)-mcu(cur)) of the scan.
	e := sc.cur
	for e < last && st[e+1].run == st[sc.cur].run && int(st[e+1].mcu-st[sc.cur].mcu) <= total-m {
		e++
	}
	if e == sc.cur {
		return m, false, nil
	}
	mcuAt := func(i int) int { return m + int(st[i].mcu-st[sc.cur].mcu) }
	from := sc.cur
	if d.scale == 8 {
		if err := d.replayDC(sc.kept, s, from, m, mcuAt(e), &off); err != nil {
			return m, false, err
		}
	} else {
		done, err := d.between(s, st[from:e+1], mcuAt, from, &off)
		if err != nil {
			return m, false, err
		}
		e = from + done // the first state not passed
	}
	*br = readerAt(br.data, st[e].at)
	for c := range pred {
		pred[c] = st[e].pred[c] + off[c]
	}
	d.eobRun = int(st[e].eob)
	return mcuAt(e), false, nil
}

// replayDC writes MCUs [m0, m1) of scan s at 1/8 scale from the DC terms
// the scout kept from its state from on, corrected by off, handing out
// rows as it completes them.
func (d *decoder) replayDC(k *kept, s *scanParams, from, m0, m1 int, off *[4]int32) error {
	w, _, rowH := d.mcuGrid(s)
	stream := d.streams(s)
	b := int(k.states[from].mcu) * d.blocksPerMCU(s)
	put := func(ci, bx, by int) {
		d.putDC(ci, bx, by, (k.dc[b]+off[ci])*d.quant[d.comp[ci].tq][0])
		b++
	}
	for m := m0; m < m1; m++ {
		d.eachBlock(s, m%w, m/w, put)
		if (m+1)%w == 0 {
			if err := d.ctx.Err(); err != nil {
				return err
			}
			if stream {
				if err := d.emitRows((m + 1) / w * rowH); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// between decodes the MCUs between the scout's states st (the first where
// the serial decode stands, with DC predictions off the serial ones by
// off) on two goroutines, each run of states from one to the next a chunk
// decoded from the first state, as restart intervals are in parallel.go;
// state i is at MCU mcuAt(from+i). It returns how many states from the
// first the decode passed: len(st)-1, or the start of the first chunk that
// did not decode as expected (which cannot happen: the states are the
// serial decode's), where the serial decode goes on.
func (d *decoder) between(s *scanParams, st []mcuState, mcuAt func(int) int, from int, off *[4]int32) (int, error) {
	w, _, _ := d.mcuGrid(s)
	spans := len(st) - 1
	workers, _ := d.opts.concurrency()
	per := max(1, spans/(workers*chunksPerWorker))
	n := (spans + per - 1) / per
	data := d.r.data
	taken, err := d.chunks(s, n, workers,
		func(c int) int { return mcuAt(from + min((c+1)*per, spans)) },
		func(wd *decoder, block blockFunc, c int, cb *bitReader, pred *[4]int32) bool {
			i0, i1 := c*per, min((c+1)*per, spans)
			*cb = readerAt(data, st[i0].at)
			for x := range pred {
				pred[x] = st[i0].pred[x] + off[x]
			}
			wd.eobRun = int(st[i0].eob)
			for mm := mcuAt(from + i0); mm < mcuAt(from+i1); mm++ {
				if wd.decodeMCU(cb, s, block, mm%w, mm/w, pred, nil) != nil {
					return false
				}
			}
			for x := range pred {
				if pred[x] != st[i1].pred[x]+off[x] {
					return false
				}
			}
			return cb.at() == st[i1].at && wd.eobRun == int(st[i1].eob)
		})
	if taken == n {
		return spans, err
	}
	return taken * per, err
}

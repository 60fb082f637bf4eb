package jpeg

import (
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// quantized is one block of quantized coefficients in zig-zag order, with
// the mask of its non-zero AC coefficients (bit k for q[k]).
type quantized struct {
	q    [64]int16
	mask uint64
}

// writeScan codes the image: one pass with the typical tables, or with
// OptimizeHuffman a pass that quantizes every block and counts symbols,
// then the tables, then the coding of the stored blocks. Both passes work
// on restart intervals (see intervalRows), several at once when
// EncodeOptions.Concurrency allows, and the intervals are joined in order,
// so the bytes do not depend on how many goroutines made them.
func (e *encoder) writeScan(w, h int) {
	mxx, myy, perMCU := e.layout(w, h)
	rows := intervalRows(w, h, mxx, myy)
	n := (myy + rows - 1) / rows
	if n > 1 {
		ri := rows * mxx
		e.segment(markerDRI, 2)
		e.buf = append(e.buf, byte(ri>>8), byte(ri))
	}
	// rowsOf returns the MCU rows of interval i, and its first block.
	rowsOf := func(i int) (my0, my1, first int) {
		return i * rows, min(myy, (i+1)*rows), i * rows * mxx * perMCU
	}
	var all []quantized // with OptimizeHuffman: every block, in coding order
	if e.opts.OptimizeHuffman {
		all = make([]quantized, mxx*myy*perMCU)
		freqs := make([][4][256]int, n)
		e.inParallel(n, func(i int) {
			my0, my1, b := rowsOf(i)
			var pred [3]int32
			freq := &freqs[i]
			e.eachBlock(mxx, perMCU, my0, my1, func(q *quantized, c int) {
				count(&q.q, q.mask, &pred[c], &freq[2*min(c, 1)], &freq[2*min(c, 1)+1])
				all[b] = *q
				b++
			})
		})
		for t := range e.specs {
			if e.nComp > 1 || t < 2 {
				var sum [256]int
				for i := range freqs {
					for s, f := range freqs[i][t] {
						sum[s] += f
					}
				}
				e.specs[t] = optimalSpec(&sum)
			}
		}
	}
	e.prepareCodes()
	e.writeDHT()
	e.writeSOS()
	parts := make([][]byte, n)
	parts[0] = e.buf // the first interval follows the headers in place
	e.inParallel(n, func(i int) {
		my0, my1, b := rowsOf(i)
		bw := bitWriter{buf: slices.Grow(parts[i], expectedBytes(w*(my1-my0)*mcuSize(e.sub420)))}
		var pred [3]int32
		if all != nil {
			for k := b; k < b+(my1-my0)*mxx*perMCU; k++ {
				c := e.compOf((k - b) % perMCU)
				e.emit(&bw, &all[k].q, all[k].mask, c, &pred[c])
			}
		} else {
			e.eachBlock(mxx, perMCU, my0, my1, func(q *quantized, c int) { e.emit(&bw, &q.q, q.mask, c, &pred[c]) })
		}
		bw.finish()
		parts[i] = bw.buf
	})
	total := 2 // EOI, which Append adds
	for _, p := range parts[1:] {
		total += 2 + len(p)
	}
	e.buf = slices.Grow(parts[0], total)
	for i, p := range parts[1:] {
		e.buf = append(e.buf, 0xff, markerRST0+byte(i%8))
		e.buf = append(e.buf, p...)
	}
}

// expectedBytes is a first guess at the coded size of n pixels, to size
// buffers: 1.3 bits a pixel, about what a photo takes at quality 90. A
// guess too small costs a reallocation, one too large unused capacity.
func expectedBytes(n int) int { return n / 6 }

// mcuSize returns the width and height of an MCU in pixels.
func mcuSize(sub420 bool) int {
	if sub420 {
		return 16
	}
	return 8
}

// restartMinPixels is the smallest image written in several restart
// intervals. Below it the few hundred microseconds of coding are not
// worth the two bytes, plus padding, that each interval costs.
const restartMinPixels = 1 << 20

// maxIntervals is the number of restart intervals a large image is cut
// into: enough for the cores of a server to code one each.
const maxIntervals = 8

// intervalRows returns the number of MCU rows in each restart interval of
// a w×h image of mxx×myy MCUs: all of them (no restart markers) below
// restartMinPixels, else a maxIntervals-th of them, within the 65535 MCUs
// a DRI segment can say. It depends on the size alone, never on the
// concurrency, so that the output does not either.
func intervalRows(w, h, mxx, myy int) int {
	if w*h < restartMinPixels {
		return myy
	}
	return max(1, min((myy+maxIntervals-1)/maxIntervals, 0xffff/mxx))
}

// inParallel calls f(0) to f(n-1), on up to EncodeOptions.Concurrency
// goroutines (the calling one included).
func (e *encoder) inParallel(n int, f func(i int)) {
	workers := e.opts.Concurrency
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var next atomic.Int64
	work := func() {
		for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
			f(i)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// layout returns the number of MCUs across and down a w×h image and the
// number of blocks in an MCU.
func (e *encoder) layout(w, h int) (mxx, myy, perMCU int) {
	m := mcuSize(e.sub420)
	perMCU = e.nComp
	if e.sub420 {
		perMCU = 6
	}
	return (w + m - 1) / m, (h + m - 1) / m, perMCU
}

// eachBlock transforms and quantizes the blocks of MCU rows [my0, my1) of
// an image mxx MCUs wide, perMCU blocks each, in coding order (or only
// quantizes them, from e.coefs), and calls f
// with each block and its component. The pass (emit or count) is chosen
// once, by the caller's f, not in the loop.
func (e *encoder) eachBlock(mxx, perMCU, my0, my1 int, f func(q *quantized, c int)) {
	var q quantized
	if e.coefs != nil {
		for b := my0 * mxx * perMCU; b < my1*mxx*perMCU; b++ {
			c := e.compOf(b % perMCU)
			q.mask = quantizeStored((*[64]int32)(e.coefs[64*b:]), &e.quant[min(c, 1)], &q.q)
			f(&q, c)
		}
		return
	}
	var blocks [6][64]uint8
	for my := my0; my < my1; my++ {
		for mx := 0; mx < mxx; mx++ {
			e.src.mcu(mx, my, &blocks)
			for i := 0; i < perMCU; i++ {
				c := e.compOf(i)
				q.mask = fdctQuantize(&blocks[i], &e.quant[min(c, 1)], &q.q)
				f(&q, c)
			}
		}
	}
}

// compOf returns the component of the i-th block of an MCU.
func (e *encoder) compOf(i int) int {
	if e.sub420 {
		return max(i-3, 0)
	}
	return i
}

func (e *encoder) prepareCodes() {
	for t := range e.specs {
		e.codes[t] = newHuffCode(&e.specs[t])
	}
	for c := 0; c < 2; c++ {
		e.fast[c] = newACFast(e.codes[2*c+1])
	}
}

// acFastMax bounds the AC values whose code and extra bits are
// precomputed: |v| < acFastMax.
const acFastMax = 32

// acFast holds, for each run of zeros and each small AC value v, the
// Huffman code of the symbol followed by the extra bits, packed as
// bits<<5 | length; 0 if the table has no code for the symbol.
type acFast [16][2 * acFastMax]uint32

func newACFast(h *huffCode) *acFast {
	f := &acFast{}
	for run := 0; run < 16; run++ {
		for v := -acFastMax + 1; v < acFastMax; v++ {
			if v == 0 {
				continue
			}
			n, bits := bitSize(int32(v))
			s := byte(run<<4) | byte(n)
			if h.size[s] == 0 {
				continue
			}
			f[run][v+acFastMax] = (uint32(h.code[s])<<n|bits&(1<<n-1))<<5 | uint32(h.size[s]) + uint32(n)
		}
	}
	return f
}

// emit codes one quantized block with the tables of component c; mask
// has a bit set for each non-zero AC coefficient.
func (e *encoder) emit(w *bitWriter, q *[64]int16, mask uint64, c int, pred *int32) {
	t := 2 * min(c, 1)
	dc, ac, fast := e.codes[t], e.codes[t+1], e.fast[t/2]
	diff := int32(q[0]) - *pred
	*pred = int32(q[0])
	n, v := bitSize(diff)
	w.put(uint32(dc.code[n])<<n|v&(1<<n-1), uint(dc.size[n])+n)
	k := 0
	for mask != 0 {
		z := bits.TrailingZeros64(mask)
		mask &= mask - 1
		run := z - k - 1
		k = z
		for run > 15 {
			w.put(uint32(ac.code[0xf0]), uint(ac.size[0xf0]))
			run -= 16
		}
		qv := int(q[z&63])
		if uint(qv+acFastMax-1) < 2*acFastMax-1 {
			if f := fast[run&15][(qv+acFastMax)&(2*acFastMax-1)]; f != 0 {
				w.put(f>>5, uint(f&31))
				continue
			}
		}
		n, v := bitSize(int32(qv))
		s := byte(run<<4) | byte(n)
		w.put(uint32(ac.code[s])<<n|v&(1<<n-1), uint(ac.size[s])+n)
	}
	if k < 63 {
		w.put(uint32(ac.code[0]), uint(ac.size[0]))
	}
}

// count adds the symbols of one quantized block to the DC and AC
// frequency tables.
func count(q *[64]int16, mask uint64, pred *int32, dcFreq, acFreq *[256]int) {
	diff := int32(q[0]) - *pred
	*pred = int32(q[0])
	n, _ := bitSize(diff)
	dcFreq[n]++
	k := 0
	for mask != 0 {
		z := bits.TrailingZeros64(mask)
		mask &= mask - 1
		run := z - k - 1
		k = z
		for run > 15 {
			acFreq[0xf0]++
			run -= 16
		}
		n, _ := bitSize(int32(q[z&63]))
		acFreq[run<<4|int(n)]++
	}
	if k < 63 {
		acFreq[0]++
	}
}

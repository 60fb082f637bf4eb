package jpeg

import "math/bits"

// quantized is one block of quantized coefficients in zig-zag order, with
// the mask of its non-zero AC coefficients (bit k for q[k]).
type quantized struct {
	q    [64]int16
	mask uint64
}

// writeScan codes the image: one pass with the typical tables, or with
// OptimizeHuffman a pass that quantizes every block and counts symbols,
// then the tables, then the coding of the stored blocks.
func (e *encoder) writeScan(w, h int) {
	mxx, myy, perMCU := e.layout(w, h)
	var all []quantized // with OptimizeHuffman: every block, in coding order
	if e.opts.OptimizeHuffman {
		var freq [4][256]int
		var pred [3]int32
		all = make([]quantized, 0, mxx*myy*perMCU)
		e.eachBlock(w, h, func(q *quantized, c int) {
			count(&q.q, q.mask, &pred[c], &freq[2*min(c, 1)], &freq[2*min(c, 1)+1])
			all = append(all, *q)
		})
		for t := range e.specs {
			if e.nComp > 1 || t < 2 {
				e.specs[t] = optimalSpec(&freq[t])
			}
		}
	}
	e.prepareCodes()
	e.writeDHT()
	e.writeSOS()
	bw := bitWriter{buf: e.buf}
	var pred [3]int32
	emit := func(q *quantized, c int) { e.emit(&bw, &q.q, q.mask, c, &pred[c]) }
	if e.opts.OptimizeHuffman {
		for i := range all {
			emit(&all[i], e.compOf(i%perMCU))
		}
	} else {
		e.eachBlock(w, h, emit)
	}
	bw.finish()
	e.buf = bw.buf
}

// layout returns the number of MCUs across and down a w×h image and the
// number of blocks in an MCU.
func (e *encoder) layout(w, h int) (mxx, myy, perMCU int) {
	if e.sub420 {
		return (w + 15) / 16, (h + 15) / 16, 6
	}
	return (w + 7) / 8, (h + 7) / 8, e.nComp
}

// eachBlock transforms and quantizes the blocks of a w×h image in coding
// order and calls f with each block and its component. The pass (emit or
// count) is chosen once, by the caller's f, not in the loop.
func (e *encoder) eachBlock(w, h int, f func(q *quantized, c int)) {
	mxx, myy, perMCU := e.layout(w, h)
	var blocks [6][64]uint8
	var q quantized
	for my := 0; my < myy; my++ {
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

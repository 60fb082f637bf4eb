package jpeg

import "math/bits"

// huffCode is an encoding table: for each symbol, its code (right-aligned)
// and length; length 0 for symbols not in the table.
type huffCode struct {
	code [256]uint16
	size [256]uint8
}

// newHuffCode assigns the canonical codes of spec (annex C).
func newHuffCode(spec *huffSpec) *huffCode {
	h := &huffCode{}
	code, k := uint16(0), 0
	for l := 1; l <= 16; l++ {
		for i := 0; i < int(spec.counts[l-1]); i++ {
			s := spec.vals[k]
			h.code[s], h.size[s] = code, uint8(l)
			code++
			k++
		}
		code <<= 1
	}
	return h
}

// bitWriter appends entropy-coded bits to buf, stuffing a 0x00 after
// every 0xFF byte.
type bitWriter struct {
	buf []byte
	acc uint64 // pending bits, right-aligned
	n   uint   // number of pending bits (< 32 between calls)
}

// put appends the low n bits of v (n ≤ 32).
func (w *bitWriter) put(v uint32, n uint) {
	w.acc = w.acc<<n | uint64(v)&(1<<n-1)
	w.n += n
	if w.n >= 32 {
		w.flush32()
	}
}

// flush32 writes out the top 32 of the pending bits.
func (w *bitWriter) flush32() {
	w.n -= 32
	v := uint32(w.acc >> w.n)
	if x := ^v; (x-0x01010101)&^x&0x80808080 == 0 { // no 0xFF byte
		w.buf = append(w.buf, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
		return
	}
	for s := 24; s >= 0; s -= 8 {
		b := byte(v >> s)
		w.buf = append(w.buf, b)
		if b == 0xff {
			w.buf = append(w.buf, 0)
		}
	}
}

// finish pads the last byte with 1 bits (section F.1.2.3) and writes it.
func (w *bitWriter) finish() {
	for w.n >= 8 {
		w.n -= 8
		b := byte(w.acc >> w.n)
		w.buf = append(w.buf, b)
		if b == 0xff {
			w.buf = append(w.buf, 0)
		}
	}
	if w.n > 0 {
		b := byte(w.acc<<(8-w.n)) | byte(0xff>>w.n)
		w.buf = append(w.buf, b)
		if b == 0xff {
			w.buf = append(w.buf, 0)
		}
	}
	w.acc, w.n = 0, 0
}

// bitSize returns the number of bits of |v| (the magnitude category of
// section F.1.2.1) and the bits to send for v: v itself when positive,
// v-1 in the low bits when negative.
func bitSize(v int32) (uint, uint32) {
	a := v
	if v < 0 {
		a = -v
		v--
	}
	return uint(bits.Len32(uint32(a))), uint32(v)
}

// optimalSpec builds a Huffman table of code lengths ≤ 16 for the symbol
// frequencies freq, by the procedure of ITU-T T.81 annex K.2: a Huffman
// tree over the used symbols plus one reserved symbol (so that no code is
// all ones), then lengths above 16 folded back.
func optimalSpec(freq *[256]int) huffSpec {
	var f [257]int
	copy(f[:], freq[:])
	if f == [257]int{} {
		f[0] = 1 // an unused table still needs one code
	}
	f[256] = 1
	var size [257]int
	var next [257]int
	for i := range next {
		next[i] = -1
	}
	for {
		// c1: the least frequent symbol (the largest index among ties);
		// c2: the next least frequent.
		c1, c2 := -1, -1
		for i := range f {
			if f[i] == 0 {
				continue
			}
			if c1 < 0 || f[i] <= f[c1] {
				c2, c1 = c1, i
			} else if c2 < 0 || f[i] <= f[c2] {
				c2 = i
			}
		}
		if c2 < 0 {
			break
		}
		f[c1] += f[c2]
		f[c2] = 0
		i := c1
		for {
			size[i]++
			if next[i] < 0 {
				break
			}
			i = next[i]
		}
		next[i] = c2
		for i = c2; i >= 0; i = next[i] {
			size[i]++
		}
	}
	var bits [33]int
	for _, s := range size {
		if s > 0 {
			bits[min(s, 32)]++
		}
	}
	// Fold lengths above 16 (figure K.3).
	for i := 32; i > 16; i-- {
		for bits[i] > 0 {
			j := i - 2
			for j > 0 && bits[j] == 0 {
				j--
			}
			bits[i] -= 2
			bits[i-1]++
			bits[j+1] += 2
			bits[j]--
		}
	}
	// Drop the reserved symbol from the longest length.
	for i := 16; i > 0; i-- {
		if bits[i] > 0 {
			bits[i]--
			break
		}
	}
	var spec huffSpec
	for i := 1; i <= 16; i++ {
		spec.counts[i-1] = uint8(bits[i])
	}
	// Symbols by increasing code length, then value (figure K.4).
	for l := 1; l <= 32; l++ {
		for s := 0; s < 256; s++ {
			if size[s] == l {
				spec.vals = append(spec.vals, uint8(s))
			}
		}
	}
	return spec
}

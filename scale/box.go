package scale

import (
	"encoding/binary"
	"math/bits"
)

// The box pre-reduction (blockMode): each box row of the source is summed
// down its rows and across boxes of x.k columns, then the kernel resamples
// the box sums along x with weights of blockWeightBits.

// lanesMask selects the even bytes of a little-endian word, as four 16-bit
// lanes.
const lanesMask = 0x00ff00ff00ff00ff

// addColumns8 adds the samples of an 8-bit row to the column sums in lanes,
// or stores them if first. Columns 8s..8s+7 live in lanes[2s] (even columns,
// one 16-bit lane each, lowest first) and lanes[2s+1] (odd columns). A lane
// holds at most maxBlock rows of 255, which fits 16 bits.
func addColumns8(lanes []uint64, row []uint8, first bool) {
	full := len(row) / 8
	lanes = lanes[:2*((len(row)+7)/8)]
	if first {
		clear(lanes)
	}
	for s := range full {
		v := binary.LittleEndian.Uint64(row[8*s:])
		l := lanes[2*s : 2*s+2 : 2*s+2]
		l[0] += v & lanesMask
		l[1] += v >> 8 & lanesMask
	}
	if len(row) > 8*full {
		v := tailWord(row[8*full:])
		l := lanes[2*full : 2*full+2 : 2*full+2]
		l[0] += v & lanesMask
		l[1] += v >> 8 & lanesMask
	}
}

// addColumns8x2 is addColumns8 for two rows of the same length at once,
// which halves the traffic to lanes.
func addColumns8x2(lanes []uint64, a, b []uint8, first bool) {
	b = b[:len(a)]
	full := len(a) / 8
	lanes = lanes[:2*((len(a)+7)/8)]
	if first {
		clear(lanes)
	}
	for s := range full {
		u := binary.LittleEndian.Uint64(a[8*s:])
		v := binary.LittleEndian.Uint64(b[8*s:])
		l := lanes[2*s : 2*s+2 : 2*s+2]
		l[0] += u&lanesMask + v&lanesMask
		l[1] += u>>8&lanesMask + v>>8&lanesMask
	}
	if len(a) > 8*full {
		u, v := tailWord(a[8*full:]), tailWord(b[8*full:])
		l := lanes[2*full : 2*full+2 : 2*full+2]
		l[0] += u&lanesMask + v&lanesMask
		l[1] += u>>8&lanesMask + v>>8&lanesMask
	}
}

// boxSums2x2 sums the 2×2 boxes of two 8-bit rows of the same length into
// dst, which must hold 4 sums per 8 samples, rounded up. It fuses
// addColumns8x2 and boxSums8 for the most common box factor (shrinking by
// 3.6 to 9): a sum of four samples fits a 16-bit lane.
func boxSums2x2(a, b []uint8, dst []uint32) {
	b = b[:len(a)]
	full := len(a) / 8
	dst = dst[:4*((len(a)+7)/8)]
	for s := range full {
		u := binary.LittleEndian.Uint64(a[8*s:])
		v := binary.LittleEndian.Uint64(b[8*s:])
		put4(dst[4*s:], u&lanesMask+v&lanesMask+u>>8&lanesMask+v>>8&lanesMask)
	}
	if len(a) > 8*full {
		u, v := tailWord(a[8*full:]), tailWord(b[8*full:])
		put4(dst[4*full:], u&lanesMask+v&lanesMask+u>>8&lanesMask+v>>8&lanesMask)
	}
}

// put4 stores the four 16-bit lanes of t into dst[0:4].
func put4(dst []uint32, t uint64) {
	d := dst[:4:4]
	d[0], d[1], d[2], d[3] = uint32(t&0xffff), uint32(t>>16&0xffff), uint32(t>>32&0xffff), uint32(t>>48)
}

// tailWord reads the last, shorter than 8, samples of a row as a word,
// zero-padded.
func tailWord(tail []uint8) uint64 {
	var b [8]uint8
	copy(b[:], tail)
	return binary.LittleEndian.Uint64(b[:])
}

// boxSums8 returns the sums of the boxes of the x axis from the column sums
// in lanes (see addColumns8), scaling the last, shorter box to a full box's
// weight, in sc.boxsum (grown).
func boxSums8(x *axis, lanes []uint64, sc *scratch) []uint32 {
	n := x.hi - x.lo
	strips := (n + 7) / 8
	lanes = lanes[:2*strips]
	switch x.k {
	case 1, 2:
		// Lanes of columns past n are zero, so whole strips can be
		// written; the slice is cut to the boxes afterwards.
		per := 8 / x.k
		bs := grow(sc.boxsum, per*strips)
		sc.boxsum = bs
		for s := range strips {
			e, o := lanes[2*s], lanes[2*s+1]
			d := bs[per*s : per*s+per : per*s+per]
			if x.k == 1 {
				d = d[:8]
				d[0], d[2], d[4], d[6] = uint32(e&0xffff), uint32(e>>16&0xffff), uint32(e>>32&0xffff), uint32(e>>48)
				d[1], d[3], d[5], d[7] = uint32(o&0xffff), uint32(o>>16&0xffff), uint32(o>>32&0xffff), uint32(o>>48)
				continue
			}
			const m = 0x0000ffff0000ffff
			lo := e&m + o&m         // boxes 0 and 2 of the strip, 32-bit lanes
			hi := e>>16&m + o>>16&m // boxes 1 and 3
			d = d[:4]
			d[0], d[1], d[2], d[3] = uint32(lo), uint32(hi), uint32(lo>>32), uint32(hi>>32)
		}
		bs = bs[:x.blocks]
		scaleLastBox(x, bs, 1)
		return bs
	}
	cs := grow(sc.colsum, 8*strips)
	sc.colsum = cs
	unpackLanes(cs, lanes, 1)
	sc.boxsum = boxSums(x, cs[:n], 1, sc.boxsum)
	return sc.boxsum
}

// unpackLanes writes the column sums of lanes (see addColumns8), times m,
// into cs, eight columns a strip of two words: cs holds whole strips.
func unpackLanes(cs []uint32, lanes []uint64, m uint32) {
	for s := range len(lanes) / 2 {
		e, o := lanes[2*s], lanes[2*s+1]
		d := cs[8*s : 8*s+8 : 8*s+8]
		d[0], d[2], d[4], d[6] = uint32(e&0xffff)*m, uint32(e>>16&0xffff)*m, uint32(e>>32&0xffff)*m, uint32(e>>48)*m
		d[1], d[3], d[5], d[7] = uint32(o&0xffff)*m, uint32(o>>16&0xffff)*m, uint32(o>>32&0xffff)*m, uint32(o>>48)*m
	}
}

// boxSums adds the column sums cs (ch channels interleaved: 1 or 4) across
// each box of the x axis into dst, scaling the last, shorter box to a full
// box's weight.
func boxSums(x *axis, cs []uint32, ch int, dst []uint32) []uint32 {
	if x.k == 1 {
		return cs
	}
	dst = grow(dst, x.blocks*ch)
	for b := range x.blocks {
		n := x.boxLen(b)
		seg := cs[b*x.k*ch : (b*x.k+n)*ch]
		switch ch {
		case 1:
			var s uint64
			for _, v := range seg {
				s += uint64(v)
			}
			dst[b] = uint32(min(s, 1<<32-1))
		case 4:
			var r, g, bl, a uint64
			for i := 0; i+4 <= len(seg); i += 4 {
				q := seg[i : i+4 : i+4]
				r, g, bl, a = r+uint64(q[0]), g+uint64(q[1]), bl+uint64(q[2]), a+uint64(q[3])
			}
			d := dst[4*b : 4*b+4 : 4*b+4]
			d[0], d[1], d[2], d[3] = uint32(min(r, 1<<32-1)), uint32(min(g, 1<<32-1)), uint32(min(bl, 1<<32-1)), uint32(min(a, 1<<32-1))
		}
	}
	scaleLastBox(x, dst, ch)
	return dst
}

// scaleLastBox scales the sums of the last box of the x axis (ch channels)
// to a full box's weight if it is shorter.
func scaleLastBox(x *axis, bs []uint32, ch int) {
	b := x.blocks - 1
	n := x.boxLen(b)
	if n >= x.k {
		return
	}
	for c := range ch {
		s := uint64(bs[b*ch+c])
		s = (s*uint64(x.k) + uint64(n/2)) / uint64(n)
		bs[b*ch+c] = uint32(min(s, 1<<32-1))
	}
}

// blockScale is the factor that turns a sum of box sums times weights of
// blockWeightBits into a mean sample with 6 fractional bits, for boxes of
// k×rows samples: 64 / (2^blockWeightBits · k · rows), applied in float64
// and rounded half up.
//
// When k·rows is a power of two no greater than 16, the factor is 2^-shift
// with shift at most 20, and the float64 steps are exact (v+0.5+2^32 keeps
// 20 fractional bits in its 53), so a rounding right shift gives the very
// same integers faster.
type blockScale struct {
	f     float64
	shift uint // 0: use f
}

func newBlockScale(x *axis, boxRows int) blockScale {
	area := x.k * boxRows
	b := blockScale{f: 64 / (float64(int64(1)<<blockWeightBits) * float64(x.k) * float64(boxRows))}
	if area&(area-1) == 0 && area <= 16 {
		b.shift = blockWeightBits - 6 + uint(bits.TrailingZeros(uint(area)))
	}
	return b
}

// sample rounds a weighted sum of box sums to a sample with 6 fractional
// bits.
func (b blockScale) sample(acc int64) int32 {
	if b.shift != 0 {
		return int32((acc + 1<<(b.shift-1)) >> b.shift)
	}
	return int32(roundHalfUp(float64(float64(acc) * b.f)))
}

func roundHalfUp(v float64) float64 { return float64(int64(v+0.5+1<<32)) - 1<<32 }

// hblock8 resamples the box sums of one 8-bit box row along x into dst.
// (Unrolling the tap loop measured no faster: the loop is bound by its
// loads and multiplies, not by its overhead.)
func hblock8(x *axis, bs []uint32, scale blockScale, dst []int16) {
	stride := x.stride
	dst = dst[:x.n]
	for j := range dst {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+n]
		px := bs[s : s+n]
		px = px[:len(w)]
		var acc int64
		for k, wk := range w {
			acc += int64(px[k]) * int64(wk)
		}
		dst[j] = int16(scale.sample(acc))
	}
}

// hblock16 resamples the box sums of one RGBA box row (four channels
// interleaved) along x into dst.
func hblock16(x *axis, bs []uint32, scale blockScale, dst []int32) {
	stride := x.stride
	for j := range x.n {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+n]
		px := bs[4*s : 4*(s+n)]
		var r, g, b, a int64
		for k, wk := range w {
			q := px[4*k : 4*k+4 : 4*k+4]
			w := int64(wk)
			r += int64(q[0]) * w
			g += int64(q[1]) * w
			b += int64(q[2]) * w
			a += int64(q[3]) * w
		}
		d := dst[4*j : 4*j+4 : 4*j+4]
		d[0], d[1], d[2], d[3] = scale.sample(r), scale.sample(g), scale.sample(b), scale.sample(a)
	}
}

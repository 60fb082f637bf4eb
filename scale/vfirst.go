package scale

import "encoding/binary"

// The direct resample of an 8-bit plane (no box pre-reduction) runs its two
// passes in whichever order costs less. Shrinking, the vertical pass first
// is usually cheaper: it reads every source sample but weighs two with one
// multiply, packed, from a ring of rows, while the horizontal pass, the
// dearer one per multiply-add, then runs on the few output rows only. Both
// orders round the same way (the first pass keeps 6 fractional bits in an
// int16, the second rounds to 8 bits), so they differ by rounding only.

// Relative costs, from profiles of the 12 MP photo's jobs in bench: of a
// multiply-add of the packed vertical pass (about 0.2 ns) and of the
// horizontal pass four rows at a time (about 0.8 ns), and of packing or
// unpacking one sample in cache.
const (
	costVertical   = 1
	costHorizontal = 4
	costPack       = 1
)

// verticalFirst reports whether the plan's direct resample is cheaper with
// the vertical pass first. Both orders read and pack every source sample
// once; horizontal first then packs its output rows for the vertical pass,
// vertical first unpacks its rows and packs them for the horizontal pass.
func (p *planePlan) verticalFirst() bool {
	if p.blockMode() || p.identity {
		return false
	}
	L, rows := p.x.hi-p.x.lo, p.y.hi-p.y.lo
	nx, ny := p.x.n, p.y.n
	xs, ys := p.x.stride, p.y.stride
	hFirst := costHorizontal*rows*nx*xs + costPack*rows*nx + costVertical*ny*nx*ys
	vFirst := costVertical*ny*L*ys + 2*costPack*ny*L + costHorizontal*ny*nx*xs
	return vFirst < hFirst
}

// bandVertical is band with the vertical pass first (see vertical).
func (j *job8) bandVertical(t0, t1 int, sc *scratch, stop func() error) error {
	p := j.p
	L, nx := p.x.hi-p.x.lo, p.x.n
	sc.lanes = grow(sc.lanes, 2*L)
	sc.acc32 = grow(sc.acc32, rowBatch*nx)
	sc.out = grow(sc.out, nx*j.bpp)
	sc.row8 = grow(sc.row8, L)
	return p.vertical(t0, t1, j.arrive, stop, sc, L, rowBatch, bytePacking,
		func(y int) []uint8 { return j.src.row(y, p.x.lo, p.x.hi, sc.row8) },
		func(tys []int, rows [][]int16) {
			var src [rowBatch][]int16
			var sums [rowBatch][]int32
			for i := range rowBatch {
				// Missing rows repeat the last one: their sums are dropped.
				src[i] = rows[min(i, len(tys)-1)]
				sums[i] = sc.acc32[i*nx:][:nx]
			}
			hsums4(&p.x, src, sc.lanes, sums)
			for i, ty := range tys {
				j.finish(sums[i], sc.out)
				off, step := p.placement(ty, j.dst.stride, j.bpp)
				place(j.dst.pix, sc.out, off, step, j.bpp)
			}
		})
}

// vertical runs output rows [t0, t1) of a band with the vertical pass
// first: the ring holds source rows of width samples (srcRow(y) reads
// stored row y), packed by pk, each output row is combined down y
// into samples with 6 fractional bits at full width, and horizontal gets
// them batch rows at a time (fewer at the end of the band), with the output
// rows they are.
func (p *planePlan) vertical(t0, t1 int, arrive arrival, stop func() error, sc *scratch, width, batch int, pk packing,
	srcRow func(y int) []uint8, horizontal func(tys []int, rows [][]int16)) error {
	nw := pk.words(width)
	sc.ring8 = grow(sc.ring8, p.ringRows*nw)
	sc.acc64 = grow(sc.acc64, nw)
	sc.hrow = grow(sc.hrow, batch*width)
	tys, rows := sc.vrowsAt[:], sc.vrows[:]
	held := 0
	return p.rows(t0, t1, arrive, stop,
		func(from, to int) {
			for r := from; r < to; r++ {
				pk.pack(ringSlot(sc.ring8, r%p.ringRows, nw), srcRow(p.y.lo+r))
			}
		},
		func(ty, ys, yc int) {
			acc := sc.acc64[:nw]
			accumulate(acc, sc.ring8, p.ringRows, nw, ys, p.y.w[ty*p.y.stride:][:yc])
			rows[held] = sc.hrow[held*width:][:width]
			pk.unpack(rows[held], acc)
			tys[held] = ty
			held++
			if held == batch || ty == t1-1 {
				horizontal(tys[:held], rows[:held])
				held = 0
			}
		})
}

// packing is how the vertical pass packs source rows of 8-bit samples
// into words of two and how it unpacks their sums: words returns how many
// words a row of width samples takes.
type packing struct {
	words  func(width int) int
	pack   func(dst []int64, src []uint8)
	unpack func(row []int16, acc []int64)
}

// bytePacking packs every sample (packBytes).
var bytePacking = packing{pairs, packBytes, unpackBytes}

// packBytes packs the samples of src two by two into dst, as packPairs
// does, but in groups of eight, one 64-bit load each: word 4g+j of group g
// holds samples 8g+j and 8g+j+4. The samples after the last whole group are
// packed as packPairs packs them. unpackBytes undoes the order.
func packBytes(dst []int64, src []uint8) {
	const m = 0x000000ff000000ff
	dst = dst[:pairs(len(src))]
	g := len(src) / 8
	for i := range g {
		x := binary.LittleEndian.Uint64(src[8*i:])
		d := dst[4*i : 4*i+4 : 4*i+4]
		d[0], d[1], d[2], d[3] = int64(x&m), int64(x>>8&m), int64(x>>16&m), int64(x>>24&m)
	}
	tail, dst := src[8*g:], dst[4*g:]
	for i := range len(tail) / 2 {
		dst[i] = int64(tail[2*i]) | int64(tail[2*i+1])<<32
	}
	if len(tail)%2 == 1 {
		dst[len(dst)-1] = int64(tail[len(tail)-1])
	}
}

// unpackBytes rounds the packed vertical sums of acc, in packBytes' order,
// to samples with 6 fractional bits in row.
func unpackBytes(row []int16, acc []int64) {
	g := len(row) / 8
	for i := range g {
		a := acc[4*i : 4*i+4 : 4*i+4]
		r := row[8*i : 8*i+8 : 8*i+8]
		r[0], r[4] = unpackRounded(a[0])
		r[1], r[5] = unpackRounded(a[1])
		r[2], r[6] = unpackRounded(a[2])
		r[3], r[7] = unpackRounded(a[3])
	}
	tail, acc := row[8*g:], acc[4*g:]
	for i := range len(tail) / 2 {
		tail[2*i], tail[2*i+1] = unpackRounded(acc[i])
	}
	if len(tail)%2 == 1 {
		tail[len(tail)-1], _ = unpackRounded(acc[len(acc)-1])
	}
}

// hsums4 resamples four rows src[0..3] of the same length along x at once
// into sums with 8 more fractional bits than the samples: 8-bit samples
// (the horizontal pass first) or vertical results with 6 fractional bits.
// One load of each weight serves the four rows, packed two by two as a +
// b·2^32 (rows 0 and 1 in the first len(src[0]) words of lanes, rows 2 and
// 3 in the next) for two 64-bit multiply-adds. Each sum fits an int32 (a
// sample's magnitude is below 2^15, and the absolute weights of an output
// sum to below 2^15; see packPairs), so the halves come apart exactly.
func hsums4[T uint8 | int16](x *axis, src [rowBatch][]T, lanes []uint64, dst [rowBatch][]int32) {
	a := src[0]
	b, c, d := src[1][:len(a)], src[2][:len(a)], src[3][:len(a)]
	ab, cd := lanes[:len(a)], lanes[len(a):2*len(a)]
	for u := range ab {
		ab[u] = uint64(int64(a[u]) + int64(b[u])<<32)
		cd[u] = uint64(int64(c[u]) + int64(d[u])<<32)
	}
	stride := x.stride
	da := dst[0][:x.n]
	db, dc, dd := dst[1][:len(da)], dst[2][:len(da)], dst[3][:len(da)]
	for j := range da {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+n]
		p0, p1 := ab[s:s+n], cd[s:s+n]
		p0, p1 = p0[:len(w)], p1[:len(w)]
		var acc0, acc1 int64
		for k, wk := range w {
			acc0 += int64(p0[k]) * int64(wk)
			acc1 += int64(p1[k]) * int64(wk)
		}
		da[j], db[j] = unpackSums(acc0)
		dc[j], dd[j] = unpackSums(acc1)
	}
}

// unpackSums splits a packed pair of int32 sums.
func unpackSums(acc int64) (lo, hi int32) {
	lo = int32(acc)
	return lo, int32((acc - int64(lo)) >> 32)
}

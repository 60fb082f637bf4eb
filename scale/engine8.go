package scale

// source8 gives rows of an 8-bit plane.
type source8 interface {
	// row returns samples [x0, x1) of row y of the plane (coordinates
	// relative to the plane's top-left), using buf if it has to convert.
	row(y, x0, x1 int, buf []uint8) []uint8
}

// plane8 is an 8-bit plane in memory: a source without copies, and a
// destination.
type plane8 struct {
	pix    []uint8
	stride int
}

func (p plane8) row(y, x0, x1 int, _ []uint8) []uint8 {
	return p.pix[y*p.stride+x0 : y*p.stride+x1]
}

// job8 resamples one 8-bit plane into dst, whose samples are bpp bytes: 1,
// or 4 for a gray plane written as opaque NRGBA.
type job8 struct {
	p      *planePlan
	src    source8
	dst    plane8
	bpp    int
	arrive arrival // zero unless the source is still arriving (see Feed)
	// expand, if not nil, expands the limited-range samples of a Y'CbCr
	// plane to full range as they are written (bpp 1 only).
	expand *expansion
}

// band resamples output rows [t0, t1) of the stored y axis.
func (j *job8) band(t0, t1 int, sc *scratch, stop func() error) error {
	p := j.p
	if p.identity {
		return j.copyRows(t0, t1, sc, stop)
	}
	if p.verticalFirst() {
		return j.bandVertical(t0, t1, sc, stop)
	}
	nx, nw := p.x.n, pairs(p.x.n)
	sc.ring8 = grow(sc.ring8, p.ringRows*nw)
	sc.hrow = grow(sc.hrow, nx)
	sc.acc64 = grow(sc.acc64, nw)
	sc.acc32 = grow(sc.acc32, rowBatch*nx) // four rows for hsums4
	sc.out = grow(sc.out, nx*j.bpp)
	return p.rows(t0, t1, j.arrive, stop,
		func(from, to int) {
			r := from
			if pl, ok := j.src.(plane8); ok && !p.blockMode() {
				// Four rows of a plane in memory at a time (hsums4;
				// fewer at the end repeat the last, and their sums are
				// dropped), into the quarters of sc.acc32, with the
				// packed source rows in sc.lanes, which only the box
				// pre-reduction uses otherwise.
				sc.lanes = grow(sc.lanes, 2*(p.x.hi-p.x.lo))
				for ; r < to; r += rowBatch {
					var rows [rowBatch][]uint8
					var sums [rowBatch][]int32
					for i := range rowBatch {
						rows[i] = pl.row(p.y.lo+min(r+i, to-1), p.x.lo, p.x.hi, nil)
						sums[i] = sc.acc32[i*nx:][:nx]
					}
					hsums4(&p.x, rows, sc.lanes, sums)
					for i := range min(rowBatch, to-r) {
						packRounded(ringSlot(sc.ring8, (r+i)%p.ringRows, nw), sums[i])
					}
				}
			}
			for ; r < to; r++ {
				j.hrow(r, sc.hrow[:nx], sc)
				packPairs(ringSlot(sc.ring8, r%p.ringRows, nw), sc.hrow[:nx])
			}
		},
		func(ty, ys, yc int) {
			j.vrow(ty, ys, yc, sc)
			off, step := p.placement(ty, j.dst.stride, j.bpp)
			place(j.dst.pix, sc.out, off, step, j.bpp)
		})
}

// hrow resamples box row r along x into dst.
func (j *job8) hrow(r int, dst []int16, sc *scratch) {
	p := j.p
	y0 := p.y.lo + r*p.y.k
	if !p.blockMode() {
		// Sources read through At convert into sc.row8: keep it, so
		// that a row costs no allocation.
		sc.row8 = grow(sc.row8, p.x.hi-p.x.lo)
		hdirect8(&p.x, j.src.row(y0, p.x.lo, p.x.hi, sc.row8), dst)
		return
	}
	ny := p.y.boxLen(r)
	hblock8(&p.x, j.boxRow(y0, ny, sc), newBlockScale(&p.x, ny), dst)
}

// boxRow returns the box sums of source rows [y0, y0+ny), in sc.boxsum.
func (j *job8) boxRow(y0, ny int, sc *scratch) []uint32 {
	x := &j.p.x
	n := x.hi - x.lo
	pl, inMemory := j.src.(plane8)
	if inMemory && ny == 2 && x.k == 2 {
		bs := grow(sc.boxsum, 4*((n+7)/8))
		sc.boxsum = bs
		boxSums2x2(pl.row(y0, x.lo, x.hi, nil), pl.row(y0+1, x.lo, x.hi, nil), bs)
		bs = bs[:x.blocks]
		scaleLastBox(x, bs, 1)
		return bs
	}
	sc.row8 = grow(sc.row8, n)
	sc.lanes = grow(sc.lanes, 2*((n+7)/8))
	y := y0
	if inMemory {
		// Rows of a plane in memory need no buffer: take them two by two.
		for ; y+2 <= y0+ny; y += 2 {
			addColumns8x2(sc.lanes, pl.row(y, x.lo, x.hi, nil), pl.row(y+1, x.lo, x.hi, nil), y == y0)
		}
	}
	for ; y < y0+ny; y++ {
		addColumns8(sc.lanes, j.src.row(y, x.lo, x.hi, sc.row8)[:n], y == y0)
	}
	sc.boxsum = boxSums8(x, sc.lanes, sc)
	return sc.boxsum
}

// hdirect8 resamples one row along x: 8-bit samples, weights of weightBits,
// results with 6 fractional bits. (Unrolling the tap loop measured slower.)
func hdirect8(x *axis, src []uint8, dst []int16) {
	stride := x.stride
	dst = dst[:x.n]
	for j := range dst {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+n]
		px := src[s : s+n]
		px = px[:len(w)]
		var acc int32
		for k, wk := range w {
			acc += int32(px[k]) * wk
		}
		dst[j] = int16((acc + 1<<7) >> 8)
	}
}

// ringSlot returns slot i of a ring of rows of nw packed pairs.
func ringSlot(ring []int64, i, nw int) []int64 { return ring[i*nw : (i+1)*nw] }

// unpackRounded splits a packed pair of int32 sums with 14 fractional bits
// more than the samples (see packPairs) and rounds each to 6.
func unpackRounded(acc int64) (lo, hi int16) {
	l := int32(acc)
	h := int32((acc - int64(l)) >> 32)
	return int16((l + 1<<7) >> 8), int16((h + 1<<7) >> 8)
}

// vrow combines the rows [ys, ys+yc) of the ring with the weights of
// output row ty into sc.out. Each multiply weighs two samples at once (see
// packPairs).
func (j *job8) vrow(ty, ys, yc int, sc *scratch) {
	p := j.p
	nw := pairs(p.x.n)
	acc := sc.acc64[:nw]
	accumulate(acc, sc.ring8, p.ringRows, nw, ys, p.y.w[ty*p.y.stride:][:yc])
	j.finish(unpackPairs(sc.acc32[:p.x.n], acc), sc.out)
}

// accumulate sets acc to the packed pairs of ring rows [ys, ys+len(w))
// (row r in slot r%slots of nw words) weighed by w, four rows at a time.
func accumulate(acc, ring []int64, slots, nw, ys int, w []int32) {
	clear(acc)
	row := func(k int) []int64 { return ringSlot(ring, (ys+k)%slots, nw)[:len(acc)] }
	k := 0
	for ; k+4 <= len(w); k += 4 {
		r0, r1, r2, r3 := row(k), row(k+1), row(k+2), row(k+3)
		w0, w1, w2, w3 := int64(w[k]), int64(w[k+1]), int64(w[k+2]), int64(w[k+3])
		for i := range acc {
			acc[i] += r0[i]*w0 + r1[i]*w1 + r2[i]*w2 + r3[i]*w3
		}
	}
	for ; k < len(w); k++ {
		r0, w0 := row(k), int64(w[k])
		for i := range acc {
			acc[i] += r0[i] * w0
		}
	}
}

// finish rounds one row of sums with 20 fractional bits into out as the
// job's samples: 8-bit, expanded to full range, or gray as opaque NRGBA.
func (j *job8) finish(sums []int32, out []uint8) {
	if j.bpp == 1 {
		out = out[:len(sums)]
		if j.expand != nil {
			e := j.expand.e
			for i, a := range sums {
				out[i] = e.Fixed(int64(a), 20)
			}
			return
		}
		for i, a := range sums {
			out[i] = final8(a)
		}
		return
	}
	for i, a := range sums {
		v := final8(a)
		o := out[4*i : 4*i+4 : 4*i+4]
		o[0], o[1], o[2], o[3] = v, v, v, 0xff
	}
}

// pairs returns the number of words that hold n samples two by two.
func pairs(n int) int { return (n + 1) / 2 }

// packPairs packs the samples of src two by two into dst, as lo + hi·2^32:
// then one 64-bit multiply-add by a weight adds w·lo to the low half and
// w·hi to the high half (the borrow of a negative lo included). The
// vertical sums of 8-bit planes fit an int32 (|samples| < 2^15, and the
// absolute weights sum to at most maxAbsWeightSum·2^weightBits < 2^15), so
// unpackPairs recovers them exactly: the same values as one multiply each.
func packPairs(dst []int64, src []int16) {
	dst = dst[:pairs(len(src))]
	for i := range len(src) / 2 {
		p := src[2*i : 2*i+2 : 2*i+2]
		dst[i] = int64(p[0]) + int64(p[1])<<32
	}
	if len(src)%2 == 1 {
		dst[len(dst)-1] = int64(src[len(src)-1])
	}
}

// packRounded is packPairs of the sums of src (8 fractional bits more than
// the samples) rounded as unpackRounded rounds them.
func packRounded(dst []int64, src []int32) {
	dst = dst[:pairs(len(src))]
	r := func(v int32) int64 { return int64((v + 1<<7) >> 8) }
	for i := range len(src) / 2 {
		p := src[2*i : 2*i+2 : 2*i+2]
		dst[i] = r(p[0]) + r(p[1])<<32
	}
	if len(src)%2 == 1 {
		dst[len(dst)-1] = r(src[len(src)-1])
	}
}

// unpackPairs splits the packed sums of src into dst, whose length is the
// number of samples, and returns dst.
func unpackPairs(dst []int32, src []int64) []int32 {
	src = src[:pairs(len(dst))]
	for i := range len(dst) / 2 {
		lo := int32(src[i])
		d := dst[2*i : 2*i+2 : 2*i+2]
		d[0], d[1] = lo, int32((src[i]-int64(lo))>>32)
	}
	if len(dst)%2 == 1 {
		dst[len(dst)-1] = int32(src[len(src)-1])
	}
	return dst
}

func clampU8(v int32) uint8 {
	if uint32(v) > 255 {
		if v < 0 {
			return 0
		}
		return 255
	}
	return uint8(v)
}

// place copies a resampled row of bpp-byte samples into a destination plane
// at byte offset off, step bytes apart.
func place(dst, row []uint8, off, step, bpp int) {
	switch {
	case step == bpp:
		copy(dst[off:off+len(row)], row)
	case bpp == 1:
		// A column of a transposed orientation: one byte per row, where
		// a copy call per byte would cost more than the byte.
		for _, v := range row {
			dst[off] = v
			off += step
		}
	default:
		for i := 0; i+bpp <= len(row); i += bpp {
			copy(dst[off:off+bpp], row[i:i+bpp])
			off += step
		}
	}
}

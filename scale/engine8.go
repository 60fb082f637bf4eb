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
	p   *planePlan
	src source8
	dst plane8
	bpp int
}

// band resamples output rows [t0, t1) of the stored y axis.
func (j *job8) band(t0, t1 int, sc *scratch, stop func() error) error {
	p := j.p
	nx := p.x.n
	sc.ring8 = grow(sc.ring8, p.ringRows*nx)
	sc.acc32 = grow(sc.acc32, nx)
	sc.out = grow(sc.out, nx*j.bpp)
	next := 0 // next box row to resample horizontally
	for ty := t0; ty < t1; ty++ {
		if (ty-t0)&31 == 31 {
			if err := stop(); err != nil {
				return err
			}
		}
		ys, yc := int(p.y.start[ty]), int(p.y.count[ty])
		next = max(next, ys)
		for ; next < ys+yc; next++ {
			slot := sc.ring8[(next%p.ringRows)*nx : (next%p.ringRows+1)*nx]
			j.hrow(next, slot, sc)
		}
		j.vrow(ty, ys, yc, sc)
		off, step := p.placement(ty, j.dst.stride, j.bpp)
		place(j.dst.pix, sc.out, off, step, j.bpp)
	}
	return nil
}

// hrow resamples box row r along x into dst.
func (j *job8) hrow(r int, dst []int16, sc *scratch) {
	p := j.p
	y0 := p.y.lo + r*p.y.k
	if !p.blockMode() {
		hdirect8(&p.x, j.src.row(y0, p.x.lo, p.x.hi, sc.row8[:0]), dst)
		return
	}
	n := p.x.hi - p.x.lo
	sc.row8 = grow(sc.row8, n)
	sc.colsum = grow(sc.colsum, n)
	cs := sc.colsum
	clear(cs)
	ny := p.y.boxLen(r)
	for y := y0; y < y0+ny; y++ {
		row := j.src.row(y, p.x.lo, p.x.hi, sc.row8)
		row = row[:len(cs)]
		for i, v := range row {
			cs[i] += uint32(v)
		}
	}
	sc.boxsum = boxSums(&p.x, cs, 1, sc.boxsum)
	hblock(&p.x, sc.boxsum, ny, func(i int, v int32) { dst[i] = int16(v) }, 1)
}

// hdirect8 resamples one row along x: 8-bit samples, weights of weightBits,
// results with 6 fractional bits.
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

// vrow combines the rows [ys, ys+yc) of the ring with the weights of
// output row ty into sc.out.
func (j *job8) vrow(ty, ys, yc int, sc *scratch) {
	p := j.p
	nx := p.x.n
	acc := sc.acc32[:nx]
	clear(acc)
	w := p.y.w[ty*p.y.stride : ty*p.y.stride+yc]
	ring := func(k int) []int16 {
		i := (ys + k) % p.ringRows
		return sc.ring8[i*nx : (i+1)*nx]
	}
	k := 0
	for ; k+4 <= yc; k += 4 {
		r0, r1, r2, r3 := ring(k), ring(k+1), ring(k+2), ring(k+3)
		w0, w1, w2, w3 := w[k], w[k+1], w[k+2], w[k+3]
		r0, r1, r2, r3 = r0[:len(acc)], r1[:len(acc)], r2[:len(acc)], r3[:len(acc)]
		for i := range acc {
			acc[i] += int32(r0[i])*w0 + int32(r1[i])*w1 + int32(r2[i])*w2 + int32(r3[i])*w3
		}
	}
	for ; k < yc; k++ {
		r0, w0 := ring(k)[:len(acc)], w[k]
		for i := range acc {
			acc[i] += int32(r0[i]) * w0
		}
	}
	out := sc.out
	if j.bpp == 1 {
		out = out[:len(acc)]
		for i, a := range acc {
			out[i] = clampU8((a + 1<<19) >> 20)
		}
		return
	}
	for i, a := range acc {
		v := clampU8((a + 1<<19) >> 20)
		o := out[4*i : 4*i+4 : 4*i+4]
		o[0], o[1], o[2], o[3] = v, v, v, 0xff
	}
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
	if step == bpp {
		copy(dst[off:off+len(row)], row)
		return
	}
	for i := 0; i+bpp <= len(row); i += bpp {
		copy(dst[off:off+bpp], row[i:i+bpp])
		off += step
	}
}

// boxSums adds the column sums cs (ch channels interleaved) across each box
// of the x axis into dst, scaling the last, shorter box to a full box's
// weight.
func boxSums(x *axis, cs []uint32, ch int, dst []uint32) []uint32 {
	if x.k == 1 {
		return cs
	}
	dst = grow(dst, x.blocks*ch)
	for b := range x.blocks {
		n := x.boxLen(b)
		seg := cs[b*x.k*ch : (b*x.k+n)*ch]
		for c := range ch {
			var s uint64
			for i := c; i < len(seg); i += ch {
				s += uint64(seg[i])
			}
			if n < x.k {
				s = (s*uint64(x.k) + uint64(n/2)) / uint64(n)
			}
			dst[b*ch+c] = uint32(min(s, 1<<32-1))
		}
	}
	return dst
}

// hblock resamples box sums along x (ch channels interleaved) with weights
// of blockWeightBits, and hands each result, with 6 fractional bits and
// divided by the box area, to set.
func hblock(x *axis, bs []uint32, boxRows int, set func(i int, v int32), ch int) {
	inv := 64 / (float64(int64(1)<<blockWeightBits) * float64(x.k) * float64(boxRows))
	for j := range x.n {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*x.stride : j*x.stride+n]
		for c := range ch {
			px := bs[s*ch+c : (s+n-1)*ch+c+1]
			var acc int64
			for k, wk := range w {
				acc += int64(px[k*ch]) * int64(wk)
			}
			set(j*ch+c, int32(roundHalfUp(float64(float64(acc)*inv))))
		}
	}
}

func roundHalfUp(v float64) float64 { return float64(int64(v+0.5+1<<32)) - 1<<32 }

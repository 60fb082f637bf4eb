package scale

// source16 gives rows of premultiplied 16-bit RGBA samples, four per pixel.
type source16 interface {
	// row converts pixels [x0, x1) of row y (coordinates relative to the
	// image's top-left) into buf and returns it.
	row(y, x0, x1 int, buf []uint16) []uint16
}

// job16 resamples premultiplied RGBA into an NRGBA destination.
type job16 struct {
	p   *planePlan
	src source16
	// bytes, if its pix is not nil, holds the source's 8-bit samples when
	// each 16-bit sample src gives is the byte times 0x101 (RGBA, or
	// opaque NRGBA): the box pre-reduction sums the bytes instead.
	bytes  plane8
	dst    plane8
	linear bool    // the source rows are linear light; encode the output to sRGB
	arrive arrival // zero unless the source is still arriving (see Feed)
}

// band resamples output rows [t0, t1) of the stored y axis.
func (j *job16) band(t0, t1 int, sc *scratch, stop func() error) error {
	p := j.p
	nx4 := 4 * p.x.n
	sc.ring16 = grow(sc.ring16, p.ringRows*nx4)
	sc.acc64 = grow(sc.acc64, nx4)
	sc.out = grow(sc.out, nx4)
	sc.row16 = grow(sc.row16, 4*(p.x.hi-p.x.lo))
	return p.rows(t0, t1, j.arrive, stop,
		func(from, to int) {
			for r := from; r < to; r++ {
				slot := r % p.ringRows
				j.hrow(r, sc.ring16[slot*nx4:(slot+1)*nx4], sc)
			}
		},
		func(ty, ys, yc int) {
			j.vrow(ty, ys, yc, sc)
			off, step := p.placement(ty, j.dst.stride, 4)
			place(j.dst.pix, sc.out, off, step, 4)
		})
}

func (j *job16) hrow(r int, dst []int32, sc *scratch) {
	p := j.p
	y0 := p.y.lo + r*p.y.k
	if !p.blockMode() {
		row := j.src.row(y0, p.x.lo, p.x.hi, sc.row16)
		if p.x.maxAbsWeights()*0xffff <= 1<<31-1 {
			sc.lanes = grow(sc.lanes, len(row)/2)
			hdirect16Pairs(&p.x, row, sc.lanes, dst)
			return
		}
		hdirect16(&p.x, row, dst)
		return
	}
	ny := p.y.boxLen(r)
	var cs []uint32
	if j.bytes.pix != nil {
		cs = j.byteSums(y0, ny, sc)
	} else {
		sc.colsum = grow(sc.colsum, len(sc.row16))
		cs = sc.colsum
		clear(cs)
		for y := y0; y < y0+ny; y++ {
			row := j.src.row(y, p.x.lo, p.x.hi, sc.row16)
			row = row[:len(cs)]
			for i, v := range row {
				cs[i] += uint32(v)
			}
		}
	}
	sc.boxsum = boxSums(&p.x, cs, 4, sc.boxsum)
	hblock16(&p.x, sc.boxsum, newBlockScale(&p.x, ny), dst)
}

// byteSums returns the column sums of source rows [y0, y0+ny) as the
// 16-bit samples would give them, in sc.colsum: the bytes are added eight
// at a time in 16-bit lanes (addColumns8x2: ny is at most maxBlock) and the
// sums then multiplied by 0x101, which is exact.
func (j *job16) byteSums(y0, ny int, sc *scratch) []uint32 {
	x := &j.p.x
	n := 4 * (x.hi - x.lo)
	strips := (n + 7) / 8
	sc.lanes = grow(sc.lanes, 2*strips)
	row := func(y int) []uint8 { return j.bytes.pix[y*j.bytes.stride+4*x.lo:][:n] }
	y := y0
	for ; y+2 <= y0+ny; y += 2 {
		addColumns8x2(sc.lanes, row(y), row(y+1), y == y0)
	}
	if y < y0+ny {
		addColumns8(sc.lanes, row(y), y == y0)
	}
	sc.colsum = grow(sc.colsum, 8*strips)
	unpackLanes(sc.colsum, sc.lanes[:2*strips], 0x101)
	return sc.colsum[:n]
}

// hdirect16 resamples one row of premultiplied RGBA along x: weights of
// weightBits, results with 6 fractional bits.
func hdirect16(x *axis, src []uint16, dst []int32) {
	stride := x.stride
	for j := range x.n {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+n]
		px := src[4*s : 4*(s+n)]
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
		d[0], d[1], d[2], d[3] = int32((r+1<<7)>>8), int32((g+1<<7)>>8), int32((b+1<<7)>>8), int32((a+1<<7)>>8)
	}
}

// hdirect16Pairs is hdirect16 with two channels to a 64-bit multiply-add:
// it packs each pixel as r + g·2^32 and b + a·2^32 into pair. The caller
// checks that a channel's sum fits an int32 (65535 times the largest sum
// of absolute weights, maxAbsWeights), so the halves come apart exactly,
// as in unpackPairs: the same values as hdirect16's.
func hdirect16Pairs(x *axis, src []uint16, pair []uint64, dst []int32) {
	pair = pair[:len(src)/2]
	for i := range pair {
		q := src[2*i : 2*i+2 : 2*i+2]
		pair[i] = uint64(q[0]) | uint64(q[1])<<32
	}
	stride := x.stride
	for j := range x.n {
		s, n := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+n]
		px := pair[2*s : 2*(s+n)]
		var rg, ba int64
		for k, wk := range w {
			q := px[2*k : 2*k+2 : 2*k+2]
			w := int64(wk)
			rg += int64(q[0]) * w
			ba += int64(q[1]) * w
		}
		r, b := int32(rg), int32(ba)
		g, a := int32((rg-int64(r))>>32), int32((ba-int64(b))>>32)
		d := dst[4*j : 4*j+4 : 4*j+4]
		d[0], d[1], d[2], d[3] = round8(r), round8(g), round8(b), round8(a)
	}
}

// round8 drops 8 fractional bits of v, rounding half up.
func round8(v int32) int32 { return int32((int64(v) + 1<<7) >> 8) }

func (j *job16) vrow(ty, ys, yc int, sc *scratch) {
	p := j.p
	nx4 := 4 * p.x.n
	acc := sc.acc64[:nx4]
	clear(acc)
	w := p.y.w[ty*p.y.stride : ty*p.y.stride+yc]
	for k := range yc {
		i := (ys + k) % p.ringRows
		row := sc.ring16[i*nx4 : (i+1)*nx4]
		row = row[:len(acc)]
		wk := int64(w[k])
		for i, v := range row {
			acc[i] += int64(v) * wk
		}
	}
	out := sc.out[:nx4]
	for i := 0; i+4 <= len(acc); i += 4 {
		q := acc[i : i+4 : i+4]
		a := clamp16((q[3] + 1<<19) >> 20)
		o := out[i : i+4 : i+4]
		if a == 0 {
			o[0], o[1], o[2], o[3] = 0, 0, 0, 0
			continue
		}
		r := min(clamp16((q[0]+1<<19)>>20), a)
		g := min(clamp16((q[1]+1<<19)>>20), a)
		b := min(clamp16((q[2]+1<<19)>>20), a)
		o[3] = uint8((a*255 + 0x7fff) / 0xffff)
		switch {
		case j.linear:
			o[0], o[1], o[2] = encodeSRGB(r, a), encodeSRGB(g, a), encodeSRGB(b, a)
		case a == 0xffff:
			o[0], o[1], o[2] = uint8((r*255+0x7fff)/0xffff), uint8((g*255+0x7fff)/0xffff), uint8((b*255+0x7fff)/0xffff)
		default:
			// +0.5 undoes on average the truncation of premultiplying
			// (color.NRGBA.RGBA), so that NRGBA pixels survive exactly.
			f := 255 / float64(a)
			o[0] = unpremul(r, f)
			o[1] = unpremul(g, f)
			o[2] = unpremul(b, f)
		}
	}
}

func clamp16(v int64) int64 {
	return min(max(v, 0), 0xffff)
}

func unpremul(c int64, f float64) uint8 {
	return uint8(min(float64(float64(float64(c)+0.5)*f)+0.5, 255))
}

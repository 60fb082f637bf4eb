package scale

import "encoding/binary"

// jobOpaque resamples 8-bit RGBA whose every pixel read is opaque (an
// *image.NRGBA or *image.RGBA: the two agree when alpha is 0xff) into an
// NRGBA destination, as an 8-bit plane of four samples a pixel: with
// nothing to premultiply, it takes the 8-bit engine's vertical pass first,
// over the interleaved samples, and then a horizontal pass that weighs the
// three colour channels of two rows with three multiplies. Alpha stays
// 0xff. Its samples differ from job16's by rounding only. Scaler.tasks
// decides when it applies: the pixels read are opaque, the plan resamples
// directly (no box pre-reduction, not the identity) and the samples are
// not linearised.
type jobOpaque struct {
	p   *planePlan
	src plane8 // four samples a pixel, R G B A
	dst plane8
}

// opaqueRGBA reports whether every pixel of [x0, x1)×[y0, y1) of the RGBA
// plane has alpha 0xff, reading 32 bytes at a time.
func opaqueRGBA(pl plane8, x0, x1, y0, y1 int) bool {
	const alpha = 0xff000000ff000000
	for y := y0; y < y1; y++ {
		row := pl.pix[y*pl.stride+4*x0 : y*pl.stride+4*x1]
		acc := uint64(alpha)
		i := 0
		for ; i+32 <= len(row); i += 32 {
			q := row[i : i+32 : i+32]
			acc &= binary.LittleEndian.Uint64(q) & binary.LittleEndian.Uint64(q[8:]) &
				binary.LittleEndian.Uint64(q[16:]) & binary.LittleEndian.Uint64(q[24:])
		}
		for ; i+8 <= len(row); i += 8 {
			acc &= binary.LittleEndian.Uint64(row[i:])
		}
		if acc&alpha != alpha || (i < len(row) && row[i+3] != 0xff) {
			return false
		}
	}
	return true
}

// band resamples output rows [t0, t1) of the stored y axis.
func (j *jobOpaque) band(t0, t1 int, sc *scratch, stop func() error) error {
	p := j.p
	L, nx := p.x.hi-p.x.lo, p.x.n
	sc.lanes = grow(sc.lanes, 3*L)
	sc.out = grow(sc.out, 2*4*nx)
	return p.vertical(t0, t1, arrival{}, stop, sc, 4*L, 2, rgbPacking,
		func(y int) []uint8 { return j.src.pix[y*j.src.stride+4*p.x.lo : y*j.src.stride+4*p.x.hi] },
		func(tys []int, rows [][]int16) {
			hfinalRGB2(&p.x, rows[0], rows[len(rows)-1], sc.lanes, sc.out[:4*nx], sc.out[4*nx:])
			for i, ty := range tys {
				off, step := p.placement(ty, j.dst.stride, 4)
				place(j.dst.pix, sc.out[4*nx*i:4*nx*(i+1)], off, step, 4)
			}
		})
}

// hfinalRGB2 resamples two rows of vertical results of RGBA (6 fractional
// bits) along x into opaque NRGBA rows da and db: the colour channels are
// packed as a + b·2^32 per channel (see packPairs), three words a pixel.
func hfinalRGB2(x *axis, a, b []int16, lanes []uint64, da, db []uint8) {
	n := len(a) / 4
	b = b[:len(a)]
	lanes = lanes[:3*n]
	for u := range n {
		pa, pb := a[4*u:4*u+3:4*u+3], b[4*u:4*u+3:4*u+3]
		l := lanes[3*u : 3*u+3 : 3*u+3]
		l[0] = uint64(int64(pa[0]) + int64(pb[0])<<32)
		l[1] = uint64(int64(pa[1]) + int64(pb[1])<<32)
		l[2] = uint64(int64(pa[2]) + int64(pb[2])<<32)
	}
	stride := x.stride
	da, db = da[:4*x.n], db[:4*x.n]
	for j := range x.n {
		s, cnt := int(x.start[j]), int(x.count[j])
		w := x.w[j*stride : j*stride+cnt]
		px := lanes[3*s : 3*(s+cnt)]
		px = px[:3*len(w)]
		var r, g, bl int64
		for k, wk := range w {
			q := px[3*k : 3*k+3 : 3*k+3]
			w := int64(wk)
			r += int64(q[0]) * w
			g += int64(q[1]) * w
			bl += int64(q[2]) * w
		}
		ra, rb := unpackSums(r)
		ga, gb := unpackSums(g)
		ba, bb := unpackSums(bl)
		oa, ob := da[4*j:4*j+4:4*j+4], db[4*j:4*j+4:4*j+4]
		oa[0], oa[1], oa[2], oa[3] = final8(ra), final8(ga), final8(ba), 0xff
		ob[0], ob[1], ob[2], ob[3] = final8(rb), final8(gb), final8(bb), 0xff
	}
}

// final8 rounds a sum with 20 fractional bits to an 8-bit sample.
func final8(v int32) uint8 { return clampU8((v + 1<<19) >> 20) }

// rgbPacking packs the colour samples of RGBA rows and leaves alpha out,
// a quarter of the vertical pass's work (packRGB).
var rgbPacking = packing{func(width int) int { return 3 * ((width/4 + 1) / 2) }, packRGB, unpackRGB}

// packRGB packs the colour samples of the RGBA row src two pixels at a
// time, one 64-bit load each: words 3i to 3i+2 hold the R, G and B of
// pixels 2i and 2i+1 as lo + hi·2^32 (see packPairs). A last odd pixel
// takes three words alone.
func packRGB(dst []int64, src []uint8) {
	const m = 0x000000ff000000ff
	n := len(src) / 4
	dst = dst[:3*((n+1)/2)]
	for i := range n / 2 {
		x := binary.LittleEndian.Uint64(src[8*i:])
		d := dst[3*i : 3*i+3 : 3*i+3]
		d[0], d[1], d[2] = int64(x&m), int64(x>>8&m), int64(x>>16&m)
	}
	if n%2 == 1 {
		p, d := src[4*(n-1):4*n:4*n], dst[len(dst)-3:]
		d[0], d[1], d[2] = int64(p[0]), int64(p[1]), int64(p[2])
	}
}

// unpackRGB rounds the packed vertical sums of acc, in packRGB's order, to
// samples with 6 fractional bits in the RGBA row; alpha is left as it is.
func unpackRGB(row []int16, acc []int64) {
	n := len(row) / 4
	for i := range n / 2 {
		a := acc[3*i : 3*i+3 : 3*i+3]
		r := row[8*i : 8*i+8 : 8*i+8]
		r[0], r[4] = unpackRounded(a[0])
		r[1], r[5] = unpackRounded(a[1])
		r[2], r[6] = unpackRounded(a[2])
	}
	if n%2 == 1 {
		a, r := acc[3*(n/2):3*(n/2)+3], row[4*(n-1):4*n]
		r[0], _ = unpackRounded(a[0])
		r[1], _ = unpackRounded(a[1])
		r[2], _ = unpackRounded(a[2])
	}
}

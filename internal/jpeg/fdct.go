package jpeg

import "math"

// The forward DCT is the Arai–Agui–Nakajima factorisation (5
// multiplications per 8-point transform). Its outputs come out scaled by
// 8·s(u)·s(v), with s(0) = 1 and s(k) = √2·cos(kπ/16); that scale is folded
// into the quantizer's multipliers, so that quantization is one
// multiplication per coefficient. Samples carry aanFrac fraction bits
// through the transform and the constants aanBits, in int64, so the result
// is as good as the exact transform rounded once.
const (
	aanBits = 14
	aanFrac = 8
)

// The AAN constants in aanBits fixed point.
const (
	aan0707 = 11585 // cos(π/4)
	aan0382 = 6270  // cos(3π/8)
	aan0541 = 8867  // √2·cos(3π/8)
	aan1306 = 21407 // √2·cos(π/8)
)

// aanMul multiplies x by a constant c in aanBits fixed point, rounding.
func aanMul(x, c int) int { return (x*c + 1<<(aanBits-1)) >> aanBits }

// aanEven is the even half of the 8-point AAN forward transform: from
// the sums of mirrored samples (0+7, 1+6, 2+5, 3+4) it returns outputs
// 0, 2, 4, 6.
func aanEven(t0, t1, t2, t3 int) (o0, o2, o4, o6 int) {
	e10, e13 := t0+t3, t0-t3
	e11 := t1 + t2
	z1 := aanMul(t1-t2+e13, aan0707)
	return e10 + e11, e13 + z1, e10 - e11, e13 - z1
}

// The odd half of the transform takes the differences of mirrored
// samples (3-4, 2-5, 1-6, 0-7) through aanRotate and aanOddOut, two parts
// small enough to inline.

// aanRotate is the rotation of the odd part.
func aanRotate(p10, p12 int) (z2, z4 int) {
	z5 := aanMul(p10-p12, aan0382)
	return aanMul(p10, aan0541) + z5, aanMul(p12, aan1306) + z5
}

// aanOddOut finishes the odd part.
func aanOddOut(p11, t7, z2, z4 int) (o1, o3, o5, o7 int) {
	z3 := aanMul(p11, aan0707)
	z11, z13 := t7+z3, t7-z3
	return z11 + z4, z13 - z2, z13 + z2, z11 - z4
}

// fdctRows is pass 1 of the forward DCT: the rows of an 8×8 block of
// samples in 0..255 (natural order), level-shifted by -128, into b with
// aanFrac fraction bits.
func fdctRows(src *[64]uint8, b *[64]int32) {
	for y := 0; y < 8; y++ {
		p := src[y*8 : y*8+8 : y*8+8]
		d0, d1, d2, d3 := int(p[0]), int(p[1]), int(p[2]), int(p[3])
		d4, d5, d6, d7 := int(p[4]), int(p[5]), int(p[6]), int(p[7])
		r := b[y*8 : y*8+8 : y*8+8]
		o0, o2, o4, o6 := aanEven((d0+d7)<<aanFrac, (d1+d6)<<aanFrac, (d2+d5)<<aanFrac, (d3+d4)<<aanFrac)
		t4, t5, t6, t7 := (d3-d4)<<aanFrac, (d2-d5)<<aanFrac, (d1-d6)<<aanFrac, (d0-d7)<<aanFrac
		z2, z4 := aanRotate(t4+t5, t6+t7)
		o1, o3, o5, o7 := aanOddOut(t5+t6, t7, z2, z4)
		r[0], r[1], r[2], r[3] = int32(o0-8*128<<aanFrac), int32(o1), int32(o2), int32(o3)
		r[4], r[5], r[6], r[7] = int32(o4), int32(o5), int32(o6), int32(o7)
	}
}

// fdctColumn is pass 2 of the forward DCT for column x of b.
func fdctColumn(b *[64]int32, x int) (o0, o1, o2, o3, o4, o5, o6, o7 int) {
	c := b[x:]
	d0, d1, d2, d3 := int(c[0]), int(c[8]), int(c[16]), int(c[24])
	d4, d5, d6, d7 := int(c[32]), int(c[40]), int(c[48]), int(c[56])
	o0, o2, o4, o6 = aanEven(d0+d7, d1+d6, d2+d5, d3+d4)
	t4, t5, t6, t7 := d3-d4, d2-d5, d1-d6, d0-d7
	z2, z4 := aanRotate(t4+t5, t6+t7)
	o1, o3, o5, o7 = aanOddOut(t5+t6, t7, z2, z4)
	return
}

// fdctQuantize is the forward DCT of an 8×8 block of samples in 0..255
// (natural order), level-shifted by -128, followed by quantization with
// t into q in zig-zag order. It returns a mask with bit k set for each
// non-zero AC coefficient q[k].
func fdctQuantize(src *[64]uint8, t *quantizer, q *[64]int16) uint64 {
	var c [64]int32
	fdct(src, &c)
	return quantizeStored(&c, t, q)
}

// quantShift is the fixed-point precision of quantizer.mul.
const quantShift = 40

// quantizer holds, for each coefficient in zig-zag order, the multiplier
// that turns fdctQuantize's transform output into the quantized value:
// 2^quantShift / (q · 8·s(u)·s(v) · 2^aanFrac). Rounding is half away
// from zero.
type quantizer struct {
	mul [64]uint64
	// zero[x] is the smallest magnitude that quantizes to a non-zero value
	// somewhere in column x: smaller outputs of the column all give 0.
	zero [8]int
}

// put quantizes v, the transform output at natural index n, into q and
// returns the bit of its zig-zag index if it is not zero. It is branch-free:
// most coefficients quantize to zero, and a data-dependent branch
// mispredicts often.
func (t *quantizer) put(q *[64]int16, n, v int) uint64 {
	k := zigOf[n&63] & 63
	sign := v >> 63
	a := (v ^ sign) - sign
	qv := int((uint64(a)*t.mul[k] + 1<<(quantShift-1)) >> quantShift)
	qv = (qv ^ sign) - sign
	q[k] = int16(qv)
	return uint64(qv|-qv) >> 63 << k
}

func newQuantizer(table *[64]uint8) (t quantizer) {
	var s [8]float64
	for k := range s {
		s[k] = 1
		if k > 0 {
			s[k] = math.Sqrt2 * math.Cos(float64(k)*math.Pi/16)
		}
	}
	for k, q := range table {
		n := unzig[k]
		d := float64(q) * 8 * s[n%8] * s[n/8] * (1 << aanFrac)
		t.mul[k] = uint64(math.Round((1 << quantShift) / d))
	}
	for x := range t.zero {
		t.zero[x] = math.MaxInt32
		for y := 0; y < 8; y++ {
			mul := t.mul[zigOf[y*8+x]]
			// The smallest a that quantizes to 1: a·mul + 2^(s-1) ≥ 2^s.
			a := int((1<<(quantShift-1) + mul - 1) / mul)
			t.zero[x] = min(t.zero[x], a)
		}
	}
	return t
}

// fdct is the forward DCT of src without the quantization: the transform
// outputs, in natural order, for quantizeStored (now or later: a
// [Transformed] keeps them to code the image at several qualities).
func fdct(src *[64]uint8, out *[64]int32) {
	var b [64]int32
	fdctRows(src, &b)
	for x := 0; x < 8; x++ {
		o0, o1, o2, o3, o4, o5, o6, o7 := fdctColumn(&b, x)
		out[x], out[8+x], out[16+x], out[24+x] = int32(o0), int32(o1), int32(o2), int32(o3)
		out[32+x], out[40+x], out[48+x], out[56+x] = int32(o4), int32(o5), int32(o6), int32(o7)
	}
}

// quantizeStored quantizes the transform outputs c of fdct with t into q,
// in zig-zag order, and returns a mask with bit k set for each non-zero AC
// coefficient q[k].
func quantizeStored(c *[64]int32, t *quantizer, q *[64]int16) uint64 {
	*q = [64]int16{}
	var mask uint64
	for x := 0; x < 8; x++ {
		o0, o1, o2, o3 := int(c[x]), int(c[8+x]), int(c[16+x]), int(c[24+x])
		o4, o5, o6, o7 := int(c[32+x]), int(c[40+x]), int(c[48+x]), int(c[56+x])
		// A column whose outputs all quantize to zero (common at high
		// frequencies) is skipped with one well-predicted branch.
		th := t.zero[x] - 1 // |v| ≤ th: zero
		m := max(uint(o0+th), uint(o1+th), uint(o2+th), uint(o3+th),
			uint(o4+th), uint(o5+th), uint(o6+th), uint(o7+th))
		if m <= uint(2*th) {
			continue
		}
		mask |= t.put(q, x, o0) | t.put(q, 8+x, o1) | t.put(q, 16+x, o2) | t.put(q, 24+x, o3) |
			t.put(q, 32+x, o4) | t.put(q, 40+x, o5) | t.put(q, 48+x, o6) | t.put(q, 56+x, o7)
	}
	return mask &^ 1
}

package jpeg

import "math"

// Scaled decoding takes the s×s box average of the full inverse DCT
// straight from the coefficients. In one dimension, the mean of the
// samples 2x and 2x+1 of basis function u is
//
//	C(u)/2 · cos(uπ/16) · cos((2x+1)uπ/8)
//
// and the cos((2x+1)uπ/8) factor of frequency 8-u is minus that of u (and
// zero for u = 4), so the 8 coefficients fold into a 4-point inverse DCT.
// The mean of samples 4x..4x+3 is
//
//	C(u)/2 · (cos(uπ/16)+cos(3uπ/16))/2 · cos((2x+1)uπ/4)
//
// which folds into a 2-point transform. The constants below are those
// products in boxBits fixed point.
const boxBits = 13

// boxConst holds the folded constants.
type boxConst struct {
	// half: 4 outputs from 8 coefficients.
	h0, h2, h6             int // DC; c2·w(2), c2·w(6)
	h1a, h7a, h3a, h5a     int // c1·w1, c1·w7, c3·w3, c3·w5
	h1b, h7b, h3b, h5b     int // c3·w1, c3·w7, c1·w3, c1·w5
	q0, q4, q1, q3, q5, q7 int // quarter: 2 outputs from 8 coefficients
}

var box = func() boxConst {
	fix := func(x float64) int { return int(math.Round(x * (1 << boxBits))) }
	c1, c2, c3 := math.Cos(math.Pi/8), math.Cos(math.Pi/4), math.Cos(3*math.Pi/8)
	w := func(u int) float64 { // C(u)/2 · cos(uπ/16)
		c := 0.5
		if u == 0 {
			c = 0.5 / math.Sqrt2
		}
		return c * math.Cos(float64(u)*math.Pi/16)
	}
	v := func(u int) float64 { // C(u)/2 · (cos(uπ/16)+cos(3uπ/16))/2
		c := 0.5
		if u == 0 {
			c = 0.5 / math.Sqrt2
		}
		return c * (math.Cos(float64(u)*math.Pi/16) + math.Cos(3*float64(u)*math.Pi/16)) / 2
	}
	return boxConst{
		h0: fix(w(0)), h2: fix(c2 * w(2)), h6: fix(c2 * w(6)),
		h1a: fix(c1 * w(1)), h7a: fix(c1 * w(7)), h3a: fix(c3 * w(3)), h5a: fix(c3 * w(5)),
		h1b: fix(c3 * w(1)), h7b: fix(c3 * w(7)), h3b: fix(c1 * w(3)), h5b: fix(c1 * w(5)),
		q0: fix(v(0)), q4: fix(v(4)),
		q1: fix(c2 * v(1)), q3: fix(c2 * v(3)), q5: fix(c2 * v(5)), q7: fix(c2 * v(7)),
	}
}()

// The means of sample pairs of the 1-D inverse DCT of f0..f7, scaled by
// 2^boxBits, are halfOut of halfEven(f0, f2, f6) and halfOdd(f1, f3, f5,
// f7) (f4's folded factor is zero). The three are small enough to be
// inlined, which one function doing it all is not.

// halfOut combines the even and odd terms into the four means.
func halfOut(e0, e2, oa, ob int) (o0, o1, o2, o3 int) {
	return e0 + e2 + oa, e0 - e2 + ob, e0 - e2 - ob, e0 + e2 - oa
}

// halfEven returns the DC and c2·G2 terms of the means of pairs.
func halfEven(k *boxConst, f0, f2, f6 int) (int, int) {
	return f0 * k.h0, f2*k.h2 - f6*k.h6
}

// halfOdd returns c1·G1 + c3·G3 and c3·G1 - c1·G3 for the means of
// pairs.
func halfOdd(k *boxConst, f1, f3, f5, f7 int) (int, int) {
	return f1*k.h1a - f7*k.h7a + f3*k.h3a - f5*k.h5a, f1*k.h1b - f7*k.h7b - f3*k.h3b + f5*k.h5b
}

// quarter1D returns the means of sample quadruples of the 1-D inverse DCT
// of f0..f7, scaled by 2^boxBits.
func quarter1D(k *boxConst, f0, f1, f3, f4, f5, f7 int) (o0, o1 int) {
	e := f0*k.q0 - f4*k.q4
	o := f1*k.q1 - f3*k.q3 - f5*k.q5 + f7*k.q7
	return e + o, e - o
}

// idctBox writes the n×n box-downscaled samples of the dequantized block
// blk (n = 4 or 2) to dst, level-shifted and clipped, and clears blk. last
// is the zig-zag index of the last non-zero coefficient.
func idctBox(blk *[64]int32, last, n int, dst []byte, stride int) {
	if len(dst) < (n-1)*stride+n {
		return
	}
	if last == 0 {
		v := dcSample(blk[0])
		blk[0] = 0
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				dst[y*stride+x] = v
			}
		}
		return
	}
	const sh = 2 * boxBits
	const bias = 128<<sh + 1<<(sh-1)
	k := &box
	cols := int(zigCols[last&63])
	if n == 4 {
		var t [4][8]int
		for u := 0; u < cols; u++ {
			c := blk[u:]
			e0, e2 := halfEven(k, int(c[0]), int(c[16]), int(c[48]))
			oa, ob := halfOdd(k, int(c[8]), int(c[24]), int(c[40]), int(c[56]))
			t[0][u], t[1][u], t[2][u], t[3][u] = halfOut(e0, e2, oa, ob)
		}
		*blk = [64]int32{}
		for y := 0; y < 4; y++ {
			r := &t[y]
			e0, e2 := halfEven(k, r[0], r[2], r[6])
			oa, ob := halfOdd(k, r[1], r[3], r[5], r[7])
			o0, o1, o2, o3 := halfOut(e0, e2, oa, ob)
			row := dst[y*stride : y*stride+4 : y*stride+4]
			row[0] = clamp8((o0 + bias) >> sh)
			row[1] = clamp8((o1 + bias) >> sh)
			row[2] = clamp8((o2 + bias) >> sh)
			row[3] = clamp8((o3 + bias) >> sh)
		}
		return
	}
	var t [2][8]int
	for u := 0; u < cols; u++ {
		c := blk[u:]
		t[0][u], t[1][u] = quarter1D(k, int(c[0]), int(c[8]), int(c[24]), int(c[32]), int(c[40]), int(c[56]))
	}
	*blk = [64]int32{}
	for y := 0; y < 2; y++ {
		r := &t[y]
		o0, o1 := quarter1D(k, r[0], r[1], r[3], r[4], r[5], r[7])
		dst[y*stride] = clamp8((o0 + bias) >> sh)
		dst[y*stride+1] = clamp8((o1 + bias) >> sh)
	}
}

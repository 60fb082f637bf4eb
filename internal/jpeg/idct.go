package jpeg

// The 8×8 inverse DCT uses the Loeffler–Ligtenberg–Moschytz factorisation
// (12 multiplications per 8-point transform) in fixed point: constants
// carry constBits fraction bits, and the intermediate rows keep pass1Bits
// extra bits of precision.
const (
	constBits = 13
	pass1Bits = 2
)

// fix returns x in constBits fixed point (the constants below are
// cosines and their sums from the factorisation).
const (
	fix0298 = 2446  // 0.298631336
	fix0390 = 3196  // 0.390180644
	fix0541 = 4433  // 0.541196100
	fix0765 = 6270  // 0.765366865
	fix0899 = 7373  // 0.899976223
	fix1175 = 9633  // 1.175875602
	fix1501 = 12299 // 1.501321110
	fix1847 = 15137 // 1.847759065
	fix1961 = 16069 // 1.961570560
	fix2053 = 16819 // 2.053119869
	fix2562 = 20995 // 2.562915447
	fix3072 = 25172 // 3.072711026
)

// clamp8 clips v to [0, 255].
func clamp8(v int) uint8 {
	if uint(v) <= 255 {
		return uint8(v)
	}
	if v < 0 {
		return 0
	}
	return 255
}

// dcSample is the sample value of a block whose only non-zero coefficient
// is the dequantised DC term dc: dc/8 rounded, level-shifted by 128 and
// clipped.
func dcSample(dc int32) uint8 {
	return clamp8((int(dc)+4)>>3 + 128)
}

// idctEven is the even half of the 8-point inverse transform: from inputs
// 0, 2, 4, 6 it returns the four even terms, scaled by 2^constBits.
func idctEven(i0, i2, i4, i6 int) (e10, e11, e12, e13 int) {
	z1 := (i2 + i6) * fix0541
	e2 := z1 - i6*fix1847
	e3 := z1 + i2*fix0765
	e0 := (i0 + i4) << constBits
	e1 := (i0 - i4) << constBits
	return e0 + e3, e1 + e2, e1 - e2, e0 - e3
}

// The odd half of the 8-point inverse transform takes inputs 7, 5, 3, 1
// through idctOddCross and idctOddOut (two parts, so that both inline) and
// gives the four odd terms, scaled by 2^constBits.

// idctOddCross returns the products of the pair sums of the odd part.
func idctOddCross(a0, a1, a2, a3 int) (s1, s2, s3, s4 int) {
	s5 := (a0 + a1 + a2 + a3) * fix1175
	return (a0 + a3) * -fix0899, (a1 + a2) * -fix2562, (a0+a2)*-fix1961 + s5, (a1+a3)*-fix0390 + s5
}

// idctOddOut finishes the odd part from its inputs and idctOddCross.
func idctOddOut(a0, a1, a2, a3, s1, s2, s3, s4 int) (o0, o1, o2, o3 int) {
	return a0*fix0298 + s1 + s3, a1*fix2053 + s2 + s4, a2*fix3072 + s2 + s3, a3*fix1501 + s1 + s4
}

// idct8 inverse-transforms the dequantized block blk (natural order),
// level-shifts by 128, clips and writes the 8×8 samples to dst with the
// given stride. last is the zig-zag index of the last non-zero
// coefficient; blk is cleared.
func idct8(blk *[64]int32, last int, dst []byte, stride int) {
	if len(dst) < 7*stride+8 {
		return
	}
	if last == 0 {
		v := dcSample(blk[0])
		blk[0] = 0
		for y := 0; y < 8; y++ {
			row := dst[y*stride : y*stride+8]
			for x := range row {
				row[x] = v
			}
		}
		return
	}
	var ws [64]int
	// Pass 1: columns, into ws with pass1Bits extra bits.
	cols := int(zigCols[last&63])
	for x := 0; x < cols; x++ {
		c := blk[x:]
		if c[8]|c[16]|c[24]|c[32]|c[40]|c[48]|c[56] == 0 {
			v := int(c[0]) << pass1Bits
			for y := 0; y < 8; y++ {
				ws[y*8+x] = v
			}
			continue
		}
		const sh = constBits - pass1Bits
		const rnd = 1 << (sh - 1)
		e10, e11, e12, e13 := idctEven(int(c[0]), int(c[16]), int(c[32]), int(c[48]))
		i7, i5, i3, i1 := int(c[56]), int(c[40]), int(c[24]), int(c[8])
		s1, s2, s3, s4 := idctOddCross(i7, i5, i3, i1)
		a0, a1, a2, a3 := idctOddOut(i7, i5, i3, i1, s1, s2, s3, s4)
		ws[x] = (e10 + a3 + rnd) >> sh
		ws[8+x] = (e11 + a2 + rnd) >> sh
		ws[16+x] = (e12 + a1 + rnd) >> sh
		ws[24+x] = (e13 + a0 + rnd) >> sh
		ws[32+x] = (e13 - a0 + rnd) >> sh
		ws[40+x] = (e12 - a1 + rnd) >> sh
		ws[48+x] = (e11 - a2 + rnd) >> sh
		ws[56+x] = (e10 - a3 + rnd) >> sh
	}
	*blk = [64]int32{}
	// Pass 2: rows, descaled by constBits+pass1Bits+3 (the 3 is the 1/8
	// of the 2-D normalisation), level-shifted and clipped.
	const sh = constBits + pass1Bits + 3
	const bias = 128<<sh + 1<<(sh-1)
	for y := 0; y < 8; y++ {
		r := ws[y*8 : y*8+8 : y*8+8]
		row := dst[y*stride : y*stride+8 : y*stride+8]
		if r[1]|r[2]|r[3]|r[4]|r[5]|r[6]|r[7] == 0 {
			v := clamp8((r[0]+(1<<(pass1Bits+2)))>>(pass1Bits+3) + 128)
			for x := range row {
				row[x] = v
			}
			continue
		}
		e10, e11, e12, e13 := idctEven(r[0]+bias>>constBits, r[2], r[4], r[6])
		s1, s2, s3, s4 := idctOddCross(r[7], r[5], r[3], r[1])
		a0, a1, a2, a3 := idctOddOut(r[7], r[5], r[3], r[1], s1, s2, s3, s4)
		row[0] = clamp8((e10 + a3) >> sh)
		row[1] = clamp8((e11 + a2) >> sh)
		row[2] = clamp8((e12 + a1) >> sh)
		row[3] = clamp8((e13 + a0) >> sh)
		row[4] = clamp8((e13 - a0) >> sh)
		row[5] = clamp8((e12 - a1) >> sh)
		row[6] = clamp8((e11 - a2) >> sh)
		row[7] = clamp8((e10 - a3) >> sh)
	}
}

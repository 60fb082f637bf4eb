package jpeg

// baselineBlock decodes one block of a sequential scan (sections F.2.2.1
// and F.2.2.2), dequantizes it and writes its samples to the planes, at
// every scale but 1/8 (dcBlock).
func (d *decoder) baselineBlock(br *bitReader, sc *scanComp, bx, by int, pred *int32) error {
	if err := decodeDC(br, &d.huff[0][sc.td], pred); err != nil {
		return err
	}
	q := &d.quant[d.comp[sc.ci].tq]
	blk := &d.blk // all zero: put clears what it uses
	blk[0] = *pred * q[0]
	last := 0
	if d.eobRun > 0 {
		d.eobRun--
	} else {
		var err error
		if last, err = d.decodeAC(br, &d.huff[1][sc.ta], q, blk); err != nil {
			return err
		}
	}
	if br.overrun() {
		return br.overrunError()
	}
	d.put(sc.ci, bx, by, blk, last)
	return nil
}

// decodeDC decodes the difference of a DC coefficient with table t and
// adds it to the component's prediction pred (section F.2.2.1), in a
// sequential scan or the first DC scan of a progressive image.
func decodeDC(br *bitReader, t *huffTable, pred *int32) error {
	s, err := br.symbol(t)
	if err != nil {
		return err
	}
	if s > 16 {
		return UnsupportedError("excessive DC component")
	}
	*pred += br.receiveExtend(int(s))
	return nil
}

// decodeAC decodes the AC coefficients 1..63 of a sequential block into
// blk, dequantized, and returns the zig-zag index of the last one written.
// Each coefficient takes one lookup in t.ac, which also resolves the value
// when the code and its extra bits fit in lutBits; the bit window is kept
// in locals, and topped up to at least 32 bits before each coefficient,
// which is enough for a code and its extra bits.
func (d *decoder) decodeAC(br *bitReader, t *huffTable, q *[64]int32, blk *[64]int32) (int, error) {
	last := 0
	acc, n := br.acc, br.n
	for k := 1; k < 64; {
		if n < 32 {
			br.acc, br.n = acc, n
			br.fill()
			acc, n = br.acc, br.n
		}
		e := t.ac[acc>>(64-lutBits)]
		if e == 0 {
			sym, l := t.slowSymbol(acc)
			if l == 0 {
				return 0, errBadHuffman
			}
			e = int32(sym)<<8 | int32(l)
		}
		l := int(e & 0x7f)
		run, size := int(e>>12)&15, int(e>>8)&15
		if size == 0 {
			acc <<= l
			n -= l
			if run == 15 {
				k += 16
				continue
			}
			br.acc, br.n = acc, n
			d.endOfBand(br, run)
			return last, nil
		}
		if k += run; k > 63 {
			if e&acValue != 0 {
				l -= size // the code alone
			}
			acc <<= l
			n -= l
			break
		}
		var v int32
		if e&acValue != 0 {
			v = e >> 16
			acc <<= l
			n -= l
		} else {
			acc <<= l
			v = extend(int32(acc>>(64-size)), size)
			acc <<= size
			n -= l + size
		}
		blk[unzig[k&63]&63] = v * q[k&63] // the masks drop three bounds checks
		last = k
		k++
	}
	br.acc, br.n = acc, n
	return last, nil
}

// endOfBand handles an EOBn symbol: this block ends and the next
// (1<<run | extra bits) - 1 blocks of the band are empty (section G.1.2.2).
// In a sequential scan only EOB (run 0) is valid; other runs are honoured
// as image/jpeg honours them.
func (d *decoder) endOfBand(br *bitReader, run int) {
	r := 1 << run
	if run != 0 {
		r |= int(br.bits(run))
	}
	d.eobRun = r - 1
}

// put transforms a dequantized block and writes it to component ci's
// plane at block (bx, by), at the decoder's scale, and clears blk.
func (d *decoder) put(ci, bx, by int, blk *[64]int32, last int) {
	stride := d.out.stride[ci]
	bs := d.bs
	off := by*bs*stride + bx*bs
	dst := d.out.pix[ci]
	if off < 0 || off+(bs-1)*stride+bs > len(dst) {
		*blk = [64]int32{}
		return // cannot happen: blocks lie inside the padded planes
	}
	dst = dst[off:]
	switch d.scale {
	case 1:
		idct8(blk, last, dst, stride)
	case 8:
		dst[0] = dcSample(blk[0])
		*blk = [64]int32{} // AC terms are only set in progressive images
	default:
		idctBox(blk, last, bs, dst, stride)
	}
}

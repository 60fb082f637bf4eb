package jpeg

// dcBlock decodes one block of a sequential scan at 1/8 scale, where a
// block's one output sample is its DC term: it decodes the DC difference,
// skips the AC coefficients (decoding their codes, stepping over their
// extra bits unread) and writes the sample. It does what baselineBlock
// does at that scale, bits consumed, errors and samples alike, with the
// bit window in locals across the block; d.blk stays zero unless an error
// leaves the DC term in it for the restarter to write.
func (d *decoder) dcBlock(br *bitReader, sc *scanComp, bx, by int, pred *int32) error {
	if err := decodeDC(br, &d.huff[0][sc.td], pred); err != nil {
		return err
	}
	dc := *pred * d.quant[d.comp[sc.ci].tq][0]
	if d.eobRun > 0 {
		d.eobRun--
	} else if err := d.skipAC(br, &d.huff[1][sc.ta]); err != nil {
		d.blk[0] = dc
		return err
	}
	if br.overrun() {
		d.blk[0] = dc
		return br.overrunError()
	}
	if d.store != nil { // a scout's decoder (split.go)
		if d.scale == 8 {
			d.store.dc = append(d.store.dc, dc)
		}
		return nil
	}
	d.putDC(sc.ci, bx, by, dc)
	return nil
}

// skipAC consumes the AC coefficients 1..63 of a sequential block as
// decodeAC does, storing nothing: one lookup in t.skip gives a code's
// symbol and the length of the code and its extra bits together.
func (d *decoder) skipAC(br *bitReader, t *huffTable) error {
	acc, n := br.acc, br.n
	for k := 1; k < 64; {
		if n < 32 {
			var ok bool
			acc, n, ok = br.fillFast(acc, n)
			br.acc, br.n = acc, n // as fill leaves them, for an error
			if !ok {
				br.fillSlow()
				acc, n = br.acc, br.n
			}
		}
		w := acc >> (64 - lutBits) & (1<<lutBits - 1)
		// A run of codes is taken when the one-code path would take
		// them the same way: without topping up the window between
		// them (it holds 32 bits and more before each) and without
		// passing the end of the block.
		if r := t.run[w]; r != 0 && n >= 32+lutBits && k+int(r>>runAdvShift&127) <= 64 {
			l := int(r & 15)
			acc <<= l
			n -= l
			if r&runEOB != 0 {
				br.acc, br.n = acc, n
				d.eobRun = 0
				return nil
			}
			k += int(r >> runAdvShift & 127)
			continue
		}
		e := t.skip[w]
		if e == 0 {
			sym, l := t.slowSymbol(acc)
			if l == 0 {
				return errBadHuffman // br as the last top-up left it, as decodeAC
			}
			e = skipEntry(sym, l)
		}
		l := int(e & 0xff)
		size := int(e>>8) & 15
		if size == 0 {
			acc <<= l
			n -= l
			if run := int(e >> 12); run != 15 {
				br.acc, br.n = acc, n
				d.endOfBand(br, run)
				return nil
			}
			k += 16
			continue
		}
		if k += int(e>>12) + 1; k > 64 {
			l -= size // the code alone, as decodeAC
			acc <<= l
			n -= l
			break
		}
		acc <<= l
		n -= l
	}
	br.acc, br.n = acc, n
	return nil
}

// putDC writes the 1/8-scale sample of a block whose dequantized DC term
// is dc to component ci's plane at block (bx, by).
func (d *decoder) putDC(ci, bx, by int, dc int32) {
	if off := by*d.out.stride[ci] + bx; off >= 0 && off < len(d.out.pix[ci]) {
		d.out.pix[ci][off] = dcSample(dc)
	}
}

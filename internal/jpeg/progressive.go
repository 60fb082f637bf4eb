package jpeg

// coef returns the stored coefficients of a block of component ci.
func (d *decoder) coef(ci, bx, by int) *[64]int32 {
	i := (by*d.mxx*d.comp[ci].h + bx) * 64
	return (*[64]int32)(d.coeffs[ci][i : i+64])
}

// dcFirst decodes the first DC scan of a progressive image (G.1.2.1).
func (d *decoder) dcFirst(br *bitReader, sc *scanComp, bx, by int, pred *int32, al int) error {
	if err := decodeDC(br, &d.huff[0][sc.td], pred); err != nil {
		return err
	}
	d.coef(sc.ci, bx, by)[0] = *pred << al
	if br.overrun() {
		return br.overrunError()
	}
	return nil
}

// dcRefine adds one bit of precision to a DC coefficient (G.1.2.1).
func (d *decoder) dcRefine(br *bitReader, sc *scanComp, bx, by int, al int) error {
	if br.bit() {
		d.coef(sc.ci, bx, by)[0] |= 1 << al
	}
	if br.overrun() {
		return br.overrunError()
	}
	return nil
}

// acFirst decodes the first scan of a band of AC coefficients (G.1.2.2).
func (d *decoder) acFirst(br *bitReader, sc *scanComp, bx, by int, ss, se, al int) error {
	if d.eobRun > 0 {
		d.eobRun--
		return nil
	}
	t := &d.huff[1][sc.ta]
	b := d.coef(sc.ci, bx, by)
	for k := ss; k <= se; k++ {
		sym, err := br.symbol(t)
		if err != nil {
			return err
		}
		run, size := int(sym>>4), int(sym&15)
		if size == 0 {
			if run == 15 {
				k += 15
				continue
			}
			d.endOfBand(br, run)
			break
		}
		if k += run; k > se {
			break
		}
		b[unzig[k&63]] = br.receiveExtend(size) << al
	}
	if br.overrun() {
		return br.overrunError()
	}
	return nil
}

// acRefine adds one bit of precision to a band of AC coefficients and
// places newly non-zero ones (G.1.2.3).
func (d *decoder) acRefine(br *bitReader, sc *scanComp, bx, by int, ss, se, al int) error {
	t := &d.huff[1][sc.ta]
	b := d.coef(sc.ci, bx, by)
	delta := int32(1) << al
	k := ss
	if d.eobRun == 0 {
		for ; k <= se; k++ {
			sym, err := br.symbol(t)
			if err != nil {
				return err
			}
			run, size := int(sym>>4), int(sym&15)
			var z int32
			switch size {
			case 0:
				if run != 15 {
					r := 1 << run
					if run != 0 {
						r |= int(br.bits(run))
					}
					d.eobRun = r
					goto band
				}
			case 1:
				z = delta
				if !br.bit() {
					z = -z
				}
			default:
				return FormatError("unexpected Huffman code")
			}
			k = refineNonZero(br, b, k, se, run, delta)
			if k > se {
				return FormatError("too many coefficients")
			}
			if z != 0 {
				b[unzig[k]] = z
			}
		}
	}
band:
	if d.eobRun > 0 {
		d.eobRun--
		refineNonZero(br, b, k, se, -1, delta)
	}
	if br.overrun() {
		return br.overrunError()
	}
	return nil
}

// refineNonZero walks the band from zig-zag index k, adding a correction
// bit to every non-zero coefficient, and stops at the (zeros+1)th zero
// coefficient (never, if zeros < 0). It returns the index it stopped at.
func refineNonZero(br *bitReader, b *[64]int32, k, se, zeros int, delta int32) int {
	for ; k <= se; k++ {
		u := unzig[k&63]
		if b[u] == 0 {
			if zeros == 0 {
				break
			}
			zeros--
			continue
		}
		if !br.bit() {
			continue
		}
		if b[u] >= 0 {
			b[u] += delta
		} else {
			b[u] -= delta
		}
	}
	return k
}

// reconstructStored dequantizes and transforms every stored block that
// is visible (of a progressive or arithmetic-coded image), once all scans
// are read.
func (d *decoder) reconstructStored() error {
	for ci := 0; ci < d.nComp; ci++ {
		if d.coeffs[ci] == nil {
			continue
		}
		c := &d.comp[ci]
		q := &d.quant[c.tq]
		for by := 0; by < c.bh; by++ {
			if err := d.ctx.Err(); err != nil {
				return err
			}
			for bx := 0; bx < c.bw; bx++ {
				src := d.coef(ci, bx, by)
				blk := &d.blk
				last := 0
				if d.scale == 8 { // the DC term alone
					blk[0] = src[0] * q[0]
					d.put(ci, bx, by, blk, 0)
					continue
				}
				for k, u := range unzig {
					if v := src[u]; v != 0 {
						blk[u] = v * q[k]
						last = k
					}
				}
				d.put(ci, bx, by, blk, last)
			}
		}
	}
	return nil
}

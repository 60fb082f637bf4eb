package scale

import "encoding/binary"

// copyRows is band for a plan whose axes are both the identity (an
// orientation, a crop or a pad without a change of size): output row ty is
// stored row y.lo+ty itself, placed as the orientation says, with the same
// bytes a resample would give. A transposed orientation takes the rows of
// an in-memory plane eight at a time, so that each write fills eight
// adjacent bytes of a destination row instead of one byte per row.
func (j *job8) copyRows(t0, t1 int, sc *scratch, stop func() error) error {
	p := j.p
	pl, inMemory := j.src.(plane8)
	group := 1
	if p.o.Transpose && inMemory && j.bpp == 1 {
		group = 8
	}
	sc.out = grow(sc.out, p.x.n*j.bpp)
	for ty, checked := t0, t0; ty < t1; {
		if ty-checked >= 32 {
			if err := stop(); err != nil {
				return err
			}
			checked = ty
		}
		if t1-ty >= group && group == 8 {
			if err := j.arrive.wait(p, ty+8); err != nil {
				return err
			}
			j.transpose8(pl, ty, sc)
			ty += 8
			continue
		}
		if err := j.arrive.wait(p, ty+1); err != nil {
			return err
		}
		sc.row8 = grow(sc.row8, p.x.n)
		row := j.src.row(p.y.lo+ty, p.x.lo, p.x.hi, sc.row8)[:p.x.n]
		if j.expand != nil {
			row = j.expand.lookup(sc.out, row)
		}
		if j.bpp == 4 {
			out := sc.out
			for i, v := range row {
				o := out[4*i : 4*i+4 : 4*i+4]
				o[0], o[1], o[2], o[3] = v, v, v, 0xff
			}
			row = out
		}
		off, step := p.placement(ty, j.dst.stride, j.bpp)
		place(j.dst.pix, row, off, step, j.bpp)
		ty++
	}
	return nil
}

// transpose8 places stored rows ty..ty+7 of an in-memory plane as eight
// adjacent columns of the destination (a transposed orientation, one byte
// per sample).
func (j *job8) transpose8(pl plane8, ty int, sc *scratch) {
	p := j.p
	var rows [8][]uint8
	for i := range rows {
		rows[i] = pl.row(p.y.lo+ty+i, p.x.lo, p.x.hi, nil)[:p.x.n]
	}
	if j.expand != nil {
		// The eight rows expanded into scratch first: the transpose
		// itself stays one load a sample.
		sc.expanded = grow(sc.expanded, 8*p.x.n)
		for i := range rows {
			rows[i] = j.expand.lookup(sc.expanded[i*p.x.n:(i+1)*p.x.n], rows[i])
		}
	}
	// The leftmost of the eight columns: row ty's, or with flipY row
	// ty+7's, whose samples then go in reverse order.
	first := ty
	if p.o.FlipY {
		first = ty + 7
		for i := range 4 {
			rows[i], rows[7-i] = rows[7-i], rows[i]
		}
	}
	off, step := p.placement(first, j.dst.stride, 1)
	dst := j.dst.pix
	r0, r1, r2, r3, r4, r5, r6, r7 := rows[0], rows[1], rows[2], rows[3], rows[4], rows[5], rows[6], rows[7]
	for x := range r0 {
		v := uint64(r0[x]) | uint64(r1[x])<<8 | uint64(r2[x])<<16 | uint64(r3[x])<<24 |
			uint64(r4[x])<<32 | uint64(r5[x])<<40 | uint64(r6[x])<<48 | uint64(r7[x])<<56
		binary.LittleEndian.PutUint64(dst[off:off+8], v)
		off += step
	}
}

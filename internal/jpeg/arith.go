package jpeg

// Arithmetic coding (sections F.1.4, F.2.4 and G.1.3, Annex D): the
// entropy coding of SOF9 (sequential) and SOF10 (progressive) frames,
// which libjpeg, and so libvips and Pillow, decode. Each binary decision
// is decoded against an adaptive probability estimate kept in a "bin" of
// the scan's statistics; the bins a decision uses depend on what came
// before it (the context models of F.1.4.4).
//
// The coefficients of every block are stored, as in a progressive image,
// and transformed once all scans are read: arithmetic-coded files are
// rare, so this path is written for clarity, not speed. Damage inside a
// restart interval (a coefficient index or magnitude out of range) leaves
// the rest of that interval as it is, with a warning, as libjpeg does;
// without restart intervals it is a FormatError.
//
// Arithmetic-coded data does not show where it ends: past its last byte
// the decoder reads zeros (D.2.6), and an encoder drops the zero bytes
// that end its output, which a flat end of an image makes many (16 for a
// photo over a plain grey band, measured). So a scan cut short is not
// refused as a Huffman-coded one is: it decodes from zeros, as libjpeg
// decodes it. A restart marker missing where an interval ends is still
// an error, or repaired as restart.go describes.

// qeEntry is one row of Table D.2: the LPS probability estimate Qe of a
// state, the states that follow an LPS and an MPS, and whether an LPS
// swaps the sense of the MPS.
type qeEntry struct {
	qe         uint16
	lps, mps   uint8
	switchSide bool
}

// qeTable is Table D.2 of T.81, with a last state of fixed probability
// 1/2 (ITU-T T.851), which the sign of an AC coefficient and DC
// refinement bits use.
var qeTable = [...]qeEntry{
	{0x5a1d, 1, 1, true}, {0x2586, 14, 2, false}, {0x1114, 16, 3, false}, {0x080b, 18, 4, false},
	{0x03d8, 20, 5, false}, {0x01da, 23, 6, false}, {0x00e5, 25, 7, false}, {0x006f, 28, 8, false},
	{0x0036, 30, 9, false}, {0x001a, 33, 10, false}, {0x000d, 35, 11, false}, {0x0006, 9, 12, false},
	{0x0003, 10, 13, false}, {0x0001, 12, 13, false}, {0x5a7f, 15, 15, true}, {0x3f25, 36, 16, false},
	{0x2cf2, 38, 17, false}, {0x207c, 39, 18, false}, {0x17b9, 40, 19, false}, {0x1182, 42, 20, false},
	{0x0cef, 43, 21, false}, {0x09a1, 45, 22, false}, {0x072f, 46, 23, false}, {0x055c, 48, 24, false},
	{0x0406, 49, 25, false}, {0x0303, 51, 26, false}, {0x0240, 52, 27, false}, {0x01b1, 54, 28, false},
	{0x0144, 56, 29, false}, {0x00f5, 57, 30, false}, {0x00b7, 59, 31, false}, {0x008a, 60, 32, false},
	{0x0068, 62, 33, false}, {0x004e, 63, 34, false}, {0x003b, 32, 35, false}, {0x002c, 33, 9, false},
	{0x5ae1, 37, 37, true}, {0x484c, 64, 38, false}, {0x3a0d, 65, 39, false}, {0x2ef1, 67, 40, false},
	{0x261f, 68, 41, false}, {0x1f33, 69, 42, false}, {0x19a8, 70, 43, false}, {0x1518, 72, 44, false},
	{0x1177, 73, 45, false}, {0x0e74, 74, 46, false}, {0x0bfb, 75, 47, false}, {0x09f8, 77, 48, false},
	{0x0861, 78, 49, false}, {0x0706, 79, 50, false}, {0x05cd, 48, 51, false}, {0x04de, 50, 52, false},
	{0x040f, 50, 53, false}, {0x0363, 51, 54, false}, {0x02d4, 52, 55, false}, {0x025c, 53, 56, false},
	{0x01f8, 54, 57, false}, {0x01a4, 55, 58, false}, {0x0160, 56, 59, false}, {0x0125, 57, 60, false},
	{0x00f6, 58, 61, false}, {0x00cb, 59, 62, false}, {0x00ab, 61, 63, false}, {0x008f, 61, 32, false},
	{0x5b12, 65, 65, true}, {0x4d04, 80, 66, false}, {0x412c, 81, 67, false}, {0x37d8, 82, 68, false},
	{0x2fe8, 83, 69, false}, {0x293c, 84, 70, false}, {0x2379, 86, 71, false}, {0x1edf, 87, 72, false},
	{0x1aa9, 87, 73, false}, {0x174e, 72, 74, false}, {0x1424, 72, 75, false}, {0x119c, 74, 76, false},
	{0x0f6b, 74, 77, false}, {0x0d51, 75, 78, false}, {0x0bb6, 77, 79, false}, {0x0a40, 77, 48, false},
	{0x5832, 80, 81, true}, {0x4d1c, 88, 82, false}, {0x438e, 89, 83, false}, {0x3bdd, 90, 84, false},
	{0x34ee, 91, 85, false}, {0x2eae, 92, 86, false}, {0x299a, 93, 87, false}, {0x2516, 86, 71, false},
	{0x5570, 88, 89, true}, {0x4ca9, 95, 90, false}, {0x44d9, 96, 91, false}, {0x3e22, 97, 92, false},
	{0x3824, 99, 93, false}, {0x32b4, 99, 94, false}, {0x2e17, 93, 86, false}, {0x56a8, 95, 96, true},
	{0x4f46, 101, 97, false}, {0x47e5, 102, 98, false}, {0x41cf, 103, 99, false}, {0x3c3d, 104, 100, false},
	{0x375e, 99, 93, false}, {0x5231, 105, 102, false}, {0x4c0f, 106, 103, false}, {0x4639, 107, 104, false},
	{0x415e, 103, 99, false}, {0x5627, 105, 106, true}, {0x50e7, 108, 107, false}, {0x4b85, 109, 103, false},
	{0x5597, 110, 109, false}, {0x504f, 111, 107, false}, {0x5a10, 110, 111, true}, {0x5522, 112, 109, false},
	{0x59eb, 112, 111, true},
	fixedHalf: {0x5a1d, fixedHalf, fixedHalf, false},
}

// fixedHalf is the state of fixed probability 1/2.
const fixedHalf = 113

// A bin holds a state index (low 7 bits) and the MPS (bit 7).
const mpsBit = 0x80

// arithReader is the decoder of Annex D over a scan's entropy-coded data.
type arithReader struct {
	data []byte
	pos  int    // the next byte to read
	c, a uint32 // the code register and the interval
	ct   int    // bits left in c before the next byte
	// stop is set once a marker or the end of the data is reached; the
	// decoder reads zeros from then on. pos is then at the marker's first
	// 0xFF (or the end).
	stop bool
}

// start (re)initialises the decoder at pos (D.2.7): two bytes are read
// by the first decision.
func (r *arithReader) start(pos int) {
	r.pos, r.c, r.a, r.ct, r.stop = pos, 0, 0, -16, false
}

// next returns the next data byte, undoing byte stuffing, or 0 once a
// marker or the end of the data is reached (D.2.6).
func (r *arithReader) next() uint32 {
	if r.stop {
		return 0
	}
	p := r.pos
	if p < len(r.data) && r.data[p] != 0xff {
		r.pos++
		return uint32(r.data[p])
	}
	for p < len(r.data) && r.data[p] == 0xff {
		p++ // fill bytes before a marker, or the stuffed 0xFF
	}
	if p < len(r.data) && r.data[p] == 0 {
		r.pos = p + 1
		return 0xff
	}
	r.stop = true
	return 0
}

// decide decodes one binary decision with the estimate in bin st and
// updates it (D.2.3-D.2.5, in the form with the code register compared
// against the shifted interval).
func (r *arithReader) decide(st *uint8) int {
	for r.a < 0x8000 {
		if r.ct--; r.ct < 0 {
			r.c = r.c<<8 | r.next()
			if r.ct += 8; r.ct < 0 {
				if r.ct++; r.ct == 0 {
					r.a = 0x8000 // the two first bytes are in: A starts at 0x10000
				}
			}
		}
		r.a <<= 1
	}
	sv := *st
	e := &qeTable[sv&^mpsBit]
	qe := uint32(e.qe)
	r.a -= qe
	lps := false
	if t := r.a << r.ct; r.c >= t {
		r.c -= t
		lps = r.a >= qe // c is in Qe's sub-interval: the LPS's, unless the other one is smaller (conditional exchange)
		r.a = qe
	} else if r.a < 0x8000 {
		lps = r.a < qe
	} else {
		return int(sv >> 7)
	}
	if !lps {
		*st = sv&mpsBit | e.mps
		return int(sv >> 7)
	}
	next := sv&mpsBit | e.lps
	if e.switchSide {
		next ^= mpsBit
	}
	*st = next
	return int(sv>>7) ^ 1
}

// arithScan is the state of one arithmetic-coded scan.
type arithScan struct {
	d     *decoder
	s     *scanParams
	r     arithReader
	dc    [4][64]uint8  // DC statistics by table (F.1.4.4.1)
	ac    [4][256]uint8 // AC statistics by table (F.1.4.4.2)
	ctx   [4]int        // each component's DC context: 0, 4, 8, 12 or 16
	pred  [4]int32      // each component's DC prediction
	fixed uint8
}

// errArithOverflow is damage found by the arithmetic decoder.
var errArithOverflow = FormatError("corrupt arithmetic-coded data")

// reset starts a scan or a restart interval: fresh statistics, contexts
// and predictions (F.1.4.4, D.2.7).
func (a *arithScan) reset(pos int) {
	a.r.start(pos)
	a.dc, a.ac = [4][64]uint8{}, [4][256]uint8{}
	a.ctx, a.pred = [4]int{}, [4]int32{}
	a.fixed = fixedHalf
}

// arithScan decodes scan s, whose data follows at d.r.pos.
func (d *decoder) arithScan(s *scanParams) error {
	a := &arithScan{d: d, s: s, r: arithReader{data: d.r.data}}
	a.reset(d.r.pos)
	block := a.blockFunc()
	w, h, _ := d.mcuGrid(s)
	total := w * h
	rst := restarter{d: d, br: &bitReader{data: d.r.data}}
	skip := false
	for m := 0; m < total; m++ {
		if m%w == 0 {
			if err := d.ctx.Err(); err != nil {
				return err
			}
		}
		if !skip {
			var err error
			d.eachBlock(s, m%w, m/w, func(ci, bx, by int) {
				if err == nil {
					err = block(ci, s.compOf(ci), d.coef(ci, bx, by))
				}
			})
			if err != nil {
				if d.ri == 0 {
					return err
				}
				d.opts.warn(a.r.pos, "Corrupt JPEG data: arithmetic-coded value out of range: rest of the restart interval left empty")
				skip = true
			}
		}
		if d.ri > 0 && (m+1)%d.ri == 0 && m+1 < total {
			_, at, ok := markerAt(d.r.data, a.r.pos)
			if !ok {
				return errTruncated
			}
			rst.br.pos = at
			if err := rst.resync(); err != nil {
				return err
			}
			a.reset(rst.br.pos)
			skip = false
		}
	}
	d.r.pos = a.r.pos
	return nil
}

// compOf returns the scan component whose frame component is ci.
func (s *scanParams) compOf(ci int) *scanComp {
	for i := 0; i < s.n; i++ {
		if s.comps[i].ci == ci {
			return &s.comps[i]
		}
	}
	return &s.comps[0] // cannot happen: eachBlock walks the scan's components
}

// blockFunc picks the decoding of one block for the scan's kind.
func (a *arithScan) blockFunc() func(ci int, sc *scanComp, b *[64]int32) error {
	s := a.s
	switch {
	case !a.d.progressive:
		return func(ci int, sc *scanComp, b *[64]int32) error {
			if err := a.dcFirst(ci, sc, b); err != nil {
				return err
			}
			return a.acFirst(sc, b, 1, 63, 0)
		}
	case s.ss == 0 && s.ah == 0:
		return a.dcFirst
	case s.ss == 0:
		return func(_ int, _ *scanComp, b *[64]int32) error {
			if a.r.decide(&a.fixed) == 1 {
				b[0] |= 1 << s.al
			}
			return nil
		}
	case s.ah == 0:
		return func(_ int, sc *scanComp, b *[64]int32) error { return a.acFirst(sc, b, s.ss, s.se, s.al) }
	}
	return func(_ int, sc *scanComp, b *[64]int32) error { return a.acRefine(sc, b) }
}

// category decodes the rest of a magnitude category (Figure F.23): m is
// the category decided so far (1 or 2), and each further decision in
// bins x[0], x[1]... doubles it. It returns the category and the index of
// the bin of the last decision.
func (a *arithScan) category(x []uint8, m int32) (int32, int, error) {
	i := 0
	for a.r.decide(&x[i]) == 1 {
		if m <<= 1; m == 0x8000 {
			return 0, 0, errArithOverflow
		}
		i++
	}
	return m, i, nil
}

// value decodes the bits of a magnitude below the top bit of category m,
// all in bin st (Figure F.24), and returns the magnitude.
func (a *arithScan) value(m int32, st *uint8) int32 {
	v := m
	for m >>= 1; m != 0; m >>= 1 {
		if a.r.decide(st) == 1 {
			v |= m
		}
	}
	return v + 1
}

// dcFirst decodes a DC difference (F.1.4.4.1, Figures F.19 and F.23)
// and stores the new prediction, shifted by Al.
func (a *arithScan) dcFirst(ci int, sc *scanComp, b *[64]int32) error {
	stats := &a.dc[sc.td]
	st := stats[a.ctx[ci]:]
	if a.r.decide(&st[0]) == 0 {
		a.ctx[ci] = 0
	} else {
		sign := a.r.decide(&st[1])
		m, i := int32(a.r.decide(&st[2+sign])), 0
		if m != 0 {
			var err error
			if m, i, err = a.category(stats[20:], m); err != nil {
				return err
			}
		}
		l, u := a.d.dcConditioning(sc.td)
		switch {
		case m < int32(1)<<l>>1:
			a.ctx[ci] = 0
		case m > int32(1)<<u>>1:
			a.ctx[ci] = 12 + 4*sign
		default:
			a.ctx[ci] = 4 + 4*sign
		}
		v := a.value(m, &stats[20+i+14])
		if sign == 1 {
			v = -v
		}
		a.pred[ci] = int32(int16(a.pred[ci] + v))
	}
	b[0] = a.pred[ci] << a.s.al
	return nil
}

// acFirst decodes AC coefficients ss..se of a block (F.1.4.4.2, Figures
// F.20-F.24), shifted by al: a sequential block's 1..63 or a progressive
// band.
func (a *arithScan) acFirst(sc *scanComp, b *[64]int32, ss, se, al int) error {
	stats := &a.ac[sc.ta]
	kx := int(a.d.acConditioning(sc.ta))
	for k := ss; k <= se; k++ {
		st := stats[3*(k-1):]
		if a.r.decide(&st[0]) == 1 {
			break // end of block
		}
		for a.r.decide(&st[1]) == 0 {
			if k++; k > se {
				return errArithOverflow
			}
			st = st[3:]
		}
		sign := a.r.decide(&a.fixed)
		m, x, i := int32(a.r.decide(&st[2])), st[2:], 0
		if m != 0 && a.r.decide(&st[2]) == 1 {
			x = stats[217:]
			if k <= kx {
				x = stats[189:]
			}
			var err error
			if m, i, err = a.category(x, 2); err != nil {
				return err
			}
		}
		v := a.value(m, &x[i+14])
		if sign == 1 {
			v = -v
		}
		b[unzig[k]] = v << al
	}
	return nil
}

// acRefine adds a bit of precision to the band of a block (G.1.3.3):
// beyond the last coefficient the previous scans made non-zero an
// end-of-band decision comes first; a non-zero coefficient gets a
// correction bit, a zero one may become +-1<<al.
func (a *arithScan) acRefine(sc *scanComp, b *[64]int32) error {
	s := a.s
	stats := &a.ac[sc.ta]
	p1, m1 := int32(1)<<s.al, int32(-1)<<s.al
	last := s.se
	for last > 0 && b[unzig[last]] == 0 {
		last--
	}
	for k := s.ss; k <= s.se; k++ {
		st := stats[3*(k-1):]
		if k > last && a.r.decide(&st[0]) == 1 {
			break
		}
		for {
			c := &b[unzig[k]]
			if *c != 0 {
				if a.r.decide(&st[2]) == 1 {
					if *c < 0 {
						*c += m1
					} else {
						*c += p1
					}
				}
				break
			}
			if a.r.decide(&st[1]) == 1 {
				*c = p1
				if a.r.decide(&a.fixed) == 1 {
					*c = m1
				}
				break
			}
			if k++; k > s.se {
				return errArithOverflow
			}
			st = st[3:]
		}
	}
	return nil
}

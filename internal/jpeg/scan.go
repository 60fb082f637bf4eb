package jpeg

// scanComp is one component of a scan (section B.2.3).
type scanComp struct {
	ci     int // index into frame.comp
	td, ta uint8
}

// scanParams is the header of one scan.
type scanParams struct {
	n      int
	comps  [4]scanComp
	ss, se int // spectral selection, zig-zag indices
	ah, al int // successive approximation bit positions
}

// parseSOS reads a scan header with image/jpeg's acceptance rules.
func (d *decoder) parseSOS(p []byte) (scanParams, error) {
	var s scanParams
	if d.nComp == 0 {
		return s, errMissingSOF
	}
	if len(p) < 6 || 4+2*d.nComp < len(p) || len(p)%2 != 0 {
		return s, FormatError("SOS has wrong length")
	}
	s.n = int(p[0])
	if len(p) != 4+2*s.n {
		return s, FormatError("SOS length inconsistent with number of components")
	}
	totalHV := 0
	for i := 0; i < s.n; i++ {
		id := p[1+2*i]
		ci := -1
		for j := 0; j < d.nComp; j++ {
			if d.comp[j].id == id {
				ci = j
			}
		}
		if ci < 0 {
			return s, FormatError("unknown component selector")
		}
		for j := 0; j < i; j++ {
			if s.comps[j].ci == ci {
				return s, FormatError("repeated component selector")
			}
		}
		totalHV += d.comp[ci].h * d.comp[ci].v
		td, ta := p[2+2*i]>>4, p[2+2*i]&15
		if td > 3 || (d.baseline && td > 1) {
			return s, FormatError("bad Td value")
		}
		if ta > 3 || (d.baseline && ta > 1) {
			return s, FormatError("bad Ta value")
		}
		s.comps[i] = scanComp{ci: ci, td: td, ta: ta}
	}
	if d.nComp > 1 && totalHV > 10 {
		return s, FormatError("total sampling factors too large")
	}
	s.ss, s.se = 0, 63
	if d.progressive {
		s.ss, s.se = int(p[1+2*s.n]), int(p[2+2*s.n])
		s.ah, s.al = int(p[3+2*s.n]>>4), int(p[3+2*s.n]&15)
		if (s.ss == 0 && s.se != 0) || s.ss > s.se || s.se >= 64 {
			return s, FormatError("bad spectral selection bounds")
		}
		if s.ss != 0 && s.n != 1 {
			return s, FormatError("progressive AC coefficients for more than one component")
		}
		if s.ah != 0 && s.ah != s.al+1 {
			return s, FormatError("bad successive approximation values")
		}
	}
	return s, nil
}

// scan decodes one scan whose header is p; the entropy-coded data follows
// in d.r.
func (d *decoder) scan(p []byte) error {
	s, err := d.parseSOS(p)
	if err != nil {
		return err
	}
	d.nScans++
	if limit := d.opts.maxScans(); d.nScans > limit {
		return &LimitError{What: "scans", Limit: int64(limit), Got: int64(d.nScans)}
	}
	if d.out == nil {
		d.out = newPlanes(&d.frame, d.bs, d.scale)
	}
	if d.stored() {
		for i := 0; i < s.n; i++ {
			ci := s.comps[i].ci
			if d.coeffs[ci] == nil {
				c := d.comp[ci]
				d.coeffs[ci] = make([]int32, d.mxx*c.h*d.myy*c.v*64)
			}
		}
	}
	if d.arithmetic {
		err = d.arithScan(&s)
	} else {
		err = d.huffmanScan(&s)
	}
	if err != nil {
		return err
	}
	if s.al == 0 {
		band := ^uint64(0) >> (63 - s.se) &^ (1<<s.ss - 1)
		for i := 0; i < s.n; i++ {
			d.final[s.comps[i].ci] |= band
		}
	}
	return nil
}

// huffmanScan decodes Huffman-coded scan s, whose data follows at d.r.pos,
// on several goroutines where it can.
func (d *decoder) huffmanScan(s *scanParams) error {
	br := &bitReader{data: d.r.data, pos: d.r.pos, origin: d.r.pos}
	from, err2 := d.parallel(br, s)
	if w, h, _ := d.mcuGrid(s); err2 == nil && from < w*h {
		err2 = d.sequence(br, s, from)
	}
	// The segments go on from the first byte the scan took no bit of:
	// bytes the bit reader loaded ahead and the scan did not use are
	// extraneous data before the next marker. This depends only on where
	// the scan's bits end, not on how far ahead the reader had loaded, so
	// that a scan split between goroutines (see split.go) ends as its
	// serial decode does.
	d.r.pos = br.end()
	return err2
}

// blockFunc decodes one block of scan component sc at block (bx, by).
type blockFunc func(br *bitReader, sc *scanComp, bx, by int, pred *int32) error

// blockDecoder picks the block routine for the scan's kind.
func (d *decoder) blockDecoder(s *scanParams) blockFunc {
	switch {
	case !d.progressive && d.scale == 8:
		return d.dcBlock
	case !d.progressive:
		return d.baselineBlock
	case s.ss == 0 && s.ah == 0:
		return func(br *bitReader, sc *scanComp, bx, by int, pred *int32) error {
			return d.dcFirst(br, sc, bx, by, pred, s.al)
		}
	case s.ss == 0:
		return func(br *bitReader, sc *scanComp, bx, by int, pred *int32) error {
			return d.dcRefine(br, sc, bx, by, s.al)
		}
	case s.ah == 0:
		return func(br *bitReader, sc *scanComp, bx, by int, pred *int32) error {
			return d.acFirst(br, sc, bx, by, s.ss, s.se, s.al)
		}
	}
	return func(br *bitReader, sc *scanComp, bx, by int, pred *int32) error {
		return d.acRefine(br, sc, bx, by, s.ss, s.se, s.al)
	}
}

// sequence decodes scan s MCU by MCU, in raster order, from MCU from (0,
// or the start of a restart interval where the parallel decode stopped).
// An MCU of an interleaved scan holds each component's blocks; a scan of
// one component has one block per MCU, in raster order over the
// component's own size (section A.2.2). A scan without restart markers
// may be split with a scout (split.go).
func (d *decoder) sequence(br *bitReader, s *scanParams, from int) error {
	block := d.blockDecoder(s)
	var pred [4]int32
	rst := restarter{d: d, br: br, mcu: from}
	if d.ri > 0 {
		rst.expected = byte(from / d.ri & 7)
	}
	w, h, rowH := d.mcuGrid(s)
	total := w * h
	stream := d.streams(s)
	sc := d.startScout(br, s, from)
	defer sc.end()
	if sc != nil && splitWait {
		sc.wg.Wait()
	}
	for m := from; m < total; {
		if m%w == 0 {
			if err := d.ctx.Err(); err != nil {
				return err
			}
		}
		if sc != nil && sc.done.Load() {
			next, ok, err := d.join(sc, br, s, &pred, m, total)
			if err != nil {
				return err
			}
			if !ok {
				sc.end()
				if splitHook != nil {
					splitHook(next > m)
				}
				sc = nil
			}
			if next > m {
				m, rst.mcu = next, next
				continue
			}
		}
		if rst.skip {
			d.emptyMCU(s, m%w, m/w)
		} else if err := d.decodeMCU(br, s, block, m%w, m/w, &pred, &rst); err != nil {
			return err
		}
		if err := rst.after(total, &pred); err != nil {
			return err
		}
		m++
		if stream && m%w == 0 {
			if err := d.emitRows(m / w * rowH); err != nil {
				return err
			}
		}
	}
	if sc != nil && splitHook != nil {
		splitHook(false)
	}
	return nil
}

// mcuGrid returns the number of MCUs across and down scan s, and the
// output rows an MCU row covers.
func (d *decoder) mcuGrid(s *scanParams) (w, h, rowH int) {
	if s.n == 1 {
		c := &d.comp[s.comps[0].ci]
		return c.bw, c.bh, d.bs
	}
	return d.mxx, d.myy, d.vmax * d.bs
}

// decodeMCU decodes MCU (mx, my) of scan s. An error from a block is
// returned unless rst (nil in the parallel decode, which leaves any
// damage to the serial one) repairs it.
func (d *decoder) decodeMCU(br *bitReader, s *scanParams, block blockFunc, mx, my int, pred *[4]int32, rst *restarter) error {
	if s.n == 1 {
		sc := &s.comps[0]
		if err := block(br, sc, mx, my, &pred[sc.ci]); err != nil && (rst == nil || !rst.damaged(err, sc.ci, mx, my)) {
			return err
		}
		return nil
	}
	for i := 0; i < s.n; i++ {
		sc := &s.comps[i]
		c := &d.comp[sc.ci]
		for j := 0; j < c.h*c.v; j++ {
			bx, by := mx*c.h+j%c.h, my*c.v+j/c.h
			if err := block(br, sc, bx, by, &pred[sc.ci]); err != nil && (rst == nil || !rst.damaged(err, sc.ci, bx, by)) {
				return err
			}
		}
	}
	return nil
}

// streams reports whether scan s hands rows to DecodeOptions.Rows as its
// rows of MCUs are decoded: when Rows is set and s is the first scan of a
// sequential image and covers every component (so that a valid stream
// has no later scan), and the planes are the output image itself (gray or
// Y'CbCr in a planar layout; RGB, CMYK and general layouts are converted
// at the end). Otherwise finish hands out every row at once.
func (d *decoder) streams(s *scanParams) bool {
	return d.opts != nil && d.opts.Rows != nil && !d.stored() && d.nScans == 1 &&
		s.n == d.nComp && !d.general && (d.nComp == 1 || d.nComp == 3 && !d.isRGB())
}

// emitRows hands output rows up to y1 to DecodeOptions.Rows.
func (d *decoder) emitRows(y1 int) error {
	img := d.out.view
	if h := img.Bounds().Dy(); y1 > h {
		y1 = h
	}
	if y1 <= d.streamed {
		return nil
	}
	y0 := d.streamed
	d.streamed = y1
	return d.opts.Rows(img, y0, y1)
}

package jpeg

// frame holds what the segments before and between scans declare, apart
// from the quantization and Huffman tables: all that DecodeConfig reads.
type frame struct {
	width, height int
	nComp         int
	comp          [4]component
	baseline      bool
	progressive   bool
	arithmetic    bool // arithmetic entropy coding (SOF9, SOF10), see arith.go
	mxx, myy      int  // number of MCUs across and down
	hmax, vmax    int  // the largest sampling factors
	// general is set for a sampling layout that the output image types
	// cannot hold as decoded (see planar): the planes are then converted
	// at the end.
	general bool

	jfif           bool
	adobe          bool // an Adobe APP14 segment was seen
	adobeTransform uint8

	ri int // restart interval in MCUs, 0 for none
}

// parseSOF reads a start-of-frame segment (section B.2.2), with the same
// acceptance rules as image/jpeg, except that every sampling factor from 1
// to 4 is accepted, as libjpeg accepts them.
func (f *frame) parseSOF(marker byte, p []byte) error {
	if f.nComp != 0 {
		return FormatError("multiple SOF markers")
	}
	f.baseline = marker == markerSOF0
	f.progressive = marker == markerSOF2 || marker == markerSOF10
	f.arithmetic = marker == markerSOF9 || marker == markerSOF10
	switch len(p) {
	case 6 + 3*1, 6 + 3*3, 6 + 3*4:
	default:
		return UnsupportedError("number of components")
	}
	n := (len(p) - 6) / 3
	if p[0] != 8 {
		return UnsupportedError("precision (only 8-bit samples are supported)")
	}
	f.height = int(p[1])<<8 | int(p[2])
	f.width = int(p[3])<<8 | int(p[4])
	if int(p[5]) != n {
		return FormatError("SOF has wrong length")
	}
	for i := 0; i < n; i++ {
		c := &f.comp[i]
		c.id = p[6+3*i]
		for j := 0; j < i; j++ {
			if f.comp[j].id == c.id {
				return FormatError("repeated component identifier")
			}
		}
		c.tq = p[8+3*i]
		if c.tq > 3 {
			return FormatError("bad Tq value")
		}
		hv := p[7+3*i]
		h, v := int(hv>>4), int(hv&15)
		if h < 1 || h > 4 || v < 1 || v > 4 {
			return FormatError("luma/chroma subsampling ratio")
		}
		if n == 1 {
			// A single component is never interleaved: its MCU is one
			// block whatever its nominal factors (sections A.2, 4.8.2).
			h, v = 1, 1
		}
		c.h, c.v = h, v
	}
	f.nComp = n
	f.hmax, f.vmax = 1, 1
	for i := 0; i < n; i++ {
		f.hmax, f.vmax = max(f.hmax, f.comp[i].h), max(f.vmax, f.comp[i].v)
	}
	f.mxx = (f.width + 8*f.hmax - 1) / (8 * f.hmax)
	f.myy = (f.height + 8*f.vmax - 1) / (8 * f.vmax)
	for i := 0; i < n; i++ {
		c := &f.comp[i]
		// Component size in samples is ceil(width*h/hmax) (section A.1.1).
		cw := (f.width*c.h + f.hmax - 1) / f.hmax
		ch := (f.height*c.v + f.vmax - 1) / f.vmax
		c.bw, c.bh = (cw+7)/8, (ch+7)/8
	}
	f.general = !f.planar()
	return nil
}

// parseDAC reads a define-arithmetic-conditioning segment (section
// B.2.4.3): for a DC table its bounds L and U (0 <= L <= U <= 15), for an
// AC table its Kx (1..63).
func (d *decoder) parseDAC(p []byte) error {
	if len(p)%2 != 0 {
		return FormatError("DAC has wrong length")
	}
	for ; len(p) > 0; p = p[2:] {
		tc, tb, cs := p[0]>>4, p[0]&15, p[1]
		switch {
		case tb > 3 || tc > 1:
			return FormatError("bad DAC table")
		case tc == 0 && cs&15 > cs>>4:
			return FormatError("bad DAC DC bounds")
		case tc == 1 && (cs < 1 || cs > 63):
			return FormatError("bad DAC Kx")
		}
		d.dac[tc][tb], d.dacSet[tc][tb] = cs, true
	}
	return nil
}

// dcConditioning returns DC table tb's bounds L and U: 0 and 1 unless a
// DAC segment set them (section F.1.4.4.1.2).
func (d *decoder) dcConditioning(tb uint8) (l, u uint8) {
	if !d.dacSet[0][tb] {
		return 0, 1
	}
	return d.dac[0][tb] & 15, d.dac[0][tb] >> 4
}

// acConditioning returns AC table tb's Kx: 5 unless a DAC segment set it
// (section F.1.4.4.2).
func (d *decoder) acConditioning(tb uint8) uint8 {
	if !d.dacSet[1][tb] {
		return 5
	}
	return d.dac[1][tb]
}

// parseDQT reads a define-quantization-table segment (section B.2.4.1).
func (d *decoder) parseDQT(p []byte) error {
	for len(p) > 0 {
		tq, pq := p[0]&15, p[0]>>4
		p = p[1:]
		if tq > 3 {
			return FormatError("bad Tq value")
		}
		q := &d.quant[tq]
		if len(p) == 0 && pq <= 1 {
			break // a final selector byte without a table: ignored, as image/jpeg does
		}
		switch pq {
		case 0:
			if len(p) < 64 {
				return FormatError("DQT has wrong length")
			}
			for i := range q {
				q[i] = int32(p[i])
			}
			p = p[64:]
		case 1:
			if len(p) < 128 {
				return FormatError("DQT has wrong length")
			}
			for i := range q {
				q[i] = int32(p[2*i])<<8 | int32(p[2*i+1])
			}
			p = p[128:]
		default:
			return FormatError("bad Pq value")
		}
	}
	return nil
}

// parseDHT reads a define-Huffman-table segment (section B.2.4.2).
func (d *decoder) parseDHT(p []byte) error {
	for len(p) > 0 {
		if len(p) < 17 {
			return FormatError("DHT has wrong length")
		}
		tc, th := p[0]>>4, p[0]&15
		if tc > 1 {
			return FormatError("bad Tc value")
		}
		if th > 3 || (d.baseline && th > 1) {
			return FormatError("bad Th value")
		}
		var counts [16]uint8
		copy(counts[:], p[1:17])
		total := 0
		for _, c := range counts {
			total += int(c)
		}
		if total == 0 {
			return FormatError("Huffman table has zero length")
		}
		if total > 256 {
			return FormatError("Huffman table has excessive length")
		}
		p = p[17:]
		if len(p) < total {
			return FormatError("DHT has wrong length")
		}
		if err := d.huff[tc][th].build(&counts, p[:total], tc == 1); err != nil {
			return err
		}
		p = p[total:]
	}
	return nil
}

// parseDRI reads a define-restart-interval segment (section B.2.4.4).
func (f *frame) parseDRI(p []byte) error {
	if len(p) != 2 {
		return FormatError("DRI has wrong length")
	}
	f.ri = int(p[0])<<8 | int(p[1])
	return nil
}

// parseAPP notes what an APP0 (JFIF) or APP14 (Adobe) segment says about
// the colour model.
func (f *frame) parseAPP(marker byte, p []byte) {
	switch {
	case marker == markerAPP0 && len(p) >= 5:
		f.jfif = string(p[:5]) == "JFIF\x00"
	case marker == markerAPP14 && len(p) >= 12 && string(p[:5]) == "Adobe":
		f.adobe = true
		f.adobeTransform = p[11]
	}
}

// isRGB reports whether a three-component image holds R, G, B rather than
// Y'CbCr, by the same rules as image/jpeg.
func (f *frame) isRGB() bool {
	if f.jfif {
		return false
	}
	if f.adobe && f.adobeTransform == adobeUnknown {
		return true
	}
	return f.comp[0].id == 'R' && f.comp[1].id == 'G' && f.comp[2].id == 'B'
}

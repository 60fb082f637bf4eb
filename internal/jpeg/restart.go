package jpeg

import "strconv"

// Restart markers (section F.1.2.3) split a scan into intervals of ri MCUs
// that start with fresh DC predictions, so that damage stays inside one
// interval. Decode repairs what libjpeg repairs and in the same way, so
// that it gives the same pixels:
//
//   - Extraneous bytes before a restart marker are skipped.
//   - An interval whose data stops early at a restart marker is finished
//     with zero bits, as far as the MCU that ran short; the rest of that
//     interval is decoded as empty (all coefficients zero in a sequential
//     scan, unchanged in a progressive one).
//   - When the marker after an interval is not the one expected, libjpeg's
//     resynchronisation decides: one of the next two restart markers means
//     that markers were lost, so it is left for later and the next
//     interval, which meets it at once, is cut short; one of the previous
//     two is a duplicate and is skipped, as is a code that is not a
//     marker; any other restart marker is taken as the expected one.
//
// Each repair is reported through DecodeOptions.Warn. Data that ends, or
// reaches any other marker (such as EOI), before the scan's last interval
// is a truncated scan and stays an error, as it does without restart
// markers. Every step moves forward through the data or through the
// scan's MCUs, so the repairs are bounded by the input's size.

// restarter counts MCUs and handles restart markers.
type restarter struct {
	d        *decoder
	br       *bitReader
	mcu      int
	expected byte // the number n of the next RSTn
	// cut is set when the current interval's data stopped early at a
	// restart marker, and skip while the rest of that interval, from the
	// MCU after the cut, is decoded as empty.
	cut, skip bool
}

// after is called after each MCU of a scan with total MCUs.
func (r *restarter) after(total int, pred *[4]int32) error {
	r.mcu++
	if r.cut {
		r.cut, r.skip = false, true
	}
	ri := r.d.ri
	if ri == 0 || r.mcu%ri != 0 || r.mcu >= total {
		return nil
	}
	if err := r.resync(); err != nil {
		return err
	}
	r.br.reset()
	*pred = [4]int32{}
	r.d.eobRun = 0
	return nil
}

// damaged reports whether err, from decoding block (bx, by) of component
// ci, is an interval's data stopping early at a restart marker, and if so
// notes the cut and keeps the block: it and the rest of its MCU are
// decoded from the zero bits the bit reader supplies, as libjpeg decodes
// them.
func (r *restarter) damaged(err error, ci, bx, by int) bool {
	br := r.br
	if r.d.ri == 0 || !br.marker || br.eod || br.n-br.pad >= 16 ||
		err != errShortHuffman && err != errBadHuffman {
		return false
	}
	m, at, ok := markerAt(br.data, br.pos)
	if !ok || m < markerRST0 || m > markerRST7 {
		return false
	}
	for _, b := range br.data[br.pos:at] {
		if b != 0xff { // not the marker the bit reader stopped at
			return false
		}
	}
	if !r.cut {
		r.d.opts.warn(br.pos, "Corrupt JPEG data: premature end of data segment (restart interval cut short)")
	}
	r.cut = true
	if !r.d.progressive {
		r.d.put(ci, bx, by, &r.d.blk, 63) // and clears the block
	}
	return true
}

// resync moves the bit reader past the restart marker that ends the
// current interval, or decides what the marker found instead means.
func (r *restarter) resync() error {
	data, pos := r.br.data, r.br.pos
	want := markerRST0 + r.expected
	for {
		m, at, ok := markerAt(data, pos)
		if !ok {
			return errTruncated
		}
		if at > r.br.pos && m == want {
			r.d.opts.warn(r.br.pos, "Corrupt JPEG data: "+strconv.Itoa(at-r.br.pos)+" extraneous bytes before marker "+hexCode(m))
		}
		switch ahead := (m - want) & 7; {
		case m == want:
			r.next(at + 2)
			return nil
		case m < 0xc0:
			// Not a marker a stream can hold: data, skipped.
			pos = at + 2
		case m < markerRST0 || m > markerRST7:
			return FormatError("scan data ends at marker " + hexCode(m) + " before its last restart interval")
		case ahead == 1 || ahead == 2:
			// Left for a later interval: this one meets it at once and
			// is cut short (see damaged).
			r.d.opts.warn(at, "Corrupt JPEG data: found marker "+hexCode(m)+" instead of RST"+strconv.Itoa(int(r.expected))+": interval left empty")
			r.next(at)
			return nil
		case ahead == 6 || ahead == 7:
			r.d.opts.warn(at, "Corrupt JPEG data: found marker "+hexCode(m)+" instead of RST"+strconv.Itoa(int(r.expected))+": skipped")
			pos = at + 2
		default:
			r.d.opts.warn(at, "Corrupt JPEG data: found marker "+hexCode(m)+" instead of RST"+strconv.Itoa(int(r.expected))+": taken for it")
			r.next(at + 2)
			return nil
		}
	}
}

// next starts the next interval with the bit reader at pos.
func (r *restarter) next(pos int) {
	r.br.pos = pos
	r.expected = (r.expected + 1) & 7
	r.skip = false
}

// markerAt finds the first marker at or after pos: the offset at of its
// 0xFF (after any fill bytes) and its code m, skipping data bytes and
// stuffed "\xff\x00" pairs; ok is false when the data ends first.
func markerAt(data []byte, pos int) (m byte, at int, ok bool) {
	for pos+1 < len(data) {
		switch {
		case data[pos] != 0xff:
			pos++
		case data[pos+1] == 0xff:
			pos++
		case data[pos+1] == 0:
			pos += 2
		default:
			return data[pos+1], pos, true
		}
	}
	return 0, 0, false
}

// emptyBlock writes a block of the rest of an interval cut short: all
// coefficients zero in a sequential scan (mid-grey), nothing in a
// progressive one.
func (d *decoder) emptyBlock(ci, bx, by int) {
	if !d.progressive {
		d.put(ci, bx, by, &d.blk, 0)
	}
}

// emptyMCU writes the blocks of MCU (mx, my) of scan s as emptyBlock
// does.
func (d *decoder) emptyMCU(s *scanParams, mx, my int) { d.eachBlock(s, mx, my, d.emptyBlock) }

// eachBlock calls f with the component and block coordinates of each block
// of MCU (mx, my) of scan s, in decode order (section A.2: one block in a
// scan of one component, each component's h×v blocks in an interleaved
// one). decodeMCU walks the same order inline, on the hot path.
func (d *decoder) eachBlock(s *scanParams, mx, my int, f func(ci, bx, by int)) {
	if s.n == 1 {
		f(s.comps[0].ci, mx, my)
		return
	}
	for i := 0; i < s.n; i++ {
		ci := s.comps[i].ci
		c := &d.comp[ci]
		for j := 0; j < c.h*c.v; j++ {
			f(ci, mx*c.h+j%c.h, my*c.v+j/c.h)
		}
	}
}

package jpeg

import "encoding/binary"

// bitReader reads the entropy-coded data of a scan, MSB first, removing the
// 0xFF00 byte stuffing. It never reads past a marker: at a marker (or at the
// end of the data) it appends zero bits and counts them in pad, and the
// decoder reports short data when it has consumed any of them, as
// image/jpeg does when it runs out of bits.
type bitReader struct {
	data   []byte
	pos    int    // next byte of data to read
	origin int    // where it started reading (a byte before it is not data)
	acc    uint64 // unread bits, left-aligned; bits after the first n are 0
	n      int    // number of unread bits in acc, padding included
	pad    int    // number of zero bits appended after the segment ended
	marker bool   // pos is at a marker's 0xFF or at the end of the data
	eod    bool   // the data ended without a marker
}

// fill tops acc up to at least 57 bits: fillFast when it can, else
// fillSlow.
func (br *bitReader) fill() {
	if acc, n, ok := br.fillFast(br.acc, br.n); ok {
		br.acc, br.n = acc, n
		return
	}
	br.fillSlow()
}

// fillFast is the fast path of fill, for a bit window acc, n that the
// caller may hold in locals (so that a block decoder keeps it in
// registers): when the next 8 bytes of data hold no 0xFF (no stuffing, no
// marker) it takes the next whole bytes at once and returns the window
// topped up to at least 57 bits; otherwise it returns ok false and leaves
// br alone, and the caller stores the window and calls fillSlow. It need
// not test br.marker: at a marker the next 8 bytes hold its 0xFF. It is
// small enough to be inlined.
func (br *bitReader) fillFast(acc uint64, n int) (uint64, int, bool) {
	if pos := br.pos; pos+8 <= len(br.data) {
		w := binary.BigEndian.Uint64(br.data[pos:])
		if x := ^w; (x-0x0101010101010101)&^x&0x8080808080808080 == 0 {
			m := (64 - n) &^ 7 // whole bytes, in bits
			br.pos = pos + m>>3
			return acc | w>>(64-m)<<(64-n-m), n + m, true
		}
	}
	return acc, n, false
}

// fillSlow is fill byte by byte: it removes the stuffing and stops at a
// marker or at the end of the data, appending zero bits from there.
func (br *bitReader) fillSlow() {
	acc, n, pos, data := br.acc, br.n, br.pos, br.data
	for n <= 56 {
		if br.marker {
			br.pad += 8
			n += 8
			continue
		}
		if pos >= len(data) {
			br.marker, br.eod = true, true
			continue
		}
		b := data[pos]
		if b == 0xff {
			if pos+1 < len(data) && data[pos+1] == 0 {
				pos += 2
			} else {
				br.marker = true
				continue
			}
		} else {
			pos++
		}
		acc |= uint64(b) << (56 - n)
		n += 8
	}
	br.acc, br.n, br.pos = acc, n, pos
}

// overrun reports whether more bits were consumed than the segment had.
func (br *bitReader) overrun() bool { return br.n < br.pad }

// overrunError is the error for an overrun: truncation if the data ended.
func (br *bitReader) overrunError() error {
	if br.eod {
		return errTruncated
	}
	return errShortHuffman
}

// at returns the position in data of the next bit to be consumed: 8
// times the offset of its byte plus its index in the byte, 0 the most
// significant. Unlike pos, it does not depend on how far ahead the reader
// has loaded: two readers of the same data that consumed up to the same
// bit give the same position. It walks back over the whole bytes loaded
// and not consumed (at most 8), a stuffed "\xff\x00" pair counting as one.
func (br *bitReader) at() int64 {
	u := max(br.n-br.pad, 0) // real bits loaded and not consumed
	p := br.pos
	for i := (u + 7) >> 3; i > 0; i-- {
		if p-2 >= br.origin && br.data[p-1] == 0 && br.data[p-2] == 0xff {
			p -= 2
		} else {
			p--
		}
	}
	return int64(p)<<3 + int64(-u&7)
}

// end returns the offset of the first byte of data none of whose bits
// were consumed.
func (br *bitReader) end() int {
	at := br.at()
	p := int(at >> 3)
	if at&7 != 0 {
		p++
		if br.data[p-1] == 0xff { // the first byte of a stuffed pair
			p++
		}
	}
	return p
}

// readerAt returns a bit reader of data whose next bit is the one at
// position at (see bitReader.at).
func readerAt(data []byte, at int64) bitReader {
	p := int(at >> 3)
	br := bitReader{data: data, pos: p, origin: p}
	if k := int(at & 7); k > 0 {
		br.bits(k)
	}
	return br
}

// reset discards the buffered bits, at a restart marker or scan end.
func (br *bitReader) reset() {
	br.acc, br.n, br.pad, br.marker, br.eod = 0, 0, 0, false, false
}

// bits consumes and returns the next n bits (n ≤ 32).
func (br *bitReader) bits(n int) uint32 {
	if br.n < 32 {
		br.fill()
	}
	v := uint32(br.acc >> (64 - n)) // 0 when n is 0
	br.acc <<= n
	br.n -= n
	return v
}

// bit consumes and returns the next bit.
func (br *bitReader) bit() bool {
	if br.n < 1 {
		br.fill()
	}
	v := br.acc>>63 != 0
	br.acc <<= 1
	br.n--
	return v
}

// receiveExtend consumes size bits (size ≤ 16) and returns them as a
// signed value (sections F.2.2.1 RECEIVE and EXTEND).
func (br *bitReader) receiveExtend(size int) int32 {
	if size == 0 {
		return 0
	}
	return extend(int32(br.bits(size)), size)
}

// extend turns the size extra bits v of a coefficient (1 ≤ size ≤ 16)
// into its signed value (section F.2.2.1 EXTEND), without a branch: the
// sign of a coefficient is a coin toss.
func extend(v int32, size int) int32 {
	return v + (v-1<<(size-1))>>31&(1-1<<size)
}

// symbol decodes one Huffman symbol with t.
func (br *bitReader) symbol(t *huffTable) (uint8, error) {
	if br.n < 32 {
		br.fill()
	}
	if e := t.sym[br.acc>>(64-lutBits)]; e != 0 {
		l := int(e & 0xff)
		br.acc <<= l
		br.n -= l
		return uint8(e >> 8), nil
	}
	s, l := t.slowSymbol(br.acc)
	if l == 0 {
		return 0, errBadHuffman
	}
	br.acc <<= l
	br.n -= l
	return s, nil
}

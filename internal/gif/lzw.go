package gif

// maxCodes is the size of the LZW code table: codes are at most 12 bits.
const maxCodes = 1 << 12

// subBlocks reads the bits of a chain of data sub-blocks, least
// significant bit first, as GIF's LZW codes are packed.
type subBlocks struct {
	data     []byte
	p, end   int // the unread bytes of the current sub-block are data[p:end]
	finished bool
	bits     uint32
	nbits    uint
}

// newSubBlocks reads the chain whose first size byte is data[p].
func newSubBlocks(data []byte, p int) *subBlocks {
	return &subBlocks{data: data, p: p, end: p}
}

// next returns the next byte, and false at the zero-length block that
// ends the chain (or at the end of data, which Scan has ruled out).
func (r *subBlocks) next() (byte, bool) {
	for r.p == r.end {
		if r.finished || r.end >= len(r.data) || r.data[r.end] == 0 {
			r.finished = true
			return 0, false
		}
		r.p = r.end + 1
		r.end = min(r.p+int(r.data[r.end]), len(r.data))
	}
	b := r.data[r.p]
	r.p++
	return b, true
}

// code returns the next code of width bits, and false when the data ends
// first. A code whose last bit is the last bit of the chain counts as
// past the end, as libnsgif reads it: that only matters to a stream that
// lacks its end code, whose last code libnsgif drops.
func (r *subBlocks) code(width uint) (int, bool) {
	for r.nbits < width {
		b, ok := r.next()
		if !ok {
			return 0, false
		}
		r.bits |= uint32(b) << r.nbits
		r.nbits += 8
	}
	c := int(r.bits & (1<<width - 1))
	r.bits >>= width
	r.nbits -= width
	if r.nbits == 0 && r.atEnd() {
		return 0, false
	}
	return c, true
}

// atEnd reports whether every byte of the chain has been read.
func (r *subBlocks) atEnd() bool {
	return r.p == r.end && (r.finished || r.end >= len(r.data) || r.data[r.end] == 0)
}

// lzwTable is the string table of a GIF LZW decoder: code c stands for
// length[c] values, the string of prefix[c] followed by suffix[c]; first[c]
// is its first value.
type lzwTable struct {
	prefix, suffix, first, length [maxCodes]uint16
	out                           [maxCodes]uint16 // one decoded string
}

// errBadCode reports a code that is neither a literal, a control code nor
// an entry of the table.
const errBadCode = FormatError("the first frame's LZW data holds a code that names no table entry")

// decodeLZW decodes the LZW stream of r, whose literals are litWidth bits
// (1 to 11), and hands each decoded string to emit in order until emit
// returns false (the frame is full), the stream's end code, or the end of
// the data. Every value handed out is below 1<<litWidth.
//
// The code width grows by one bit when the next free code reaches 1<<width
// (the GIF convention, as libnsgif and Pillow apply it also to a 1-bit
// code size), up to 12 bits; once the table is full, codes go on naming
// its entries until a clear code ("deferred clear").
func decodeLZW(r *subBlocks, litWidth int, emit func([]uint16) bool) error {
	t := new(lzwTable)
	clear := 1 << litWidth
	for c := range clear {
		t.suffix[c], t.first[c], t.length[c] = uint16(c), uint16(c), 1
	}
	width := uint(litWidth + 1)
	next, prev := clear+2, -1
	for {
		c, ok := r.code(width)
		switch {
		case !ok || c == clear+1:
			return nil
		case c == clear:
			width, next, prev = uint(litWidth+1), clear+2, -1
			continue
		case c < clear || c < next && c > clear+1:
			// a literal or an entry: its string
		case c == next && prev >= 0:
			// the entry being defined: prev's string and its own first
			// value
		default:
			return errBadCode
		}
		if prev >= 0 && next < maxCodes {
			t.prefix[next] = uint16(prev)
			t.length[next] = t.length[prev] + 1
			t.first[next] = t.first[prev]
			if c == next {
				t.suffix[next] = t.first[prev]
			} else {
				t.suffix[next] = t.first[c]
			}
			next++
			if next == 1<<width && width < 12 {
				width++
			}
		}
		prev = c
		n := int(t.length[c])
		for i, k := n-1, c; i >= 0; i-- {
			t.out[i] = t.suffix[k]
			k = int(t.prefix[k])
		}
		if !emit(t.out[:n]) {
			return nil
		}
	}
}

package jpeg

// lutBits is the number of bits looked up at once when decoding a Huffman
// symbol. Codes up to this length (nearly all of them in photos) take one
// table read; longer codes fall back to a canonical-code walk.
const lutBits = 10

// huffTable is a decoding table for one Huffman table (section C and
// annex F.2.2.3 of ITU-T T.81).
type huffTable struct {
	// sym maps the next lutBits bits to symbol<<8 | code length, or 0 when
	// the code is longer than lutBits (or not a code).
	sym [1 << lutBits]uint16
	// ac maps the next lutBits bits to what a sequential AC decode needs in
	// one lookup: symbol<<8 | bits to consume, and, when the code and its
	// extra bits fit in lutBits together, acValue | value<<16 with the
	// extra bits counted in the bits to consume; 0 when the code is longer
	// than lutBits (or not a code).
	ac [1 << lutBits]int32
	// skip maps the next lutBits bits to what skipping an AC coefficient
	// needs (at 1/8 scale, where only DC is used): symbol<<8 | the length
	// of the code plus its extra bits; 0 when the code is longer than
	// lutBits (or not a code).
	skip [1 << lutBits]uint16
	// run maps the next lutBits bits to the AC codes they hold whole,
	// with their extra bits, up to the first EOB included (see runEntry);
	// 0 when the first code and its extra bits do not fit.
	run [1 << lutBits]uint16
	// For codes longer than lutBits: maxCode[l] is the largest code of
	// length l (-1 if none) and valIndex[l]-minCode[l] turns a code of
	// length l into an index into vals.
	maxCode  [17]int32
	minCode  [17]int32
	valIndex [17]int32
	vals     [256]uint8
	nCodes   int32
}

// build fills t from the code-length counts and the symbols of a DHT
// segment. It rejects tables whose codes do not fit their lengths (which
// libjpeg rejects too); complete tables, whose last code is all ones, are
// accepted as image/jpeg accepts them. The lookups of sequential AC
// decoding (ac, skip, run) are built only for an AC table (ac): a DC
// table uses sym alone, and the run table is most of the cost.
func (t *huffTable) build(counts *[16]uint8, vals []uint8, ac bool) error {
	*t = huffTable{}
	t.nCodes = int32(len(vals))
	copy(t.vals[:], vals)
	code, k := int32(0), int32(0)
	for l := int32(1); l <= 16; l++ {
		n := int32(counts[l-1])
		t.maxCode[l] = -1
		if n > 0 {
			t.minCode[l] = code
			t.valIndex[l] = k
			t.maxCode[l] = code + n - 1
		}
		for i := int32(0); i < n; i++ {
			if code >= 1<<l {
				return errOversubscribe
			}
			if l <= lutBits {
				shift := lutBits - l
				sym := vals[k]
				entry := uint16(sym)<<8 | uint16(l)
				base := code << shift
				for j := int32(0); j < 1<<shift; j++ {
					t.sym[base+j] = entry
					if ac {
						t.ac[base+j] = acEntry(base+j, l, sym)
						t.skip[base+j] = skipEntry(sym, int(l))
					}
				}
			}
			code++
			k++
		}
		code <<= 1
	}
	if ac {
		for w := range t.run {
			t.run[w] = t.runEntry(w)
		}
	}
	return nil
}

// skipEntry is the skip entry of AC symbol sym, whose code takes l bits.
func skipEntry(sym uint8, l int) uint16 { return uint16(sym)<<8 | uint16(l) + uint16(sym&15) }

// A run entry packs the bits its codes take (bits 0-3), the zig-zag
// positions they advance, an EOB counting as one (bits 4-10), and
// runEOB when the last of them is an EOB.
const (
	runEOB      = 1 << 11
	runAdvShift = 4
)

// runEntry decodes the lutBits-bit window w as AC codes of a sequential
// scan, each with its extra bits wholly in the window, up to and
// including the first EOB, and stopping before an EOBn (not valid in a
// sequential scan, left to the one-code path) or once 64 positions are
// covered. It needs t.sym built.
func (t *huffTable) runEntry(w int) uint16 {
	used, adv := 0, 0
	for adv < 64 {
		e := t.sym[w<<used&(1<<lutBits-1)]
		l := int(e & 0xff)
		sym := int(e >> 8)
		if e == 0 || used+l+sym&15 > lutBits {
			break
		}
		switch run, size := sym>>4, sym&15; {
		case size == 0 && run == 0:
			return uint16(used+l) | uint16(adv+1)<<runAdvShift | runEOB
		case size == 0 && run != 15:
			return uint16(used) | uint16(adv)<<runAdvShift
		case size == 0:
			adv += 16
		default:
			adv += run + 1
		}
		used += l + sym&15
	}
	return uint16(used) | uint16(adv)<<runAdvShift
}

// acValue flags an ac entry that holds the coefficient's value.
const acValue = 0x80

// acEntry is the ac entry for the lutBits-bit window w whose first l bits
// are the code for sym: the coefficient itself when its extra bits fit in
// the window too, otherwise the symbol and the code length.
func acEntry(w, l int32, sym uint8) int32 {
	size := int32(sym & 15)
	if size == 0 || l+size > lutBits {
		return int32(sym)<<8 | l
	}
	return extend(w>>(lutBits-l-size)&(1<<size-1), int(size))<<16 | int32(sym)<<8 | acValue | (l + size)
}

// slowSymbol decodes a code longer than lutBits from the top 16 bits of
// the bit window. It returns the symbol and the code length, or length 0
// if the bits are not a code of t.
func (t *huffTable) slowSymbol(window uint64) (uint8, int) {
	for l := lutBits + 1; l <= 16; l++ {
		code := int32(window >> (64 - l))
		if code <= t.maxCode[l] {
			i := t.valIndex[l] + code - t.minCode[l]
			if i < 0 || i >= t.nCodes {
				return 0, 0
			}
			return t.vals[i], l
		}
	}
	return 0, 0
}

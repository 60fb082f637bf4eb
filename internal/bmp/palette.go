package bmp

// palette maps palette indices to colours. Entries the file does not hold
// (a palette shorter than the bits address) are opaque black, as browsers
// show them.
type palette struct {
	gray  bool          // every entry has equal red, green and blue
	level [256]uint8    // the entries' gray levels, when gray
	nrgba [256][4]uint8 // the entries as NRGBA
}

func readPalette(data []byte, c *Config) *palette {
	p := &palette{gray: true}
	for i := range p.nrgba {
		var r, g, b uint8
		if i < c.colors {
			e := data[c.palette+i*c.entry:]
			b, g, r = e[0], e[1], e[2]
		}
		p.nrgba[i] = [4]uint8{r, g, b, 0xff}
		p.level[i] = r
		p.gray = p.gray && r == g && g == b
	}
	return p
}

// apply replaces the n palette indices at the start of pix by their
// colours: in place for gray levels, and for NRGBA working back from the
// end, so that each index is read before its pixel's four bytes overwrite
// it (pixel i takes bytes 4i to 4i+3, none of them below i).
func (p *palette) apply(pix []uint8, n int) {
	if p.gray {
		for i, v := range pix[:n] {
			pix[i] = p.level[v]
		}
		return
	}
	pix = pix[:4*n]
	for i := n - 1; i >= 0; i-- {
		c := p.nrgba[pix[i]]
		copy(pix[4*i:4*i+4], c[:])
	}
}

// unpack writes the palette indices of one stored row src, of bpp bits
// each, most significant bits first, into dst, one byte each.
func unpack(dst, src []byte, bpp int) {
	if bpp == 8 {
		copy(dst, src)
		return
	}
	perByte := 8 / bpp
	mask := byte(1<<bpp - 1)
	for x := range dst {
		shift := 8 - bpp*(x%perByte+1)
		dst[x] = src[x/perByte] >> shift & mask
	}
}

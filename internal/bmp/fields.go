package bmp

import "math/bits"

// field reads one channel of a 16, 24 or 32-bit pixel: the bits under its
// mask, scaled to 8 bits by bit replication (the field's bits repeated
// until they fill a byte: 5 bits abcde give abcdeabc, 1 bit gives 0 or
// 255), which maps 0 to 0 and the field's maximum to 255 as ImageMagick
// and PNG's sBIT scaling do; a field of more than 8 bits keeps its top 8.
type field struct {
	mask  uint32
	shift uint
	bits  uint
	lut   [256]uint8 // fields of up to 8 bits
}

func newField(mask uint32) field {
	f := field{mask: mask}
	if mask == 0 {
		return f
	}
	f.shift = uint(bits.TrailingZeros32(mask))
	f.bits = uint(bits.OnesCount32(mask))
	if f.bits <= 8 {
		for v := range uint32(1) << f.bits {
			f.lut[v] = replicate(v, f.bits)
		}
	}
	return f
}

// replicate scales the n-bit value v (0 < n <= 8) to 8 bits by repeating
// its bits.
func replicate(v uint32, n uint) uint8 {
	var out uint32
	filled := uint(0)
	for ; filled < 8; filled += n {
		out = out<<n | v
	}
	return uint8(out >> (filled - 8))
}

// value returns the field of pixel p, scaled to 8 bits.
func (f *field) value(p uint32) uint8 {
	v := (p & f.mask) >> f.shift
	if f.bits <= 8 {
		return f.lut[v&0xff]
	}
	return uint8(v >> (f.bits - 8))
}

// pixelReader turns rows of 16, 24 or 32-bit pixels into NRGBA.
type pixelReader struct {
	bytes  int // per pixel: 2, 3 or 4
	alpha  bool
	layout layout
	fields [4]field
}

// layout names the byte orders with a loop of their own.
type layout uint8

const (
	generic layout = iota
	bgr            // 24 bits, 8 per channel
	bgrx           // 32 bits, 8 per channel, the top byte unused
	bgra           // 32 bits, 8 per channel, alpha in the top byte
)

func newPixelReader(c *Config) *pixelReader {
	r := &pixelReader{bytes: c.BitsPerPixel / 8, alpha: c.HasAlpha}
	std := c.masks[0] == 0xff0000 && c.masks[1] == 0xff00 && c.masks[2] == 0xff
	switch {
	case std && c.BitsPerPixel == 24:
		r.layout = bgr
	case std && c.BitsPerPixel == 32 && c.masks[3] == 0:
		r.layout = bgrx
	case std && c.BitsPerPixel == 32 && c.masks[3] == 0xff000000:
		r.layout = bgra
	}
	for i, m := range c.masks {
		r.fields[i] = newField(m)
	}
	return r
}

// row converts the stored pixels src into the NRGBA pixels dst, and
// returns the bitwise OR of the alpha values it wrote (255 without an
// alpha channel).
func (r *pixelReader) row(dst, src []byte) uint8 {
	n := min(len(dst)/4, len(src)/r.bytes)
	dst, src = dst[:4*n], src[:r.bytes*n]
	switch r.layout {
	case bgr:
		for x := range n {
			d, s := dst[4*x:4*x+4:4*x+4], src[3*x:3*x+3:3*x+3]
			d[0], d[1], d[2], d[3] = s[2], s[1], s[0], 0xff
		}
		return 0xff
	case bgrx:
		for x := range n {
			d, s := dst[4*x:4*x+4:4*x+4], src[4*x:4*x+4:4*x+4]
			d[0], d[1], d[2], d[3] = s[2], s[1], s[0], 0xff
		}
		return 0xff
	case bgra:
		var seen uint8
		for x := range n {
			d, s := dst[4*x:4*x+4:4*x+4], src[4*x:4*x+4:4*x+4]
			d[0], d[1], d[2], d[3] = s[2], s[1], s[0], s[3]
			seen |= s[3]
		}
		return seen
	}
	red, green, blue, alpha := &r.fields[0], &r.fields[1], &r.fields[2], &r.fields[3]
	var seen uint8 = 0xff
	if r.alpha {
		seen = 0
	}
	for x := range n {
		var p uint32
		switch s := src[r.bytes*x:]; r.bytes {
		case 2:
			p = uint32(s[0]) | uint32(s[1])<<8
		case 3:
			p = uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16
		default:
			p = uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
		}
		d := dst[4*x : 4*x+4 : 4*x+4]
		d[0], d[1], d[2], d[3] = red.value(p), green.value(p), blue.value(p), 0xff
		if r.alpha {
			d[3] = alpha.value(p)
			seen |= d[3]
		}
	}
	return seen
}

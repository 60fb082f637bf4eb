package jpeg

import (
	"encoding/binary"
	"math/bits"
)

// orientation is an EXIF orientation as the map from the image as it is
// shown (oriented) to the image as it is stored: an optional transpose,
// then mirrors of the stored x and y axes. The same table is in package
// scale's documentation:
//
//	1 (x, y)        2 (W-1-x, y)      3 (W-1-x, H-1-y)  4 (x, H-1-y)
//	5 (y, x)        6 (y, H-1-x)      7 (W-1-y, H-1-x)  8 (W-1-y, x)
type orientation struct{ transpose, flipX, flipY bool }

var orientations = [9]orientation{
	{}, {},
	{flipX: true},
	{flipX: true, flipY: true},
	{flipY: true},
	{transpose: true},
	{transpose: true, flipY: true},
	{transpose: true, flipX: true, flipY: true},
	{transpose: true, flipX: true},
}

// size returns the oriented size of a w×h stored image.
func (o orientation) size(w, h int) (int, int) {
	if o.transpose {
		return h, w
	}
	return w, h
}

// stored returns the stored sample under the oriented sample (x, y) of a
// w×h stored plane.
func (o orientation) stored(x, y, w, h int) (int, int) {
	if o.transpose {
		x, y = y, x
	}
	if o.flipX {
		x = w - 1 - x
	}
	if o.flipY {
		y = h - 1 - y
	}
	return x, y
}

// block copies the 8×8 block at (x0, y0) of the oriented view of a w×h
// stored plane into dst, replicating the oriented plane's last row and
// column past its edges, as planeBlock does for an upright plane.
func (o orientation) block(dst *[64]uint8, pix []byte, stride, w, h, x0, y0 int) {
	if o == (orientation{}) {
		planeBlock(dst, pix, stride, w, h, x0, y0)
		return
	}
	ow, oh := o.size(w, h)
	if x0+8 > ow || y0+8 > oh {
		for y := range 8 {
			for x := range 8 {
				sx, sy := o.stored(min(x0+x, ow-1), min(y0+y, oh-1), w, h)
				dst[y*8+x] = pix[sy*stride+sx]
			}
		}
		return
	}
	// Inside the plane, eight samples of the block lie side by side on a
	// stored row: row i of the block, or with a transpose its column i,
	// reversed when stored x is mirrored; the next i is the next stored
	// row, or the one before when stored y is mirrored. Each is read as
	// one word, byte k holding sample k.
	sx, sy := o.stored(x0, y0, w, h)
	if o.flipX {
		sx -= 7
	}
	off, step := sy*stride+sx, stride
	if o.flipY {
		step = -stride
	}
	var r [8]uint64
	for i := range r {
		v := binary.LittleEndian.Uint64(pix[off:])
		if o.flipX {
			v = bits.ReverseBytes64(v)
		}
		r[i] = v
		off += step
	}
	if o.transpose {
		transpose8x8(&r)
	}
	for i, v := range r {
		binary.LittleEndian.PutUint64(dst[8*i:], v)
	}
}

// transpose8x8 transposes the 8×8 bytes of r, byte k of r[i] being the
// sample in row i and column k: by swapping the off-diagonal 4×4 blocks,
// then the 2×2 blocks inside them, then single bytes.
func transpose8x8(r *[8]uint64) {
	for _, s := range [3]struct {
		n    int    // rows apart
		bits uint   // block width in bits
		mask uint64 // the left block of each pair of columns
	}{{4, 32, 0x00000000ffffffff}, {2, 16, 0x0000ffff0000ffff}, {1, 8, 0x00ff00ff00ff00ff}} {
		for i := range 8 {
			if i&s.n != 0 {
				continue
			}
			a, b := r[i], r[i+s.n]
			r[i] = a&s.mask | (b&s.mask)<<s.bits
			r[i+s.n] = (a>>s.bits)&s.mask | b&^s.mask
		}
	}
}

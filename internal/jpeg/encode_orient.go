package jpeg

import (
	"encoding/binary"
	"math/bits"

	"github.com/profileimage/profileimage/internal/orient"
)

// orientation is an EXIF orientation (see package orient): an encoder
// reads the image through it.
type orientation struct{ orient.Orientation }

// block copies the 8×8 block at (x0, y0) of the oriented view of a w×h
// stored plane into dst, replicating the oriented plane's last row and
// column past its edges, as planeBlock does for an upright plane.
func (o orientation) block(dst *[64]uint8, pix []byte, stride, w, h, x0, y0 int) {
	if o == (orientation{}) {
		planeBlock(dst, pix, stride, w, h, x0, y0)
		return
	}
	ow, oh := o.Size(w, h)
	if x0+8 > ow || y0+8 > oh {
		for y := range 8 {
			for x := range 8 {
				sx, sy := o.Stored(min(x0+x, ow-1), min(y0+y, oh-1), w, h)
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
	sx, sy := o.Stored(x0, y0, w, h)
	if o.FlipX {
		sx -= 7
	}
	off, step := sy*stride+sx, stride
	if o.FlipY {
		step = -stride
	}
	var r [8]uint64
	for i := range r {
		v := binary.LittleEndian.Uint64(pix[off:])
		if o.FlipX {
			v = bits.ReverseBytes64(v)
		}
		r[i] = v
		off += step
	}
	if o.Transpose {
		transpose8x8(&r)
	}
	for i, v := range r {
		binary.LittleEndian.PutUint64(dst[8*i:], v)
	}
}

// transpose8x8 transposes the 8×8 bytes of r, byte k of r[i] being the
// sample in row i and column k: by swapping the off-diagonal 4×4 blocks,
// then the 2×2 blocks inside them, then single bytes. (Where scale turns
// an image it gathers eight rows a byte at a time instead, which measured
// faster there than this.)
func transpose8x8(r *[8]uint64) {
	const m32, m16, m8 = 0x00000000ffffffff, 0x0000ffff0000ffff, 0x00ff00ff00ff00ff
	r[0], r[4] = swapBlocks(r[0], r[4], 32, m32)
	r[1], r[5] = swapBlocks(r[1], r[5], 32, m32)
	r[2], r[6] = swapBlocks(r[2], r[6], 32, m32)
	r[3], r[7] = swapBlocks(r[3], r[7], 32, m32)
	r[0], r[2] = swapBlocks(r[0], r[2], 16, m16)
	r[1], r[3] = swapBlocks(r[1], r[3], 16, m16)
	r[4], r[6] = swapBlocks(r[4], r[6], 16, m16)
	r[5], r[7] = swapBlocks(r[5], r[7], 16, m16)
	r[0], r[1] = swapBlocks(r[0], r[1], 8, m8)
	r[2], r[3] = swapBlocks(r[2], r[3], 8, m8)
	r[4], r[5] = swapBlocks(r[4], r[5], 8, m8)
	r[6], r[7] = swapBlocks(r[6], r[7], 8, m8)
}

// swapBlocks swaps the right blocks of the pairs of columns of row a
// (bits wide; mask selects the left ones) with the left blocks of row b.
func swapBlocks(a, b uint64, bits uint, mask uint64) (uint64, uint64) {
	return a&mask | (b&mask)<<bits, (a>>bits)&mask | b&^mask
}

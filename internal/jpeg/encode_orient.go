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

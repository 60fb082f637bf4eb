// Package limitedrange converts Y'CbCr samples in the limited range of
// video ("studio swing", ITU-R BT.601) to the full range that package
// image, JFIF and JPEG assume.
//
// A lossy WebP (VP8) stores its pixels as limited-range BT.601 Y'CbCr: black
// is luma 16 and white luma 235, and chroma spans 16 to 240 around 128.
// golang.org/x/image/webp returns those samples unchanged, as an
// *image.YCbCr (or *image.NYCbCrA with alpha), whose colour model reads
// them as full range: black comes out as level 16 and white as 235, and
// colours lose saturation. libwebp converts them with the limited-range
// matrix, which is JFIF's with luma scaled by 255/219 and chroma by
// 255/224:
//
//	R = 255/219·(Y−16)                  + 1.402·255/224·(Cr−128)
//	G = 255/219·(Y−16) − 0.344136·255/224·(Cb−128) − 0.714136·255/224·(Cr−128)
//	B = 255/219·(Y−16) + 1.772·255/224·(Cb−128)
//
// The same result comes from expanding each plane to full range first
// (Y′ = 255/219·(Y−16), C′ = 128 + 255/224·(C−128)) and converting with
// JFIF's matrix. Each expansion is affine, so it commutes with any linear
// filter whose weights sum to one: a resampler may expand its outputs
// instead of its inputs, and touch only the smaller image.
//
// The arithmetic is integer (coefficients with 16 fractional bits), so
// results are the same on every architecture.
package limitedrange

// fracBits is the number of fractional bits of the coefficients.
const fracBits = 16

// The BT.601 matrix from limited-range Y'CbCr to full-range R'G'B', with
// fracBits fractional bits: the luma scale 255/219, and JFIF's chroma
// coefficients (Kr = 0.299, Kb = 0.114) scaled by 255/224.
const (
	yScale = 76309  // 255/219
	rFromV = 104597 // 2(1−Kr) · 255/224
	gFromU = 25675  // 2(1−Kb)Kb/Kg · 255/224
	gFromV = 53279  // 2(1−Kr)Kr/Kg · 255/224
	bFromU = 132201 // 2(1−Kb) · 255/224
)

// rgbFixed returns R', G' and B' in 8-bit units with fracBits fractional
// bits, not clamped.
func rgbFixed(y, cb, cr uint8) (r, g, b int64) {
	yy := (int64(y) - 16) * yScale
	u, v := int64(cb)-128, int64(cr)-128
	return yy + rFromV*v, yy - gFromU*u - gFromV*v, yy + bFromU*u
}

// RGB converts one limited-range Y'CbCr sample to 8-bit full-range R'G'B',
// rounded and clamped.
func RGB(y, cb, cr uint8) (r, g, b uint8) {
	fr, fg, fb := rgbFixed(y, cb, cr)
	return round8(fr), round8(fg), round8(fb)
}

// RGB16 converts one limited-range Y'CbCr sample to 16-bit full-range
// R'G'B' (0 to 0xffff, 8-bit levels times 257), rounded and clamped.
func RGB16(y, cb, cr uint8) (r, g, b uint16) {
	fr, fg, fb := rgbFixed(y, cb, cr)
	return round16(fr), round16(fg), round16(fb)
}

func round8(v int64) uint8 {
	return uint8(min(max((v+1<<(fracBits-1))>>fracBits, 0), 0xff))
}

func round16(v int64) uint16 {
	return uint16(min(max((v*257+1<<(fracBits-1))>>fracBits, 0), 0xffff))
}

// An Expansion maps the samples of one limited-range channel, luma or
// chroma, to full range. The zero value is not valid; use [Luma] or
// [Chroma].
type Expansion struct {
	from  int64 // the limited-range sample that stays at to: 16 (black) or 128 (no chroma)
	to    int64 // 0 or 128
	scale int64 // 255/219 or 255/224, fracBits fractional bits
}

// Luma returns the expansion of a luma (Y') channel: 16 to 0, 235 to 255.
func Luma() Expansion { return Expansion{from: 16, to: 0, scale: yScale} }

// Chroma returns the expansion of a chroma (Cb or Cr) channel: 128 stays,
// 16 goes to 0.5 and 240 to 255.5, both clamped.
func Chroma() Expansion { return Expansion{from: 128, to: 128, scale: 74606} } // 255/224

// Fixed expands a sample with frac fractional bits (frac at most 24, the
// sample's magnitude below 2^31) to a full-range 8-bit sample, rounded
// once and clamped to 0..255, so that a resampler can expand its sums
// before it rounds them.
func (e Expansion) Fixed(v int64, frac uint) uint8 {
	shift := frac + fracBits
	x := (v-e.from<<frac)*e.scale + e.to<<shift + 1<<(shift-1)
	return uint8(min(max(x>>shift, 0), 0xff))
}

// Sample expands one 8-bit sample.
func (e Expansion) Sample(v uint8) uint8 { return e.Fixed(int64(v), 0) }

// Table returns the expansion of every 8-bit sample, for lookups.
func (e Expansion) Table() *[256]uint8 {
	var t [256]uint8
	for i := range t {
		t[i] = e.Sample(uint8(i))
	}
	return &t
}

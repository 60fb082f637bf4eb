package icc

import "math"

// Grid points per input of the device links of LUT profiles: lcms' own
// choice for 8-bit RGB and CMYK. The nodes fall on those of the common
// 9-, 17- and 33-point profile grids, which are then reproduced exactly.
const (
	rgbGrid  = 33
	cmykGrid = 17
)

// deviceLink is a LUT profile joined with sRGB: the profile's input
// curves as tables on the 8-bit values, then one grid over their outputs
// holding the sRGB result of the rest of the pipeline (CLUT, curves,
// matrix, PCS decoding, sRGB's matrix and curve), interpolated
// tetrahedrally (and for CMYK linearly on C between two tetrahedra).
type deviceLink struct {
	in     int
	stride [MaxInputs]int // in table entries (nodes times 3)
	// cell and frac map each input value to the offset of its cell's low
	// corner along that input and the 16-bit fraction inside it.
	cell  [MaxInputs][256]int32
	frac  [MaxInputs][256]int32
	table []int32 // sRGB times 255*256, three a node
}

// newLink samples lut (its PCS pcs) onto a grid of g points per input.
func newLink(lut *LUT, pcs Signature, g int) *Transform {
	l := &deviceLink{in: lut.In}
	nodes := 1
	for i := lut.In - 1; i >= 0; i-- {
		l.stride[i] = 3 * nodes
		nodes *= g
	}
	for i := range lut.In {
		for v := range 256 {
			p := lut.curveA(i, float64(v)/255) * float64(g-1)
			k := min(int(p), g-2)
			l.cell[i][v] = int32(k * l.stride[i])
			l.frac[i][v] = int32(math.Round((p - float64(k)) * 65536))
		}
	}
	l.table = make([]int32, 3*nodes)
	var x [MaxInputs]float64
	for n := range nodes {
		r := n
		for i := lut.In - 1; i >= 0; i-- {
			x[i] = float64(r%g) / float64(g-1)
			r /= g
		}
		var o [3]float64
		lut.evalAfterA(x[:lut.In], &o)
		rgb := xyzToSRGB(pcsXYZ(o, pcs, lut.Legacy))
		for c := range 3 {
			l.table[3*n+c] = int32(math.Round(rgb[c] * 255 * 256))
		}
	}
	return &Transform{inputs: lut.In, link: l}
}

// eval3 interpolates an RGB pixel.
func (l *deviceLink) eval3(r, g, b uint8) (uint8, uint8, uint8) {
	var o [3]int32
	l.tetra(l.cell[0][r]+l.cell[1][g]+l.cell[2][b], l.stride[0], l.stride[1], l.stride[2],
		l.frac[0][r], l.frac[1][g], l.frac[2][b], &o)
	return out8(o[0]), out8(o[1]), out8(o[2])
}

// eval4 interpolates a CMYK pixel: tetrahedrally on M, Y, K at the two
// nodes of C around c, then linearly between them.
func (l *deviceLink) eval4(c, m, y, k uint8) (uint8, uint8, uint8) {
	var lo, hi [3]int32
	n := l.cell[0][c] + l.cell[1][m] + l.cell[2][y] + l.cell[3][k]
	fm, fy, fk := l.frac[1][m], l.frac[2][y], l.frac[3][k]
	l.tetra(n, l.stride[1], l.stride[2], l.stride[3], fm, fy, fk, &lo)
	l.tetra(n+int32(l.stride[0]), l.stride[1], l.stride[2], l.stride[3], fm, fy, fk, &hi)
	f := l.frac[0][c]
	for i := range lo {
		lo[i] += int32((int64(hi[i]-lo[i])*int64(f) + 1<<15) >> 16)
	}
	return out8(lo[0]), out8(lo[1]), out8(lo[2])
}

// tetra interpolates the cube at table offset n, as CLUT.tetra does in
// floating point, with 16-bit fractions.
func (l *deviceLink) tetra(n32 int32, sx, sy, sz int, rx, ry, rz int32, o *[3]int32) {
	n := int(n32)
	var a, b int
	switch {
	case rx >= ry && ry >= rz:
		a, b = sx, sx+sy
	case rx >= rz && rz >= ry:
		a, b = sx, sx+sz
	case rz >= rx && rx >= ry:
		a, b = sz, sx+sz
	case ry >= rx && rx >= rz:
		a, b = sy, sx+sy
	case ry >= rz && rz >= rx:
		a, b = sy, sy+sz
	default:
		a, b = sz, sy+sz
	}
	f1, f2, f3 := sorted3i(rx, ry, rz)
	t := l.table
	all := sx + sy + sz
	for c := range 3 {
		p0, p1, p2, p3 := t[n+c], t[n+a+c], t[n+b+c], t[n+all+c]
		d := int64(p1-p0)*int64(f1) + int64(p2-p1)*int64(f2) + int64(p3-p2)*int64(f3)
		o[c] = p0 + int32((d+1<<15)>>16)
	}
}

func sorted3i(a, b, c int32) (int32, int32, int32) {
	if a < b {
		a, b = b, a
	}
	if b < c {
		b, c = c, b
	}
	if a < b {
		a, b = b, a
	}
	return a, b, c
}

// out8 rounds an 8.8 sRGB value to 8 bits.
func out8(v int32) uint8 { return uint8(min(max((v+128)>>8, 0), 255)) }

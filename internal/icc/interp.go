package icc

// Eval interpolates the table at x (len c.In, each in [0, 1]) into out:
// tetrahedrally for three inputs, and for four linearly between two
// tetrahedral interpolations on the first input, as lcms does, so that
// conversions agree with it to within rounding; linearly for one and two.
func (c *CLUT) Eval(x []float64, out *[3]float64) {
	var (
		base  [MaxInputs]int // node of the cell's low corner, in nodes
		step  [MaxInputs]int // to the high corner, 0 on the last point
		frac  [MaxInputs]float64
		start int
	)
	for i := range c.In {
		v := clamp01(x[i]) * float64(c.Grid[i]-1)
		k := int(v)
		if k >= c.Grid[i]-1 {
			k = c.Grid[i] - 1
		} else {
			step[i] = c.stride[i]
			frac[i] = v - float64(k)
		}
		base[i] = k * c.stride[i]
		start += base[i]
	}
	switch c.In {
	case 1:
		for o := range 3 {
			out[o] = lerp(c.node(start, o), c.node(start+step[0], o), frac[0])
		}
	case 2:
		for o := range 3 {
			lo := lerp(c.node(start, o), c.node(start+step[1], o), frac[1])
			hi := lerp(c.node(start+step[0], o), c.node(start+step[0]+step[1], o), frac[1])
			out[o] = lerp(lo, hi, frac[0])
		}
	case 3:
		c.tetra(start, step[0], step[1], step[2], frac[0], frac[1], frac[2], out)
	case 4:
		var hi [3]float64
		c.tetra(start, step[1], step[2], step[3], frac[1], frac[2], frac[3], out)
		if step[0] == 0 {
			return
		}
		c.tetra(start+step[0], step[1], step[2], step[3], frac[1], frac[2], frac[3], &hi)
		for o := range 3 {
			out[o] = lerp(out[o], hi[o], frac[0])
		}
	}
}

func lerp(a, b, f float64) float64 { return a + (b-a)*f }

// tetra interpolates the cube at node n with steps sx, sy, sz to its far
// corners inside the tetrahedron that holds (rx, ry, rz).
func (c *CLUT) tetra(n, sx, sy, sz int, rx, ry, rz float64, out *[3]float64) {
	// The path from the low corner to the high one, one axis at a time in
	// decreasing order of the fractions.
	var a, b int // the second and third corners, offsets from n
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
	default: // rz >= ry >= rx
		a, b = sz, sy+sz
	}
	// Weights of the four corners: sorted fractions f1 >= f2 >= f3.
	f1, f2, f3 := sorted3(rx, ry, rz)
	all := sx + sy + sz
	for o := range 3 {
		p0, p1, p2, p3 := c.node(n, o), c.node(n+a, o), c.node(n+b, o), c.node(n+all, o)
		out[o] = p0 + (p1-p0)*f1 + (p2-p1)*f2 + (p3-p2)*f3
	}
}

// sorted3 returns a, b, c in decreasing order.
func sorted3(a, b, c float64) (float64, float64, float64) {
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

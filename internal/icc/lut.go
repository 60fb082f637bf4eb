package icc

import "strconv"

// Bounds on a LUT tag.
const (
	// MaxInputs is the most input channels a LUT may have: CMYK's four.
	MaxInputs = 4
	// MaxGridNodes bounds a CLUT's nodes (grid points multiplied over its
	// inputs; 33^4 is about 1.2 million). Larger grids are refused before
	// anything is read, whatever the tag claims.
	MaxGridNodes = 1 << 21
	maxTableSize = 4096 // entries of an mft2 input or output table
)

// LUT is an A2Bx tag: device values to PCS through input curves (A), a
// colour lookup table, middle curves (M), a 3x3 matrix with offsets and
// output curves (B). Elements an encoding does not have are absent (nil
// curves, no CLUT, no matrix). Values are normalised to [0, 1] throughout;
// the PCS encoding of the output is given by Legacy.
type LUT struct {
	In, Out int
	A       []Curve
	CLUT    *CLUT
	M       []Curve
	Matrix  *[12]float64 // row-major 3x3, then the three offsets
	B       []Curve
	// Legacy is set for mft2 (lut16Type): a Lab PCS in the ICC v2
	// 16-bit encoding (L* 100 at 0xff00), else the v4 one (at 0xffff).
	Legacy bool
}

// CLUT is a colour lookup table read in place: Grid[i] points on input
// i, the first input varying slowest, Out values of Width bytes a node.
type CLUT struct {
	In, Out int
	Grid    [MaxInputs]int
	Width   int
	data    []byte
	stride  [MaxInputs]int // in nodes
}

func newCLUT(in, out int, grid [MaxInputs]int, width int, b []byte, off int) (*CLUT, int, error) {
	nodes := uint64(1)
	for i := range in {
		if grid[i] < 2 {
			return nil, 0, malformed(off, "CLUT of "+strconv.Itoa(grid[i])+" grid points")
		}
		nodes *= uint64(grid[i])
		if nodes > MaxGridNodes {
			return nil, 0, malformed(off, "CLUT of more than "+strconv.Itoa(MaxGridNodes)+" nodes")
		}
	}
	size := nodes * uint64(out) * uint64(width)
	if size > uint64(len(b)) {
		return nil, 0, malformed(off, "CLUT of "+strconv.FormatUint(size, 10)+" bytes in "+strconv.Itoa(len(b)))
	}
	c := &CLUT{In: in, Out: out, Grid: grid, Width: width, data: b[:size]}
	s := 1
	for i := in - 1; i >= 0; i-- {
		c.stride[i] = s
		s *= grid[i]
	}
	return c, int(size), nil
}

// node returns output channel o of node n (an index in nodes) in [0, 1].
func (c *CLUT) node(n, o int) float64 {
	i := n*c.Out + o
	if c.Width == 1 {
		return float64(c.data[i]) / 255
	}
	return float64(be16(c.data[2*i:])) / 65535
}

// readLUT reads an mft1, mft2 or mAB tag with 1 to MaxInputs inputs and 3
// outputs (the PCS).
func readLUT(d []byte, off int) (*LUT, error) {
	if len(d) < 32 {
		return nil, malformed(off, "short LUT tag")
	}
	in, out := int(d[8]), int(d[9])
	if in < 1 || in > MaxInputs || out != 3 {
		return nil, unsupported("LUT of " + strconv.Itoa(in) + " inputs and " + strconv.Itoa(out) + " outputs")
	}
	switch typeOf(d) {
	case typeMft1, typeMft2:
		return readMft(d, off, in, out)
	case typeMAB:
		return readMAB(d, off, in, out)
	}
	return nil, unsupported("LUT tag of type " + typeOf(d).String())
}

// readMft reads lut8Type (mft1) and lut16Type (mft2): input tables, CLUT,
// output tables. Their matrix applies to XYZ input only, which a device
// profile's A2B does not have.
func readMft(d []byte, off, in, out int) (*LUT, error) {
	width, nIn, nOut, p := 1, 256, 256, 48
	if typeOf(d) == typeMft2 {
		if len(d) < 52 {
			return nil, malformed(off, "short lut16 tag")
		}
		width, nIn, nOut, p = 2, int(be16(d[48:])), int(be16(d[50:])), 52
		if nIn < 2 || nIn > maxTableSize || nOut < 2 || nOut > maxTableSize {
			return nil, malformed(off, "lut16 tables of "+strconv.Itoa(nIn)+" and "+strconv.Itoa(nOut)+" entries")
		}
	}
	l := &LUT{In: in, Out: out, Legacy: width == 2}
	rest := d[p:]
	for range in {
		if len(rest) < nIn*width {
			return nil, malformed(off, "truncated input tables")
		}
		l.A = append(l.A, tableCurve(rest, nIn, width))
		rest = rest[nIn*width:]
	}
	var grid [MaxInputs]int
	for i := range in {
		grid[i] = int(d[10])
	}
	c, n, err := newCLUT(in, out, grid, width, rest, off)
	if err != nil {
		return nil, err
	}
	l.CLUT, rest = c, rest[n:]
	for range out {
		if len(rest) < nOut*width {
			return nil, malformed(off, "truncated output tables")
		}
		l.B = append(l.B, tableCurve(rest, nOut, width))
		rest = rest[nOut*width:]
	}
	return l, nil
}

// readMAB reads lutAtoBType: each element at its own offset from the tag's
// start, any of them absent (offset 0), as long as the channel counts
// chain: A (in) -> CLUT (in to out) -> M (out) -> matrix (3) -> B (out).
func readMAB(d []byte, off, in, out int) (*LUT, error) {
	l := &LUT{In: in, Out: out}
	at := func(i int) (int, error) {
		o := int(be32(d[12+4*i:]))
		if o >= len(d) || o != 0 && o < 32 {
			return 0, malformed(off, "lutAtoB element offset "+strconv.Itoa(o))
		}
		return o, nil
	}
	var offs [5]int // B, matrix, M, CLUT, A
	for i := range offs {
		var err error
		if offs[i], err = at(i); err != nil {
			return nil, err
		}
	}
	var err error
	if offs[4] != 0 {
		if l.A, err = readCurves(d[offs[4]:], off+offs[4], in); err != nil {
			return nil, err
		}
	}
	if offs[3] != 0 {
		c := d[offs[3]:]
		if len(c) < 20 {
			return nil, malformed(off+offs[3], "short CLUT")
		}
		var grid [MaxInputs]int
		for i := range in {
			grid[i] = int(c[i])
		}
		width := int(c[16])
		if width != 1 && width != 2 {
			return nil, malformed(off+offs[3], "CLUT precision "+strconv.Itoa(width))
		}
		if l.CLUT, _, err = newCLUT(in, out, grid, width, c[20:], off+offs[3]); err != nil {
			return nil, err
		}
	} else if in != out {
		return nil, malformed(off, "lutAtoB of "+strconv.Itoa(in)+" inputs without a CLUT")
	}
	if offs[2] != 0 {
		if l.M, err = readCurves(d[offs[2]:], off+offs[2], out); err != nil {
			return nil, err
		}
	}
	if offs[1] != 0 {
		m := d[offs[1]:]
		if len(m) < 48 {
			return nil, malformed(off+offs[1], "short matrix")
		}
		var mx [12]float64
		for i := range mx {
			mx[i] = s15(m[4*i:])
		}
		l.Matrix = &mx
	}
	if offs[0] == 0 {
		return nil, malformed(off, "lutAtoB without B curves")
	}
	if l.B, err = readCurves(d[offs[0]:], off+offs[0], out); err != nil {
		return nil, err
	}
	return l, nil
}

// readCurves reads n curves that follow each other, each padded to four
// bytes.
func readCurves(d []byte, off, n int) ([]Curve, error) {
	cs := make([]Curve, n)
	for i := range cs {
		c, used, err := readCurve(d, off)
		if err != nil {
			return nil, err
		}
		cs[i] = c
		used = min(used, len(d))
		d, off = d[used:], off+used
	}
	return cs, nil
}

// Eval maps device values in (len l.In, each in [0, 1]) to the PCS
// values out, normalised to [0, 1] in the tag's encoding.
func (l *LUT) Eval(in []float64, out *[3]float64) {
	var x [MaxInputs]float64
	for i := range l.In {
		x[i] = l.curveA(i, in[i])
	}
	l.evalAfterA(x[:l.In], out)
}

// curveA applies input curve i (the identity when there is none).
func (l *LUT) curveA(i int, v float64) float64 {
	if l.A == nil {
		return clamp01(v)
	}
	return l.A[i].Eval(v)
}

// evalAfterA runs the elements after the input curves on x.
func (l *LUT) evalAfterA(x []float64, out *[3]float64) {
	if l.CLUT != nil {
		l.CLUT.Eval(x, out)
	} else {
		copy(out[:], x[:3])
	}
	if l.M != nil {
		for i := range 3 {
			out[i] = l.M[i].Eval(out[i])
		}
	}
	if m := l.Matrix; m != nil {
		a, b, c := out[0], out[1], out[2]
		out[0] = m[0]*a + m[1]*b + m[2]*c + m[9]
		out[1] = m[3]*a + m[4]*b + m[5]*c + m[10]
		out[2] = m[6]*a + m[7]*b + m[8]*c + m[11]
	}
	for i := range 3 {
		out[i] = l.B[i].Eval(out[i])
	}
}

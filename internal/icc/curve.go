package icc

import (
	"math"
	"strconv"
)

// maxCurvePoints bounds a curv table (the specification has no bound;
// real tables have 256 to 4096 entries).
const maxCurvePoints = 1 << 16

// Curve is a one-dimensional transfer function on [0, 1]: identity, a
// gamma, a sampled table (curv, or a LUT's 8- or 16-bit table) or an ICC
// parametric function (para types 0 to 4).
type Curve struct {
	kind  curveKind
	gamma float64
	// table holds n big-endian entries of width bytes, read in place.
	table []byte
	n     int
	width int
	fn    int        // para function type
	p     [7]float64 // para g, a, b, c, d, e, f
}

type curveKind uint8

const (
	curveIdentity curveKind = iota
	curveGamma
	curveTable
	curveParam
)

// paraParams is how many parameters each para function type has.
var paraParams = [...]int{1, 3, 4, 5, 7}

// readCurve reads a curv or para tag element at the start of d and
// returns it with the number of bytes it takes, padded to four (as curves
// follow each other in an mAB tag).
func readCurve(d []byte, off int) (Curve, int, error) {
	if len(d) < 12 {
		return Curve{}, 0, malformed(off, "short curve")
	}
	switch typeOf(d) {
	case typeCurv:
		n := uint64(be32(d[8:]))
		if n > maxCurvePoints || 12+2*n > uint64(len(d)) {
			return Curve{}, 0, malformed(off, "curve of "+strconv.FormatUint(n, 10)+" points in "+strconv.Itoa(len(d))+" bytes")
		}
		used := pad4(12 + 2*int(n))
		switch n {
		case 0:
			return Curve{kind: curveIdentity}, used, nil
		case 1:
			return Curve{kind: curveGamma, gamma: float64(be16(d[12:])) / 256}, used, nil
		}
		return Curve{kind: curveTable, table: d[12 : 12+2*n], n: int(n), width: 2}, used, nil
	case typePara:
		fn := int(be16(d[8:]))
		if fn >= len(paraParams) {
			return Curve{}, 0, unsupported("parametric curve type " + strconv.Itoa(fn))
		}
		np := paraParams[fn]
		if len(d) < 12+4*np {
			return Curve{}, 0, malformed(off, "short parametric curve")
		}
		c := Curve{kind: curveParam, fn: fn}
		for i := range np {
			c.p[i] = s15(d[12+4*i:])
		}
		return c, 12 + 4*np, nil
	}
	return Curve{}, 0, malformed(off, "curve of type "+typeOf(d).String())
}

// tableCurve is a LUT's input or output table of n entries of width
// bytes, already bounded by the caller.
func tableCurve(b []byte, n, width int) Curve {
	return Curve{kind: curveTable, table: b[:n*width], n: n, width: width}
}

func pad4(n int) int { return (n + 3) &^ 3 }

// Eval returns the curve at x, x clamped to [0, 1]. The result is finite;
// tables give values in [0, 1], functions may leave it.
func (c *Curve) Eval(x float64) float64 {
	x = clamp01(x)
	switch c.kind {
	case curveGamma:
		return pow(x, c.gamma)
	case curveTable:
		return c.lookup(x)
	case curveParam:
		return c.param(x)
	}
	return x
}

// lookup interpolates the table linearly.
func (c *Curve) lookup(x float64) float64 {
	v := x * float64(c.n-1)
	i := int(v)
	if i >= c.n-1 {
		return c.entry(c.n - 1)
	}
	f := v - float64(i)
	return c.entry(i)*(1-f) + c.entry(i+1)*f
}

func (c *Curve) entry(i int) float64 {
	if c.width == 1 {
		return float64(c.table[i]) / 255
	}
	return float64(be16(c.table[2*i:])) / 65535
}

// param evaluates the para function types of ICC.1 10.18.
func (c *Curve) param(x float64) float64 {
	g, a, b, cc, d, e, f := c.p[0], c.p[1], c.p[2], c.p[3], c.p[4], c.p[5], c.p[6]
	var y float64
	switch c.fn {
	case 0:
		y = pow(x, g)
	case 1:
		if a != 0 && x >= -b/a {
			y = pow(a*x+b, g)
		}
	case 2:
		y = cc
		if a != 0 && x >= -b/a {
			y = pow(a*x+b, g) + cc
		}
	case 3:
		y = cc * x
		if x >= d {
			y = pow(a*x+b, g)
		}
	case 4:
		y = cc*x + f
		if x >= d {
			y = pow(a*x+b, g) + e
		}
	}
	if math.IsNaN(y) || math.IsInf(y, 0) {
		return 0
	}
	return y
}

// pow is math.Pow for a base the functions may make negative or zero.
func pow(x, g float64) float64 {
	if x <= 0 {
		if g == 0 {
			return 1
		}
		return 0
	}
	return math.Pow(x, g)
}

func clamp01(x float64) float64 {
	switch {
	case x > 1:
		return 1
	case x >= 0:
		return x
	}
	return 0 // also NaN
}

package limitedrange

import (
	"image/color"
	"math"
	"testing"
)

// exact is the BT.601 limited-range to full-range conversion in float64,
// from the matrix's definition (Kr = 0.299, Kb = 0.114), not clamped.
func exact(y, cb, cr uint8) [3]float64 {
	const kr, kb = 0.299, 0.114
	const kg = 1 - kr - kb
	yy := (float64(y) - 16) * 255 / 219
	u, v := (float64(cb)-128)*255/224, (float64(cr)-128)*255/224
	return [3]float64{
		yy + 2*(1-kr)*v,
		yy - 2*(1-kb)*kb/kg*u - 2*(1-kr)*kr/kg*v,
		yy + 2*(1-kb)*u,
	}
}

func clampF(v, hi float64) float64 { return math.Min(math.Max(v, 0), hi) }

// TestRGBIsTheMatrixRounded: every fifth Y'CbCr triple (every 31st with
// -short) converts to the exact matrix's value, rounded and clamped, within
// a hundredth of a level of rounding's half: the fixed-point coefficients
// cost nothing visible. RGB16 is the same value in 16 bits, within one of
// its levels.
func TestRGBIsTheMatrixRounded(t *testing.T) {
	step := 5
	if testing.Short() {
		step = 31
	}
	worst, worst16 := 0.0, 0.0
	for i := 0; i < 1<<24; i += step {
		y, cb, cr := uint8(i>>16), uint8(i>>8), uint8(i)
		e := exact(y, cb, cr)
		r, g, b := RGB(y, cb, cr)
		r16, g16, b16 := RGB16(y, cb, cr)
		for c, got := range [3]uint8{r, g, b} {
			worst = math.Max(worst, math.Abs(float64(got)-clampF(e[c], 255)))
		}
		for c, got := range [3]uint16{r16, g16, b16} {
			worst16 = math.Max(worst16, math.Abs(float64(got)-clampF(e[c]*257, 0xffff)))
		}
	}
	if worst > 0.51 || worst16 > 1 {
		t.Errorf("largest error %.3f levels (8 bits), %.3f (16 bits)", worst, worst16)
	}
	t.Logf("largest error: %.3f of an 8-bit level, %.3f of a 16-bit level", worst, worst16)
}

// TestBlackWhiteAndGrey: the ends of the limited range are the ends of the
// full range.
func TestBlackWhiteAndGrey(t *testing.T) {
	for _, c := range []struct{ y, want uint8 }{{16, 0}, {235, 255}, {0, 0}, {255, 255}, {126, 128}} {
		if r, g, b := RGB(c.y, 128, 128); r != c.want || g != c.want || b != c.want {
			t.Errorf("Y %d: got %d %d %d, want %d", c.y, r, g, b, c.want)
		}
	}
}

// TestExpansionThenJFIF: expanding each plane and converting with JFIF's
// full-range matrix (what a JPEG decoder or package image does with the
// expanded planes) is the limited-range matrix, within the rounding of
// the expanded samples: 2.2 levels at worst (half a level of Y', 1.772
// times half a level of C', and the conversion's own rounding), a third
// on average.
func TestExpansionThenJFIF(t *testing.T) {
	l, c := Luma(), Chroma()
	var sum, worst float64
	n := 0
	for i := 0; i < 1<<24; i += 13 {
		y, cb, cr := uint8(i>>16), uint8(i>>8), uint8(i)
		if y < 16 || y > 235 || cb < 16 || cb > 240 || cr < 16 || cr > 240 {
			continue // outside the range, the two clamp at different steps
		}
		e := exact(y, cb, cr)
		r, g, b := color.YCbCrToRGB(l.Sample(y), c.Sample(cb), c.Sample(cr))
		for k, got := range [3]uint8{r, g, b} {
			d := math.Abs(float64(got) - clampF(e[k], 255))
			sum += d
			worst = math.Max(worst, d)
		}
		n += 3
	}
	if worst > 2.2 || sum/float64(n) > 0.4 {
		t.Errorf("expanded then JFIF: mean error %.3f, largest %.3f levels", sum/float64(n), worst)
		return
	}
	t.Logf("expanded then JFIF: mean error %.3f, largest %.3f levels", sum/float64(n), worst)
}

// TestFixedRoundsOnce: a sum with fractional bits expands to the exact
// expansion rounded once, and whole samples agree with Sample and Table.
func TestFixedRoundsOnce(t *testing.T) {
	for _, e := range []struct {
		name     string
		x        Expansion
		from, to float64
		scale    float64
	}{{"luma", Luma(), 16, 0, 255.0 / 219}, {"chroma", Chroma(), 128, 128, 255.0 / 224}} {
		table := e.x.Table()
		for v := range 256 {
			if got := e.x.Fixed(int64(v)<<20, 20); got != table[v] || got != e.x.Sample(uint8(v)) {
				t.Fatalf("%s %d: Fixed %d, Table %d, Sample %d", e.name, v, got, table[v], e.x.Sample(uint8(v)))
			}
		}
		for s := int64(-40 << 20); s < 300<<20; s += 1<<20/7 + 3 {
			want := clampF(math.Round((float64(s)/(1<<20)-e.from)*e.scale+e.to), 255)
			frac := math.Abs((float64(s)/(1<<20)-e.from)*e.scale + e.to - math.Floor((float64(s)/(1<<20)-e.from)*e.scale+e.to) - 0.5)
			if got := e.x.Fixed(s, 20); float64(got) != want && frac > 0.001 {
				t.Fatalf("%s: sum %d/2^20 expands to %d, want %v", e.name, s, got, want)
			}
		}
	}
}

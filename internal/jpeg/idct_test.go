package jpeg

import (
	"math"
	"math/rand/v2"
	"testing"
)

// refIDCT is the textbook 2-D inverse DCT (section A.3.3) in float64,
// level-shifted, unclipped.
func refIDCT(c *[64]int32) (out [64]float64) {
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			s := 0.0
			for v := 0; v < 8; v++ {
				for u := 0; u < 8; u++ {
					cu, cv := 1.0, 1.0
					if u == 0 {
						cu = 1 / math.Sqrt2
					}
					if v == 0 {
						cv = 1 / math.Sqrt2
					}
					s += cu * cv * float64(c[v*8+u]) *
						math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) *
						math.Cos(float64(2*y+1)*float64(v)*math.Pi/16)
				}
			}
			out[y*8+x] = s/4 + 128
		}
	}
	return out
}

// randomBlock returns coefficients like a dequantized photo block: large
// low frequencies, sparse small high ones, zero after a random last index.
func randomBlock(rng *rand.Rand) (*[64]int32, int) {
	var b [64]int32
	last := rng.IntN(64)
	for k := 0; k <= last; k++ {
		amp := 1024 / (1 + k)
		if rng.IntN(3) == 0 {
			continue
		}
		b[unzig[k]] = int32(rng.IntN(2*amp+1) - amp)
	}
	b[0] = int32(rng.IntN(2048) - 1024)
	lastNZ := 0
	for k := range unzig {
		if b[unzig[k]] != 0 {
			lastNZ = k
		}
	}
	return &b, lastNZ
}

func clampF(v float64) float64 { return math.Max(0, math.Min(255, math.Round(v))) }

// TestIDCTAccuracy checks the integer transforms against the float
// reference: every full-size sample within 1, every box mean within 1.
func TestIDCTAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		b, last := randomBlock(rng)
		orig := *b
		ref := refIDCT(&orig)
		var dst [64]byte
		idct8(b, last, dst[:], 8)
		if *b != [64]int32{} {
			t.Fatal("idct8 did not clear the block")
		}
		for j := range dst {
			if d := math.Abs(float64(dst[j]) - clampF(ref[j])); d > 1 {
				t.Fatalf("block %d sample %d: got %d, want %.2f", i, j, dst[j], ref[j])
			}
		}
		for _, n := range []int{4, 2, 1} {
			c := orig
			var small [16]byte
			switch n {
			case 1:
				small[0] = dcSample(c[0])
			default:
				idctBox(&c, last, n, small[:], n)
			}
			s := 8 / n
			for y := 0; y < n; y++ {
				for x := 0; x < n; x++ {
					sum := 0.0
					for yy := 0; yy < s; yy++ {
						for xx := 0; xx < s; xx++ {
							sum += ref[(y*s+yy)*8+x*s+xx]
						}
					}
					want := clampF(sum / float64(s*s))
					if d := math.Abs(float64(small[y*n+x]) - want); d > 1 {
						t.Fatalf("block %d, 1/%d, sample (%d,%d): got %d, want %.2f", i, s, x, y, small[y*n+x], sum/float64(s*s))
					}
				}
			}
		}
	}
}

// TestFDCTQuantize checks the encoder's transform and quantizer against
// the float DCT divided by each table entry: the result is that quotient
// rounded to the nearest integer, up to ties within 0.01 of a step.
func TestFDCTQuantize(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, quality := range []int{10, 50, 90, 100} {
		tables := scaledQuant(quality)
		qz := newQuantizer(&tables[0])
		for i := 0; i < 500; i++ {
			var src [64]uint8
			base := rng.IntN(256)
			for j := range src {
				src[j] = uint8(min(max(base+rng.IntN(81)-40, 0), 255))
			}
			var q [64]int16
			mask := fdctQuantize(&src, &qz, &q)
			for k, n := range unzig {
				u, v := int(n%8), int(n/8)
				sum := 0.0
				for y := 0; y < 8; y++ {
					for x := 0; x < 8; x++ {
						sum += (float64(src[y*8+x]) - 128) *
							math.Cos(float64(2*x+1)*float64(u)*math.Pi/16) *
							math.Cos(float64(2*y+1)*float64(v)*math.Pi/16)
					}
				}
				cu, cv := 1.0, 1.0
				if u == 0 {
					cu = 1 / math.Sqrt2
				}
				if v == 0 {
					cv = 1 / math.Sqrt2
				}
				exact := sum * cu * cv / 4 / float64(tables[0][k])
				if d := math.Abs(float64(q[k]) - exact); d > 0.51 {
					t.Fatalf("q%d block %d coef %d: got %d, want round(%v)", quality, i, k, q[k], exact)
				}
				if k > 0 && (q[k] != 0) != (mask>>k&1 == 1) {
					t.Fatalf("q%d block %d: mask bit %d wrong", quality, i, k)
				}
			}
		}
	}
}

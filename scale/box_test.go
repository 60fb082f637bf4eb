package scale

import (
	"math/rand/v2"
	"testing"
)

// TestBlockScaleShiftMatchesFloat checks that the integer shift that
// replaces the float64 rounding for power-of-two box areas gives exactly the
// float64 result, near every rounding boundary and at random.
func TestBlockScaleShiftMatchesFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 1; k <= 16; k++ {
		for rows := 1; rows <= 16; rows++ {
			x := &axis{k: k}
			b := newBlockScale(x, rows)
			if area := k * rows; area&(area-1) == 0 && area <= 16 && b.shift == 0 {
				t.Errorf("k=%d rows=%d: no shift", k, rows)
			}
			if b.shift == 0 {
				continue
			}
			f := blockScale{f: b.f}
			half := int64(1) << (b.shift - 1)
			check := func(acc int64) {
				if got, want := b.sample(acc), f.sample(acc); got != want {
					t.Fatalf("k=%d rows=%d acc=%d: shift gives %d, float64 %d", k, rows, acc, got, want)
				}
			}
			for range 20000 {
				// Samples up to 16 bits with 6 fractional bits and the
				// overshoot of negative lobes, both signs.
				q := rng.Int64N(1<<24) - 1<<23
				for d := int64(-2); d <= 2; d++ {
					check(q<<b.shift + half + d)
					check(q<<b.shift + d)
				}
				check(rng.Int64N(1<<44) - 1<<43)
			}
		}
	}
}

// BenchmarkHBlock8 times the horizontal pass over box sums for the luma
// plane of fit-1050 from 12 MP (2×2 boxes, residual factor 1.9).
func BenchmarkHBlock8(b *testing.B) {
	x, err := newAxis(Lanczos3, 0, 4000, 1050, 2, blockWeightBits)
	if err != nil {
		b.Fatal(err)
	}
	bs := make([]uint32, x.blocks)
	for i := range bs {
		bs[i] = uint32(i*7) % 1021
	}
	dst := make([]int16, x.n)
	scale := newBlockScale(&x, 2)
	b.ReportAllocs()
	for b.Loop() {
		hblock8(&x, bs, scale, dst)
	}
}

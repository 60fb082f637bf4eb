package scale

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPackedDirectPassesMatch checks that the direct horizontal passes that
// pack two values to a 64-bit multiply (hdirect8x2, hsums4,
// hdirect16Pairs) give the same values as the plain ones, on extreme and
// random samples, for shrinking and enlarging with every built-in kernel.
func TestPackedDirectPassesMatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	fills := map[string]func() uint16{
		"zero":   func() uint16 { return 0 },
		"max":    func() uint16 { return 0xffff },
		"random": func() uint16 { return uint16(rng.Uint32()) },
		"edges":  func() uint16 { return uint16(rng.IntN(2)) * 0xffff },
	}
	for _, k := range Kernels() {
		for _, sz := range [][2]int{{1000, 263}, {1000, 97}, {333, 331}, {50, 170}, {7, 3}} {
			x, err := newAxis(k, 0, sz[0], sz[1], 1, weightBits)
			if err != nil {
				t.Fatal(err)
			}
			for name, fill := range fills {
				a, b := make([]uint8, sz[0]), make([]uint8, sz[0])
				rgba := make([]uint16, 4*sz[0])
				for i := range a {
					a[i], b[i] = uint8(fill()>>8), uint8(fill()>>8)
				}
				for i := range rgba {
					rgba[i] = fill()
				}
				wantA, wantB, gotA, gotB := make([]int16, sz[1]), make([]int16, sz[1]), make([]int16, sz[1]), make([]int16, sz[1])
				hdirect8(&x, a, wantA)
				hdirect8(&x, b, wantB)
				hdirect8x2(&x, a, b, make([]uint64, sz[0]), gotA, gotB)
				if !slices.Equal(gotA, wantA) || !slices.Equal(gotB, wantB) {
					t.Errorf("%s %v %s: hdirect8x2 differs from hdirect8", k.Name, sz, name)
				}
				var sums4 [4][]int32
				for i := range sums4 {
					sums4[i] = make([]int32, sz[1])
				}
				hsums4(&x, [4][]uint8{b, a, a, b}, make([]uint64, 2*sz[0]), sums4)
				for i, want := range [4][]int16{wantB, wantA, wantA, wantB} {
					got := make([]int16, len(want))
					for j, v := range sums4[i] {
						got[j] = int16((v + 1<<7) >> 8)
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s %v %s: hsums4 row %d, rounded, differs from hdirect8", k.Name, sz, name, i)
					}
				}
				if x.maxAbsWeights()*0xffff > 1<<31-1 {
					t.Fatalf("%s %v: weights too large for hdirect16Pairs", k.Name, sz)
				}
				want, got := make([]int32, 4*sz[1]), make([]int32, 4*sz[1])
				hdirect16(&x, rgba, want)
				hdirect16Pairs(&x, rgba, make([]uint64, 2*sz[0]), got)
				if !slices.Equal(got, want) {
					t.Errorf("%s %v %s: hdirect16Pairs differs from hdirect16", k.Name, sz, name)
				}
			}
		}
	}
}

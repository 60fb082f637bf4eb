package scale

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPackedDirectPassesMatch checks that the direct horizontal passes that
// pack two values to a 64-bit multiply (hsums4 on 8-bit samples and on
// vertical results, hdirect16Pairs) give the same values as the plain
// ones, on extreme and random samples, for shrinking and enlarging with
// every built-in kernel.
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
				wantA, wantB := make([]int16, sz[1]), make([]int16, sz[1])
				hdirect8(&x, a, wantA)
				hdirect8(&x, b, wantB)
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
				// Vertical results: 6 fractional bits, up to the largest
				// magnitude the vertical pass can give (255 · 1.95 · 64).
				v := [4][]int16{make([]int16, sz[0]), make([]int16, sz[0]), make([]int16, sz[0]), make([]int16, sz[0])}
				for r := range v {
					for i := range v[r] {
						v[r][i] = int16(int32(fill())*2*31824/0xffff - 31824)
					}
				}
				hsums4(&x, v, make([]uint64, 2*sz[0]), sums4)
				for r := range v {
					for j := range sz[1] {
						var want int64
						for k, w := range x.w[j*x.stride:][:x.count[j]] {
							want += int64(v[r][int(x.start[j])+k]) * int64(w)
						}
						if int64(sums4[r][j]) != want {
							t.Fatalf("%s %v %s: hsums4 of vertical results, row %d output %d: %d, want %d", k.Name, sz, name, r, j, sums4[r][j], want)
						}
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

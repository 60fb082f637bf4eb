package jpeg

import "testing"

func TestTranspose8x8(t *testing.T) {
	var r [8]uint64
	for i := range r {
		for k := range 8 {
			r[i] |= uint64(i*8+k) << (8 * k) // row i, column k
		}
	}
	tr := r
	transpose8x8(&tr)
	for i := range tr {
		for k := range 8 {
			if got := byte(tr[i] >> (8 * k)); got != byte(k*8+i) {
				t.Fatalf("row %d column %d holds %d, want %d", i, k, got, k*8+i)
			}
		}
	}
}

package scale

// scratch is one worker's reusable buffers. Slices only grow, so a pooled
// scratch serves any later resample without allocating.
type scratch struct {
	ring8  []int64  // horizontally resampled rows, 8-bit planes, packed pairs
	hrow   []int16  // a horizontally resampled row before it is packed, or a batch of vertical results
	ring16 []int32  // horizontally resampled rows, RGBA
	acc32  []int32  // vertical sums, 8-bit planes, unpacked
	acc64  []int64  // vertical sums: RGBA, or packed pairs of 8-bit planes
	colsum []uint32 // column sums down the rows of one box row
	lanes  []uint64 // the same for 8-bit planes, four 16-bit sums a word; or a direct pass's packed samples (hsums4, hfinalRGB2, hdirect16Pairs)
	boxsum []uint32 // box sums of one box row
	row8   []uint8  // a converted source row, generic 8-bit sources
	row16  []uint16 // a converted source row, RGBA
	out    []uint8  // one resampled row before it is placed
	// vrows are the rows of a batch after the vertical pass, when it
	// comes first, and vrowsAt the output rows they are (see vertical).
	vrows   [rowBatch][]int16
	vrowsAt [rowBatch]int
	// expanded holds eight rows of a transposed copy expanded to full
	// range (see Options.LimitedRange).
	expanded []uint8
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

package jpeg

// unzig maps a zig-zag index to the natural (row-major) index of an 8×8
// block (figure A.6 of ITU-T T.81).
var unzig = [64]uint8{
	0, 1, 8, 16, 9, 2, 3, 10,
	17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34,
	27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36,
	29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46,
	53, 60, 61, 54, 47, 55, 62, 63,
}

// zigCols[k] is 1 + the largest column index reached by the zig-zag
// indices 0..k: all coefficients up to zig-zag index k lie in the first
// zigCols[k] columns.
var zigCols = func() (e [64]uint8) {
	cols := 0
	for k, n := range unzig {
		cols = max(cols, int(n)%8+1)
		e[k] = uint8(cols)
	}
	return e
}()

// zigOf is the inverse of unzig: the zig-zag index of each natural index.
var zigOf = func() (z [64]uint8) {
	for k, n := range unzig {
		z[n] = uint8(k)
	}
	return z
}()

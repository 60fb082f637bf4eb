// Package orienttest holds the EXIF orientations as the EXIF
// specification draws them, the oracle that the tests of package orient and
// of its users hold their index arithmetic against. Only tests import it.
package orienttest

// Table is the map of EXIF orientation exif (1 to 8) written out as the
// EXIF specification draws it: the stored pixel of a W×H stored image that
// the oriented image shows at (x, y).
//
//	1 (x, y)        2 (W-1-x, y)      3 (W-1-x, H-1-y)  4 (x, H-1-y)
//	5 (y, x)        6 (y, H-1-x)      7 (W-1-y, H-1-x)  8 (W-1-y, x)
func Table(exif, x, y, W, H int) (int, int) {
	switch exif {
	case 2:
		return W - 1 - x, y
	case 3:
		return W - 1 - x, H - 1 - y
	case 4:
		return x, H - 1 - y
	case 5:
		return y, x
	case 6:
		return y, H - 1 - x
	case 7:
		return W - 1 - y, H - 1 - x
	case 8:
		return W - 1 - y, x
	}
	return x, y
}

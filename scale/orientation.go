package scale

import "github.com/profileimage/profileimage/internal/orient"

// orientation is an EXIF orientation as the map from the oriented image
// (what a person sees) to the stored one (see package orient). The
// resample works in stored coordinates, so it reads source rows in memory
// order, and applies the orientation when it writes each resampled row
// into the destination.
type orientation = orient.Orientation

// storedRange maps the oriented interval [lo, hi) on an axis of stored
// length n, mirrored or not, to the stored interval.
func storedRange(lo, hi, n int, flip bool) (int, int) {
	if flip {
		return n - hi, n - lo
	}
	return lo, hi
}

package scale

// orientation describes an EXIF orientation as the transform from the
// oriented image (what a person sees) to the stored one: an optional
// transpose, then mirrors of the stored x and y axes.
//
// The resample works in stored coordinates (so it reads source rows in
// memory order) and applies the orientation when it writes each resampled
// row into the destination.
type orientation struct {
	transpose bool // oriented x runs along stored y
	flipX     bool // stored x runs right to left in the oriented image
	flipY     bool // stored y runs bottom to top in the oriented image
}

// orientations maps the EXIF values 1..8 (index 0 unused) to transforms.
// With W×H the stored size, the oriented pixel (x, y) is the stored pixel:
//
//	1 (x, y)        2 (W-1-x, y)      3 (W-1-x, H-1-y)  4 (x, H-1-y)
//	5 (y, x)        6 (y, H-1-x)      7 (W-1-y, H-1-x)  8 (W-1-y, x)
var orientations = [9]orientation{
	{}, {},
	{flipX: true},
	{flipX: true, flipY: true},
	{flipY: true},
	{transpose: true},
	{transpose: true, flipY: true},
	{transpose: true, flipX: true, flipY: true},
	{transpose: true, flipX: true},
}

// storedRange maps the oriented interval [lo, hi) on an axis of stored
// length n, mirrored or not, to the stored interval.
func storedRange(lo, hi, n int, flip bool) (int, int) {
	if flip {
		return n - hi, n - lo
	}
	return lo, hi
}

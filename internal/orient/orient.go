// Package orient describes the eight EXIF orientations as the map from an
// image as a person sees it (oriented) to the image as it is stored, for
// the resampler and the encoder, which both read stored samples in the
// order of the oriented image.
package orient

// Orientation is an EXIF orientation as an optional transpose, then
// mirrors of the stored x and y axes. The zero value is orientation 1,
// upright.
type Orientation struct {
	Transpose bool // oriented x runs along stored y
	FlipX     bool // stored x runs right to left in the oriented image
	FlipY     bool // stored y runs bottom to top in the oriented image
}

// table holds the EXIF values 1 to 8 (index 0 is 1 too).
var table = [9]Orientation{
	{}, {},
	{FlipX: true},
	{FlipX: true, FlipY: true},
	{FlipY: true},
	{Transpose: true},
	{Transpose: true, FlipY: true},
	{Transpose: true, FlipX: true, FlipY: true},
	{Transpose: true, FlipX: true},
}

// Of returns EXIF orientation exif (0 to 8; 0 means 1), and false for any
// other value.
func Of(exif int) (Orientation, bool) {
	if exif < 0 || exif >= len(table) {
		return Orientation{}, false
	}
	return table[exif], true
}

// Size returns the oriented size of a w×h stored image.
func (o Orientation) Size(w, h int) (int, int) {
	if o.Transpose {
		return h, w
	}
	return w, h
}

// Stored returns the stored sample under the oriented sample (x, y) of a
// w×h stored image.
func (o Orientation) Stored(x, y, w, h int) (int, int) {
	if o.Transpose {
		x, y = y, x
	}
	if o.FlipX {
		x = w - 1 - x
	}
	if o.FlipY {
		y = h - 1 - y
	}
	return x, y
}

package testimage

import (
	"image"
	"image/color"
)

// Diff returns the first pixel, from (0, 0) of each image, at which a and
// b differ as non-premultiplied 8-bit RGBA (two fully transparent pixels
// match whatever their colour), and whether they differ at all. Images of
// different sizes differ at (-1, -1).
func Diff(a, b image.Image) (image.Point, bool) {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return image.Point{-1, -1}, true
	}
	for y := range ab.Dy() {
		for x := range ab.Dx() {
			ca := color.NRGBAModel.Convert(a.At(ab.Min.X+x, ab.Min.Y+y)).(color.NRGBA)
			cb := color.NRGBAModel.Convert(b.At(bb.Min.X+x, bb.Min.Y+y)).(color.NRGBA)
			if ca != cb && (ca.A != 0 || cb.A != 0) {
				return image.Point{x, y}, true
			}
		}
	}
	return image.Point{}, false
}

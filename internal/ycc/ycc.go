// Package ycc holds what package image leaves unexported about its Y'CbCr
// layouts, for the packages that walk the planes themselves.
package ycc

import "image"

// Subsampling returns how many luma samples across and down one chroma
// sample of ratio r covers; unknown ratios are 4:4:4, as in package image.
func Subsampling(r image.YCbCrSubsampleRatio) (x, y int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

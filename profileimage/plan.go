package profileimage

import (
	"fmt"
	"image"
	"math"

	"github.com/profileimage/profileimage/vendors"
)

// target is what one output must satisfy, taken from a profile (Normalize)
// or from one of its sizes (Scale).
type target struct {
	mode   vendors.SquareMode // none, crop or pad
	anchor vendors.Anchor     // where a crop is taken from
	// exactW and exactH, when set, are the output size (a named size);
	// the crop or pad then has their aspect ratio instead of a square's.
	exactW, exactH int
	// boxW and boxH bound the output (0: no bound on that side).
	boxW, boxH int
	enlarge    bool
	maxPixels  int64
}

// normalizeTarget is what Normalize makes for p: the profile's square rule,
// fitted inside its fit box and its maximum dimensions and pixel count.
func normalizeTarget(p vendors.Profile) target {
	return target{
		mode:      p.Square.Mode,
		anchor:    p.Square.Anchor,
		boxW:      minPositive(p.Fit.MaxWidth, p.MaxWidth),
		boxH:      minPositive(p.Fit.MaxHeight, p.MaxHeight),
		enlarge:   p.Fit.Enlarge,
		maxPixels: p.MaxPixels,
	}
}

// sizeTarget is what Scale makes for one named size.
func sizeTarget(p vendors.Profile, s vendors.Size) target {
	if s.Name == vendors.OriginalSize {
		return normalizeTarget(p)
	}
	mode := s.Mode
	if mode == "" {
		mode = vendors.SquareCrop
	}
	return target{mode: mode, anchor: p.Square.Anchor, exactW: s.Width, exactH: s.Height}
}

func minPositive(a, b int) int {
	switch {
	case a <= 0:
		return b
	case b <= 0:
		return a
	}
	return min(a, b)
}

// plan is everything Normalize or Scale will do to one image, decided from
// its oriented size alone, before any pixel is decoded.
type plan struct {
	crop          image.Rectangle // in oriented coordinates; never empty
	width, height int             // the output
	pad           image.Rectangle // where the image goes inside the output
}

// cropped reports whether the plan cuts part of the image away.
func (pl plan) cropped(w, h int) bool { return pl.crop != image.Rect(0, 0, w, h) }

// padded reports whether the plan leaves a border of pad colour.
func (pl plan) padded() bool { return pl.pad != image.Rect(0, 0, pl.width, pl.height) }

// makePlan decides the crop, output size and pad of an image whose oriented
// size is w×h. userCrop, when not empty, is the caller's crop box.
func makePlan(w, h int, t target, userCrop image.Rectangle) (plan, error) {
	if w <= 0 || h <= 0 {
		return plan{}, fmt.Errorf("%w: empty image", ErrBadOption)
	}
	full := image.Rect(0, 0, w, h)
	src := full
	if !userCrop.Empty() {
		if !userCrop.In(full) {
			return plan{}, fmt.Errorf("%w: crop box %v is not inside the %dx%d image", ErrBadOption, userCrop, w, h)
		}
		src = userCrop
	}
	// The aspect ratio the output must have, as a fraction aw:ah.
	aw, ah := 0, 0
	switch {
	case t.exactW > 0:
		aw, ah = t.exactW, t.exactH
	case t.mode == vendors.SquareCrop || t.mode == vendors.SquarePad:
		aw, ah = 1, 1
	}

	pl := plan{crop: src}
	// canvasW×canvasH is the output before scaling, in source pixels.
	canvasW, canvasH := float64(src.Dx()), float64(src.Dy())
	if aw > 0 {
		if t.mode == vendors.SquarePad {
			canvasW, canvasH = coverBox(canvasW, canvasH, aw, ah)
		} else {
			pl.crop = cropToAspect(src, aw, ah, t.anchor)
			canvasW, canvasH = float64(pl.crop.Dx()), float64(pl.crop.Dy())
		}
	}

	var s float64
	if t.exactW > 0 {
		pl.width, pl.height = t.exactW, t.exactH
		s = float64(t.exactW) / canvasW
	} else {
		s = fitScale(canvasW, canvasH, t)
		pl.width, pl.height = fitSize(canvasW, canvasH, s, t, aw > 0)
	}
	pl.pad = image.Rect(0, 0, pl.width, pl.height)
	if t.mode == vendors.SquarePad {
		pw := clampInt(int(math.Round(float64(src.Dx())*s)), 1, pl.width)
		ph := clampInt(int(math.Round(float64(src.Dy())*s)), 1, pl.height)
		x0, y0 := (pl.width-pw)/2, (pl.height-ph)/2
		pl.pad = image.Rect(x0, y0, x0+pw, y0+ph)
	}
	return pl, nil
}

// coverBox returns the smallest aw:ah box that holds a w×h image.
func coverBox(w, h float64, aw, ah int) (float64, float64) {
	r := float64(aw) / float64(ah)
	if w/h > r {
		return w, w / r
	}
	return h * r, h
}

// cropToAspect returns the largest aw:ah rectangle inside src, taken from
// its centre or its top-left corner.
func cropToAspect(src image.Rectangle, aw, ah int, anchor vendors.Anchor) image.Rectangle {
	w, h := src.Dx(), src.Dy()
	// Compare w/h with aw/ah in integers: w*ah vs h*aw.
	cw, ch := w, h
	if int64(w)*int64(ah) > int64(h)*int64(aw) {
		cw = clampInt(int(int64(h)*int64(aw)/int64(ah)), 1, w)
	} else {
		ch = clampInt(int(int64(w)*int64(ah)/int64(aw)), 1, h)
	}
	x0, y0 := src.Min.X+(w-cw)/2, src.Min.Y+(h-ch)/2
	if anchor == vendors.AnchorTopLeft {
		x0, y0 = src.Min.X, src.Min.Y
	}
	return image.Rect(x0, y0, x0+cw, y0+ch)
}

// fitScale returns the factor that fits a w×h canvas inside the target's box
// and pixel limit, never above 1 unless the target enlarges.
func fitScale(w, h float64, t target) float64 {
	s := math.Inf(1)
	if t.boxW > 0 {
		s = math.Min(s, float64(t.boxW)/w)
	}
	if t.boxH > 0 {
		s = math.Min(s, float64(t.boxH)/h)
	}
	if math.IsInf(s, 1) || (s > 1 && !t.enlarge) {
		s = 1
	}
	if t.maxPixels > 0 && w*h*s*s > float64(t.maxPixels) {
		s = math.Sqrt(float64(t.maxPixels) / (w * h))
	}
	return s
}

// fitSize rounds a scaled canvas to whole pixels without breaking any bound
// of the target; a square canvas stays exactly square.
func fitSize(w, h, s float64, t target, square bool) (int, int) {
	size := func(round func(float64) float64) (int, int) {
		ow, oh := max(int(round(w*s)), 1), max(int(round(h*s)), 1)
		if t.boxW > 0 {
			ow = min(ow, t.boxW)
		}
		if t.boxH > 0 {
			oh = min(oh, t.boxH)
		}
		if square {
			ow = min(ow, oh)
			oh = ow
		}
		return ow, oh
	}
	over := func(ow, oh int) bool { return t.maxPixels > 0 && int64(ow)*int64(oh) > t.maxPixels }
	ow, oh := size(math.Round)
	if over(ow, oh) {
		// Rounding up crossed the pixel limit: rounding both sides down
		// stays under it and keeps the aspect ratio within a pixel.
		ow, oh = size(math.Floor)
	}
	if over(ow, oh) {
		// An extreme aspect ratio: the short side was raised to one pixel,
		// so the long side gives up the excess.
		if ow >= oh {
			ow = max(int(t.maxPixels/int64(oh)), 1)
		} else {
			oh = max(int(t.maxPixels/int64(ow)), 1)
		}
	}
	return ow, oh
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }

// keepsAll reports whether the plan keeps all of a w×h image at its size,
// with no pad: all it does is apply the orientation, if any.
func (pl plan) keepsAll(w, h int) bool {
	whole := image.Rect(0, 0, w, h)
	return pl.crop == whole && pl.pad == whole && pl.width == w && pl.height == h
}

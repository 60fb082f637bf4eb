package profileimage

import (
	"context"
	"errors"
	"fmt"
	"image"
	"slices"
	"strconv"

	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/vendors"
)

// maxShrinks bounds how many times render makes the image smaller to meet a
// byte limit that the lowest quality does not.
const maxShrinks = 8

// render makes output o of the job from src: the upload, with o's plan,
// or an earlier output that ScaleAll reuses, planned anew. It returns it
// also as a source, its pixels before encoding, from which ScaleAll may
// make smaller sizes.
func (j *job) render(ctx context.Context, o *output, src *source) (*Result, *source, error) {
	p := j.p
	pl, t := o.plan, o.target
	fromUpload := src == j.upload
	pad := padColor(p, j.s)
	for attempt := range maxShrinks {
		if !fromUpload || attempt > 0 {
			var err error
			if pl, err = makePlan(src.planW, src.planH, t, j.s.crop); err != nil {
				return nil, nil, err
			}
		}
		if o.size.Name == vendors.OriginalSize && (pl.width < p.MinWidth || pl.height < p.MinHeight) {
			return nil, nil, tooSmall(p, pl)
		}
		img, orientation, err := j.resize(ctx, src, pl, o, fromUpload && attempt == 0)
		if err != nil {
			return nil, nil, err
		}
		colourSteps := src.convertOutput(img, pl)
		res, err := encodeResult(img, p, o.size, pad, encoding{concurrency: j.s.concurrency, orientation: orientation})
		if errors.Is(err, errOverBudget) && o.size.Name == vendors.OriginalSize {
			// Below the lowest quality the image still does not fit:
			// make it smaller and try again.
			t.boxW, t.boxH = pl.width*4/5, pl.height*4/5
			if t.boxW < 16 || t.boxH < 16 {
				break
			}
			continue
		}
		if err != nil {
			return nil, nil, withBudget(err, p)
		}
		made := slices.Concat(src.steps, planSteps(src, pl), colourSteps)
		res.Source = src.info
		res.Steps = append(slices.Clip(made), res.Steps...)
		out := &source{info: src.info, img: img, orientation: orientation,
			w: res.Width, h: res.Height, planW: res.Width, planH: res.Height,
			steps: slices.DeleteFunc(slices.Clone(res.Steps), func(st Step) bool { return st.Op == OpEncoded })}
		return res, out, nil
	}
	return nil, nil, withBudget(errOverBudget, p)
}

// resize makes plan pl of output o from src, and returns it with the EXIF
// orientation it is stored in. planned says pl is o's own plan, of the
// upload: then an output that only turns the upload is the upload's own
// image (the encoder reads it turned, without a copy), and one that
// streamed is its resample made while decoding. Any other plan is a new
// resample, upright. Limited-range samples come out full range: the
// upload's own planes are expanded in place, once, when they are the
// output.
func (j *job) resize(ctx context.Context, src *source, pl plan, o *output, planned bool) (image.Image, int, error) {
	if planned && o.turnsOnly {
		switch m := src.img.(type) {
		case *image.YCbCr, *image.Gray: // no alpha: the format was decided without the pixels
			if y, ok := m.(*image.YCbCr); ok && src.limited {
				if err := scale.ExpandLimitedRange(y); err != nil {
					return nil, 0, err
				}
				src.limited = false
			}
			return src.img, src.orientation, nil
		}
	}
	if planned && o.streams && src.early != nil {
		img := src.early
		src.early = nil
		return img, 1, nil
	}
	img, err := scale.Resize(ctx, src.img, pl.width, pl.height, j.resizeOptions(src, pl))
	return img, 1, err
}

// resizeOptions are the options of the resample that makes plan pl of the
// job from src.
func (j *job) resizeOptions(src *source, pl plan) *scale.Options {
	return &scale.Options{
		Orientation: src.orientation, Crop: src.mapRect(pl.crop), Pad: pl.pad, PadColor: padColor(j.p, j.s),
		Concurrency: j.s.concurrency, LimitedRange: src.limited,
	}
}

// planSteps are the steps of plan pl of src.
func planSteps(src *source, pl plan) []Step {
	var steps []Step
	if src.orientation > 1 {
		steps = append(steps, Step{OpOriented, "orientation " + strconv.Itoa(src.orientation)})
	}
	if pl.cropped(src.planW, src.planH) {
		steps = append(steps, Step{OpCropped, fmt.Sprintf("%dx%d at (%d,%d)", pl.crop.Dx(), pl.crop.Dy(), pl.crop.Min.X, pl.crop.Min.Y)})
	}
	if pl.padded() {
		steps = append(steps, Step{OpPadded, fmt.Sprintf("%dx%d inside %dx%d", pl.pad.Dx(), pl.pad.Dy(), pl.width, pl.height)})
	}
	if pl.pad.Dx() != pl.crop.Dx() || pl.pad.Dy() != pl.crop.Dy() {
		steps = append(steps, Step{OpScaled, fmt.Sprintf("%dx%d to %dx%d", pl.crop.Dx(), pl.crop.Dy(), pl.pad.Dx(), pl.pad.Dy())})
	}
	return steps
}

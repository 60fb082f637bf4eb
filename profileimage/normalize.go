package profileimage

import (
	"context"
	"errors"
	"fmt"
	"image"
	"slices"
	"strconv"

	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// Validate answers whether the vendor of profile p would take data as it
// is. It reads the file's header (validate.Inspect), checks it against the
// profile (validate.Check), and then proves that the pixels decode, at the
// cheapest scale: a JPEG at 1/8 size (every coefficient is entropy-decoded,
// no inverse DCT is run), a PNG's compressed image data inflated and
// checked row by row without keeping it, GIF, WebP, BMP and TIFF decoded as
// Normalize decodes them. So a file whose pixel data is damaged or missing
// (a broken zlib stream, a scan cut short) is rejected as corrupt, as
// Normalize and the vendor reject it, instead of passing on the strength of
// its header. With [HeaderOnly] it stops after the header. A header that
// claims more pixels than a cap is too-many-pixels, with the claimed size
// in the Info, even when its data is damaged too.
//
// The pixels cost what the header does not (bench's BenchmarkValidate,
// medians of 6 on one core of the README's machine, same run): a 12 MP
// JPEG takes 27 ms instead of 0.38 ms from its header alone, a 4 MP PNG
// 55 ms instead of 0.11 ms (decoding it with image/png takes 70 ms). Both
// allocate under 0.4 MB (the JPEG's 1/8-size image, the inflater's tables),
// where a full decode of that PNG allocates 16 MB.
//
// A rejection is an *[Error] carrying the vendor-neutral reason and
// the vendor's own status, code and message.
func Validate(ctx context.Context, data []byte, p vendors.Profile, opts ...Option) (Info, error) {
	if err := ctx.Err(); err != nil {
		return Info{}, err
	}
	s := newSettings(opts)
	if err := s.forValidate(); err != nil {
		return Info{}, err
	}
	if err := p.Validate(); err != nil {
		return Info{}, err
	}
	info, err := inspect(data, p, p, s.check)
	if err != nil {
		return info, err
	}
	if err := validate.Check(info, p, s.check...); err != nil || s.headerOnly {
		return info, err
	}
	return info, verifyPixels(ctx, data, info, p)
}

// Normalize makes data right for the vendor of profile p: it validates it,
// decodes it, applies its EXIF orientation and the profile's square rule,
// fits it inside the profile's limits, and encodes it in a format the
// vendor takes, under the vendor's byte limit. Rules that Normalize can fix
// (format, size, pixel count, bytes) are fixed, not rejected; what it cannot
// fix (an empty, corrupt, unreadable or too small image, animation the
// vendor rejects, anything above the library's safety caps) is rejected with
// an *[Error]. The output is deterministic for the same input,
// profile and options.
func Normalize(ctx context.Context, data []byte, p vendors.Profile, opts ...Option) (*Result, error) {
	s := newSettings(opts)
	p = s.profile(p)
	original := vendors.Size{Name: vendors.OriginalSize}
	src, err := load(ctx, data, p, s, []vendors.Size{original})
	if err != nil {
		return nil, err
	}
	res, _, err := render(ctx, src, p, original, s)
	return res, err
}

// source is a decoded upload, or an output made from it, ready to render
// any number of outputs from.
type source struct {
	info        validate.Info // the upload, as reported in Result.Source
	img         image.Image
	orientation int // img's EXIF orientation
	w, h        int // img's size once oriented
	// planW×planH is the size outputs are planned at: the oriented upload
	// (so that sizes never depend on how it was decoded), or img's own
	// size for an output reused by ScaleAll. A shrink-on-load decode
	// makes img smaller than that; plans are mapped onto it.
	planW, planH int
	steps        []Step // what made img from the upload
	// early is the output of the first render's plan, resampled while
	// the upload was decoding, or nil.
	early *earlyResize
	// colour converts img's colours to sRGB, when it is not (see
	// convertOutput); nil once it is.
	colour *colour
	// limited says img holds limited-range Y'CbCr, which outputs expand
	// to full range (see limitedRange).
	limited bool
}

// earlyResize is a resample made while decoding, and the plan it is for.
type earlyResize struct {
	pl  plan
	img image.Image
}

// load validates data against what Normalize cannot fix and decodes it, as
// small as the largest of the sizes allows (see shrinkDenom). sizes are in
// the order they will be rendered: the first one's resample runs while the
// upload decodes, where the decoder allows it.
func load(ctx context.Context, data []byte, p vendors.Profile, s settings, sizes []vendors.Size) (*source, error) {
	if err := s.forOutput(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	info, err := inspect(data, p, fixable(p), s.check)
	if err != nil {
		return nil, err
	}
	if err := validate.Check(info, fixable(p), s.check...); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	denom := shrinkDenom(info, p, s, sizes)
	storedW, storedH := ceilDiv(info.Width, denom), ceilDiv(info.Height, denom)
	src := &source{info: info, orientation: info.Orientation,
		w: storedW, h: storedH, planW: info.OrientedWidth, planH: info.OrientedHeight}
	if info.OrientedWidth != info.Width {
		src.w, src.h = storedH, storedW
	}
	conv, colourSteps := prepareColour(data, info, s.concurrency)
	var early *scale.Scaler // only JPEG hands out rows while decoding
	first, err := makePlan(src.planW, src.planH, sizeTarget(p, sizes[0]), s.crop)
	if err == nil && info.Format == vendors.JPEG && !src.turnsOnly(first) && !conv.beforeResample() {
		early, _ = scale.NewScaler(storedW, storedH, first.width, first.height, src.resizeOptions(ctx, first, p, s))
	}
	img, resized, err := decodeChecked(ctx, data, info, p, denom, early)
	if err != nil {
		return nil, err
	}
	src.img = img
	src.limited = limitedRange(info, img)
	if resized != nil {
		src.early = &earlyResize{pl: first, img: resized}
	}
	if denom > 1 {
		src.steps = append(src.steps, Step{OpDecoded, fmt.Sprintf("at 1/%d size", denom)})
	}
	if info.Frames > 1 {
		src.steps = append(src.steps, Step{OpFirstFrame, fmt.Sprintf("kept 1 of %d frames", info.Frames)})
	}
	src.steps = append(src.steps, colourSteps...)
	src.convertDecoded(conv)
	return src, nil
}

// resizeOptions are the options of the resample that makes plan pl of
// profile p from src.
func (src *source) resizeOptions(ctx context.Context, pl plan, p vendors.Profile, s settings) *scale.Options {
	return &scale.Options{
		Orientation: src.orientation, Crop: src.mapRect(pl.crop), Pad: pl.pad, PadColor: padColor(p, s),
		Concurrency: s.concurrency, Context: ctx, LimitedRange: src.limited,
	}
}

// resize makes plan pl of size sz of profile p from src, and returns it
// with the EXIF orientation it is stored in: src's own image when the plan
// only turns it and it will be written as a JPEG (the encoder reads it
// turned, without a copy), else the early resample if it is the one, else
// a new one, upright. Limited-range samples come out full range: src's
// own planes are expanded in place, once, when they are the output.
func (src *source) resize(ctx context.Context, pl plan, p vendors.Profile, sz vendors.Size, s settings) (image.Image, int, error) {
	switch m := src.img.(type) {
	case *image.YCbCr, *image.Gray: // no alpha: the format is decided without the pixels
		if src.turnsOnly(pl) && outputFormat(p, sz, false) == vendors.JPEG {
			if y, ok := m.(*image.YCbCr); ok && src.limited {
				if err := scale.ExpandLimitedRange(y); err != nil {
					return nil, 0, err
				}
				src.limited = false
			}
			return src.img, src.orientation, nil
		}
	}
	if e := src.early; e != nil && e.pl == pl {
		src.early = nil
		return e.img, 1, nil
	}
	img, err := scale.Resize(src.img, pl.width, pl.height, src.resizeOptions(ctx, pl, p, s))
	return img, 1, err
}

// turnsOnly reports whether plan pl of src keeps all of src's image at its
// size, with no pad: all it does is apply the orientation, if any.
func (src *source) turnsOnly(pl plan) bool {
	whole := image.Rect(0, 0, src.w, src.h)
	return src.w == src.planW && src.h == src.planH && pl.crop == whole && pl.pad == whole &&
		pl.width == src.w && pl.height == src.h
}

// inspect runs validate.Inspect and gives its rejection the vendor's error.
// A header whose size was read before its data was found corrupt is first
// judged by that size: when Check (profile checked, options opts) finds it
// above a pixel cap, Check's error is the answer, as it would have been
// for an intact file of that size.
func inspect(data []byte, p, checked vendors.Profile, opts []validate.Option) (validate.Info, error) {
	info, err := validate.Inspect(data)
	var e *validate.Error
	if !errors.As(err, &e) {
		return info, err
	}
	if e.Reason == vendors.ReasonCorrupt && info.Width > 0 {
		var ce *validate.Error
		if errors.As(validate.Check(info, checked, opts...), &ce) && slices.ContainsFunc(ce.Violations, func(v validate.Violation) bool {
			return v.Reason == vendors.ReasonTooManyPixels
		}) {
			return info, ce
		}
	}
	return info, validate.Reject(p, e.Reason, e.Detail, nil)
}

// fixable returns the part of p that Normalize cannot fix: it drops the
// accepted formats (any decodable format is re-encoded), the byte limit
// (the output is re-encoded under it), the pixel and dimension maxima (the
// output is scaled under them) and, where the profile enlarges, the minima.
func fixable(p vendors.Profile) vendors.Profile {
	p.Accept = vendors.Formats()
	p.MaxBytes, p.MaxPixels, p.MaxWidth, p.MaxHeight = 0, 0, 0, 0
	if p.Fit.Enlarge {
		p.MinWidth, p.MinHeight = 0, 0
	}
	return p
}

// maxShrinks bounds how many times render makes the image smaller to meet a
// byte limit that the lowest quality does not.
const maxShrinks = 8

// render makes one output of src for size sz of profile p. It returns it
// also as a source, its pixels before encoding, from which ScaleAll may
// make smaller sizes.
func render(ctx context.Context, src *source, p vendors.Profile, sz vendors.Size, s settings) (*Result, *source, error) {
	t := sizeTarget(p, sz)
	pad := padColor(p, s)
	for range maxShrinks {
		pl, err := makePlan(src.planW, src.planH, t, s.crop)
		if err != nil {
			return nil, nil, err
		}
		if sz.Name == vendors.OriginalSize && (pl.width < p.MinWidth || pl.height < p.MinHeight) {
			return nil, nil, validate.Reject(p, vendors.ReasonTooSmall,
				fmt.Sprintf("the image would be %dx%d, below the minimum %dx%d", pl.width, pl.height, p.MinWidth, p.MinHeight),
				map[string]string{vendors.ParamValue: fmt.Sprintf("%dx%d", pl.width, pl.height), vendors.ParamParameter: "image"})
		}
		img, orientation, err := src.resize(ctx, pl, p, sz, s)
		if err != nil {
			return nil, nil, err
		}
		colourSteps := src.convertOutput(img, pl)
		res, err := encodeResult(img, p, sz, pad, encoding{concurrency: s.concurrency, orientation: orientation})
		if errors.Is(err, errOverBudget) && sz.Name == vendors.OriginalSize {
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
		res.Source = src.info
		res.Steps = slices.Concat(src.steps, planSteps(src, pl), colourSteps, res.Steps)
		out := &source{info: src.info, img: img, orientation: orientation,
			w: res.Width, h: res.Height, planW: res.Width, planH: res.Height, steps: res.Steps[:len(res.Steps)-1]}
		return res, out, nil
	}
	return nil, nil, withBudget(errOverBudget, p)
}

// withBudget turns errOverBudget into the vendor's too-many-bytes error.
func withBudget(err error, p vendors.Profile) error {
	if !errors.Is(err, errOverBudget) {
		return err
	}
	limit := strconv.FormatInt(p.MaxBytes, 10)
	return validate.Reject(p, vendors.ReasonTooManyBytes,
		"no quality or size above the floor fits the byte limit of "+limit,
		map[string]string{vendors.ParamLimit: limit})
}

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

package profileimage

import (
	"context"
	"fmt"
	"image"

	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// job is everything one call of Normalize, Scale or ScaleAll will make,
// decided once, in load, from the upload's header and the options before
// any pixel is decoded, and read by render: the plan of every output, the
// shrink-on-load factor, which output is resampled while the upload
// decodes and which only turns the upload.
type job struct {
	p vendors.Profile // as the options change it
	s settings
	// outputs are in the order they are rendered.
	outputs []output
	// denom is the JPEG shrink-on-load denominator (1, 2, 4 or 8; see
	// shrinkDenom).
	denom int
	// upload is the decoded upload, which every plan is for.
	upload *source
}

// output is one output of a job.
type output struct {
	size   vendors.Size
	target target
	// plan is made from the upload's oriented size. When the byte limit
	// makes render shrink the output, or ScaleAll renders it from a
	// larger output, render makes another plan for that.
	plan plan
	// turnsOnly says the plan keeps the whole upload at its size with no
	// pad, and the output is written as a JPEG: the decoded planes are
	// then the output, which the encoder reads turned, without a copy.
	turnsOnly bool
	// streams says the output is resampled while the upload decodes
	// (only a JPEG hands out its rows as it goes, and only the first
	// output of a job).
	streams bool
}

// newJob plans each of sizes, in the order they will be rendered, for the
// upload info describes.
func newJob(info validate.Info, p vendors.Profile, s settings, sizes []vendors.Size) (*job, error) {
	j := &job{p: p, s: s, outputs: make([]output, len(sizes))}
	w, h := info.OrientedWidth, info.OrientedHeight
	plans := make([]plan, len(sizes))
	for i, sz := range sizes {
		t := sizeTarget(p, sz)
		pl, err := makePlan(w, h, t, s.crop)
		if err != nil {
			return nil, err
		}
		j.outputs[i] = output{size: sz, target: t, plan: pl}
		plans[i] = pl
	}
	j.denom = shrinkDenom(info.Format, plans)
	for i := range j.outputs {
		o := &j.outputs[i]
		o.turnsOnly = j.denom == 1 && o.plan.keepsAll(w, h) && outputFormat(p, o.size, false) == vendors.JPEG
	}
	j.outputs[0].streams = info.Format == vendors.JPEG && !j.outputs[0].turnsOnly
	return j, nil
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
	// early is the output that streams (see output.streams), resampled
	// while the upload was decoding, or nil.
	early image.Image
	// colour converts img's colours to sRGB, when it is not (see
	// convertOutput); nil once it is.
	colour *colour
	// limited says img holds limited-range Y'CbCr, which outputs expand
	// to full range (see limitedRange).
	limited bool
}

// load validates data against what Normalize cannot fix, plans the job of
// making sizes from it (in the order they will be rendered), and decodes
// it, as small as the job allows, resampling the first output while it
// decodes where the decoder allows it.
func load(ctx context.Context, data []byte, p vendors.Profile, s settings, sizes []vendors.Size) (*job, error) {
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
	j, err := newJob(info, p, s, sizes)
	if err != nil {
		return nil, err
	}
	storedW, storedH := ceilDiv(info.Width, j.denom), ceilDiv(info.Height, j.denom)
	src := &source{info: info, orientation: info.Orientation,
		w: storedW, h: storedH, planW: info.OrientedWidth, planH: info.OrientedHeight}
	if info.OrientedWidth != info.Width {
		src.w, src.h = storedH, storedW
	}
	conv, colourSteps := prepareColour(data, info, s.concurrency)
	first := &j.outputs[0]
	if conv.beforeResample() {
		first.streams = false // the conversion must come first
	}
	var sc *scale.Scaler
	if first.streams {
		sc, _ = scale.NewScaler(storedW, storedH, first.plan.width, first.plan.height, j.resizeOptions(src, first.plan))
	}
	img, resized, err := decodeChecked(ctx, data, info, p, j.denom, sc, s.concurrency)
	if err != nil {
		return nil, err
	}
	src.img = img
	src.limited = limitedRange(info, img)
	src.early = resized
	if j.denom > 1 {
		src.steps = append(src.steps, Step{OpDecoded, fmt.Sprintf("at 1/%d size", j.denom)})
	}
	if info.Frames > 1 {
		src.steps = append(src.steps, Step{OpFirstFrame, fmt.Sprintf("kept 1 of %d frames", info.Frames)})
	}
	src.steps = append(src.steps, colourSteps...)
	src.convertDecoded(conv)
	j.upload = src
	return j, nil
}

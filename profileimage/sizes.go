package profileimage

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

// Scale makes the copy of data that the vendor of profile p serves at the
// named size, such as RingCentral's "90x90" (an exact size, cropped or
// padded to its aspect ratio as the size says) or "original" (the same as
// Normalize). A name the profile does not have is an *[Error] with the
// reason unknown-size, carrying the vendor's answer with the name filled in
// (RingCentral: 404 ACT-333).
func Scale(ctx context.Context, data []byte, p vendors.Profile, size string, opts ...Option) (*Result, error) {
	sz, err := lookupSize(p, size)
	if err != nil {
		return nil, err
	}
	s := newSettings(opts)
	p = s.profile(p)
	j, err := load(ctx, data, p, s, []vendors.Size{sz})
	if err != nil {
		return nil, err
	}
	res, _, err := j.render(ctx, &j.outputs[0], j.upload)
	return res, err
}

// ScaleAll makes every size of profile p from data, in profile order. The
// upload is validated and decoded once for all sizes, and a size that crops
// to the same aspect ratio as a larger one at least twice its size is
// resampled from that one instead of from the whole upload (RingCentral's
// 195x195 and 90x90 come from its 584x584): as sharp, and much faster.
func ScaleAll(ctx context.Context, data []byte, p vendors.Profile, opts ...Option) ([]*Result, error) {
	s := newSettings(opts)
	p = s.profile(p)
	sizes := p.Sizes
	if len(sizes) == 0 {
		sizes = []vendors.Size{{Name: vendors.OriginalSize}}
	}
	// Largest first, so that the smaller sizes can start from them.
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(sizes[b].Width*sizes[b].Height, sizes[a].Width*sizes[a].Height)
	})
	ordered := make([]vendors.Size, len(sizes))
	for i, o := range order {
		ordered[i] = sizes[o]
	}
	j, err := load(ctx, data, p, s, ordered)
	if err != nil {
		return nil, err
	}
	out := make([]*Result, len(sizes))
	var made []*source // crop-mode outputs that smaller sizes may start from
	for k, i := range order {
		o := &j.outputs[k]
		res, pixels, err := j.render(ctx, o, startFrom(j.upload, made, o.size, s))
		if err != nil {
			return nil, fmt.Errorf("size %s: %w", o.size.Name, err)
		}
		out[i] = res
		if reusable(o.size, s) && !slices.ContainsFunc(res.Steps, func(st Step) bool { return st.Op == OpFlattened }) {
			made = append(made, pixels)
		}
	}
	return out, nil
}

// reusable reports whether sz's output can stand in for the upload when
// making a smaller size: an exact crop-mode size, with no crop box of the
// caller's (whose coordinates are the upload's).
func reusable(sz vendors.Size, s settings) bool {
	return sz.Width > 0 && sz.Mode != vendors.SquarePad && s.crop.Empty()
}

// startFrom picks the smallest earlier output with sz's aspect ratio and at
// least twice its size, or the upload itself.
func startFrom(src *source, made []*source, sz vendors.Size, s settings) *source {
	if !reusable(sz, s) {
		return src
	}
	best := src
	for _, m := range made {
		if m.w >= 2*sz.Width && m.h >= 2*sz.Height && m.w*sz.Height == m.h*sz.Width && m.w < best.w {
			best = m
		}
	}
	return best
}

func lookupSize(p vendors.Profile, name string) (vendors.Size, error) {
	if sz, ok := p.Size(name); ok {
		return sz, nil
	}
	if name == vendors.OriginalSize {
		return vendors.Size{Name: vendors.OriginalSize}, nil
	}
	return vendors.Size{}, Reject(p, vendors.ReasonUnknownSize,
		fmt.Sprintf("size %q is not one of: %s", name, strings.Join(p.SizeNames(), ", ")),
		map[string]string{vendors.ParamSize: name})
}

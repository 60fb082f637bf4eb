package profileimage

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/profileimage/profileimage/internal/answer"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// Reject returns the rejection for reason r under profile p, in the
// vendor's words, for a rejection a caller finds itself, as a service does
// for a scaled size it does not have or a request body over the byte
// limit: detail is the human detail, and the vendor's message is filled
// with params (the vendors.Param names) plus detail
// ([vendors.ParamDetail]) and "image" ([vendors.ParamParameter]) when
// params lacks them. Normalize and Scale build their own rejections found
// after the header (an unknown size, a corrupt image) with it.
func Reject(p vendors.Profile, r Reason, detail string, params map[string]string) *Error {
	v := Violation{Reason: r, Detail: detail, Value: params[vendors.ParamValue], Limit: params[vendors.ParamLimit]}
	return &Error{Reason: r, Detail: detail, Vendor: answer.For(p, r, detail, v.Value, v.Limit, params), Violations: []Violation{v}}
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
	return info, Reject(p, e.Reason, e.Detail, nil)
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

// tooSmall is p's too-small error for an output that plan pl would make
// below the profile's minimum.
func tooSmall(p vendors.Profile, pl plan) error {
	return Reject(p, vendors.ReasonTooSmall,
		fmt.Sprintf("the image would be %dx%d, below the minimum %dx%d", pl.width, pl.height, p.MinWidth, p.MinHeight),
		map[string]string{vendors.ParamValue: fmt.Sprintf("%dx%d", pl.width, pl.height), vendors.ParamParameter: "image"})
}

// withBudget turns errOverBudget into the vendor's too-many-bytes error.
func withBudget(err error, p vendors.Profile) error {
	if !errors.Is(err, errOverBudget) {
		return err
	}
	limit := strconv.FormatInt(p.MaxBytes, 10)
	return Reject(p, vendors.ReasonTooManyBytes,
		"no quality or size above the floor fits the byte limit of "+limit,
		map[string]string{vendors.ParamLimit: limit})
}

package vendors

import (
	"maps"
	"slices"
)

// Profile is what one service accepts for a user's profile image and what
// it does with it. Limits are inclusive (a maximum is the largest value
// accepted) and zero means the vendor states none; the library's own safety
// caps apply in any case (see package validate).
//
// A Profile is a plain value. The ones returned by [Lookup], [All] and
// [Parse] are deep copies: changing one changes nobody else's.
type Profile struct {
	// Name is the short identifier used by Lookup and on the command line,
	// such as "ringcentral".
	Name string `json:"name"`
	// Title is a human-readable name of the service and endpoint.
	Title string `json:"title"`
	// Endpoints lists the vendor's API endpoints the profile describes.
	Endpoints []string `json:"endpoints,omitempty"`
	// Sources lists where the rules were read: URLs or repository paths.
	Sources []string `json:"sources"`
	// Notes records where a source is ambiguous and which reading the
	// profile chose.
	Notes []string `json:"notes,omitempty"`

	// Accept lists the input formats the vendor takes.
	Accept []Format `json:"accept"`
	// MaxBytes is the largest accepted file, in bytes.
	MaxBytes int64 `json:"maxBytes,omitempty"`
	// MaxPixels is the largest accepted width×height.
	MaxPixels int64 `json:"maxPixels,omitempty"`
	// MinWidth and MinHeight are the smallest accepted dimensions.
	MinWidth  int `json:"minWidth,omitempty"`
	MinHeight int `json:"minHeight,omitempty"`
	// MaxWidth and MaxHeight are the largest accepted dimensions.
	MaxWidth  int `json:"maxWidth,omitempty"`
	MaxHeight int `json:"maxHeight,omitempty"`
	// Animation says what happens to animated input.
	Animation Animation `json:"animation"`

	// Square says how a non-square image is made square, if at all.
	Square Square `json:"square"`
	// Fit is the box that a normalized image is scaled to fit in.
	Fit Fit `json:"fit"`
	// Output says which formats and quality a normalized image is written in.
	Output Output `json:"output"`
	// Sizes lists the named scaled copies the vendor serves.
	Sizes []Size `json:"sizes,omitempty"`

	// Errors maps every reason to the vendor's answer. An embedded profile
	// lists every reason; a caller's own profile may leave some out, and
	// [Profile.VendorError] then answers with [GenericError].
	Errors map[Reason]VendorError `json:"errors"`
	// OtherErrors holds the vendor's errors for this endpoint that are not
	// about the image (unknown user, permissions, rate limits), keyed by a
	// short condition name, so that a caller can answer them the same way.
	OtherErrors map[string]VendorError `json:"otherErrors,omitempty"`

	// HTTP describes the vendor's API on the wire, for package httpapi;
	// nil for a profile that is not served.
	HTTP *HTTP `json:"http,omitempty"`
}

// AnimationMode says what a vendor does with animated input.
type AnimationMode string

// The animation modes.
const (
	// AnimationReject: animated input is rejected with ReasonAnimated.
	AnimationReject AnimationMode = "reject"
	// AnimationFirstFrame: animated input is accepted and normalizing keeps
	// its first frame.
	AnimationFirstFrame AnimationMode = "first-frame"
)

// Animation is a profile's rule for animated input.
type Animation struct {
	// Mode is what happens to animated input.
	Mode AnimationMode `json:"mode"`
	// MaxFrames, when not zero, rejects input with more frames even in
	// AnimationFirstFrame mode.
	MaxFrames int `json:"maxFrames,omitempty"`
}

// SquareMode says how a non-square image is made square.
type SquareMode string

// The square modes.
const (
	// SquareNone keeps the image's aspect ratio.
	SquareNone SquareMode = "none"
	// SquareCrop cuts a square out of the image.
	SquareCrop SquareMode = "crop"
	// SquarePad places the whole image on a square of a solid colour.
	SquarePad SquareMode = "pad"
)

// Anchor says where a square crop is taken from.
type Anchor string

// The crop anchors.
const (
	// AnchorCenter takes the square from the middle of the image.
	AnchorCenter Anchor = "center"
	// AnchorTopLeft takes the square from the image's top-left corner.
	AnchorTopLeft Anchor = "top-left"
)

// Square is a profile's rule for non-square images.
type Square struct {
	// Mode is how the image is made square.
	Mode SquareMode `json:"mode"`
	// Color is the pad colour as "#RRGGBB"; required with SquarePad.
	Color string `json:"color,omitempty"`
	// Anchor is where a crop is taken from; empty means AnchorCenter.
	Anchor Anchor `json:"anchor,omitempty"`
}

// Fit is the box a normalized image is scaled to fit in, keeping its aspect
// ratio. Zero sides mean no box (the image keeps its size unless another
// limit of the profile forces it smaller).
type Fit struct {
	MaxWidth  int `json:"maxWidth,omitempty"`
	MaxHeight int `json:"maxHeight,omitempty"`
	// Enlarge scales images smaller than the box up to fill it.
	Enlarge bool `json:"enlarge,omitempty"`
}

// Output says how a normalized image is written.
type Output struct {
	// Formats lists the formats a normalized image may be written in,
	// preferred first; each must be accepted and encodable.
	Formats []Format `json:"formats"`
	// Quality is the JPEG quality (1..100) tried first.
	Quality int `json:"quality"`
	// MinQuality is the lowest JPEG quality the byte-budget search may use.
	MinQuality int `json:"minQuality"`
}

// OriginalSize is the name of the size that stands for the normalized image
// itself, unscaled.
const OriginalSize = "original"

// Size is one named scaled copy a vendor serves, such as RingCentral's
// "90x90".
type Size struct {
	// Name is the vendor's name of the size.
	Name string `json:"name"`
	// Width and Height are the exact output dimensions; both zero for
	// OriginalSize.
	Width  int `json:"width,omitempty"`
	Height int `json:"height,omitempty"`
	// Mode is how an image of another aspect ratio is made to fit:
	// SquareCrop (cover, the default) or SquarePad (contain).
	Mode SquareMode `json:"mode,omitempty"`
	// Format, when set, is the format the vendor serves this size in.
	Format Format `json:"format,omitempty"`
}

// Accepts reports whether the vendor takes input in format f.
func (p Profile) Accepts(f Format) bool { return slices.Contains(p.Accept, f) }

// VendorError returns the vendor's answer for reason r, or [GenericError]
// of r when the profile has no entry for it. Its placeholders are not
// filled (see [VendorError.Filled]).
func (p Profile) VendorError(r Reason) VendorError {
	if e, ok := p.Errors[r]; ok {
		return e.clone()
	}
	return GenericError(r)
}

// Size returns the named scaled size and whether the profile has it.
func (p Profile) Size(name string) (Size, bool) {
	for _, s := range p.Sizes {
		if s.Name == name {
			return s, true
		}
	}
	return Size{}, false
}

// SizeNames returns the names of the profile's sizes, in profile order.
func (p Profile) SizeNames() []string {
	names := make([]string, len(p.Sizes))
	for i, s := range p.Sizes {
		names[i] = s.Name
	}
	return names
}

// clone returns a deep copy of p.
func (p Profile) clone() Profile {
	p.Endpoints = slices.Clone(p.Endpoints)
	p.Sources = slices.Clone(p.Sources)
	p.Notes = slices.Clone(p.Notes)
	p.Accept = slices.Clone(p.Accept)
	p.Output.Formats = slices.Clone(p.Output.Formats)
	p.Sizes = slices.Clone(p.Sizes)
	p.Errors = cloneErrors(p.Errors)
	p.OtherErrors = cloneErrors(p.OtherErrors)
	p.HTTP = p.HTTP.clone()
	return p
}

func cloneErrors[K comparable](m map[K]VendorError) map[K]VendorError {
	if m == nil {
		return nil
	}
	c := maps.Clone(m)
	for k, e := range c {
		c[k] = e.clone()
	}
	return c
}

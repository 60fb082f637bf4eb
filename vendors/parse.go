package vendors

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// ProfileError reports a profile that is malformed or inconsistent. Field is
// the JSON path of the offending field, such as "maxBytes" or
// "errors.too-big".
type ProfileError struct {
	Profile string // the profile's name, when known
	Field   string
	Problem string
}

// Error names the profile, the field and the problem.
func (e *ProfileError) Error() string {
	name := e.Profile
	if name == "" {
		name = "(unnamed)"
	}
	return fmt.Sprintf("vendors: profile %s: field %s: %s", name, e.Field, e.Problem)
}

// maxProfileBytes bounds how much of a reader Parse will read.
const maxProfileBytes = 1 << 20

// Parse reads one profile from JSON, strictly: an unknown field, a second
// JSON value, a negative limit, an unknown reason or format, or any other
// inconsistency (see [Profile.Validate]) is an error that names the field.
// Reasons left out of "errors" are answered by [GenericError].
func Parse(r io.Reader) (Profile, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxProfileBytes+1))
	if err != nil {
		return Profile{}, fmt.Errorf("vendors: reading profile: %w", err)
	}
	if len(data) > maxProfileBytes {
		return Profile{}, &ProfileError{Field: "(document)", Problem: "larger than 1 MiB"}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return Profile{}, jsonError(err)
	}
	if dec.More() {
		return Profile{}, &ProfileError{Profile: p.Name, Field: "(document)", Problem: "more than one JSON value"}
	}
	if err := p.Validate(); err != nil {
		return Profile{}, err
	}
	return p, nil
}

// jsonError turns a decoding error into a ProfileError naming the field.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return &ProfileError{Field: typeErr.Field, Problem: fmt.Sprintf("cannot hold a JSON %s", typeErr.Value)}
	}
	if msg, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &ProfileError{Field: strings.Trim(msg, `"`), Problem: "unknown field"}
	}
	return &ProfileError{Field: "(document)", Problem: err.Error()}
}

var (
	namePattern  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	colorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
)

// Validate checks that p is well formed and self-consistent and returns a
// *ProfileError naming the first field that is not. The order is fixed
// (map entries are checked in sorted key order), so a profile with several
// problems reports the same one on every call.
func (p Profile) Validate() error {
	fail := func(field, format string, args ...any) error {
		return &ProfileError{Profile: p.Name, Field: field, Problem: fmt.Sprintf(format, args...)}
	}
	switch {
	case !namePattern.MatchString(p.Name):
		return fail("name", "%q is not a lower-case name of letters, digits and dashes", p.Name)
	case p.Title == "":
		return fail("title", "missing")
	case len(p.Sources) == 0:
		return fail("sources", "missing: every rule must say where it was read")
	}
	if err := checkFormats(p.Accept, "accept", fail); err != nil {
		return err
	}
	limits := []struct {
		field string
		value int64
	}{
		{"maxBytes", p.MaxBytes}, {"maxPixels", p.MaxPixels},
		{"minWidth", int64(p.MinWidth)}, {"minHeight", int64(p.MinHeight)},
		{"maxWidth", int64(p.MaxWidth)}, {"maxHeight", int64(p.MaxHeight)},
		{"animation.maxFrames", int64(p.Animation.MaxFrames)},
		{"fit.maxWidth", int64(p.Fit.MaxWidth)}, {"fit.maxHeight", int64(p.Fit.MaxHeight)},
	}
	for _, l := range limits {
		if l.value < 0 {
			return fail(l.field, "must not be negative, got %d", l.value)
		}
	}
	switch {
	case p.MaxWidth > 0 && p.MinWidth > p.MaxWidth:
		return fail("minWidth", "%d is above maxWidth %d", p.MinWidth, p.MaxWidth)
	case p.MaxHeight > 0 && p.MinHeight > p.MaxHeight:
		return fail("minHeight", "%d is above maxHeight %d", p.MinHeight, p.MaxHeight)
	case p.Animation.Mode != AnimationReject && p.Animation.Mode != AnimationFirstFrame:
		return fail("animation.mode", "%q is not %q or %q", p.Animation.Mode, AnimationReject, AnimationFirstFrame)
	}
	if err := p.validateSquare(fail); err != nil {
		return err
	}
	if err := p.validateOutput(fail); err != nil {
		return err
	}
	if err := p.validateSizes(fail); err != nil {
		return err
	}
	if err := p.validateHTTP(fail); err != nil {
		return err
	}
	// Maps are walked in sorted key order, so that the error reported
	// first is the same on every run.
	for _, r := range slices.Sorted(maps.Keys(p.Errors)) {
		if !r.Known() {
			return fail("errors."+string(r), "unknown reason")
		}
		if err := validateVendorError(p.Errors[r], "errors."+string(r), fail); err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.OtherErrors)) {
		if !namePattern.MatchString(name) {
			return fail("otherErrors."+name, "not a lower-case name of letters, digits and dashes")
		}
		if err := validateVendorError(p.OtherErrors[name], "otherErrors."+name, fail); err != nil {
			return err
		}
	}
	return nil
}

type failFunc func(field, format string, args ...any) error

func checkFormats(list []Format, field string, fail failFunc) error {
	if len(list) == 0 {
		return fail(field, "must list at least one format")
	}
	for i, f := range list {
		if !f.Known() {
			return fail(fmt.Sprintf("%s[%d]", field, i), "unknown format %q", f)
		}
		if slices.Index(list, f) != i {
			return fail(fmt.Sprintf("%s[%d]", field, i), "format %q listed twice", f)
		}
	}
	return nil
}

func (p Profile) validateSquare(fail failFunc) error {
	s := p.Square
	switch s.Mode {
	case SquareNone, SquareCrop:
		if s.Color != "" {
			return fail("square.color", "only a pad has a colour")
		}
	case SquarePad:
		if !colorPattern.MatchString(s.Color) {
			return fail("square.color", "%q is not a colour of the form #RRGGBB", s.Color)
		}
	default:
		return fail("square.mode", "%q is not %q, %q or %q", s.Mode, SquareNone, SquareCrop, SquarePad)
	}
	if s.Anchor != "" && s.Anchor != AnchorCenter && s.Anchor != AnchorTopLeft {
		return fail("square.anchor", "%q is not %q or %q", s.Anchor, AnchorCenter, AnchorTopLeft)
	}
	return nil
}

func (p Profile) validateOutput(fail failFunc) error {
	o := p.Output
	if err := checkFormats(o.Formats, "output.formats", fail); err != nil {
		return err
	}
	for i, f := range o.Formats {
		field := fmt.Sprintf("output.formats[%d]", i)
		if !f.Encodable() {
			return fail(field, "the library cannot write %q", f)
		}
		if !p.Accepts(f) {
			return fail(field, "%q is not in accept", f)
		}
	}
	switch {
	case o.Quality < 1 || o.Quality > 100:
		return fail("output.quality", "%d is not within 1..100", o.Quality)
	case o.MinQuality < 1 || o.MinQuality > o.Quality:
		return fail("output.minQuality", "%d is not within 1..quality (%d)", o.MinQuality, o.Quality)
	}
	return nil
}

func (p Profile) validateSizes(fail failFunc) error {
	for i, s := range p.Sizes {
		field := fmt.Sprintf("sizes[%d]", i)
		switch {
		case s.Name == "":
			return fail(field+".name", "missing")
		case slices.IndexFunc(p.Sizes, func(t Size) bool { return t.Name == s.Name }) != i:
			return fail(field+".name", "%q listed twice", s.Name)
		case s.Name == OriginalSize && (s.Width != 0 || s.Height != 0):
			return fail(field, "%q has no width or height of its own", OriginalSize)
		case s.Name != OriginalSize && (s.Width <= 0 || s.Height <= 0):
			return fail(field, "width and height must be positive")
		case s.Width > 1<<14 || s.Height > 1<<14:
			return fail(field, "larger than 16384 on a side")
		case s.Mode != "" && s.Mode != SquareCrop && s.Mode != SquarePad:
			return fail(field+".mode", "%q is not %q or %q", s.Mode, SquareCrop, SquarePad)
		case s.Format != "" && !slices.Contains(p.Output.Formats, s.Format):
			return fail(field+".format", "%q is not in output.formats", s.Format)
		}
		var w, h int
		if n, _ := fmt.Sscanf(s.Name, "%dx%d", &w, &h); n == 2 && (w != s.Width || h != s.Height) {
			return fail(field, "name %q says %dx%d but width and height are %dx%d", s.Name, w, h, s.Width, s.Height)
		}
	}
	return nil
}

func validateVendorError(e VendorError, field string, fail failFunc) error {
	switch {
	case e.Status < 400 || e.Status > 599:
		return fail(field+".status", "%d is not an HTTP error status", e.Status)
	case e.Message == "":
		return fail(field+".message", "missing")
	case e.Code == "" && !e.Generic:
		return fail(field+".code", "missing (set generic to true when the vendor documents no code)")
	}
	for _, placeholder := range slices.Sorted(maps.Keys(e.Fill)) {
		param := e.Fill[placeholder]
		if !strings.Contains(e.Message, placeholder) {
			return fail(field+".fill", "placeholder %q is not in the message", placeholder)
		}
		if !slices.Contains(params[:], param) {
			return fail(field+".fill", "unknown parameter %q (known: %s)", param, strings.Join(params[:], ", "))
		}
	}
	return nil
}

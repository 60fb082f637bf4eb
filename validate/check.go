package validate

import (
	"strconv"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

// Check applies profile p, and the library's safety caps (see [Limits]), to
// what [Inspect] found. It returns nil when the upload may go on to be
// decoded, or an [*Error] listing every violation, most important first:
//
//  1. empty: no bytes (nothing else is checked)
//  2. unsupported-format: not a decodable format, or one p does not accept
//  3. content-type-mismatch: the declared type ([ContentType]) names
//     another format than the bytes (unless [TrustBytes])
//  4. corrupt: more JPEG scans than Limits.MaxScans
//  5. too-many-bytes: above p.MaxBytes or Limits.MaxBytes
//  6. too-many-pixels: width×height above p.MaxPixels or Limits.MaxPixels,
//     then width×height times the frames that are decoded (see
//     [Limits].MaxFrameArea) above Limits.MaxFrameArea
//  7. too-large: a side above p.MaxWidth or p.MaxHeight
//  8. too-small: a side below p.MinWidth or p.MinHeight
//  9. animated: more than one frame when p rejects animation, or more
//     frames than p.Animation.MaxFrames or Limits.MaxFrames
//
// The format comes first because a client must change it before anything
// else matters; byte and pixel limits come before dimensions because they
// protect the service. Dimensions are judged as displayed (after EXIF
// orientation). The error's Vendor is p's entry for the first violation,
// with its message placeholders filled. A nil option is skipped, as the
// facade skips one.
func Check(info Info, p vendors.Profile, opts ...Option) error {
	var o checkOptions
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	lim := o.limits.resolved()
	var vs []Violation
	add := func(r vendors.Reason, detail, value, limit string) {
		vs = append(vs, Violation{Reason: r, Detail: detail, Value: value, Limit: limit})
	}
	params := map[string]string{}
	if o.contentType != "" {
		params[vendors.ParamContentType] = o.contentType
	}

	if info.Bytes <= 0 {
		add(vendors.ReasonEmpty, "the upload has no bytes", "0 bytes", "")
		return withVendor(p, vs, params)
	}
	accepted := formatList(p.Accept)
	switch {
	case info.Format == "":
		add(vendors.ReasonUnsupportedFormat, "not an image format the library decodes", "unknown", accepted)
	case !p.Accepts(info.Format):
		add(vendors.ReasonUnsupportedFormat, string(info.Format)+" is not accepted; "+title(p)+" takes "+accepted, string(info.Format), accepted)
	}
	if declared, ok := declaredFormat(o.contentType); ok && !o.trustBytes && declared != info.Format {
		add(vendors.ReasonContentTypeMismatch, "declared "+strconv.Quote(o.contentType)+" but the bytes are "+formatName(info.Format), o.contentType, formatName(info.Format))
	}
	if lim.MaxScans > 0 && info.Scans > lim.MaxScans {
		scans, most := strconv.Itoa(info.Scans), strconv.Itoa(lim.MaxScans)
		add(vendors.ReasonCorrupt, scans+" JPEG scans, more than the cap of "+most, scans+" scans", most+" scans")
	}
	if most, who := stricter(p.MaxBytes, lim.MaxBytes, p); most > 0 && info.Bytes > most {
		got, limit := strconv.FormatInt(info.Bytes, 10), strconv.FormatInt(most, 10)
		add(vendors.ReasonTooManyBytes, got+" bytes, more than "+who+" of "+limit, got+" bytes", limit+" bytes")
	}
	pixels := int64(info.Width) * int64(info.Height) // each side < 2^31: no overflow
	size := dims(info.OrientedWidth, info.OrientedHeight)
	if most, who := stricter(p.MaxPixels, lim.MaxPixels, p); most > 0 && pixels > most {
		limit := strconv.FormatInt(most, 10)
		add(vendors.ReasonTooManyPixels, size+" is "+strconv.FormatInt(pixels, 10)+" pixels, more than "+who+" of "+limit, size, limit+" pixels")
	}
	if frames := int64(decodedFrames(info, p)); lim.MaxFrameArea > 0 && frames > 1 && pixels > lim.MaxFrameArea/frames {
		limit := strconv.FormatInt(lim.MaxFrameArea, 10)
		add(vendors.ReasonTooManyPixels, strconv.FormatInt(frames, 10)+" frames of "+size+" exceed the library's cap of "+limit+" pixels over all frames", size, limit+" pixels")
	}
	if (p.MaxWidth > 0 && info.OrientedWidth > p.MaxWidth) || (p.MaxHeight > 0 && info.OrientedHeight > p.MaxHeight) {
		limit := dims(p.MaxWidth, p.MaxHeight)
		add(vendors.ReasonTooLarge, size+" is larger than "+title(p)+"'s maximum of "+limit, size, limit)
	}
	if info.OrientedWidth < p.MinWidth || info.OrientedHeight < p.MinHeight {
		limit := dims(p.MinWidth, p.MinHeight)
		add(vendors.ReasonTooSmall, size+" is smaller than "+title(p)+"'s minimum of "+limit, size, limit)
	}
	checkFrames(info.Frames, p, lim, add)
	if len(vs) == 0 {
		return nil
	}
	return withVendor(p, vs, params)
}

// decodedFrames is how many frames of the upload are decoded for p: only
// the first when p keeps the first frame of an animation, so that a long
// animation is judged by the one frame it becomes; every frame otherwise.
func decodedFrames(info Info, p vendors.Profile) int {
	if p.Animation.Mode == vendors.AnimationFirstFrame {
		return 1
	}
	return max(info.Frames, 1)
}

func checkFrames(frames int, p vendors.Profile, lim Limits, add func(r vendors.Reason, detail, value, limit string)) {
	if frames <= 1 {
		return
	}
	value := strconv.Itoa(frames) + " frames"
	switch {
	case p.Animation.Mode != vendors.AnimationFirstFrame:
		add(vendors.ReasonAnimated, "the image is animated ("+value+") and "+title(p)+" takes still images only", value, "1 frame")
	case p.Animation.MaxFrames > 0 && frames > p.Animation.MaxFrames:
		most := strconv.Itoa(p.Animation.MaxFrames)
		add(vendors.ReasonAnimated, value+", more than "+title(p)+"'s limit of "+most, value, most+" frames")
	case lim.MaxFrames > 0 && frames > lim.MaxFrames:
		most := strconv.Itoa(lim.MaxFrames)
		add(vendors.ReasonAnimated, value+", more than the library's cap of "+most, value, most+" frames")
	}
}

// stricter returns the smaller positive limit of profile p's (0 = none)
// and the library's (negative = none), and whose it is, as a detail says
// it: "RingCentral extension profile image's limit" or "the library's cap".
func stricter(profile, library int64, p vendors.Profile) (int64, string) {
	switch {
	case profile > 0 && (library <= 0 || profile <= library):
		return profile, title(p) + "'s limit"
	case library > 0:
		return library, "the library's cap"
	}
	return 0, ""
}

// title names profile p in a detail: its title, such as "RingCentral
// extension profile image", else its name, else "the profile".
func title(p vendors.Profile) string {
	switch {
	case p.Title != "":
		return p.Title
	case p.Name != "":
		return p.Name
	}
	return "the profile"
}

func formatList(fs []vendors.Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func formatName(f vendors.Format) string {
	if f == "" {
		return "not a supported image"
	}
	return string(f)
}

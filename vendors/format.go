package vendors

import "slices"

// Format names an image file format by the name used in profiles and in the
// command line's JSON.
type Format string

// The formats the library can decode. Profiles may only accept these.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
	BMP  Format = "bmp"
	TIFF Format = "tiff"
)

// decodable lists the formats the library decodes, in a fixed order.
var decodable = [...]Format{JPEG, PNG, GIF, WebP, BMP, TIFF}

// encodable lists the formats the library writes; a profile's output formats
// must be among them.
var encodable = [...]Format{JPEG, PNG}

// Formats returns the formats the library can decode, in a fixed order. The
// slice is the caller's own: changing it changes nothing else.
func Formats() []Format { return slices.Clone(decodable[:]) }

// Known reports whether f is a format the library can decode.
func (f Format) Known() bool { return slices.Contains(decodable[:], f) }

// Encodable reports whether the library can write f.
func (f Format) Encodable() bool { return slices.Contains(encodable[:], f) }

// ContentType returns the media type of f, such as "image/jpeg", or "" for
// an unknown format.
func (f Format) ContentType() string {
	if !f.Known() {
		return ""
	}
	return "image/" + string(f)
}

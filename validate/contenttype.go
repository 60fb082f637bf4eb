package validate

import (
	"mime"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

// declaredFormat maps a declared media type to a format. ok is false when
// the type declares nothing (empty, application/octet-stream); known is
// false for a type that names no decodable format.
func declaredFormat(mediaType string) (f vendors.Format, ok bool) {
	t, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		t = strings.ToLower(strings.TrimSpace(mediaType))
	}
	switch t {
	case "", "application/octet-stream", "binary/octet-stream":
		return "", false
	case "image/jpeg", "image/jpg", "image/pjpeg", "image/jfif":
		return vendors.JPEG, true
	case "image/png", "image/x-png", "image/apng", "image/vnd.mozilla.apng":
		return vendors.PNG, true
	case "image/gif":
		return vendors.GIF, true
	case "image/webp":
		return vendors.WebP, true
	case "image/bmp", "image/x-bmp", "image/x-ms-bmp":
		return vendors.BMP, true
	case "image/tiff", "image/tiff-fx":
		return vendors.TIFF, true
	}
	return "", true
}

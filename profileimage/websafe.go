package profileimage

import "encoding/base64"

// webSafe is RFC 4648's URL-safe alphabet ("-" for "+", "_" for "/") padded
// with "." where the standard pads with "=".
var webSafe = base64.URLEncoding.WithPadding('.')

// WebSafeBase64 returns r.Data in the web-safe Base64 of the Google
// Directory API's UserPhoto.photoData field (profile google-directory):
// the Base64 of RFC 4648 with "_" for "/", "-" for "+", and "." for each
// "=" of padding. Google's reference also says "=" becomes "*"; since "="
// only ever pads, the two rules disagree, and this follows the one about
// padding (the profile's notes say why). A nil Result gives "".
func (r *Result) WebSafeBase64() string {
	if r == nil {
		return ""
	}
	return webSafe.EncodeToString(r.Data)
}

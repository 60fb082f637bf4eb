// Package answer fills a profile's vendor error for a rejection: the one
// place that decides which parameters a vendor's message may name, shared
// by validate.Check and the facade's profileimage.Reject.
package answer

import (
	"maps"

	"github.com/profileimage/profileimage/vendors"
)

// For returns p's vendor error for reason r, filled with detail
// ([vendors.ParamDetail]), "image" ([vendors.ParamParameter]), value and
// limit when they are not empty ([vendors.ParamValue], [vendors.ParamLimit]),
// and params, which win over all of these.
func For(p vendors.Profile, r vendors.Reason, detail, value, limit string, params map[string]string) vendors.VendorError {
	fill := map[string]string{
		vendors.ParamDetail:    detail,
		vendors.ParamParameter: "image",
	}
	if value != "" {
		fill[vendors.ParamValue] = value
	}
	if limit != "" {
		fill[vendors.ParamLimit] = limit
	}
	maps.Copy(fill, params)
	return p.VendorError(r).Filled(fill)
}

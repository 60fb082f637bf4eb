package vendors

import (
	"maps"
	"slices"
	"strings"
)

// The parameter names that [VendorError.Fill] may refer to, and that callers
// pass to [VendorError.Filled].
const (
	ParamSize        = "size"        // a scaled size's name, such as "90x90"
	ParamUserID      = "userId"      // the user the request was about
	ParamDetail      = "detail"      // a human description of the problem
	ParamValue       = "value"       // the offending value, such as "5000x4000"
	ParamLimit       = "limit"       // the limit that was exceeded
	ParamParameter   = "parameter"   // the request parameter, such as "image"
	ParamContentType = "contentType" // the declared content type
)

var params = [...]string{ParamSize, ParamUserID, ParamDetail, ParamValue, ParamLimit, ParamParameter, ParamContentType}

// VendorError is what a vendor answers for one kind of rejection: the HTTP
// status, the vendor's code and its message, in the vendor's own words.
type VendorError struct {
	// Status is the HTTP status the vendor answers with.
	Status int `json:"status"`
	// Code is the vendor's error code, such as "ACT-334" or "120"; empty
	// when the vendor documents none.
	Code string `json:"code,omitempty"`
	// Message is the vendor's message, verbatim, placeholders included.
	Message string `json:"message"`
	// Fill maps each placeholder as it stands in Message (the vendor's
	// example value or template, such as "92", "$userId" or "{0}") to the
	// name of the parameter that replaces it (one of the Param constants).
	Fill map[string]string `json:"fill,omitempty"`
	// Generic is true when the vendor documents no error for this case and
	// the entry is the library's generic answer ([GenericError]).
	Generic bool `json:"generic,omitempty"`
}

// Filled returns a copy of e whose Message has each placeholder named in
// e.Fill replaced by the value of its parameter in values. Placeholders whose
// parameter has no value are left as the vendor wrote them. The copy has no
// Fill map, since nothing is left to fill.
func (e VendorError) Filled(values map[string]string) VendorError {
	var pairs []string
	for _, placeholder := range slices.Sorted(maps.Keys(e.Fill)) {
		if v, ok := values[e.Fill[placeholder]]; ok {
			pairs = append(pairs, placeholder, v)
		}
	}
	// One pass: a value that happens to contain another placeholder is
	// not replaced again.
	e.Message = strings.NewReplacer(pairs...).Replace(e.Message)
	e.Fill = nil
	return e
}

func (e VendorError) clone() VendorError {
	e.Fill = maps.Clone(e.Fill)
	return e
}

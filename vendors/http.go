package vendors

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// HTTP is how a vendor's profile-image API looks on the wire: its
// endpoints and what each answers on success, how an upload is sent, the
// shape of an error body and the errors for missing or wrong credentials.
// A profile with HTTP can be served by package httpapi; one without is
// not served.
type HTTP struct {
	// Notes records where the vendor's documentation leaves the wire
	// format open and which reading the profile chose.
	Notes []string `json:"notes,omitempty"`
	// Endpoints lists the endpoints served; the embedded profiles list
	// each in Profile.Endpoints too, as "METHOD PATH".
	Endpoints []HTTPEndpoint `json:"endpoints"`
	// Upload says how the upload and update endpoints receive the image.
	Upload HTTPUpload `json:"upload"`
	// ErrorBody is the vendor's error envelope, a [Template] over the
	// error variables (VarCode, VarCodeNumber, VarMessage, VarStatus,
	// VarRefID).
	ErrorBody Template `json:"errorBody"`
	// Auth holds the vendor's answers for a request without credentials
	// and for one with wrong credentials; nil means generic 401s.
	Auth *HTTPAuth `json:"auth,omitempty"`
	// NotFound names the error that answers a GET of an image that is not
	// stored: a reason (with the size filled in as ParamSize) or a key of
	// Profile.OtherErrors. Required when an endpoint gets images.
	NotFound string `json:"notFound,omitempty"`
	// BadID names the error that answers a path id that cannot name a
	// stored image (too long, or a byte outside the id alphabet): a reason
	// or a key of Profile.OtherErrors, filled with ParamParameter (the
	// path parameter's name) and ParamUserID and ParamValue (its value,
	// shortened).
	BadID string `json:"badId"`
}

// HTTPRole is what an endpoint does.
type HTTPRole string

// The endpoint roles.
const (
	// RoleUpload stores a new image from the request body.
	RoleUpload HTTPRole = "upload"
	// RoleUpdate replaces the stored image from the request body.
	RoleUpdate HTTPRole = "update"
	// RoleGet serves the stored image at its original size.
	RoleGet HTTPRole = "get"
	// RoleGetScaled serves one of the profile's sizes, named by the
	// path's last wildcard.
	RoleGetScaled HTTPRole = "get-scaled"
	// RoleDelete removes the stored image and all its sizes.
	RoleDelete HTTPRole = "delete"
)

var roles = [...]HTTPRole{RoleUpload, RoleUpdate, RoleGet, RoleGetScaled, RoleDelete}

// Reads reports whether the role takes an image in the request body.
func (r HTTPRole) Reads() bool { return r == RoleUpload || r == RoleUpdate }

// Serves reports whether the role answers with a stored image.
func (r HTTPRole) Serves() bool { return r == RoleGet || r == RoleGetScaled }

// HTTPEndpoint is one served endpoint.
type HTTPEndpoint struct {
	Role HTTPRole `json:"role"`
	// Method is the HTTP method, such as "POST".
	Method string `json:"method"`
	// Path is the vendor's path template, such as
	// "/v2/users/{userId}/picture": literal segments and {name}
	// wildcards, each matching one path segment.
	Path string `json:"path"`
	// Status is the success status, such as 204.
	Status int `json:"status"`
	// Headers are headers of a success answer, as templates over the same
	// variables as Body (for example Zoom's Content-Location).
	Headers map[string]string `json:"headers,omitempty"`
	// Body is the success body: for upload and update a [Template] over
	// VarImageID, VarWidth, VarHeight, VarContentType and the path's
	// wildcards; for delete over the wildcards. Empty means no body;
	// endpoints that serve an image have none.
	Body Template `json:"body,omitempty"`
}

// Route returns the endpoint as "METHOD PATH", the form of
// Profile.Endpoints.
func (e HTTPEndpoint) Route() string { return e.Method + " " + e.Path }

// Wildcards returns the names of the path's wildcards, in order.
func (e HTTPEndpoint) Wildcards() []string {
	var names []string
	for _, seg := range strings.Split(e.Path, "/") {
		if name, ok := wildcard(seg); ok {
			names = append(names, name)
		}
	}
	return names
}

func wildcard(segment string) (string, bool) {
	if len(segment) > 2 && segment[0] == '{' && segment[len(segment)-1] == '}' {
		return segment[1 : len(segment)-1], true
	}
	return "", false
}

// The ways an upload's image arrives.
const (
	// BodyMultipart: a multipart/form-data body with exactly one part,
	// named HTTPUpload.Part.
	BodyMultipart = "multipart"
	// BodyRaw: the request body is the image, its type in Content-Type.
	BodyRaw = "raw"
)

// HTTPUpload says how an upload's image arrives.
type HTTPUpload struct {
	// Body is BodyMultipart or BodyRaw.
	Body string `json:"body"`
	// Part is the multipart part's name, such as "image".
	Part string `json:"part,omitempty"`
	// Invalid is the reason whose answer a multipart body gets when it is
	// not a form with exactly that one part (the part missing, misnamed,
	// or joined by others).
	Invalid Reason `json:"invalid,omitempty"`
}

// HTTPAuth holds the vendor's answers for failed authentication.
type HTTPAuth struct {
	// Missing answers a request without credentials.
	Missing VendorError `json:"missing"`
	// Invalid answers a request whose credentials are wrong.
	Invalid VendorError `json:"invalid"`
}

// The variables of an error body template.
const (
	VarCode       = "code"       // the vendor's code as a string; absent when it has none
	VarCodeNumber = "codeNumber" // the vendor's code as a JSON number (a string if it is not all digits); absent when it has none
	VarMessage    = "message"    // the vendor's message, filled
	VarStatus     = "status"     // the HTTP status, a number
	VarRefID      = "refId"      // a random id of this answer
)

// The variables of an upload or update endpoint's success templates,
// besides the path's wildcards.
const (
	VarImageID     = "imageId"     // the stored image's id: the hex SHA-256 of its bytes
	VarWidth       = "width"       // the stored image's width, a number
	VarHeight      = "height"      // the stored image's height, a number
	VarContentType = "contentType" // the stored image's media type
)

var (
	errorVars  = []string{VarCode, VarCodeNumber, VarMessage, VarStatus, VarRefID}
	uploadVars = []string{VarImageID, VarWidth, VarHeight, VarContentType}
)

var (
	methodPattern  = regexp.MustCompile(`^(GET|POST|PUT|PATCH|DELETE)$`)
	segmentPattern = regexp.MustCompile(`^([A-Za-z0-9._~!$&'()*+,;=:@-]+|\{[A-Za-z][A-Za-z0-9]*\})$`)
	tokenPattern   = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+.^_|~-]+$`)
)

// ErrorNamed returns the vendor error that key names: the entry of a
// reason in Errors (or its generic answer), else the entry of OtherErrors.
func (p Profile) ErrorNamed(key string) (VendorError, bool) {
	if r := Reason(key); r.Known() {
		return p.VendorError(r), true
	}
	e, ok := p.OtherErrors[key]
	return e.clone(), ok
}

// validateHTTP checks p.HTTP, when there is one.
func (p Profile) validateHTTP(fail failFunc) error {
	h := p.HTTP
	if h == nil {
		return nil
	}
	if len(h.Endpoints) == 0 {
		return fail("http.endpoints", "missing")
	}
	var ids []string // the wildcards that name one stored image
	serves, reads := false, false
	for i, e := range h.Endpoints {
		field := fmt.Sprintf("http.endpoints[%d]", i)
		if err := p.validateEndpoint(e, i, field, fail); err != nil {
			return err
		}
		own := e.Wildcards()
		if e.Role == RoleGetScaled {
			own = own[:len(own)-1]
		}
		if i == 0 {
			ids = own
		} else if !slices.Equal(own, ids) {
			return fail(field+".path", "names the image by %v, the first endpoint by %v", own, ids)
		}
		serves = serves || e.Role.Serves()
		reads = reads || e.Role.Reads()
	}
	if reads {
		if err := validateUpload(h.Upload, fail); err != nil {
			return err
		}
	}
	if err := p.validateErrorBody(fail); err != nil {
		return err
	}
	if h.Auth != nil {
		if err := validateVendorError(h.Auth.Missing, "http.auth.missing", fail); err != nil {
			return err
		}
		if err := validateVendorError(h.Auth.Invalid, "http.auth.invalid", fail); err != nil {
			return err
		}
	}
	if _, ok := p.ErrorNamed(h.NotFound); serves && !ok {
		return fail("http.notFound", "%q is neither a reason nor a key of otherErrors", h.NotFound)
	}
	if _, ok := p.ErrorNamed(h.BadID); !ok {
		return fail("http.badId", "%q is neither a reason nor a key of otherErrors", h.BadID)
	}
	return nil
}

func (p Profile) validateEndpoint(e HTTPEndpoint, i int, field string, fail failFunc) error {
	switch {
	case !slices.Contains(roles[:], e.Role):
		return fail(field+".role", "%q is not one of %v", e.Role, roles)
	case !methodPattern.MatchString(e.Method):
		return fail(field+".method", "%q is not GET, POST, PUT, PATCH or DELETE", e.Method)
	case slices.IndexFunc(p.HTTP.Endpoints, func(o HTTPEndpoint) bool { return o.Route() == e.Route() }) != i:
		return fail(field, "%q listed twice", e.Route())
	case e.Status < 200 || e.Status > 299:
		return fail(field+".status", "%d is not a success status", e.Status)
	case e.Role.Serves() && (e.Method != "GET" || e.Status != 200 || len(e.Body) > 0 || len(e.Headers) > 0):
		return fail(field, "an endpoint that serves an image is a GET answering 200 with the image, no body or headers of its own")
	case e.Role == RoleDelete && e.Method != "DELETE":
		return fail(field+".method", "a delete endpoint's method is DELETE")
	}
	if err := validatePath(e, field+".path", fail); err != nil {
		return err
	}
	vars := e.Wildcards()
	if e.Role.Reads() {
		vars = append(vars, uploadVars...)
	}
	for _, name := range slices.Sorted(maps.Keys(e.Headers)) {
		if !tokenPattern.MatchString(name) {
			return fail(field+".headers", "%q is not a header name", name)
		}
		if strings.ContainsAny(e.Headers[name], "\r\n\x00") {
			return fail(field+".headers."+name, "a header value holds no line breaks or NUL")
		}
		if err := checkVars(placeholders(e.Headers[name]), vars, field+".headers."+name, fail); err != nil {
			return err
		}
	}
	if len(e.Body) > 0 {
		used, err := e.Body.Variables()
		if err != nil {
			return fail(field+".body", "%v", err)
		}
		return checkVars(used, vars, field+".body", fail)
	}
	return nil
}

func validatePath(e HTTPEndpoint, field string, fail failFunc) error {
	segs := strings.Split(e.Path, "/")
	if len(e.Path) > 512 || segs[0] != "" || len(segs) < 2 {
		return fail(field, "%q is not an absolute path template", e.Path)
	}
	seen := map[string]bool{}
	for _, seg := range segs[1:] {
		if !segmentPattern.MatchString(seg) || seg == "." || seg == ".." {
			return fail(field, "segment %q is neither a literal nor a {name} wildcard", seg)
		}
		if name, ok := wildcard(seg); ok {
			if seen[name] || slices.Contains(uploadVars, name) {
				return fail(field, "wildcard {%s} is used twice or names a built-in variable", name)
			}
			seen[name] = true
		}
	}
	if last, _ := wildcard(segs[len(segs)-1]); e.Role == RoleGetScaled && last == "" {
		return fail(field, "a get-scaled path ends with the wildcard that names the size")
	}
	return nil
}

func validateUpload(u HTTPUpload, fail failFunc) error {
	switch u.Body {
	case BodyMultipart:
		if !tokenPattern.MatchString(u.Part) {
			return fail("http.upload.part", "%q is not a form field name", u.Part)
		}
		if !u.Invalid.Known() {
			return fail("http.upload.invalid", "%q is not a reason", u.Invalid)
		}
	case BodyRaw:
		if u.Part != "" || u.Invalid != "" {
			return fail("http.upload", "a raw body has no part")
		}
	default:
		return fail("http.upload.body", "%q is not %q or %q", u.Body, BodyMultipart, BodyRaw)
	}
	return nil
}

// validateErrorBody checks the error envelope.
func (p Profile) validateErrorBody(fail failFunc) error {
	h := p.HTTP
	if len(h.ErrorBody) == 0 {
		return fail("http.errorBody", "missing")
	}
	used, err := h.ErrorBody.Variables()
	if err != nil {
		return fail("http.errorBody", "%v", err)
	}
	if err := checkVars(used, errorVars, "http.errorBody", fail); err != nil {
		return err
	}
	return nil
}

func checkVars(used, known []string, field string, fail failFunc) error {
	for _, name := range used {
		if !slices.Contains(known, name) {
			return fail(field, "unknown variable {%s} (known here: %s)", name, strings.Join(known, ", "))
		}
	}
	return nil
}

func (h *HTTP) clone() *HTTP {
	if h == nil {
		return nil
	}
	c := *h
	c.Notes = slices.Clone(h.Notes)
	c.Endpoints = slices.Clone(h.Endpoints)
	for i, e := range c.Endpoints {
		c.Endpoints[i].Headers = maps.Clone(e.Headers)
		c.Endpoints[i].Body = slices.Clone(e.Body)
	}
	c.ErrorBody = slices.Clone(h.ErrorBody)
	if h.Auth != nil {
		a := HTTPAuth{Missing: h.Auth.Missing.clone(), Invalid: h.Auth.Invalid.clone()}
		c.Auth = &a
	}
	return &c
}

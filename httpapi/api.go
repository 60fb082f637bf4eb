package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// api serves the endpoints of one profile.
type api struct {
	svc *Service
	p   vendors.Profile
	// ids are the names of the path wildcards that name one stored image,
	// in path order.
	ids []string
	// sizes are the names of the stored sizes: the profile's, or the
	// original alone.
	sizes []string
	// byteCap is the most bytes an image may have: the profile's limit or
	// the library's cap, the stricter.
	byteCap int64
}

// multipartEnvelope is what a multipart body may hold besides the image:
// the boundaries and the part's headers.
const multipartEnvelope = 64 << 10

func newAPI(svc *Service, p vendors.Profile) (*api, error) {
	a := &api{svc: svc, p: p, sizes: p.SizeNames()}
	if len(a.sizes) == 0 {
		a.sizes = []string{vendors.OriginalSize}
	}
	for _, size := range a.sizes {
		if !validSegment(size) {
			return nil, fmt.Errorf("httpapi: profile %s: size %q cannot be part of a store key", p.Name, size)
		}
	}
	for _, e := range p.HTTP.Endpoints {
		if e.Role == vendors.RoleGet && !slices.Contains(a.sizes, vendors.OriginalSize) {
			return nil, fmt.Errorf("httpapi: profile %s gets the original, which its sizes do not list", p.Name)
		}
	}
	first := p.HTTP.Endpoints[0]
	a.ids = first.Wildcards()
	if first.Role == vendors.RoleGetScaled {
		a.ids = a.ids[:len(a.ids)-1]
	}
	libraryCap := svc.limits.MaxBytes
	switch {
	case libraryCap == 0:
		libraryCap = validate.DefaultLimits().MaxBytes
	case libraryCap < 0 || libraryCap > maxObjectBytes:
		libraryCap = maxObjectBytes // what a DirStore holds
	}
	a.byteCap = libraryCap
	if p.MaxBytes > 0 && p.MaxBytes < libraryCap {
		a.byteCap = p.MaxBytes
	}
	return a, nil
}

// bodyLimit is the most bytes an upload's body may have.
func (a *api) bodyLimit() int64 {
	if a.p.HTTP.Upload.Body == vendors.BodyMultipart {
		return a.byteCap + multipartEnvelope
	}
	return a.byteCap
}

// key names one stored size of the image that ids name.
func (a *api) key(ids []string, size string) string {
	return a.p.Name + "/" + strings.Join(ids, "/") + "/" + size
}

// serve answers a request that matched endpoint e, with the path's
// wildcard values.
func (a *api) serve(w http.ResponseWriter, r *http.Request, e vendors.HTTPEndpoint, values map[string]string) {
	if a.svc.auth != nil {
		if err := a.svc.auth(r); err != nil {
			discardBody(r, a.bodyLimit())
			w.Header().Set("WWW-Authenticate", "Bearer")
			a.fail(w, a.authError(err))
			return
		}
	}
	ids := make([]string, len(a.ids))
	for i, name := range a.ids {
		v := values[name]
		if !validSegment(v) {
			discardBody(r, a.bodyLimit())
			a.fail(w, a.badID(name, v))
			return
		}
		ids[i] = v
	}
	switch e.Role {
	case vendors.RoleUpload, vendors.RoleUpdate:
		a.upload(w, r, e, ids, values)
	case vendors.RoleGet:
		a.get(w, r, ids, vendors.OriginalSize)
	case vendors.RoleGetScaled:
		wildcards := e.Wildcards()
		a.get(w, r, ids, values[wildcards[len(wildcards)-1]])
	case vendors.RoleDelete:
		a.delete(w, r, e, ids, values)
	}
}

// The generic answers for failed authentication, for a profile that has
// no errors of its own for it.
var (
	genericNoCredentials  = vendors.VendorError{Status: http.StatusUnauthorized, Message: "Authorization is required.", Generic: true}
	genericBadCredentials = vendors.VendorError{Status: http.StatusUnauthorized, Message: "The authorization is not valid.", Generic: true}
)

func (a *api) authError(err error) vendors.VendorError {
	missing := errors.Is(err, ErrNoCredentials)
	if auth := a.p.HTTP.Auth; auth != nil {
		if missing {
			return auth.Missing
		}
		return auth.Invalid
	}
	if missing {
		return genericNoCredentials
	}
	return genericBadCredentials
}

// badID is the vendor's answer for a path id that cannot name an image.
func (a *api) badID(param, value string) vendors.VendorError {
	e, _ := a.p.ErrorNamed(a.p.HTTP.BadID)
	shown := shorten(value)
	return e.Filled(map[string]string{
		vendors.ParamParameter: param, vendors.ParamUserID: shown, vendors.ParamValue: shown,
	})
}

// maxShown bounds how much of a client's value goes back into a message.
const maxShown = 64

// shorten makes a client's value fit to be repeated in a message: valid
// UTF-8, at most maxShown bytes and an ellipsis.
func shorten(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// Authenticator decides whether a request may use the API, before its
// body is read. It returns nil to let the request through, an error
// wrapping [ErrNoCredentials] when the request carries none (answered with
// the vendor's "missing" error, RingCentral's AGW-401), and any other
// error when they are wrong (the vendor's "invalid" error, AGW-402).
type Authenticator func(r *http.Request) error

// The errors an Authenticator returns.
var (
	ErrNoCredentials  = errors.New("httpapi: no credentials")
	ErrBadCredentials = errors.New("httpapi: wrong credentials")
)

// BearerToken returns an Authenticator that takes exactly the header
// "Authorization: Bearer token". The comparison takes the same time
// whatever the token sent. An empty token lets no request through.
func BearerToken(token string) Authenticator {
	want := sha256.Sum256([]byte(token))
	empty := token == ""
	return func(r *http.Request) error {
		header := r.Header.Get("Authorization")
		if header == "" {
			return ErrNoCredentials
		}
		scheme, sent, ok := strings.Cut(header, " ")
		got := sha256.Sum256([]byte(sent))
		if empty || !ok || !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			return ErrBadCredentials
		}
		return nil
	}
}

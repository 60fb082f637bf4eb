package httpapi

import (
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/profileimage/profileimage/vendors"
)

// fail answers with the vendor error e in the profile's error envelope.
func (a *api) fail(w http.ResponseWriter, e vendors.VendorError) {
	vars := map[string]any{
		vendors.VarMessage: e.Message,
		vendors.VarStatus:  e.Status,
		vendors.VarRefID:   rand.Text()[:10],
	}
	if e.Code != "" {
		vars[vendors.VarCode] = e.Code
		vars[vendors.VarCodeNumber] = e.Code
		if n, err := strconv.ParseInt(e.Code, 10, 64); err == nil {
			vars[vendors.VarCodeNumber] = n
		}
	}
	body, err := a.p.HTTP.ErrorBody.Render(vars)
	if err != nil { // the profile validated, so its template renders
		body = fmt.Appendf(nil, "{\"message\":%q}", e.Message)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(e.Status)
	w.Write(body)
}

// succeed answers with endpoint e's success status, headers and body.
func (a *api) succeed(w http.ResponseWriter, e vendors.HTTPEndpoint, vars map[string]any) {
	h := w.Header()
	for name, value := range e.Headers {
		h.Set(name, vendors.Expand(value, vars))
	}
	if len(e.Body) == 0 {
		w.WriteHeader(e.Status)
		return
	}
	body, err := e.Body.Render(vars)
	if err != nil {
		a.internal(w, fmt.Errorf("%s: success body: %w", a.p.Name, err))
		return
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(e.Status)
	w.Write(body)
}

// busy answers 503 with Retry-After: the upload was not admitted in time.
func (a *api) busy(w http.ResponseWriter) {
	seconds := max(1, int((a.svc.admission.wait+time.Second-1)/time.Second))
	w.Header().Set("Retry-After", strconv.Itoa(seconds))
	a.fail(w, vendors.VendorError{
		Status:  http.StatusServiceUnavailable,
		Message: "The service is busy; retry after the time in Retry-After.",
		Generic: true,
	})
}

// internal answers 500 for an error of the server's own, and logs it.
func (a *api) internal(w http.ResponseWriter, err error) {
	a.svc.errorLog.Printf("httpapi: %v", err)
	a.fail(w, vendors.VendorError{Status: http.StatusInternalServerError, Message: "The image could not be stored or read.", Generic: true})
}

// discardBody reads what is left of a body that will not be used, up to
// limit, so that a client still sending it reads the answer rather than a
// reset connection. A client that waits for 100 Continue has sent nothing
// and is not asked to.
func discardBody(r *http.Request, limit int64) {
	if r.Body == nil || strings.EqualFold(r.Header.Get("Expect"), "100-continue") {
		return
	}
	io.CopyN(io.Discard, r.Body, limit)
}

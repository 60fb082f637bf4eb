package httpapi

import (
	"bytes"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// get serves one stored size of the image: its media type, a strong ETag
// from its hash and Cache-Control; a matching If-None-Match is answered
// 304 (and a Range request 206) by http.ServeContent. A size the profile
// does not have is answered with the vendor's unknown-size error, and one
// that is not stored with its not-found error, the size filled in both.
func (a *api) get(w http.ResponseWriter, r *http.Request, ids []string, size string) {
	params := map[string]string{vendors.ParamSize: shorten(size)}
	if !slices.Contains(a.sizes, size) {
		a.fail(w, profileimage.Reject(a.p, vendors.ReasonUnknownSize,
			"no size "+shorten(size)+" (sizes: "+strings.Join(a.sizes, ", ")+")", params).Vendor)
		return
	}
	obj, err := a.svc.store.Get(r.Context(), a.key(ids, size))
	if errors.Is(err, ErrNotFound) {
		e, _ := a.p.ErrorNamed(a.p.HTTP.NotFound)
		a.fail(w, e.Filled(params))
		return
	}
	if err != nil {
		if r.Context().Err() == nil {
			a.internal(w, err)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Type", obj.ContentType)
	h.Set("ETag", `"`+obj.Hash+`"`)
	h.Set("Cache-Control", a.svc.cacheControl)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(obj.Data))
}

// delete removes every stored size of the image and answers the
// endpoint's success, whether or not there was an image.
func (a *api) delete(w http.ResponseWriter, r *http.Request, e vendors.HTTPEndpoint, ids []string, values map[string]string) {
	ctx := r.Context()
	if err := a.svc.writes.lock(ctx, a.key(ids, "")); err != nil {
		a.busy(w)
		return
	}
	defer a.svc.writes.unlock(a.key(ids, ""))
	for _, size := range a.sizes {
		if err := a.svc.store.Delete(ctx, a.key(ids, size)); err != nil {
			a.storeFailed(ctx, w, err)
			return
		}
	}
	vars := map[string]any{}
	for k, v := range values {
		vars[k] = v
	}
	a.succeed(w, e, vars)
}

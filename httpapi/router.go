package httpapi

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

// router matches a request's path against the vendors' path templates
// itself, segment by segment on the escaped path, instead of through
// http.ServeMux: the mux cleans paths and redirects a "/../" away before a
// handler sees it, where the vendor's answer for a bad id is wanted.
type router struct {
	routes []route
}

type route struct {
	api      *api
	endpoint vendors.HTTPEndpoint
	segments []string // the template's segments, without the leading ""
}

func splitPath(p string) []string { return strings.Split(strings.TrimPrefix(p, "/"), "/") }

// add adds e of a, unless it would match a request that a route added
// before matches.
func (rt *router) add(a *api, e vendors.HTTPEndpoint) error {
	nr := route{api: a, endpoint: e, segments: splitPath(e.Path)}
	for _, old := range rt.routes {
		if old.endpoint.Method == e.Method && overlap(old.segments, nr.segments) {
			return fmt.Errorf("httpapi: %s of %s and %s of %s match the same requests",
				old.endpoint.Route(), old.api.p.Name, e.Route(), a.p.Name)
		}
	}
	rt.routes = append(rt.routes, nr)
	return nil
}

// overlap reports whether some path matches both templates.
func overlap(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !isWildcard(a[i]) && !isWildcard(b[i]) && a[i] != b[i] {
			return false
		}
	}
	return true
}

func isWildcard(seg string) bool { return strings.HasPrefix(seg, "{") }

// match returns the values of the route's wildcards in path, unescaped.
// A segment that does not unescape keeps its escaped form, so that it
// fails the id check instead of the match.
func (r route) match(path []string) (map[string]string, bool) {
	if len(path) != len(r.segments) {
		return nil, false
	}
	var values map[string]string
	for i, seg := range r.segments {
		if !isWildcard(seg) {
			if path[i] != seg {
				return nil, false
			}
			continue
		}
		v, err := url.PathUnescape(path[i])
		if err != nil {
			v = path[i]
		}
		if values == nil {
			values = map[string]string{}
		}
		values[seg[1:len(seg)-1]] = v
	}
	return values, true
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := splitPath(r.URL.EscapedPath())
	var allowed []string
	for _, route := range rt.routes {
		values, ok := route.match(path)
		if !ok {
			continue
		}
		m := route.endpoint.Method
		if r.Method == m || (r.Method == http.MethodHead && m == http.MethodGet) {
			route.api.serve(w, r, route.endpoint, values)
			return
		}
		allowed = append(allowed, m)
		if m == http.MethodGet {
			allowed = append(allowed, http.MethodHead)
		}
	}
	if len(allowed) == 0 {
		http.NotFound(w, r)
		return
	}
	slices.Sort(allowed)
	w.Header().Set("Allow", strings.Join(slices.Compact(allowed), ", "))
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}

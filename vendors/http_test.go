package vendors

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestHTTPEndpointsAreListedInEndpoints(t *testing.T) {
	served := 0
	for _, p := range All() {
		if p.HTTP == nil {
			continue
		}
		served++
		for _, e := range p.HTTP.Endpoints {
			if !slices.Contains(p.Endpoints, e.Route()) {
				t.Errorf("%s: http endpoint %q is not in endpoints %q", p.Name, e.Route(), p.Endpoints)
			}
		}
	}
	if served < 3 {
		t.Errorf("%d profiles describe their HTTP API, want at least the three seed vendors", served)
	}
}

func TestSeedVendorsHTTP(t *testing.T) {
	roles := func(p Profile) string {
		var rs []string
		for _, e := range p.HTTP.Endpoints {
			rs = append(rs, string(e.Role)+" "+e.Method)
		}
		return strings.Join(rs, ", ")
	}
	cases := []struct {
		vendor, roles, upload string
	}{
		{"ringcentral", "upload POST, update PUT, get GET, get-scaled GET, delete DELETE", "multipart image"},
		{"zoom", "upload POST, delete DELETE", "multipart pic_file"},
		{"smartsheet", "upload POST", "raw "},
	}
	for _, c := range cases {
		p := MustLookup(c.vendor)
		if p.HTTP == nil {
			t.Errorf("%s: no http", c.vendor)
			continue
		}
		if got := roles(p); got != c.roles {
			t.Errorf("%s: roles %q, want %q", c.vendor, got, c.roles)
		}
		if got := p.HTTP.Upload.Body + " " + p.HTTP.Upload.Part; got != c.upload {
			t.Errorf("%s: upload %q, want %q", c.vendor, got, c.upload)
		}
	}
	rc := MustLookup("ringcentral").HTTP
	if a := rc.Auth; a.Missing.Code != "AGW-401" || a.Invalid.Code != "AGW-402" || a.Missing.Status != 401 {
		t.Errorf("RingCentral auth errors: %+v", a)
	}
	if e := MustLookup("zoom").HTTP.Endpoints[0]; e.Status != 201 || e.Headers["Content-Location"] == "" {
		t.Errorf("Zoom upload: %+v", e)
	}
}

func TestTemplateRender(t *testing.T) {
	rc := MustLookup("ringcentral").HTTP.ErrorBody
	got, err := rc.Render(map[string]any{VarCode: "ACT-330", VarMessage: "Unsupported image content type"})
	want := `{"errorCode":"ACT-330","message":"Unsupported image content type","errors":[{"errorCode":"ACT-330","message":"Unsupported image content type"}]}`
	if err != nil || string(got) != want {
		t.Errorf("RingCentral error body:\n got %s (%v)\nwant %s", got, err, want)
	}
	zoom := MustLookup("zoom").HTTP.ErrorBody
	if got, _ := zoom.Render(map[string]any{VarCodeNumber: int64(120), VarMessage: "File is empty."}); string(got) != `{"code":120,"message":"File is empty."}` {
		t.Errorf("Zoom error body: %s", got)
	}
	if got, _ := zoom.Render(map[string]any{VarMessage: "The image is too small."}); string(got) != `{"message":"The image is too small."}` {
		t.Errorf("a member whose variable has no value is kept: %s", got)
	}
	ss := MustLookup("smartsheet").HTTP.Endpoints[0].Body
	got, _ = ss.Render(map[string]any{VarImageID: "ab<c>", VarWidth: 1050, VarHeight: 700})
	want = `{"message":"SUCCESS","resultCode":0,"result":{"profileImage":{"imageId":"ab<c>","width":1050,"height":700}}}`
	if string(got) != want {
		t.Errorf("Smartsheet success body:\n got %s\nwant %s", got, want)
	}
	mixed := Template(`["a {x} b", "{missing}", "{x}", 1.5e3, true, null, "{}", {"k": ["{y}"]}]`)
	got, _ = mixed.Render(map[string]any{"x": "\"q\"", "y": 7})
	if want := `["a \"q\" b","\"q\"",1.5e3,true,null,"{}",{"k":[7]}]`; string(got) != want {
		t.Errorf("mixed template: %s", got)
	}
	names, err := mixed.Variables()
	if err != nil || strings.Join(names, ",") != "x,missing,y" {
		t.Errorf("Variables: %v %v", names, err)
	}
	if got := Expand("/v2/users/{userId}/picture{none}", map[string]any{"userId": "me"}); got != "/v2/users/me/picture" {
		t.Errorf("Expand: %q", got)
	}
	for _, bad := range []string{`{"a":`, `[1] [2]`, strings.Repeat("[", 20) + strings.Repeat("]", 20)} {
		if _, err := Template(bad).Render(nil); err == nil {
			t.Errorf("%q rendered without an error", bad)
		}
	}
}

func TestParseRejectsBadHTTP(t *testing.T) {
	base := `{"name":"mine","title":"Mine","sources":["x"],"endpoints":["POST /u/{id}/img","GET /u/{id}/img/{size}"],
		"accept":["jpeg"],"animation":{"mode":"reject"},"square":{"mode":"none"},"fit":{},
		"output":{"formats":["jpeg"],"quality":85,"minQuality":50},
		"sizes":[{"name":"original"},{"name":"9x9","width":9,"height":9}],
		"errors":{"corrupt":{"status":400,"code":"7","message":"bad"}},
		"otherErrors":{"no-user":{"status":404,"code":"AB","message":"no such user"}},
		"http":{"endpoints":[{"role":"upload","method":"POST","path":"/u/{id}/img","status":201,"body":{"id":"{imageId}"},"headers":{"Location":"/u/{id}/img"}},
			{"role":"get-scaled","method":"GET","path":"/u/{id}/img/{size}","status":200}],
			"upload":{"body":"multipart","part":"file","invalid":"empty"},
			"errorBody":{"code":"{code}","message":"{message}"},"notFound":"unknown-size","badId":"no-user"}}`
	if _, err := Parse(strings.NewReader(base)); err != nil {
		t.Fatalf("the valid base profile is rejected: %v", err)
	}
	cases := []struct{ name, field, old, new string }{
		{"unknown role", "http.endpoints[0].role", `"role":"upload"`, `"role":"replace"`},
		{"bad method", "http.endpoints[0].method", `"method":"POST","path":"/u/{id}/img"`, `"method":"post","path":"/u/{id}/img"`},
		{"error status", "http.endpoints[0].status", `"status":201`, `"status":400`},
		{"unknown body variable", "http.endpoints[0].body", `"{imageId}"`, `"{imageid}"`},
		{"unknown header variable", "http.endpoints[0].headers.Location", `"/u/{id}/img"}`, `"/u/{user}/img"}`},
		{"body on a GET", "http.endpoints[1]", `"path":"/u/{id}/img/{size}","status":200`, `"path":"/u/{id}/img/{size}","status":200,"body":{}`},
		{"no part name", "http.upload.part", `"part":"file"`, `"part":""`},
		{"unknown invalid reason", "http.upload.invalid", `"invalid":"empty"`, `"invalid":"bad-form"`},
		{"raw body with a part", "http.upload", `"body":"multipart"`, `"body":"raw"`},
		{"unknown error variable", "http.errorBody", `"{code}"`, `"{errorCode}"`},
		{"no not-found error", "http.notFound", `"notFound":"unknown-size"`, `"notFound":"gone"`},
		{"no bad-id error", "http.badId", `"badId":"no-user"`, `"badId":""`},
		{"images named differently", "http.endpoints[1].path", `"GET /u/{id}/img/{size}"],`, `"GET /u/{id}/img/{size}","GET /v/{other}/img/{size}"],`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := strings.Replace(base, c.old, c.new, 1)
			if doc == base {
				t.Fatalf("the edit %q does not apply", c.old)
			}
			if c.name == "images named differently" {
				doc = strings.Replace(doc, `"path":"/u/{id}/img/{size}"`, `"path":"/v/{other}/img/{size}"`, 1)
			}
			_, err := Parse(strings.NewReader(doc))
			var pe *ProfileError
			if !errors.As(err, &pe) || pe.Field != c.field {
				t.Errorf("got %v, want an error naming %q", err, c.field)
			}
		})
	}
}

func TestCallersCannotChangeSharedHTTP(t *testing.T) {
	p := MustLookup("zoom")
	p.HTTP.Endpoints[0].Headers["Content-Location"] = "changed"
	p.HTTP.Endpoints[0].Body[0] = '['
	p.HTTP.ErrorBody[0] = '['
	p.HTTP.Auth.Missing.Code = "changed"
	p.HTTP.Notes[0] = "changed"
	q := MustLookup("zoom").HTTP
	if q.Endpoints[0].Headers["Content-Location"] == "changed" || q.Endpoints[0].Body[0] != '{' ||
		q.ErrorBody[0] != '{' || q.Auth.Missing.Code == "changed" || q.Notes[0] == "changed" {
		t.Fatal("a change to a looked-up profile's http reached the shared one")
	}
}

func TestErrorNamed(t *testing.T) {
	p := MustLookup("ringcentral")
	if e, ok := p.ErrorNamed("unknown-size"); !ok || e.Code != "ACT-333" {
		t.Errorf("a reason: %+v %v", e, ok)
	}
	if e, ok := p.ErrorNamed("resource-not-found"); !ok || e.Code != "CMN-102" {
		t.Errorf("an other error: %+v %v", e, ok)
	}
	if _, ok := p.ErrorNamed("nothing"); ok {
		t.Error("an unknown key was found")
	}
}

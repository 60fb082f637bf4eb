package httpapi

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/profileimage/profileimage/vendors"
)

// treeOf lists every file and directory under dir with its size.
func treeOf(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		fmt.Fprintf(&b, "%s %v %d\n", strings.TrimPrefix(path, dir), d.IsDir(), info.Size())
		return nil
	})
	return b.String()
}

// TestBadInput sends what a hostile or broken client sends and checks
// that each gets the vendor's answer, nothing is stored, and nothing
// outside the store's directory is touched.
func TestBadInput(t *testing.T) {
	parent := t.TempDir()
	os.WriteFile(filepath.Join(parent, "outside.txt"), []byte("keep"), 0o644)
	store, err := OpenDirStore(filepath.Join(parent, "store"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	before := treeOf(t, parent)
	ts, _ := newTestServer(t, Options{Store: store}, "ringcentral", "zoom", "smartsheet")
	image := jpegImage(200, 150, 4)
	rc := func(account, extension string) string {
		return ts.URL + "/restapi/v1.0/account/" + account + "/extension/" + extension + "/profile-image"
	}
	cmn101 := rcError("CMN-101", "Parameter [image] value is invalid.")

	t.Run("forms", func(t *testing.T) {
		good, form := curlForm("image", "a.jpg", "image/jpeg", image)
		wrongName, wrongForm := curlForm("file", "a.jpg", "image/jpeg", image)
		boundary := strings.TrimPrefix(form, "multipart/form-data; boundary=")
		extra := append(bytes.TrimSuffix(bytes.Clone(good), []byte("--"+boundary+"--\r\n")),
			[]byte("--"+boundary+"\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhi\r\n--"+boundary+"--\r\n")...)
		firstPart := bytes.TrimSuffix(good, []byte("--"+boundary+"--\r\n"))
		twice := append(bytes.Clone(firstPart), good...)
		cases := []struct {
			what, ctype, body string
			status            int
			want              string
		}{
			{"a form cut before its end", form, string(good[:len(good)-40]), 400, rcError("ACT-331", "Profile image not valid")},
			{"a form cut in its headers", form, string(good[:60]), 400, rcError("ACT-331", "Profile image not valid")},
			{"a part named file", wrongForm, string(wrongName), 400, cmn101},
			{"a second part", form, string(extra), 400, cmn101},
			{"the part twice", form, string(twice), 400, cmn101},
			{"an empty form", form, "--" + boundary + "--\r\n", 400, cmn101},
			{"a raw body", "image/jpeg", string(image), 400, cmn101},
			{"a form without a boundary", "multipart/form-data", string(good), 400, cmn101},
		}
		for _, c := range cases {
			wantError(t, c.what, call(t, "POST", rc("~", "1"), []byte(c.body), map[string]string{"Content-Type": c.ctype}), c.status, c.want)
		}
	})

	t.Run("ids", func(t *testing.T) {
		body, form := curlForm("image", "a.jpg", "image/jpeg", image)
		long := strings.Repeat("a", 10_000)
		accountNotFound := rcError("CMN-102", "Resource for parameter [accountId] is not found")
		extensionNotFound := rcError("CMN-102", "Resource for parameter [extensionId] is not found")
		cases := []struct{ account, extension, want string }{
			{"..", "1", accountNotFound},
			{"~", "..", extensionNotFound},
			{"..%2F..%2F..", "1", accountNotFound},
			{"%2e%2e", "%2e%2e%2foutside.txt", accountNotFound},
			{"~", "a%00b", extensionNotFound},
			{"~", "%00", extensionNotFound},
			{long, "1", accountNotFound},
			{"~", long, extensionNotFound},
			{"~", ".tmp-x", extensionNotFound},
			{"~", "a%20b", extensionNotFound},
			{"~", "%C3%A9", extensionNotFound},
			{"", "1", accountNotFound},
		}
		for _, c := range cases {
			for _, method := range []string{"POST", "PUT", "GET", "DELETE"} {
				var b []byte
				if method == "POST" || method == "PUT" {
					b = body
				}
				what := fmt.Sprintf("%s %.40s/%.40s", method, c.account, c.extension)
				wantError(t, what, call(t, method, rc(c.account, c.extension), b, map[string]string{"Content-Type": form}), 404, c.want)
			}
			wantError(t, "scaled "+c.extension, call(t, "GET", rc(c.account, c.extension)+"/90x90", nil, nil), 404, c.want)
		}
		zoom := ts.URL + "/v2/users/" + long + "/picture"
		zbody, zform := curlForm("pic_file", "a.jpg", "image/jpeg", image)
		wantError(t, "Zoom 10 KB id", call(t, "POST", zoom, zbody, map[string]string{"Content-Type": zform}), 404,
			`{"code":1001,"message":"User does not exist: `+long[:64]+`…."}`)
		wantError(t, "Zoom NUL id", call(t, "POST", ts.URL+"/v2/users/%00/picture", zbody, map[string]string{"Content-Type": zform}), 404,
			`{"code":1001,"message":"User does not exist: \u0000."}`)
	})

	t.Run("raw bodies cut short", func(t *testing.T) {
		// The client promises 5000 bytes, sends 100 and stops sending.
		conn, err := net.Dial("tcp", ts.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "POST /2.0/users/42/profileimage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: image/jpeg\r\nContent-Length: 5000\r\n\r\n", testToken)
		conn.Write(image[:100])
		conn.(*net.TCPConn).CloseWrite()
		conn.SetReadDeadline(time.Now().Add(30 * time.Second)) // a hang fails, it does not block the run
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		wantError(t, "a raw body cut short", response{resp.StatusCode, resp.Header, data}, 400,
			`{"errorCode":1008,"message":"Unable to parse request. The following error occurred: the request body is malformed: unexpected EOF","refId":"*"}`)
	})

	if after := treeOf(t, parent); after != before {
		t.Errorf("bad requests changed the directory:\nbefore\n%safter\n%s", before, after)
	}
}

// TestSlowClient sends headers and part of a body, then nothing: the
// server's read timeout ends the request, the client is told so in the
// vendor's envelope, and nothing is stored.
func TestSlowClient(t *testing.T) {
	store := &MemStore{}
	h, err := NewService(Options{Store: store}).Handler(vendors.MustLookup("ringcentral"))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ReadTimeout = 300 * time.Millisecond
	ts.Start()
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body, form := curlForm("image", "a.jpg", "image/jpeg", jpegImage(64, 64, 1))
	fmt.Fprintf(conn, "POST /restapi/v1.0/account/~/extension/1/profile-image HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", form, len(body))
	conn.Write(body[:len(body)/2]) // and never the rest
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer before the client gave up: %v", err)
	}
	data, _ := io.ReadAll(resp.Body)
	wantError(t, "a body that never ends", response{resp.StatusCode, resp.Header, data}, 408,
		rcError("", "The request body did not arrive in time."))
	if n := store.Len(); n != 0 {
		t.Errorf("the store holds %d objects", n)
	}
}

func TestRouting(t *testing.T) {
	ts, _ := newTestServer(t, Options{}, "ringcentral", "zoom")
	if got := call(t, "GET", ts.URL+"/v2/users/me/picture/extra", nil, nil); got.status != 404 {
		t.Errorf("a path of no endpoint: %d", got.status)
	}
	got := call(t, "PATCH", ts.URL+"/restapi/v1.0/account/~/extension/1/profile-image", nil, nil)
	if got.status != 405 || got.header.Get("Allow") != "DELETE, GET, HEAD, POST, PUT" {
		t.Errorf("PATCH: %d, Allow %q", got.status, got.header.Get("Allow"))
	}
	if got := call(t, "HEAD", ts.URL+"/restapi/v1.0/account/~/extension/1/profile-image/90x90", nil, nil); got.status != 404 {
		t.Errorf("HEAD of nothing stored: %d", got.status)
	}

	svc := NewService(Options{})
	p := vendors.MustLookup("zoom")
	if _, err := svc.Handler(p, p); err == nil || !strings.Contains(err.Error(), "two profiles named zoom") {
		t.Errorf("one profile twice: %v", err)
	}
	q := vendors.MustLookup("zoom")
	q.Name = "zoom-copy"
	if _, err := svc.Handler(p, q); err == nil || !strings.Contains(err.Error(), "match the same requests") {
		t.Errorf("two profiles on one path: %v", err)
	}
	if _, err := svc.Handler(vendors.MustLookup("slack")); err == nil {
		t.Error("a profile without http was served")
	}
	rc := vendors.MustLookup("ringcentral")
	rc.Sizes = rc.Sizes[1:]
	if _, err := svc.Handler(rc); err == nil || !strings.Contains(err.Error(), "gets the original") {
		t.Errorf("a get of an original that is never made: %v", err)
	}
	rc = vendors.MustLookup("ringcentral")
	rc.Sizes[1].Name = "90x90/../x"
	if _, err := svc.Handler(rc); err == nil || !strings.Contains(err.Error(), "store key") {
		t.Errorf("a size that cannot be a key: %v", err)
	}
}

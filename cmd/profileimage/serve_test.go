package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	_ "image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/profileimage/profileimage/vendors"
)

// lockedBuffer is a buffer that the server's goroutines and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs `profileimage serve args...` on a free loopback port
// and returns its URL, its log, and a function that stops it and returns
// its exit code.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer, func() int) {
	t.Helper()
	t.Setenv("GOMEMLIMIT", "off") // leave the test binary's memory limit alone
	ctx, cancel := context.WithCancel(context.Background())
	logs := &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), nil, io.Discard, logs)
	}()
	listening := regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := listening.FindStringSubmatch(logs.String()); m != nil {
			stop := func() int { cancel(); return <-done }
			return m[1], logs, stop
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %s", logs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	url, logs, stop := startServe(t, "-dir", dir, "-token", "T0K3N", "-vendor", "ringcentral", "-vendor", "zoom")
	photo, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	part, _ := mw.CreateFormFile("image", "Portrait_6.jpg")
	part.Write(photo)
	mw.Close()
	base := url + "/restapi/v1.0/account/~/extension/101/profile-image"
	send := func(method, url, ctype string, body []byte, token string) *http.Response {
		req, _ := http.NewRequest(method, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}
	if resp := send("POST", base, mw.FormDataContentType(), form.Bytes(), "T0K3N"); resp.StatusCode != 204 {
		t.Fatalf("POST: %d", resp.StatusCode)
	}
	resp := send("GET", base+"/195x195", "", nil, "T0K3N")
	img, _, err := image.Decode(resp.Body)
	if err != nil || img.Bounds().Dx() != 195 || resp.Header.Get("ETag") == "" {
		t.Fatalf("GET 195x195: %d %v %v", resp.StatusCode, err, resp.Header)
	}
	if resp := send("GET", base, "", nil, ""); resp.StatusCode != 401 {
		t.Errorf("GET without the token: %d", resp.StatusCode)
	}
	if resp := send("GET", url+"/2.0/users/1/profileimage", "", nil, "T0K3N"); resp.StatusCode != 404 {
		t.Errorf("Smartsheet, not asked for: %d", resp.StatusCode)
	}
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d: %s", code, logs)
	}
	log := logs.String()
	for _, want := range []string{
		"POST   /restapi/v1.0/account/{accountId}/extension/{extensionId}/profile-image  (ringcentral upload)",
		"POST   /v2/users/{userId}/picture  (zoom upload)",
		" POST /restapi/v1.0/account/~/extension/101/profile-image 204 0B ",
		" GET /restapi/v1.0/account/~/extension/101/profile-image/195x195 200 ",
		" GET /restapi/v1.0/account/~/extension/101/profile-image 401 ",
		" GET /2.0/users/1/profileimage 404 ",
		"shutting down", "stopped",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if n := strings.Count(log, " 127.0.0.1:"); n != 4 {
		t.Errorf("%d request lines for 4 requests:\n%s", n, log)
	}
	if _, err := os.Stat(filepath.Join(dir, "ringcentral", "~", "101", "90x90")); err != nil {
		t.Errorf("the directory store lacks the 90x90: %v", err)
	}
}

func TestServeRefusesWhatItCannotServe(t *testing.T) {
	mine := filepath.Join(t.TempDir(), "mine.json")
	os.WriteFile(mine, []byte(`{"name":"mine"}`), 0o644)
	for _, args := range [][]string{
		{"-vendor", "slack"},
		{"-vendor", "myspace"},
		{"-profile", mine},
		{"-profile", "does-not-exist.json"},
		{"extra"},
	} {
		code, _, stderr := runCLI(t, nil, append([]string{"serve", "-addr", "127.0.0.1:0", "-dir", t.TempDir()}, args...)...)
		if code != exitUsage || stderr == "" {
			t.Errorf("serve %v: exit %d, %q", args, code, stderr)
		}
	}
}

// TestServeStopsOnSIGTERM sends the process SIGTERM while serve runs: it
// stops accepting, finishes, and exits 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	url, logs, stop := startServe(t, "-dir", t.TempDir(), "-vendor", "zoom")
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(logs.String(), "stopped") {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not stop on SIGTERM: %s", logs)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if code := stop(); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if _, err := http.Get(url + "/v2/users/me/picture"); err == nil {
		t.Error("the server still answers after SIGTERM")
	}
}

// TestServeCallersProfile serves a profile from a JSON file: Zoom's rules
// at paths of the caller's own.
func TestServeCallersProfile(t *testing.T) {
	p := vendors.MustLookup("zoom")
	p.Name, p.Endpoints = "intranet", []string{"POST /api/avatars/{userId}"}
	p.HTTP.Endpoints = p.HTTP.Endpoints[:1]
	p.HTTP.Endpoints[0].Path = "/api/avatars/{userId}"
	p.HTTP.Endpoints[0].Headers = map[string]string{"Location": "/api/avatars/{userId}"}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "intranet.json")
	os.WriteFile(file, data, 0o644)
	url, logs, stop := startServe(t, "-dir", t.TempDir(), "-profile", file)
	defer stop()
	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	part, _ := mw.CreateFormFile("pic_file", "a.jpg")
	photo, _ := os.ReadFile(sample)
	part.Write(photo)
	mw.Close()
	resp, err := http.Post(url+"/api/avatars/bob", mw.FormDataContentType(), &form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 201 || resp.Header.Get("Location") != "/api/avatars/bob" {
		t.Fatalf("POST: %d %v\n%s", resp.StatusCode, resp.Header, logs)
	}
}

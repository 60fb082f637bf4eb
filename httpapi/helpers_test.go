package httpapi

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	_ "image/gif"
	"image/png"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
	_ "golang.org/x/image/bmp"
)

const testToken = "s3cret-token"

// newTestServer serves the named profiles with opts (a MemStore and the
// test token unless opts says otherwise) on a real loopback listener.
func newTestServer(t testing.TB, opts Options, names ...string) (*httptest.Server, Options) {
	t.Helper()
	if opts.Store == nil {
		opts.Store = &MemStore{}
	}
	if opts.Auth == nil {
		opts.Auth = BearerToken(testToken)
	}
	var profiles []vendors.Profile
	for _, n := range names {
		profiles = append(profiles, vendors.MustLookup(n))
	}
	h, err := NewService(opts).Handler(profiles...)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts, opts
}

// curlForm builds the body that `curl -F part=@file;type=ctype` sends:
// one form-data part with a file name and a type, in curl's boundary style.
func curlForm(part, filename, ctype string, data []byte) ([]byte, string) {
	const boundary = "------------------------d74496d66958873e"
	var b bytes.Buffer
	fmt.Fprintf(&b, "--%s\r\nContent-Disposition: form-data; name=%q; filename=%q\r\n", boundary, part, filename)
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	b.WriteString("\r\n")
	b.Write(data)
	fmt.Fprintf(&b, "\r\n--%s--\r\n", boundary)
	return b.Bytes(), "multipart/form-data; boundary=" + boundary
}

// response is what a test keeps of an answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// call sends one request with the test token (unless headers sets
// Authorization, to "" for none) and reads the whole answer.
func call(t testing.TB, method, url string, body []byte, headers map[string]string) response {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", method, url, err)
	}
	return response{resp.StatusCode, resp.Header, data}
}

// wantError checks an error answer: the status and the exact JSON body,
// keys in order. refId, which is random, is checked for presence and
// replaced by "*" before the comparison.
func wantError(t testing.TB, what string, got response, status int, body string) {
	t.Helper()
	if got.status != status {
		t.Errorf("%s: status %d, want %d (%s)", what, got.status, status, got.body)
	}
	if ct := got.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q", what, ct)
	}
	text := string(got.body)
	var m map[string]any
	if err := json.Unmarshal(got.body, &m); err != nil {
		t.Fatalf("%s: body is not JSON: %s", what, got.body)
	}
	if ref, ok := m["refId"].(string); ok {
		if ref == "" {
			t.Errorf("%s: empty refId", what)
		}
		text = strings.Replace(text, `"refId":"`+ref+`"`, `"refId":"*"`, 1)
	}
	if text != body {
		t.Errorf("%s: body\n got %s\nwant %s", what, text, body)
	}
}

// decoded decodes an image answer and returns its format and size.
func decoded(t testing.TB, what string, data []byte) (string, int, int) {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: the image does not decode: %v", what, err)
	}
	return format, img.Bounds().Dx(), img.Bounds().Dy()
}

func jpegImage(w, h int, seed uint64) []byte { return testimage.JPEG(testimage.Photo(w, h, seed), 90) }

func pngImage(w, h int, seed uint64) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, testimage.NRGBA(testimage.Photo(w, h, seed))); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// storedKeys returns the keys of a MemStore, sorted.
func storedKeys(m *MemStore) []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return slices.Sorted(maps.Keys(m.objects))
}

func hashHex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func limitsWithBytes(n int64) validate.Limits { return validate.Limits{MaxBytes: n} }

// newListener serves h on a loopback listener for the test's duration.
func newListener(t testing.TB, h http.Handler) *httptest.Server {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

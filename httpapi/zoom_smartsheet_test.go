package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"image/gif"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"golang.org/x/image/bmp"
)

// storedImage decodes the object under key and returns its format and
// size, checking that its hash and media type are those of its bytes.
func storedImage(t *testing.T, s Store, key string) (string, int, int, Object) {
	t.Helper()
	obj, err := s.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	format, w, h := decoded(t, key, obj.Data)
	if obj.ContentType != "image/"+format || obj.Hash != hashHex(obj.Data) {
		t.Errorf("%s: stored as %s with hash %s; the bytes are %s with hash %s", key, obj.ContentType, obj.Hash, format, hashHex(obj.Data))
	}
	return format, w, h, obj
}

func TestZoom(t *testing.T) {
	ts, opts := newTestServer(t, Options{Limits: validate.Limits{MaxPixels: 4_000_000}}, "zoom")
	store := opts.Store.(*MemStore)
	url := ts.URL + "/v2/users/me/picture"
	upload := func(data []byte, ctype string) response {
		body, form := curlForm("pic_file", "profile.png", ctype, data)
		return call(t, "POST", url, body, map[string]string{"Content-Type": form})
	}
	zoomError := func(code int, message string) string {
		if code == 0 {
			return `{"message":"` + message + `"}`
		}
		return `{"code":` + strconv.Itoa(code) + `,"message":"` + message + `"}`
	}

	got := upload(pngImage(400, 300, 1), "image/png")
	if got.status != 201 || string(got.body) != "{}" || got.header.Get("Content-Location") != "/v2/users/me/picture" {
		t.Fatalf("POST: %d %q, Content-Location %q; want 201 {} /v2/users/me/picture", got.status, got.body, got.header.Get("Content-Location"))
	}
	if format, w, h, _ := storedImage(t, store, "zoom/me/original"); format != "jpeg" || w != 400 || h != 300 {
		t.Errorf("stored %s %dx%d, want the PNG as a 400x300 JPEG", format, w, h)
	}

	// A second upload is Zoom's update.
	if got := upload(jpegImage(1200, 900, 2), "image/jpeg"); got.status != 201 {
		t.Fatalf("second POST: %d %s", got.status, got.body)
	}
	if _, w, h, _ := storedImage(t, store, "zoom/me/original"); w != 1200 || h != 900 {
		t.Errorf("after the update the picture is %dx%d, want 1200x900", w, h)
	}

	var gifData, bmpData bytes.Buffer
	gif.Encode(&gifData, testimage.Photo(32, 32, 3), nil)
	bmp.Encode(&bmpData, testimage.Photo(32, 32, 3))
	cases := []struct {
		what   string
		data   []byte
		ctype  string
		status int
		body   string
	}{
		{"a GIF", gifData.Bytes(), "image/gif", 400, zoomError(120, "Only jpg/jpeg or png image file can be uploaded.")},
		{"a BMP", bmpData.Bytes(), "image/bmp", 400, zoomError(120, "Only jpg/jpeg or png image file can be uploaded.")},
		{"a truncated PNG", pngImage(64, 64, 5)[:300], "image/png", 400, zoomError(300, "Your request was not accepted because the profile picture contains invalid or explicit content.")},
		{"an empty file", nil, "image/png", 400, zoomError(120, "File is empty.")},
		{"more than 2M", bytes.Repeat([]byte{0}, 2_000_001), "image/jpeg", 400, zoomError(120, "File size cannot exceed 2M.")},
		{"more than the library's pixel cap", flatPNG(2100, 2000), "image/png", 400, zoomError(0, "The image has too many pixels.")},
	}
	for _, c := range cases {
		wantError(t, c.what, upload(c.data, c.ctype), c.status, c.body)
	}
	wantError(t, "no token", call(t, "POST", url, nil, map[string]string{"Authorization": ""}), 401, zoomError(124, "Invalid access token."))
	wantError(t, "a wrong token", call(t, "DELETE", url, nil, map[string]string{"Authorization": "Bearer nope"}), 401, zoomError(124, "Invalid access token."))
	wantError(t, "an id that names no user", call(t, "DELETE", ts.URL+"/v2/users/a%2Fb/picture", nil, nil), 404, zoomError(1001, "User does not exist: a/b."))

	if got := call(t, "DELETE", url, nil, nil); got.status != 204 || len(got.body) != 0 {
		t.Fatalf("DELETE: %d %s", got.status, got.body)
	}
	if keys := storedKeys(store); len(keys) != 0 {
		t.Errorf("after DELETE the store holds %v", keys)
	}
	if got := call(t, "GET", url, nil, nil); got.status != 405 || got.header.Get("Allow") != "DELETE, POST" {
		t.Errorf("GET, which Zoom does not document: %d, Allow %q", got.status, got.header.Get("Allow"))
	}
}

func TestSmartsheet(t *testing.T) {
	ts, opts := newTestServer(t, Options{Limits: limitsWithBytes(1 << 20)}, "smartsheet")
	store := opts.Store.(*MemStore)
	url := ts.URL + "/2.0/users/4583173393803140/profileimage"
	upload := func(data []byte, ctype string) response {
		// curl -H "Content-Type: $ctype" -H 'Content-Disposition: attachment; filename=janeroe.jpg' --data-binary @janeroe.jpg
		return call(t, "POST", url, data, map[string]string{"Content-Type": ctype, "Content-Disposition": "attachment; filename=janeroe.jpg"})
	}
	ssError := func(code int, message string) string {
		return `{"errorCode":` + strconv.Itoa(code) + `,"message":` + strconv.Quote(message) + `,"refId":"*"}`
	}

	for _, c := range []struct {
		what          string
		data          []byte
		ctype         string
		width, height int
	}{
		{"a landscape JPEG", jpegImage(1600, 1200, 1), "image/jpeg", 1050, 1050},
		{"a small PNG", pngImage(250, 329, 2), "image/png", 329, 329},
	} {
		got := upload(c.data, c.ctype)
		var body struct {
			Message    string `json:"message"`
			ResultCode *int   `json:"resultCode"`
			Result     struct {
				ProfileImage struct {
					ImageID       string `json:"imageId"`
					Width, Height int
				} `json:"profileImage"`
			} `json:"result"`
		}
		if err := json.Unmarshal(got.body, &body); err != nil || got.status != 200 {
			t.Fatalf("%s: %d %s (%v)", c.what, got.status, got.body, err)
		}
		_, w, h, obj := storedImage(t, store, "smartsheet/4583173393803140/original")
		pi := body.Result.ProfileImage
		if body.Message != "SUCCESS" || body.ResultCode == nil || *body.ResultCode != 0 || pi.ImageID != obj.Hash ||
			pi.Width != c.width || pi.Height != c.height || w != c.width || h != c.height {
			t.Errorf("%s: answered %s; stored %dx%d with hash %s; want %dx%d", c.what, got.body, w, h, obj.Hash, c.width, c.height)
		}
	}

	var bmpData bytes.Buffer
	bmp.Encode(&bmpData, testimage.Photo(32, 32, 3))
	jpeg := jpegImage(64, 64, 3)
	cases := []struct {
		what   string
		data   []byte
		ctype  string
		status int
		body   string
	}{
		{"a BMP", bmpData.Bytes(), "image/bmp", 415, ssError(1124, "Invalid Content-Type header. Media type not supported.")},
		{"a JPEG declared as PNG", jpeg, "image/png", 400, ssError(1091, "Invalid Content-Type: image/png.")},
		{"curl's default type", jpeg, "application/x-www-form-urlencoded", 400, ssError(1091, "Invalid Content-Type: application/x-www-form-urlencoded.")},
		{"a truncated JPEG", jpeg[:len(jpeg)-200], "image/jpeg", 400, ssError(1008, "Unable to parse request. The following error occurred: jpeg: invalid format: unexpected end of data")},
		{"an empty body", nil, "image/jpeg", 400, ssError(1024, "The HTTP request body is required for this Method.")},
		{"more than the cap", bytes.Repeat([]byte{1}, 2<<20), "image/jpeg", 400, ssError(1074, "You are trying to upload a file of 2097152 bytes, but the API currently only supports 1048576 bytes.")},
	}
	for _, c := range cases {
		wantError(t, c.what, upload(c.data, c.ctype), c.status, c.body)
	}
	// Without a Content-Length (chunked), the cap is found while reading.
	req, _ := http.NewRequest("POST", url, io.MultiReader(bytes.NewReader(make([]byte, 1<<20)), bytes.NewReader(jpeg)))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "image/jpeg")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	chunked, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	wantError(t, "a chunked body over the cap", response{resp.StatusCode, resp.Header, chunked}, 400,
		ssError(1074, "You are trying to upload a file of more than 1048576 bytes, but the API currently only supports 1048576 bytes."))
	if n := store.Len(); n != 1 {
		t.Errorf("the rejections changed the store: %d objects", n)
	}
	wantError(t, "no token", call(t, "POST", url, jpeg, map[string]string{"Authorization": ""}), 401, ssError(1001, "An Access Token is required."))
	wantError(t, "a wrong token", call(t, "POST", url, jpeg, map[string]string{"Authorization": "Bearer x"}), 401, ssError(1002, "Your Access Token is invalid."))
	wantError(t, "a bad user id", call(t, "POST", ts.URL+"/2.0/users/%00/profileimage", jpeg, nil), 404, ssError(1020, "User not found."))
}

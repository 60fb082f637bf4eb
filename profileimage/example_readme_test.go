package profileimage_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// avatarHandler takes an upload for Zoom and answers as Zoom would. Its
// body between the README markers is the README's "In Go" snippet, which
// TestREADMESnippet keeps the same.
func avatarHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	upload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<20))
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return
	}
	partType := r.Header.Get("Content-Type")
	// README begin
	res, err := profileimage.Normalize(ctx, upload, vendors.MustLookup("zoom"), profileimage.ContentType(partType))
	var e *profileimage.Error
	if errors.As(err, &e) { // the vendor's own answer
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(e.Vendor.Status)
		json.NewEncoder(w).Encode(e.Vendor)
		return
	}
	if err != nil { // not the upload's fault: the request was cancelled, an option is wrong
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	// res.Data is a JPEG or PNG under 2,000,000 bytes; res.Hash works as an ETag.
	w.Header().Set("Content-Type", res.ContentType)
	w.Header().Set("ETag", `"`+res.Hash+`"`)
	w.Write(res.Data)
	// README end
}

// The README's snippet, in an HTTP handler: an upload Zoom takes, one whose
// declared type is not what its bytes are, and a request cancelled before
// the work starts, which is no *Error and leaves res nil.
func Example_readme() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	post := func(ctx context.Context, contentType string) {
		r := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v2/users/me/picture", bytes.NewReader(data))
		r.Header.Set("Content-Type", contentType)
		w := httptest.NewRecorder()
		avatarHandler(w, r)
		body := strings.TrimSpace(w.Body.String())
		if w.Code == http.StatusOK {
			body = fmt.Sprint(w.Body.Len(), " bytes")
		}
		fmt.Println(w.Code, w.Header().Get("Content-Type"), body)
	}
	post(context.Background(), "image/jpeg")
	post(context.Background(), "image/png")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	post(cancelled, "image/jpeg")
	// Output:
	// 200 image/jpeg 314458 bytes
	// 400 application/json {"status":400,"code":"120","message":"Only jpg/jpeg or png image file can be uploaded."}
	// 503 text/plain; charset=utf-8 context canceled
}

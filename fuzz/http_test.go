package fuzz

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/httpapi"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// servedProfiles are the embedded profiles that describe their HTTP API.
func servedProfiles() []vendors.Profile {
	var out []vendors.Profile
	for _, p := range vendors.All() {
		if p.HTTP != nil {
			out = append(out, p)
		}
	}
	return out
}

// uploadPath is the profile's upload endpoint with every id set to "u1".
func uploadPath(p vendors.Profile) (vendors.HTTPEndpoint, string) {
	for _, e := range p.HTTP.Endpoints {
		if e.Role.Reads() {
			path := e.Path
			for _, w := range e.Wildcards() {
				path = strings.ReplaceAll(path, "{"+w+"}", "u1")
			}
			return e, path
		}
	}
	return vendors.HTTPEndpoint{}, ""
}

const fuzzBoundary = "XyZzY"

func formSeed(part, ctype string, data []byte) []byte {
	return fmt.Appendf(nil, "--%s\r\nContent-Disposition: form-data; name=%q; filename=\"a\"\r\nContent-Type: %s\r\n\r\n%s\r\n--%s--\r\n",
		fuzzBoundary, part, ctype, data, fuzzBoundary)
}

// FuzzUploadRequest sends any body with any Content-Type to the upload
// endpoint of a served profile chosen by the input. It checks that the
// handler never panics or fails with a 5xx, that every refusal is a JSON
// object in the vendor's envelope with a 4xx status and leaves the store
// empty, and that every success stores each size as an image that decodes
// (scaled sizes at their exact dimensions).
func FuzzUploadRequest(f *testing.F) {
	profiles := servedProfiles()
	small := testimage.JPEG(testimage.Photo(40, 30, 1), 80)
	seeds := imageSeeds(f, 4<<10)
	for i, p := range profiles {
		part := p.HTTP.Upload.Part
		form := "multipart/form-data; boundary=" + fuzzBoundary
		f.Add(uint8(i), form, formSeed(part, "image/jpeg", small))
		f.Add(uint8(i), form, formSeed("other", "image/jpeg", small))
		f.Add(uint8(i), form, formSeed(part, "image/png", small)[:120])
		f.Add(uint8(i), form, append(formSeed(part, "image/jpeg", small), formSeed(part, "image/jpeg", small)...))
		f.Add(uint8(i), "image/jpeg", small)
		f.Add(uint8(i), "", []byte{})
		for _, s := range seeds[:min(len(seeds), 8)] {
			f.Add(uint8(i), form, formSeed(part, "", s))
			f.Add(uint8(i), "application/octet-stream", s)
		}
	}
	limits := validate.Limits{MaxPixels: 1 << 16, MaxBytes: 1 << 20, MaxFrames: 8, MaxFrameArea: 1 << 18}
	f.Fuzz(func(t *testing.T, pick uint8, contentType string, body []byte) {
		p := profiles[int(pick)%len(profiles)]
		store := &httpapi.MemStore{}
		h, err := httpapi.NewService(httpapi.Options{Store: store, Limits: limits, Concurrency: 1}).Handler(p)
		if err != nil {
			t.Fatal(err)
		}
		e, path := uploadPath(p)
		req := httptest.NewRequest(e.Method, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		if rec.Code == e.Status {
			checkStored(t, p, store)
			return
		}
		var envelope map[string]any
		if rec.Code < 400 || rec.Code > 499 || json.Unmarshal(rec.Body.Bytes(), &envelope) != nil {
			t.Fatalf("%s: %d %q is neither the success nor a vendor error", p.Name, rec.Code, rec.Body)
		}
		if _, ok := envelope["message"]; !ok {
			t.Fatalf("%s: the error %s has no message", p.Name, rec.Body)
		}
		if n := store.Len(); n != 0 {
			t.Fatalf("%s: refused with %d, yet %d objects were stored", p.Name, rec.Code, n)
		}
	})
}

// checkStored checks that every size of p is stored and decodes, at its
// exact size when it has one.
func checkStored(t *testing.T, p vendors.Profile, store *httpapi.MemStore) {
	sizes := p.Sizes
	if len(sizes) == 0 {
		sizes = []vendors.Size{{Name: vendors.OriginalSize}}
	}
	if store.Len() != len(sizes) {
		t.Fatalf("%s: %d objects stored for %d sizes", p.Name, store.Len(), len(sizes))
	}
	_, path := uploadPath(p)
	ids := strings.Count(path, "u1")
	for _, sz := range sizes {
		key := p.Name + strings.Repeat("/u1", ids) + "/" + sz.Name
		obj, err := store.Get(context.Background(), key)
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		img, format, err := image.Decode(bytes.NewReader(obj.Data))
		if err != nil || obj.ContentType != "image/"+format || http.DetectContentType(obj.Data) != obj.ContentType {
			t.Fatalf("%s: stored %s does not decode as it says: %v", key, obj.ContentType, err)
		}
		if sz.Width > 0 && (img.Bounds().Dx() != sz.Width || img.Bounds().Dy() != sz.Height) {
			t.Fatalf("%s: %v", key, img.Bounds())
		}
	}
}

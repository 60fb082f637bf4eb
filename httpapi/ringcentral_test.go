package httpapi

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"golang.org/x/image/bmp"
)

// rcError is RingCentral's envelope for one error.
func rcError(code, message string) string {
	if code == "" {
		return `{"message":"` + message + `","errors":[{"message":"` + message + `"}]}`
	}
	return `{"errorCode":"` + code + `","message":"` + message + `","errors":[{"errorCode":"` + code + `","message":"` + message + `"}]}`
}

func TestRingCentral(t *testing.T) {
	ts, opts := newTestServer(t, Options{}, "ringcentral")
	store := opts.Store.(*MemStore)
	base := ts.URL + "/restapi/v1.0/account/~/extension/1234/profile-image"
	upload := func(method string, data []byte, ctype string) response {
		body, form := curlForm("image", "alice_smith.jpg", ctype, data)
		return call(t, method, base, body, map[string]string{"Content-Type": form})
	}

	first := jpegImage(800, 600, 1)
	if got := upload("POST", first, "image/jpeg"); got.status != 204 || len(got.body) != 0 {
		t.Fatalf("POST: %d %q, want 204 with no body", got.status, got.body)
	}
	sizes := map[string][2]int{"original": {800, 600}, "90x90": {90, 90}, "195x195": {195, 195}, "584x584": {584, 584}}
	etags := map[string]string{}
	for name, dims := range sizes {
		got := call(t, "GET", base+"/"+name, nil, nil)
		if got.status != 200 || got.header.Get("Content-Type") != "image/jpeg" {
			t.Fatalf("GET %s: %d %s", name, got.status, got.header.Get("Content-Type"))
		}
		if format, w, h := decoded(t, name, got.body); format != "jpeg" || w != dims[0] || h != dims[1] {
			t.Errorf("GET %s: %s %dx%d, want jpeg %dx%d", name, format, w, h, dims[0], dims[1])
		}
		etag := got.header.Get("ETag")
		if len(etag) != 66 || etag[0] != '"' || got.header.Get("Cache-Control") != DefaultCacheControl {
			t.Errorf("GET %s: ETag %q, Cache-Control %q", name, etag, got.header.Get("Cache-Control"))
		}
		etags[name] = etag
	}
	plain := call(t, "GET", base, nil, nil)
	if plain.status != 200 || plain.header.Get("ETag") != etags["original"] {
		t.Errorf("GET without a size: %d, ETag %q, want the original's %q", plain.status, plain.header.Get("ETag"), etags["original"])
	}

	t.Run("304", func(t *testing.T) {
		for _, inm := range []string{etags["90x90"], "W/" + etags["90x90"], `"other", ` + etags["90x90"], "*"} {
			got := call(t, "GET", base+"/90x90", nil, map[string]string{"If-None-Match": inm})
			if got.status != 304 || len(got.body) != 0 || got.header.Get("ETag") != etags["90x90"] {
				t.Errorf("If-None-Match %s: %d, %d bytes, ETag %q", inm, got.status, len(got.body), got.header.Get("ETag"))
			}
		}
		if got := call(t, "GET", base+"/90x90", nil, map[string]string{"If-None-Match": etags["original"]}); got.status != 200 {
			t.Errorf("another size's ETag: %d, want 200", got.status)
		}
	})

	t.Run("unknown size", func(t *testing.T) {
		for _, size := range []string{"92", "100x100", "ORIGINAL"} {
			wantError(t, size, call(t, "GET", base+"/"+size, nil, nil), 404,
				rcError("ACT-333", "Profile image is not found for scale size ["+size+"]"))
		}
		long := strings.Repeat("9", 10_000)
		wantError(t, "10 KB size", call(t, "GET", base+"/"+long, nil, nil), 404,
			rcError("ACT-333", "Profile image is not found for scale size ["+long[:64]+"…]"))
	})

	t.Run("401", func(t *testing.T) {
		for _, method := range []string{"GET", "POST", "PUT", "DELETE"} {
			got := call(t, method, base, nil, map[string]string{"Authorization": ""})
			wantError(t, method+" without a token", got, 401, rcError("AGW-401", "Authorization header is not specified"))
			if got.header.Get("WWW-Authenticate") != "Bearer" {
				t.Errorf("%s: WWW-Authenticate %q", method, got.header.Get("WWW-Authenticate"))
			}
			url := base
			if method == "GET" {
				url += "/90x90"
			}
			for _, auth := range []string{"Bearer wrong", "Basic " + testToken, testToken, "Bearer " + testToken + "x"} {
				wantError(t, method+" "+auth, call(t, method, url, nil, map[string]string{"Authorization": auth}),
					401, rcError("AGW-402", "Invalid Authorization header"))
			}
		}
	})

	t.Run("rejections", func(t *testing.T) {
		before := storedKeys(store)
		var bmpData bytes.Buffer
		bmp.Encode(&bmpData, testimage.Photo(64, 64, 3))
		cases := []struct {
			what   string
			data   []byte
			ctype  string
			status int
			body   string
		}{
			{"a BMP", bmpData.Bytes(), "image/bmp", 415, rcError("ACT-330", "Unsupported image content type")},
			{"a PNG declared as GIF", pngImage(64, 64, 4), "image/gif", 415, rcError("ACT-330", "Unsupported image content type")},
			{"a truncated JPEG", first[:len(first)/2], "image/jpeg", 400, rcError("ACT-331", "Profile image not valid")},
			{"not an image", []byte("hello, world"), "image/jpeg", 415, rcError("ACT-330", "Unsupported image content type")},
			{"an empty part", nil, "image/jpeg", 400, rcError("CMN-101", "Parameter [image] value is invalid.")},
			{"more than 12 MP", flatPNG(4001, 3000), "image/png", 400, rcError("ACT-334", "Profile image file is more than 12 megapixel")},
			{"more than 10 MB", bytes.Repeat([]byte{0xff}, 10_000_001), "image/jpeg", 413, rcError("", "The image file is too large.")},
		}
		for _, c := range cases {
			wantError(t, "POST "+c.what, upload("POST", c.data, c.ctype), c.status, c.body)
			wantError(t, "PUT "+c.what, upload("PUT", c.data, c.ctype), c.status, c.body)
		}
		if after := storedKeys(store); !equalStrings(before, after) {
			t.Errorf("rejected uploads changed the store: %v, then %v", before, after)
		}
		if got := call(t, "GET", base+"/90x90", nil, nil); got.header.Get("ETag") != etags["90x90"] {
			t.Error("a rejected upload replaced the image")
		}
	})

	t.Run("update", func(t *testing.T) {
		second := pngImage(300, 500, 2)
		if got := upload("PUT", second, "image/png"); got.status != 204 {
			t.Fatalf("PUT: %d %s", got.status, got.body)
		}
		got := call(t, "GET", base, nil, map[string]string{"If-None-Match": etags["original"]})
		if got.status != 200 || got.header.Get("ETag") == etags["original"] {
			t.Fatalf("GET after PUT: %d, ETag %q (was %q)", got.status, got.header.Get("ETag"), etags["original"])
		}
		if _, w, h := decoded(t, "updated original", got.body); w != 300 || h != 500 {
			t.Errorf("updated original is %dx%d, want 300x500", w, h)
		}
		if _, w, h := decoded(t, "updated 584x584", call(t, "GET", base+"/584x584", nil, nil).body); w != 584 || h != 584 {
			t.Errorf("updated 584x584 is %dx%d", w, h)
		}
	})

	t.Run("delete", func(t *testing.T) {
		for range 2 { // a second DELETE finds nothing and answers the same
			if got := call(t, "DELETE", base, nil, nil); got.status != 204 || len(got.body) != 0 {
				t.Fatalf("DELETE: %d %s", got.status, got.body)
			}
		}
		if keys := storedKeys(store); len(keys) != 0 {
			t.Errorf("after DELETE the store holds %v", keys)
		}
		wantError(t, "GET after DELETE", call(t, "GET", base, nil, nil), 404,
			rcError("ACT-333", "Profile image is not found for scale size [original]"))
		wantError(t, "GET 90x90 after DELETE", call(t, "GET", base+"/90x90", nil, nil), 404,
			rcError("ACT-333", "Profile image is not found for scale size [90x90]"))
	})
}

// flatPNG is a black grey PNG of w×h, small however large, made row by
// row without holding its pixels.
func flatPNG(w, h int) []byte {
	chunk := func(b *bytes.Buffer, kind string, data []byte) {
		binary.Write(b, binary.BigEndian, uint32(len(data)))
		b.WriteString(kind)
		b.Write(data)
		binary.Write(b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	}
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	row := make([]byte, w+1) // filter type 0, then the pixels
	for range h {
		z.Write(row)
	}
	z.Close()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, uint32(w)), uint32(h))
	chunk(&b, "IHDR", append(ihdr, 8, 0, 0, 0, 0))
	chunk(&b, "IDAT", idat.Bytes())
	chunk(&b, "IEND", nil)
	return b.Bytes()
}

func equalStrings(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }

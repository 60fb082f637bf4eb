package httpapi

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestValidKey(t *testing.T) {
	for _, k := range []string{"ringcentral/~/1234/90x90", "zoom/alice+1@example.com/original", "a", "a=b/c_d/E-F"} {
		if !ValidKey(k) {
			t.Errorf("%q refused", k)
		}
	}
	for _, k := range []string{"", "/a", "a/", "a//b", "..", "a/../b", "./a", ".tmp-1", "a/.x", "a\x00b", "a b", "a\\b",
		"é", strings.Repeat("x", 129), strings.Repeat("a/", 16) + "a"} {
		if ValidKey(k) {
			t.Errorf("%q taken", k)
		}
	}
}

// storeContract checks what every Store promises.
func storeContract(t *testing.T, s Store) {
	ctx := context.Background()
	obj := Object{Data: []byte("\xff\xd8 pixels"), ContentType: "image/jpeg", Hash: hashHex([]byte("\xff\xd8 pixels"))}
	if _, err := s.Get(ctx, "p/u/original"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get of nothing: %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "p/u/original"); err != nil {
		t.Errorf("Delete of nothing: %v", err)
	}
	if err := s.Put(ctx, "p/u/original", obj); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "p/u/original")
	if err != nil || !bytes.Equal(got.Data, obj.Data) || got.ContentType != obj.ContentType || got.Hash != obj.Hash {
		t.Fatalf("Get: %+v %v, want %+v", got, err, obj)
	}
	got.Data[0] = 0 // the caller's copy
	replaced := Object{Data: []byte("second"), ContentType: "image/png", Hash: "h2"}
	if err := s.Put(ctx, "p/u/original", replaced); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, "p/u/original"); string(got.Data) != "second" || got.ContentType != "image/png" {
		t.Errorf("after a second Put: %+v", got)
	}
	if _, err := s.Get(ctx, "p/u"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get of a key's parent: %v, want ErrNotFound", err)
	}
	if _, err := s.Get(ctx, "p/u/original/x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get below an object: %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, "p/u/original"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "p/u/original"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v", err)
	}
	for _, bad := range []string{"../x", "p/../../x", "p/.tmp-x", "a\x00"} {
		if err := s.Put(ctx, bad, obj); !errors.Is(err, ErrBadKey) {
			t.Errorf("Put %q: %v, want ErrBadKey", bad, err)
		}
		if _, err := s.Get(ctx, bad); !errors.Is(err, ErrBadKey) {
			t.Errorf("Get %q: %v, want ErrBadKey", bad, err)
		}
		if err := s.Delete(ctx, bad); !errors.Is(err, ErrBadKey) {
			t.Errorf("Delete %q: %v, want ErrBadKey", bad, err)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Put(cancelled, "p/u/original", obj); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a cancelled context: %v", err)
	}
}

func TestMemStore(t *testing.T) { storeContract(t, &MemStore{}) }

func TestDirStore(t *testing.T) {
	s, err := OpenDirStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storeContract(t, s)
}

func TestDirStoreRefusesFilesItDidNotWrite(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenDirStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	os.MkdirAll(filepath.Join(dir, "p", "u"), 0o755)
	ctx := context.Background()
	for name, content := range map[string]string{
		"plain":     "\xff\xd8 not an object file",
		"truncated": string(objectHeader(Object{Data: []byte("12345"), ContentType: "image/png"})) + "123",
		"no end":    objectMagic + "content-type: image/png\n",
	} {
		os.WriteFile(filepath.Join(dir, "p", "u", "x"), []byte(content), 0o644)
		if _, err := s.Get(ctx, "p/u/x"); !errors.Is(err, errBadObject) {
			t.Errorf("%s: %v, want errBadObject", name, err)
		}
	}
	// A symbolic link that leads out of the directory is not followed.
	outside := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(outside, objectHeader(Object{Data: nil, ContentType: "image/png"}), 0o644)
	os.Symlink(outside, filepath.Join(dir, "p", "u", "link"))
	if _, err := s.Get(ctx, "p/u/link"); err == nil {
		t.Error("Get followed a link out of the directory")
	}
	if err := s.Put(ctx, "p/u/link", Object{Data: []byte("x")}); err != nil {
		t.Errorf("Put over a link: %v", err)
	}
	if data, _ := os.ReadFile(outside); bytes.Contains(data, []byte("length: 1")) {
		t.Error("Put wrote through a link out of the directory")
	}
}

// TestDirStoreSurvivesRestart uploads through one server, stops it, and
// reads the image back through a new server on the same directory.
func TestDirStoreSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	base := "/restapi/v1.0/account/~/extension/7/profile-image"
	first, err := OpenDirStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := newTestServer(t, Options{Store: first}, "ringcentral")
	body, form := curlForm("image", "a.jpg", "image/jpeg", jpegImage(640, 480, 9))
	if got := call(t, "POST", ts.URL+base, body, map[string]string{"Content-Type": form}); got.status != 204 {
		t.Fatalf("POST: %d %s", got.status, got.body)
	}
	before := call(t, "GET", ts.URL+base+"/195x195", nil, nil)
	ts.Close()
	first.Close()

	second, err := OpenDirStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	ts2, _ := newTestServer(t, Options{Store: second}, "ringcentral")
	after := call(t, "GET", ts2.URL+base+"/195x195", nil, nil)
	if after.status != 200 || !bytes.Equal(after.body, before.body) || after.header.Get("ETag") != before.header.Get("ETag") {
		t.Fatalf("after the restart: %d, ETag %q (before %q)", after.status, after.header.Get("ETag"), before.header.Get("ETag"))
	}
	if _, w, h := decoded(t, "after the restart", after.body); w != 195 || h != 195 {
		t.Errorf("after the restart: %dx%d", w, h)
	}
}

// TestCrashBetweenWriteAndRename stops a Put where a crash would: after
// the temporary file is written and synced, before the rename. The old
// image is still served, the temporary file is never read, and
// RemoveTemporary deletes it once it is old enough.
func TestCrashBetweenWriteAndRename(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenDirStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts, _ := newTestServer(t, Options{Store: s}, "ringcentral")
	url := ts.URL + "/restapi/v1.0/account/~/extension/7/profile-image"
	body, form := curlForm("image", "a.jpg", "image/jpeg", jpegImage(640, 480, 9))
	if got := call(t, "POST", url, body, map[string]string{"Content-Type": form}); got.status != 204 {
		t.Fatalf("POST: %d %s", got.status, got.body)
	}
	old := call(t, "GET", url, nil, nil)

	next := pngImage(100, 100, 3)
	tmp, err := s.writeTemp("ringcentral/~/7", Object{Data: next, ContentType: "image/png", Hash: hashHex(next)})
	if err != nil {
		t.Fatal(err)
	}
	// A torn temporary file, as a crash during the write leaves.
	torn, _ := s.writeTemp("ringcentral/~/7", Object{Data: next, ContentType: "image/png", Hash: hashHex(next)})
	os.Truncate(filepath.Join(dir, torn), 100)

	got := call(t, "GET", url, nil, nil)
	if got.status != 200 || !bytes.Equal(got.body, old.body) || got.header.Get("ETag") != old.header.Get("ETag") {
		t.Fatalf("after the crash: %d, ETag %q, want the old image %q", got.status, got.header.Get("ETag"), old.header.Get("ETag"))
	}
	if n, err := s.RemoveTemporary(context.Background(), time.Hour); n != 0 || err != nil {
		t.Errorf("RemoveTemporary removed %d fresh files (%v); a Put of another process may still need them", n, err)
	}
	hourAgo := time.Now().Add(-2 * time.Hour)
	for _, name := range []string{tmp, torn} {
		os.Chtimes(filepath.Join(dir, name), hourAgo, hourAgo)
	}
	if n, err := s.RemoveTemporary(context.Background(), time.Hour); n != 2 || err != nil {
		t.Errorf("RemoveTemporary removed %d files (%v), want the 2 left behind", n, err)
	}
	var left []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			left = append(left, strings.TrimPrefix(path, dir))
		}
		return nil
	})
	if len(left) != 4 || strings.Contains(strings.Join(left, " "), tempPrefix) {
		t.Errorf("files left: %v, want the four sizes", left)
	}
	if got := call(t, "GET", url, nil, nil); got.header.Get("ETag") != old.header.Get("ETag") {
		t.Error("the old image is gone after the clean-up")
	}
}

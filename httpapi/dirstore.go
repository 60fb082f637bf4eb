package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// DirStore is a Store in a directory on disk, the default of
// `profileimage serve`. A key a/b/c is the file a/b/c under the
// directory, holding a short text header (content type, hash, length)
// and the image.
//
// Every access goes through an [os.Root], so no key, and no symbolic link
// inside the directory, can reach a file outside it. Put writes a
// temporary file beside the object's, syncs it to disk and renames it over
// the old one, then syncs the directory: a reader sees the old image or the
// new one, and a crash at any point leaves the old image intact and at
// most a temporary file behind, which Get never reads (its name starts
// with a dot, which no key segment does) and [DirStore.RemoveTemporary]
// deletes.
type DirStore struct {
	root *os.Root
}

// OpenDirStore opens, and creates if need be, the store in dir.
func OpenDirStore(dir string) (*DirStore, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &DirStore{root: root}, nil
}

// Close releases the directory.
func (s *DirStore) Close() error { return s.root.Close() }

const (
	objectMagic    = "profileimage-object 1\n"
	tempPrefix     = ".tmp-"
	maxObjectBytes = 256 << 20
	maxHeaderBytes = 1 << 10
)

// errBadObject reports a file in the store that is not an object it wrote.
var errBadObject = errors.New("httpapi: not an object file of this store")

// Put stores obj under key, replacing what was there in one step.
func (s *DirStore) Put(ctx context.Context, key string, obj Object) error {
	if !ValidKey(key) {
		return ErrBadKey
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if strings.ContainsAny(obj.ContentType+obj.Hash, "\r\n") {
		return errors.New("httpapi: a content type or hash with a line break")
	}
	if len(obj.Data) > maxObjectBytes {
		return fmt.Errorf("httpapi: an object of %d bytes, more than the store's %d", len(obj.Data), maxObjectBytes)
	}
	dir := path.Dir(key)
	if err := s.root.MkdirAll(filepath.FromSlash(dir), 0o755); err != nil {
		return err
	}
	tmp, err := s.writeTemp(dir, obj)
	if err != nil {
		return err
	}
	if err := s.root.Rename(tmp, filepath.FromSlash(key)); err != nil {
		s.root.Remove(tmp)
		return err
	}
	return s.syncDir(dir)
}

// writeTemp writes obj to a new temporary file in dir, synced to disk,
// and returns its name. This is all of a Put that happens before the
// rename: a crash after it leaves the file behind and the old object as it
// was.
func (s *DirStore) writeTemp(dir string, obj Object) (string, error) {
	var random [8]byte
	rand.Read(random[:])
	name := filepath.FromSlash(path.Join(dir, tempPrefix+hex.EncodeToString(random[:])))
	f, err := s.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	_, err = f.Write(objectHeader(obj))
	if err == nil {
		_, err = f.Write(obj.Data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.root.Remove(name)
		return "", err
	}
	return name, nil
}

// syncDir makes a rename in dir durable. File systems that cannot sync a
// directory say so with EINVAL; their renames are as durable as they get.
func (s *DirStore) syncDir(dir string) error {
	d, err := s.root.Open(filepath.FromSlash(dir))
	if err != nil {
		return err
	}
	err = d.Sync()
	d.Close()
	if errors.Is(err, syscall.EINVAL) {
		return nil
	}
	return err
}

// Get reads the object under key.
func (s *DirStore) Get(ctx context.Context, key string) (Object, error) {
	if !ValidKey(key) {
		return Object{}, ErrBadKey
	}
	if err := ctx.Err(); err != nil {
		return Object{}, err
	}
	f, err := s.root.Open(filepath.FromSlash(key))
	if err != nil {
		return Object{}, notFound(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Object{}, err
	}
	if !st.Mode().IsRegular() {
		return Object{}, fmt.Errorf("%w: %s is not a file", ErrNotFound, key)
	}
	if st.Size() > maxObjectBytes+maxHeaderBytes {
		return Object{}, fmt.Errorf("%w: %s has %d bytes", errBadObject, key, st.Size())
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return Object{}, err
	}
	obj, err := parseObject(data)
	if err != nil {
		return Object{}, fmt.Errorf("%s: %w", key, err)
	}
	return obj, nil
}

// Delete removes the object under key, if any.
func (s *DirStore) Delete(ctx context.Context, key string) error {
	if !ValidKey(key) {
		return ErrBadKey
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.root.Remove(filepath.FromSlash(key))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	return err
}

// RemoveTemporary deletes the temporary files that Puts interrupted by a
// crash left behind, when they are older than olderThan (so that a Put of
// another process on the same directory keeps its file), and returns how
// many it deleted. It walks the whole directory.
func (s *DirStore) RemoveTemporary(ctx context.Context, olderThan time.Duration) (int, error) {
	cutoff := time.Now().Add(-olderThan)
	removed := 0
	err := fs.WalkDir(s.root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() || !strings.HasPrefix(d.Name(), tempPrefix) {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.ModTime().After(cutoff) {
			return nil
		}
		if err := s.root.Remove(filepath.FromSlash(name)); err == nil {
			removed++
		}
		return nil
	})
	return removed, err
}

func notFound(err error) error {
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return fmt.Errorf("%w (%v)", ErrNotFound, err)
	}
	return err
}

// objectHeader is the text before an object's bytes in its file.
func objectHeader(obj Object) []byte {
	return fmt.Appendf(nil, "%scontent-type: %s\nsha256: %s\nlength: %d\n\n",
		objectMagic, obj.ContentType, obj.Hash, len(obj.Data))
}

// parseObject reads a file that objectHeader began.
func parseObject(data []byte) (Object, error) {
	rest, ok := bytes.CutPrefix(data, []byte(objectMagic))
	if !ok {
		return Object{}, errBadObject
	}
	end := bytes.Index(rest[:min(len(rest), maxHeaderBytes)], []byte("\n\n"))
	if end < 0 {
		return Object{}, errBadObject
	}
	var obj Object
	length := -1
	for line := range strings.SplitSeq(string(rest[:end]), "\n") {
		name, value, _ := strings.Cut(line, ": ")
		switch name {
		case "content-type":
			obj.ContentType = value
		case "sha256":
			obj.Hash = value
		case "length":
			length, _ = strconv.Atoi(value)
		}
	}
	obj.Data = rest[end+2:]
	if length != len(obj.Data) {
		return Object{}, fmt.Errorf("%w: %d bytes where the header says %d", errBadObject, len(obj.Data), length)
	}
	return obj, nil
}

package httpapi

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
)

// Object is one stored image.
type Object struct {
	// Data is the encoded image.
	Data []byte
	// ContentType is its media type, such as "image/jpeg".
	ContentType string
	// Hash is the hex SHA-256 of Data; it is the image's strong ETag.
	Hash string
}

// Store keeps images by key. Put replaces an object whole: a Get that runs
// beside it returns the old object or the new one, never a mixture. Get of
// a key never put, or deleted, returns an error wrapping [ErrNotFound];
// Delete of such a key is not an error. The handlers need nothing else (no
// listing, no rename), so an object store such as S3 or GCS fits behind
// the same interface.
//
// Keys are made only by the handlers, from ids that passed [ValidKey]'s
// rules: segments of letters, digits and ._~@+=- joined by "/".
// Implementations must be safe for concurrent use.
type Store interface {
	Put(ctx context.Context, key string, obj Object) error
	Get(ctx context.Context, key string) (Object, error)
	Delete(ctx context.Context, key string) error
}

// ErrNotFound is wrapped by a Store's Get of a key that holds no object.
var ErrNotFound = errors.New("httpapi: no object under that key")

// ErrBadKey is returned by the stores of this package for a key that
// [ValidKey] refuses.
var ErrBadKey = errors.New("httpapi: not a valid store key")

// The bounds of a key.
const (
	maxSegmentBytes = 128
	maxKeySegments  = 16
)

// ValidKey reports whether key can name a stored object: 1 to 16 segments
// joined by "/", each 1 to 128 bytes of ASCII letters, digits and the
// characters . _ ~ @ + = -, and none starting with a dot (so "." and ".."
// never occur, and names starting with a dot stay free for a store's own
// temporary files).
func ValidKey(key string) bool {
	segs := strings.Split(key, "/")
	if len(segs) > maxKeySegments {
		return false
	}
	for _, s := range segs {
		if !validSegment(s) {
			return false
		}
	}
	return true
}

// validSegment reports whether s can be one segment of a key. Path ids
// and size names go through it before they reach a key.
func validSegment(s string) bool {
	if len(s) == 0 || len(s) > maxSegmentBytes || s[0] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("._~@+=-", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// MemStore is a Store in memory, for tests and for a service whose images
// need not outlive it. The zero value is ready to use.
type MemStore struct {
	mu      sync.RWMutex
	objects map[string]Object
}

// Put stores a copy of obj under key.
func (m *MemStore) Put(ctx context.Context, key string, obj Object) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !ValidKey(key) {
		return ErrBadKey
	}
	obj.Data = bytes.Clone(obj.Data)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.objects == nil {
		m.objects = map[string]Object{}
	}
	m.objects[key] = obj
	return nil
}

// Get returns a copy of the object under key.
func (m *MemStore) Get(ctx context.Context, key string) (Object, error) {
	if err := ctx.Err(); err != nil {
		return Object{}, err
	}
	if !ValidKey(key) {
		return Object{}, ErrBadKey
	}
	m.mu.RLock()
	obj, ok := m.objects[key]
	m.mu.RUnlock()
	if !ok {
		return Object{}, ErrNotFound
	}
	obj.Data = bytes.Clone(obj.Data)
	return obj, nil
}

// Delete removes the object under key, if any.
func (m *MemStore) Delete(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !ValidKey(key) {
		return ErrBadKey
	}
	m.mu.Lock()
	delete(m.objects, key)
	m.mu.Unlock()
	return nil
}

// Len returns how many objects m holds.
func (m *MemStore) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.objects)
}

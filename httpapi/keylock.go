package httpapi

import (
	"context"
	"sync"
)

// keyLocks serializes the writes of one image within this process: the
// Puts of one upload, or the Deletes of one DELETE, run one set at a time,
// so that two uploads of the same image at once cannot leave the sizes of
// one beside the original of the other. Servers sharing an object store
// do not share these locks; there the last writer of each size wins.
type keyLocks struct {
	mu    sync.Mutex
	locks map[string]*keyLock
}

type keyLock struct {
	token chan struct{} // holds one value while the lock is free
	users int           // holders and waiters; the entry goes when none is left
}

// lock takes the lock of key, or returns ctx's error when ctx ends first.
func (k *keyLocks) lock(ctx context.Context, key string) error {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = map[string]*keyLock{}
	}
	l := k.locks[key]
	if l == nil {
		l = &keyLock{token: make(chan struct{}, 1)}
		l.token <- struct{}{}
		k.locks[key] = l
	}
	l.users++
	k.mu.Unlock()
	select {
	case <-l.token:
		return nil
	case <-ctx.Done():
		k.leave(key, l)
		return ctx.Err()
	}
}

// unlock releases the lock of key that lock took.
func (k *keyLocks) unlock(key string) {
	k.mu.Lock()
	l := k.locks[key]
	k.mu.Unlock()
	l.token <- struct{}{}
	k.leave(key, l)
}

func (k *keyLocks) leave(key string, l *keyLock) {
	k.mu.Lock()
	defer k.mu.Unlock()
	l.users--
	if l.users == 0 {
		delete(k.locks, key)
	}
}

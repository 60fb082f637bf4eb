package scale

import "runtime"

// StreamAlways makes f resample while rows arrive even when the resample is
// too small to share, so that tests on small images take the streaming path;
// not a source that Done resamples whole.
func StreamAlways(f *Feed) { f.stream = f.whole == nil }

// Streamed reports whether f resampled its planes while rows arrived.
func Streamed(f *Feed) bool { return f.started }

// Settle waits until every plane of a streaming f has gone as far as the
// rows reported final let it: each is waiting for rows or has ended. A
// plane that reads a row too early then reads it before it is written.
func Settle(f *Feed) {
	for f.started {
		f.mu.Lock()
		idle := f.idle
		f.mu.Unlock()
		if idle == f.tasks.n {
			return
		}
		runtime.Gosched()
	}
}

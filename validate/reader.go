package validate

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/profileimage/profileimage/vendors"
)

// sniffPrefix is how much InspectReader reads before deciding whether the
// rest is worth reading: enough for every signature and the text sniffer.
const sniffPrefix = 4 * textSniffLimit

// InspectReader reads an upload from r and inspects it. It returns the
// bytes read, for the decoder, so that a caller reads the upload once.
//
// It reads a first block of up to 32 KiB and stops there when the upload is
// empty or not a decodable format. Otherwise it reads to the end, but never
// more than maxBytes+1 bytes: a longer upload is rejected with
// too-many-bytes without reading the rest. maxBytes <= 0 means
// DefaultLimits().MaxBytes. The buffer grows by doubling, so it never holds
// more than twice what was read.
//
// Errors are those of [Inspect], a too-many-bytes [*Error], or the read
// error of r, wrapped with how many bytes came before it (errors.Is finds
// it; io.EOF is the normal end and not an error). A reader that returns no
// bytes and no error 100 times in a row fails with [io.ErrNoProgress].
func InspectReader(r io.Reader, maxBytes int64) (Info, []byte, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultLimits().MaxBytes
	}
	maxBytes = min(maxBytes, math.MaxInt64-1)
	limit := maxBytes + 1
	buf := make([]byte, 0, min(limit, sniffPrefix))
	buf, err := readUpTo(r, buf, min(limit, sniffPrefix))
	if err != nil {
		return Info{Bytes: int64(len(buf))}, buf, readError(len(buf), err)
	}
	if int64(len(buf)) == min(limit, sniffPrefix) && int64(len(buf)) < limit {
		if sig, _ := sniff(buf); sig != nil && sig.format != "" {
			buf, err = readUpTo(r, buf, limit)
			if err != nil {
				return Info{Bytes: int64(len(buf))}, buf, readError(len(buf), err)
			}
		}
	}
	if int64(len(buf)) > maxBytes {
		sig, _ := sniff(buf)
		in := Info{Bytes: int64(len(buf))}
		if sig != nil {
			in.Format = sig.format
		}
		return in, buf, inspectError(vendors.ReasonTooManyBytes, "more than "+strconv.FormatInt(maxBytes, 10)+" bytes")
	}
	in, err := Inspect(buf)
	return in, buf, err
}

// readError wraps an error of the upload's reader, for errors.Is.
func readError(n int, err error) error {
	return fmt.Errorf("validate: reading the upload after %d bytes: %w", n, err)
}

// readUpTo appends from r to buf until buf holds n bytes or r ends. A
// reader that keeps returning nothing fails with io.ErrNoProgress.
func readUpTo(r io.Reader, buf []byte, n int64) ([]byte, error) {
	for empty := 0; int64(len(buf)) < n; {
		if len(buf) == cap(buf) {
			grown := make([]byte, len(buf), min(n, max(int64(2*cap(buf)), 512)))
			copy(grown, buf)
			buf = grown
		}
		k, err := r.Read(buf[len(buf):min(int64(cap(buf)), n)])
		buf = buf[:len(buf)+k]
		if empty = empty + 1; k > 0 {
			empty = 0
		} else if err == nil && empty >= 100 {
			return buf, io.ErrNoProgress
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

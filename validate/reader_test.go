package validate

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/profileimage/profileimage/vendors"
)

// endless reads head and then zero bytes forever, counting what it gave.
type endless struct {
	head []byte
	read int64
}

func (r *endless) Read(p []byte) (int, error) {
	n := 0
	if r.read < int64(len(r.head)) {
		n = copy(p, r.head[r.read:])
	}
	clear(p[n:])
	r.read += int64(len(p))
	return len(p), nil
}

// stalling returns no bytes and no error, stalls times (forever when
// stalls < 0), then reads from rest.
type stalling struct {
	stalls, calls int
	rest          io.Reader
}

func (r *stalling) Read(p []byte) (int, error) {
	if r.stalls < 0 || r.calls < r.stalls {
		r.calls++
		return 0, nil
	}
	return r.rest.Read(p)
}

func reason(err error) vendors.Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// TestInspectReaderReadError: a read error, before or after the first
// 32 KiB, comes back wrapped (errors.Is finds it) with the bytes read so
// far, and is not a rejection.
func TestInspectReaderReadError(t *testing.T) {
	boom := errors.New("connection reset")
	jpeg := append([]byte{0xff, 0xd8, 0xff}, make([]byte, 40<<10)...)
	for _, n := range []int{0, 3, 1000, sniffPrefix, sniffPrefix + 1, len(jpeg)} {
		info, data, err := InspectReader(io.MultiReader(bytes.NewReader(jpeg[:n]), iotest.ErrReader(boom)), 1<<20)
		if !errors.Is(err, boom) || err == boom {
			t.Errorf("failing after %d bytes: err = %v, want %v wrapped", n, err, boom)
		}
		var e *Error
		if errors.As(err, &e) {
			t.Errorf("failing after %d bytes: a read error became a rejection: %v", n, err)
		}
		if !bytes.Equal(data, jpeg[:n]) || info.Bytes != int64(n) {
			t.Errorf("failing after %d bytes: got %d bytes, Info.Bytes %d", n, len(data), info.Bytes)
		}
	}
}

// TestInspectReaderNoProgress: a reader that returns 0, nil forever fails
// with io.ErrNoProgress after 100 calls, in the first block or after it; a
// reader that stalls fewer times in a row is read to the end.
func TestInspectReaderNoProgress(t *testing.T) {
	jpeg := append([]byte{0xff, 0xd8, 0xff}, make([]byte, sniffPrefix)...)
	for _, n := range []int{0, 100, sniffPrefix + 3} {
		stall := &stalling{stalls: -1}
		_, data, err := InspectReader(io.MultiReader(bytes.NewReader(jpeg[:n]), stall), 1<<20)
		if !errors.Is(err, io.ErrNoProgress) || len(data) != n || stall.calls != 100 {
			t.Errorf("stalling after %d bytes: err = %v after %d bytes and %d empty reads, want io.ErrNoProgress after 100", n, err, len(data), stall.calls)
		}
	}
	png := pngFile(8, 8, 8, 2)
	info, _, err := InspectReader(&stalling{stalls: 99, rest: bytes.NewReader(png)}, 1<<20)
	if err != nil || info.Format != vendors.PNG {
		t.Errorf("99 empty reads then a PNG: %+v, %v", info, err)
	}
}

// TestInspectReaderLimit: an upload longer than maxBytes is rejected with
// too-many-bytes after reading maxBytes+1 bytes, never more; one of exactly
// maxBytes is inspected; unknown bytes are not read past the first 32 KiB.
func TestInspectReaderLimit(t *testing.T) {
	jpeg := []byte{0xff, 0xd8, 0xff, 0xe0}
	for _, limit := range []int64{10, 1000, sniffPrefix - 1, sniffPrefix, sniffPrefix + 1, 1 << 20} {
		r := &endless{head: jpeg}
		info, data, err := InspectReader(r, limit)
		if reason(err) != vendors.ReasonTooManyBytes || !errors.Is(err, ErrTooManyBytes) {
			t.Errorf("max %d: err = %v, want too-many-bytes", limit, err)
		}
		if int64(len(data)) != limit+1 || r.read != limit+1 || info.Bytes != limit+1 || info.Format != vendors.JPEG {
			t.Errorf("max %d: kept %d bytes, read %d, Info %+v; want %d, %d, jpeg", limit, len(data), r.read, info, limit+1, limit+1)
		}
	}
	r := &endless{head: []byte("hello, world")}
	if _, data, err := InspectReader(r, 1<<20); reason(err) != vendors.ReasonUnsupportedFormat || len(data) != sniffPrefix || r.read != sniffPrefix {
		t.Errorf("endless text: %v after reading %d bytes, want unsupported-format after %d", err, r.read, sniffPrefix)
	}
	png := pngFile(8, 8, 8, 2)
	if info, _, err := InspectReader(bytes.NewReader(png), int64(len(png))); err != nil || info.Width != 8 {
		t.Errorf("exactly maxBytes: %+v, %v", info, err)
	}
	if _, _, err := InspectReader(bytes.NewReader(png), int64(len(png)-1)); reason(err) != vendors.ReasonTooManyBytes {
		t.Errorf("one byte over maxBytes: %v, want too-many-bytes", err)
	}
}

// TestInspectReaderEmpty: no bytes is the empty reason, whether the reader
// says io.EOF at once or after empty reads.
func TestInspectReaderEmpty(t *testing.T) {
	for name, r := range map[string]io.Reader{
		"EOF at once":           bytes.NewReader(nil),
		"EOF after empty reads": &stalling{stalls: 5, rest: bytes.NewReader(nil)},
	} {
		info, data, err := InspectReader(r, 0)
		if reason(err) != vendors.ReasonEmpty || !errors.Is(err, ErrEmpty) || len(data) != 0 || info.Bytes != 0 {
			t.Errorf("%s: %+v, %d bytes, %v; want empty", name, info, len(data), err)
		}
	}
}

// TestInspectReaderShortReads: readers that return data with io.EOF, or a
// byte at a time, give what Inspect gives for the same bytes.
func TestInspectReaderShortReads(t *testing.T) {
	png := pngFile(100, 60, 8, 6, mkChunk("tEXt", make([]byte, 40<<10)))
	want, err := Inspect(png)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]io.Reader{
		"data with EOF": iotest.DataErrReader(bytes.NewReader(png)),
		"one byte":      iotest.OneByteReader(bytes.NewReader(png)),
		"half":          iotest.HalfReader(bytes.NewReader(png)),
	} {
		info, data, err := InspectReader(r, 0)
		if err != nil || info != want || !bytes.Equal(data, png) {
			t.Errorf("%s: %+v, %v; want %+v", name, info, err, want)
		}
	}
}

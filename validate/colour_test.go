package validate_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/profileimage/profileimage/internal/icc"
	"github.com/profileimage/profileimage/validate"
)

func readColour(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "colour", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEmbeddedProfiles: the Display P3 profile is found in every
// container, the same bytes each time, and described in Info.
func TestEmbeddedProfiles(t *testing.T) {
	var first []byte
	for _, name := range []string{"p3.jpg", "p3-chunks.jpg", "p3.png", "p3.webp", "p3.tiff"} {
		data := readColour(t, name)
		in, err := validate.Inspect(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := validate.ColorProfile{Source: "icc", Name: "Display P3", Space: "RGB", Class: "display", Version: "4.3"}
		if in.ColorProfile != want {
			t.Errorf("%s: %+v, want %+v", name, in.ColorProfile, want)
		}
		c, err := validate.EmbeddedColor(data, in.Format)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if first == nil {
			first = c.ICC
		} else if !bytes.Equal(c.ICC, first) {
			t.Errorf("%s: %d profile bytes differ from p3.jpg's %d", name, len(c.ICC), len(first))
		}
	}
	in, _ := validate.Inspect(readColour(t, "cmyk.jpg"))
	if cp := in.ColorProfile; cp.Space != "CMYK" || cp.Class != "output" || cp.Name != "Press-like CMYK (lut16)" {
		t.Errorf("cmyk.jpg: %+v", cp)
	}
}

// TestMissingChunk: a JPEG whose profile lost a chunk is a good image
// with an unusable profile.
func TestMissingChunk(t *testing.T) {
	data := readColour(t, "p3-chunks.jpg")
	// Cut the second APP2 segment (chunk 1 of 3).
	i := bytes.Index(data, []byte("ICC_PROFILE\x00\x01\x03")) - 4
	n := int(binary.BigEndian.Uint16(data[i+2:]))
	cut := append(append([]byte(nil), data[:i]...), data[i+2+n:]...)
	in, err := validate.Inspect(cut)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(in.ColorProfile.Err, validate.ErrColorProfile) || in.ColorProfile.Source != "icc" {
		t.Errorf("%+v", in.ColorProfile)
	}
	if _, err := validate.EmbeddedColor(cut, in.Format); !errors.Is(err, validate.ErrColorProfile) {
		t.Errorf("EmbeddedColor: %v", err)
	}
}

// pngWith returns a small PNG with the given chunks before IDAT.
func pngWith(t *testing.T, chunks ...[]byte) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	ihdrEnd := 8 + 12 + 13
	out := append([]byte(nil), b[:ihdrEnd]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, b[ihdrEnd:]...)
}

func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(append(c, typ...), data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

func TestPNGColourChunks(t *testing.T) {
	be := func(vs ...uint32) []byte {
		var b []byte
		for _, v := range vs {
			b = binary.BigEndian.AppendUint32(b, v)
		}
		return b
	}
	for _, c := range []struct {
		name   string
		chunks [][]byte
		want   validate.ColorProfile
		gamma  float64
	}{
		{"none", nil, validate.ColorProfile{}, 0},
		{"sRGB", [][]byte{pngChunk("sRGB", []byte{0}), pngChunk("gAMA", be(45455))}, validate.ColorProfile{Source: "png", Name: "sRGB"}, 0.45455},
		{"gAMA", [][]byte{pngChunk("gAMA", be(55556))}, validate.ColorProfile{Source: "png", Name: "gAMA 0.55556"}, 0.55556},
		{"gAMA cHRM", [][]byte{pngChunk("gAMA", be(45455)), pngChunk("cHRM", be(31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000))},
			validate.ColorProfile{Source: "png", Name: "gAMA 0.45455, cHRM"}, 0.45455},
		{"bad iCCP", [][]byte{pngChunk("iCCP", []byte("name\x00\x00not zlib"))}, validate.ColorProfile{Source: "icc"}, 0},
	} {
		data := pngWith(t, c.chunks...)
		in, err := validate.Inspect(data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := in.ColorProfile
		if c.name == "bad iCCP" {
			if !errors.Is(got.Err, validate.ErrColorProfile) {
				t.Errorf("%s: %+v", c.name, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
		col, _ := validate.EmbeddedColor(data, in.Format)
		if col.Gamma != c.gamma {
			t.Errorf("%s: gamma %g, want %g", c.name, col.Gamma, c.gamma)
		}
	}
}

// TestICCPBombInspectsSmall: an iCCP that inflates to 64 MiB costs Inspect
// a bounded allocation (it keeps no more than a description needs, and
// inflates the rest only as far as the 16 MiB a profile may have), and
// both Inspect and EmbeddedColor refuse it.
func TestICCPBombInspectsSmall(t *testing.T) {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	zeros := make([]byte, 1<<20)
	for range 64 {
		w.Write(zeros)
	}
	w.Close()
	data := pngWith(t, pngChunk("iCCP", append([]byte("bomb\x00\x00"), z.Bytes()...)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	in, err := validate.Inspect(data)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Inspect allocated %d bytes", after.TotalAlloc-before.TotalAlloc)
	if n := after.TotalAlloc - before.TotalAlloc; n > 256<<10 {
		t.Errorf("Inspect allocated %d bytes", n)
	}
	if in.ColorProfile.Err == nil {
		t.Errorf("%+v: zeros are no profile", in.ColorProfile)
	}
	if _, err := validate.EmbeddedColor(data, in.Format); !errors.Is(err, validate.ErrColorProfile) {
		t.Errorf("EmbeddedColor: %v", err)
	}
}

// iccpData returns the zlib data of the iCCP chunk of the PNG b.
func iccpData(t *testing.T, b []byte) []byte {
	t.Helper()
	for p := 8; p+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[p:]))
		if string(b[p+4:p+8]) == "iCCP" {
			d := b[p+8 : p+8+n]
			return d[bytes.IndexByte(d, 0)+2:]
		}
		p += 12 + n
	}
	t.Fatal("no iCCP chunk")
	return nil
}

// TestICCPCutShort: Inspect and EmbeddedColor agree on an iCCP whose
// zlib data is cut short or damaged. Without its Adler-32 trailer the
// profile is whole and used, as Pillow uses it; cut inside the deflate
// data, what inflated is kept and icc.Parse refuses it; a wrong checksum
// makes the profile unusable in both.
func TestICCPCutShort(t *testing.T) {
	p3 := readColour(t, "p3.png")
	in, err := validate.Inspect(p3)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := validate.EmbeddedColor(p3, in.Format)
	if err != nil {
		t.Fatal(err)
	}
	z := iccpData(t, p3)
	badSum := append([]byte(nil), z...)
	badSum[len(badSum)-1] ^= 1
	for _, c := range []struct {
		name   string
		z      []byte
		usable bool // the profile inflates whole
		err    bool // both report an ErrColorProfile
	}{
		{"no trailer", z[:len(z)-4], true, false},
		{"half a trailer", z[:len(z)-2], true, false},
		{"cut in the data", z[:len(z)/2], false, false},
		{"wrong checksum", badSum, false, true},
	} {
		data := pngWith(t, pngChunk("iCCP", append([]byte("P3\x00\x00"), c.z...)))
		in, err := validate.Inspect(data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		col, err := validate.EmbeddedColor(data, in.Format)
		if got := errors.Is(err, validate.ErrColorProfile); got != c.err {
			t.Errorf("%s: EmbeddedColor's error %v", c.name, err)
		}
		if got := errors.Is(in.ColorProfile.Err, validate.ErrColorProfile); got != c.err {
			t.Errorf("%s: Inspect's profile %+v", c.name, in.ColorProfile)
		}
		if c.err {
			continue
		}
		_, perr := icc.Parse(col.ICC)
		if c.usable != (perr == nil && bytes.Equal(col.ICC, whole.ICC)) {
			t.Errorf("%s: %d of the profile's %d bytes, icc.Parse: %v", c.name, len(col.ICC), len(whole.ICC), perr)
		}
	}
}

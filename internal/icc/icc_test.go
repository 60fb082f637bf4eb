package icc_test

import (
	"encoding/binary"
	"errors"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/profileimage/profileimage/internal/icc"
	"github.com/profileimage/profileimage/internal/icc/icctest"
)

func TestHeaderAndDescription(t *testing.T) {
	for _, c := range []struct {
		file, name, space, class, version string
	}{
		{"display-p3-v4.icc", "Display P3", "RGB", "display", "4.3"},
		{"prophoto-v2.icc", "ProPhoto RGB", "RGB", "display", "2.1"},
		{"cmyk-lut-v2.icc", "Press-like CMYK (lut16)", "CMYK", "output", "2.1"},
		{"Gray.icc", "", "GRAY", "", ""},
	} {
		h, err := icc.ReadHeader(readFixture(t, c.file))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		t.Logf("%s: %q %s %s %s", c.file, h.Description, h.Space, icc.ClassName(h.Class), h.VersionString())
		if c.name != "" && (h.Description != c.name || h.Space.String() != c.space || icc.ClassName(h.Class) != c.class || h.VersionString() != c.version) {
			t.Errorf("%s: got %q %s %s %s, want %q %s %s %s", c.file, h.Description, h.Space, icc.ClassName(h.Class), h.VersionString(), c.name, c.space, c.class, c.version)
		}
	}
}

// TestSRGBIsIdentity: sRGB's own profile and a profile made from sRGB's
// numbers convert nothing, and the other spaces do.
func TestSRGBIsIdentity(t *testing.T) {
	w, r, g, b := icc.SRGBChromaticities()
	made := icctest.Matrix("sRGB made", true, w, r, g, b, icctest.SRGBPara())
	for name, data := range map[string][]byte{"sRGB.icc": readFixture(t, "sRGB.icc"), "made": made} {
		p, err := icc.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := icc.New(p)
		if err != nil {
			t.Fatal(err)
		}
		if !tr.IsIdentity() {
			t.Errorf("%s: not the identity", name)
		}
	}
	for _, name := range []string{"display-p3-v4.icc", "prophoto-v2.icc", "compatibleWithAdobeRGB1998.icc", "rgb-lut-v4.icc", "Gray.icc", "cmyk-lut-v2.icc"} {
		if transform(t, name).IsIdentity() {
			t.Errorf("%s: the identity", name)
		}
	}
}

// TestParametricCurves evaluates each para type against its formula.
func TestParametricCurves(t *testing.T) {
	for _, c := range []struct {
		fn     int
		params []float64
		f      func(x float64) float64
	}{
		{0, []float64{2.2}, func(x float64) float64 { return math.Pow(x, 2.2) }},
		{1, []float64{2, 1.5, -0.5}, func(x float64) float64 {
			if x >= 1.0/3 {
				return math.Pow(1.5*x-0.5, 2)
			}
			return 0
		}},
		{2, []float64{2, 1.5, -0.5, 0.1}, func(x float64) float64 {
			if x >= 1.0/3 {
				return math.Pow(1.5*x-0.5, 2) + 0.1
			}
			return 0.1
		}},
		{3, []float64{2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045}, func(x float64) float64 {
			if x >= 0.04045 {
				return math.Pow((x+0.055)/1.055, 2.4)
			}
			return x / 12.92
		}},
		{4, []float64{2, 0.9, 0.1, 0.5, 0.2, 0.05, 0.01}, func(x float64) float64 {
			if x >= 0.2 {
				return math.Pow(0.9*x+0.1, 2) + 0.05
			}
			return 0.5*x + 0.01
		}},
	} {
		data := icctest.Gray("para", true, icctest.Para(c.fn, c.params...))
		p, err := icc.Parse(data)
		if err != nil {
			t.Fatalf("para %d: %v", c.fn, err)
		}
		for i := 0; i <= 20; i++ {
			x := float64(i) / 20
			if got, want := p.GrayTRC.Eval(x), c.f(x); math.Abs(got-want) > 1e-4 {
				t.Errorf("para %d at %g: %g, want %g", c.fn, x, got, want)
			}
		}
	}
}

// TestTableCurve: a curv table is interpolated linearly between entries.
func TestTableCurve(t *testing.T) {
	p, err := icc.Parse(icctest.Gray("table", false, icctest.Table(3, func(x float64) float64 { return x * x })))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]float64{{0, 0}, {0.5, 0.25}, {0.25, 0.125}, {1, 1}, {0.75, 0.625}} {
		if got := p.GrayTRC.Eval(c[0]); math.Abs(got-c[1]) > 1e-4 {
			t.Errorf("at %g: %g, want %g", c[0], got, c[1])
		}
	}
}

// hostile are profiles that claim more than they hold.
func hostile() map[string][]byte {
	good := icctest.Matrix("x", true, icc.Chromaticity{X: 0.3127, Y: 0.329}, icc.Chromaticity{X: 0.64, Y: 0.33},
		icc.Chromaticity{X: 0.3, Y: 0.6}, icc.Chromaticity{X: 0.15, Y: 0.06}, icctest.Table(1024, math.Sqrt))
	m := map[string][]byte{}
	huge := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(huge[128:], 0xffffffff)
	m["tag count 2^32-1"] = huge

	// 1024 tags all pointing at one curve: overlapping is legal, and
	// must not cost more than one tag.
	many := icctest.Header{Version: 0x04300000, Class: "mntr", Space: "GRAY", PCS: "XYZ "}
	var tags []icctest.Tag
	for i := range icc.MaxTags {
		sig := "kTRC"
		if i > 0 {
			sig = string([]byte{'x', byte(i >> 8), byte(i), 'x'})
		}
		tags = append(tags, icctest.Tag{Sig: sig, Data: icctest.Table(4096, math.Sqrt)})
	}
	m["1024 overlapping tags"] = icctest.Profile(many, tags...)

	// A curve claiming 2^32-1 points in a few bytes.
	trunc := append([]byte(nil), good...)
	i := indexOf(trunc, "curv")
	binary.BigEndian.PutUint32(trunc[i+8:], 0xffffffff)
	m["curve of 2^32-1 points"] = trunc

	// CLUTs whose grids multiply to gigabytes.
	lut := icctest.Mft2(4, 2, func([]float64) [3]float64 { return [3]float64{} })
	lut[10] = 255
	m["lut16 255^4 grid"] = icctest.Profile(icctest.Header{Version: 0x02100000, Class: "prtr", Space: "CMYK", PCS: "Lab "},
		icctest.Tag{Sig: "A2B0", Data: lut})
	one := icctest.Gamma(1)
	mab := icctest.MAB(4, 2, 2, [][]byte{one, one, one, one}, func([]float64) [3]float64 { return [3]float64{} },
		[][]byte{icctest.Gamma(1), icctest.Gamma(1), icctest.Gamma(1)})
	c := int(binary.BigEndian.Uint32(mab[24:]))
	copy(mab[c:], []byte{255, 255, 255, 255})
	m["lutAtoB 255^4 grid"] = icctest.Profile(icctest.Header{Version: 0x04300000, Class: "prtr", Space: "CMYK", PCS: "Lab "},
		icctest.Tag{Sig: "A2B0", Data: mab})
	return m
}

func indexOf(b []byte, s string) int {
	for i := range len(b) - len(s) {
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

// TestHostileProfiles: each is refused (or, for the overlapping tags,
// read once), allocating little, whatever it claims.
func TestHostileProfiles(t *testing.T) {
	for name, data := range hostile() {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		p, err := icc.Parse(data)
		if err == nil {
			_, err = icc.New(p)
		}
		runtime.ReadMemStats(&after)
		start := time.Now()
		for range 100 {
			if p, err := icc.Parse(data); err == nil {
				icc.New(p)
			}
		}
		t.Logf("%s: %v (%v each)", name, err, time.Since(start)/100)
		if name == "1024 overlapping tags" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		} else if !errors.Is(err, icc.ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
			t.Errorf("%s: allocated %d bytes", name, n)
		}
	}
}

// TestTruncated: every prefix of every fixture profile parses or fails
// with an *Error, never panics.
func TestTruncated(t *testing.T) {
	for _, name := range []string{"display-p3-v4.icc", "prophoto-v2.icc", "rgb-lut-v4.icc", "cmyk-lut-v2.icc", "sRGB.icc", "Gray.icc"} {
		data := readFixture(t, name)
		step := max(1, len(data)/400)
		for n := 0; n < len(data); n += step {
			p, err := icc.Parse(data[:n])
			var e *icc.Error
			if err != nil && !errors.As(err, &e) {
				t.Fatalf("%s[:%d]: %T %v", name, n, err, err)
			}
			if err == nil {
				icc.New(p)
			}
		}
	}
}

// TestLUTEncodings: one CMYK model as lut8 (mft1, v4 Lab encoding) and
// lut16 (mft2, v2 Lab encoding) converts alike, within the 8-bit nodes'
// rounding.
func TestLUTEncodings(t *testing.T) {
	model := func(x []float64) (l, a, b float64) {
		return 100 * (1 - 0.6*x[0] - 0.3*x[1]) * (1 - 0.9*x[3]), 60 * (x[1] - x[0]), 50 * (x[2] - 0.5*x[0])
	}
	build := func(lut []byte) *icc.Transform {
		data := icctest.Profile(icctest.Header{Version: 0x02100000, Class: "prtr", Space: "CMYK", PCS: "Lab "},
			icctest.Tag{Sig: "A2B1", Data: lut})
		p, err := icc.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := icc.New(p)
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	t8 := build(icctest.Mft1(4, 9, func(x []float64) [3]float64 { l, a, b := model(x); return icctest.LabEncode(l, a, b, false) }))
	t16 := build(icctest.Mft2(4, 9, func(x []float64) [3]float64 { l, a, b := model(x); return icctest.LabEncode(l, a, b, true) }))
	worst := 0
	for c := 0; c < 256; c += 51 {
		for m := 0; m < 256; m += 51 {
			for y := 0; y < 256; y += 51 {
				for k := 0; k < 256; k += 85 {
					r1, g1, b1 := t8.CMYK(uint8(c), uint8(m), uint8(y), uint8(k))
					r2, g2, b2 := t16.CMYK(uint8(c), uint8(m), uint8(y), uint8(k))
					for _, d := range []int{int(r1) - int(r2), int(g1) - int(g2), int(b1) - int(b2)} {
						worst = max(worst, d, -d)
					}
				}
			}
		}
	}
	if worst > 4 {
		t.Errorf("lut8 and lut16 differ by up to %d/255", worst)
	}
}

package icc_test

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/icc"
	"github.com/profileimage/profileimage/internal/icc/icctest"
)

var update = flag.Bool("update", false, "rewrite the profiles in testdata that the tests make in code")

// Chromaticities of the RGB spaces of the fixtures.
var (
	d65       = icc.Chromaticity{X: 0.3127, Y: 0.3290}
	d50       = icc.Chromaticity{X: 0.3457, Y: 0.3585}
	p3Red     = icc.Chromaticity{X: 0.680, Y: 0.320}
	p3Green   = icc.Chromaticity{X: 0.265, Y: 0.690}
	p3Blue    = icc.Chromaticity{X: 0.150, Y: 0.060}
	rommRed   = icc.Chromaticity{X: 0.7347, Y: 0.2653}
	rommGreen = icc.Chromaticity{X: 0.1596, Y: 0.8404}
	rommBlue  = icc.Chromaticity{X: 0.0366, Y: 0.0001}
)

// madeProfiles are the fixture profiles made in code (see
// testdata/README.md): the file name and the bytes.
func madeProfiles() map[string][]byte {
	return map[string][]byte{
		// Display P3 as Apple writes it: v4, sRGB's curve as para type 3,
		// D65 primaries adapted to D50, chad.
		"display-p3-v4.icc": icctest.DisplayP3(),
		// ProPhoto (ROMM RGB): v2, D50 primaries, gamma 1.8 as a curv gamma.
		"prophoto-v2.icc": icctest.Matrix("ProPhoto RGB", false, d50, rommRed, rommGreen, rommBlue, icctest.Gamma(1.8)),
		// A press-like CMYK output profile: v2, A2B1 as lut16 (mft2) to Lab
		// over a 7-point grid of a small ink model.
		"cmyk-lut-v2.icc": cmykProfile(),
		// An RGB profile with no matrix: v4, A2B0 as lutAtoB (mAB) from
		// gamma 2.2 A curves through a 9-point CLUT of P3-like primaries
		// to Lab, B curves identity.
		"rgb-lut-v4.icc": rgbLUTProfile(),
	}
}

// inkModel is the CMYK colour of the press-like profile, as D50 L*a*b*:
// dot gain on each ink, cyan and magenta impure, a warm paper white.
func inkModel(x []float64) (l, a, b float64) {
	gain := func(v float64) float64 { return 1 - math.Pow(1-v, 1.6) }
	c, m, y, k := gain(x[0]), gain(x[1]), gain(x[2]), gain(x[3])
	r := (1 - c) * (1 - 0.08*m)
	g := (1 - m) * (1 - 0.25*c) * (1 - 0.05*y)
	bl := (1 - y) * (1 - 0.15*m) * (1 - 0.1*c)
	shade := 1 - 0.92*k
	paper := [3]float64{0.96, 0.95, 0.90}
	lin := [3]float64{paper[0] * r * shade, paper[1] * g * shade, paper[2] * bl * shade}
	// Linear sRGB (D65) to D50 XYZ.
	return xyzLab(icc.XYZ{
		X: 0.4360747*lin[0] + 0.3850649*lin[1] + 0.1430804*lin[2],
		Y: 0.2225045*lin[0] + 0.7168786*lin[1] + 0.0606169*lin[2],
		Z: 0.0139322*lin[0] + 0.0971045*lin[1] + 0.7141733*lin[2],
	})
}

func cmykProfile() []byte {
	lut := icctest.Mft2(4, 7, func(x []float64) [3]float64 {
		l, a, b := inkModel(x)
		return icctest.LabEncode(l, a, b, true)
	})
	l, a, b := inkModel([]float64{0, 0, 0, 0})
	wx := labXYZ(l, a, b)
	return icctest.Profile(icctest.Header{Version: 0x02100000, Class: "prtr", Space: "CMYK", PCS: "Lab "},
		icctest.Tag{Sig: "desc", Data: icctest.Desc("Press-like CMYK (lut16)")},
		icctest.Tag{Sig: "wtpt", Data: icctest.XYZ(wx)},
		icctest.Tag{Sig: "A2B1", Data: lut}, icctest.Tag{Sig: "A2B0", Data: lut})
}

func rgbLUTProfile() []byte {
	p, err := icc.FromChromaticities("", d65, p3Red, p3Green, p3Blue, icc.GammaCurve(1))
	if err != nil {
		panic(err)
	}
	c := p.Colorants
	lut := icctest.MAB(3, 9, 2,
		[][]byte{icctest.Para(0, 2.2), icctest.Para(0, 2.2), icctest.Para(0, 2.2)},
		func(x []float64) [3]float64 {
			xyz := icc.XYZ{
				X: c[0].X*x[0] + c[1].X*x[1] + c[2].X*x[2],
				Y: c[0].Y*x[0] + c[1].Y*x[1] + c[2].Y*x[2],
				Z: c[0].Z*x[0] + c[1].Z*x[1] + c[2].Z*x[2],
			}
			l, a, b := xyzLab(xyz)
			return icctest.LabEncode(l, a, b, false)
		},
		[][]byte{icctest.Gamma(1), icctest.Gamma(1), icctest.Gamma(1)})
	return icctest.Profile(icctest.Header{Version: 0x04300000, Class: "mntr", Space: "RGB ", PCS: "Lab "},
		icctest.Tag{Sig: "desc", Data: icctest.MLUC("Wide RGB (lutAtoB)")},
		icctest.Tag{Sig: "wtpt", Data: icctest.XYZ(icc.D50)},
		icctest.Tag{Sig: "A2B0", Data: lut})
}

func xyzLab(v icc.XYZ) (l, a, b float64) {
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(v.X/icc.D50.X), f(v.Y/icc.D50.Y), f(v.Z/icc.D50.Z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

func labXYZ(l, a, b float64) icc.XYZ {
	fy := (l + 16) / 116
	fx, fz := fy+a/500, fy-b/200
	inv := func(t float64) float64 {
		if t > 6.0/29 {
			return t * t * t
		}
		return 3 * 36.0 / 841 * (t - 4.0/29)
	}
	return icc.XYZ{X: icc.D50.X * inv(fx), Y: icc.D50.Y * inv(fy), Z: icc.D50.Z * inv(fz)}
}

// TestMadeProfiles keeps the committed profiles equal to what the code
// makes (go test -run TestMadeProfiles -update rewrites them).
func TestMadeProfiles(t *testing.T) {
	for name, data := range madeProfiles() {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(data) {
			t.Errorf("%s differs from what the code makes: run go test -run TestMadeProfiles -update", name)
		}
	}
}

package fuzz

import (
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/profileimage/profileimage/internal/icc"
	"github.com/profileimage/profileimage/internal/icc/icctest"
	"github.com/profileimage/profileimage/validate"
)

// iccSeeds returns the profiles of internal/icc's testdata and a few made
// in code: matrix/TRC v2 and v4, gray, lut16, lutAtoB, and damaged ones.
func iccSeeds() [][]byte {
	var seeds [][]byte
	names, _ := filepath.Glob(filepath.Join("..", "internal", "icc", "testdata", "*.icc"))
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil {
			seeds = append(seeds, data)
		}
	}
	w, r, g, b := icc.SRGBChromaticities()
	seeds = append(seeds,
		icctest.Matrix("v2 table", false, w, r, g, b, icctest.Table(256, math.Sqrt)),
		icctest.Matrix("v4 para 4", true, w, r, g, b, icctest.Para(4, 2, 0.9, 0.1, 0.5, 0.2, 0.05, 0.01)),
		icctest.Gray("gray", true, icctest.Gamma(2.2)),
		icctest.Profile(icctest.Header{Version: 0x02100000, Class: "prtr", Space: "CMYK", PCS: "Lab "},
			icctest.Tag{Sig: "A2B0", Data: icctest.Mft2(4, 3, func(x []float64) [3]float64 { return [3]float64{1 - x[3], 0.5, 0.5} })}),
		icctest.Profile(icctest.Header{Version: 0x04300000, Class: "mntr", Space: "RGB ", PCS: "XYZ "},
			icctest.Tag{Sig: "A2B0", Data: icctest.MAB(3, 3, 1, [][]byte{icctest.Gamma(2), icctest.Gamma(2), icctest.Gamma(2)},
				func(x []float64) [3]float64 { return [3]float64{x[0] / 2, x[1] / 2, x[2] / 2} },
				[][]byte{icctest.SRGBPara(), icctest.SRGBPara(), icctest.SRGBPara()})}),
	)
	if len(seeds) > 0 {
		huge := append([]byte(nil), seeds[0]...)
		binary.BigEndian.PutUint32(huge[128:], 0xffffffff)
		seeds = append(seeds, huge, seeds[0][:len(seeds[0])/2])
	}
	return seeds
}

// FuzzICC checks the parser and the transforms: no panic, every error an
// *icc.Error, and two transforms made from one profile convert alike (no
// state leaks between them).
func FuzzICC(f *testing.F) {
	for _, s := range iccSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := icc.Parse(data)
		var e *icc.Error
		if err != nil {
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *icc.Error", err, err)
			}
			return
		}
		tr, err := icc.New(p)
		if err != nil {
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not an *icc.Error", err, err)
			}
			return
		}
		tr.IsIdentity()
		again, err := icc.New(p)
		if err != nil {
			t.Fatalf("a second transform of the same profile: %v", err)
		}
		for v := 0; v < 256; v += 51 {
			c := uint8(v)
			switch tr.Inputs() {
			case 1:
				if tr.Gray(c) != again.Gray(c) {
					t.Fatal("two transforms of one profile differ")
				}
			case 3:
				r1, g1, b1 := tr.RGB(c, 255-c, c/2)
				r2, g2, b2 := again.RGB(c, 255-c, c/2)
				if r1 != r2 || g1 != g2 || b1 != b2 {
					t.Fatal("two transforms of one profile differ")
				}
			case 4:
				r1, g1, b1 := tr.CMYK(c, 255-c, c/2, c/3)
				r2, g2, b2 := again.CMYK(c, 255-c, c/2, c/3)
				if r1 != r2 || g1 != g2 || b1 != b2 {
					t.Fatal("two transforms of one profile differ")
				}
			}
		}
	})
}

// colourSeeds returns the colour tests' uploads: a Display P3 profile in
// a JPEG (one chunk and three out of order), PNG, WebP and TIFF, and a CMYK
// JPEG with a LUT profile.
func colourSeeds() [][]byte {
	names, _ := filepath.Glob(filepath.Join("..", "validate", "testdata", "colour", "*.*"))
	var seeds [][]byte
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil && filepath.Ext(name) != ".md" {
			seeds = append(seeds, data)
		}
	}
	return seeds
}

// FuzzEmbeddedColor checks each container's profile extraction: no
// panic, errors only of the ErrColorProfile kind, a profile no larger
// than icc.MaxSize, and Inspect's description agreeing with it.
func FuzzEmbeddedColor(f *testing.F) {
	for _, s := range append(colourSeeds(), imageSeeds(f, 16<<10)...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := validate.Inspect(data)
		if err != nil {
			return
		}
		c, err := validate.EmbeddedColor(data, info.Format)
		if err != nil && !errors.Is(err, validate.ErrColorProfile) {
			t.Fatalf("error %v is not an ErrColorProfile", err)
		}
		if len(c.ICC) > icc.MaxSize {
			t.Fatalf("a profile of %d bytes", len(c.ICC))
		}
		cp := info.ColorProfile
		if cp.Source == "icc" && cp.Err == nil && c.ICC == nil {
			t.Fatalf("Inspect found a profile that EmbeddedColor does not: %+v", cp)
		}
		if c.ICC != nil {
			if p, err := icc.Parse(c.ICC); err == nil {
				if tr, err := icc.New(p); err == nil {
					tr.IsIdentity()
				}
			}
		}
	})
}

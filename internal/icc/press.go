package icc

import (
	_ "embed"
	"encoding/binary"
	"sync"
)

// fogra39 is the CMYK to Lab grid of FOGRA39 (ISO 12647-2 offset on coated
// paper) at the measured chart's own levels: see press/make.py.
//
//go:embed press/fogra39.bin
var fogra39 []byte

// The grid's levels, in percent of ink: C, M and Y, then K.
var (
	pressCMY = []float64{0, 20, 40, 70, 100}
	pressK   = []float64{0, 20, 40, 60, 80, 100}
)

// Press returns the conversion to sRGB of CMYK with no profile, as
// printed by the standard press condition FOGRA39 (ISO 12647-2 offset on
// coated paper), relative colorimetric: what a CMYK upload without a
// profile is taken to be. libvips takes such uploads through a built-in
// press profile too (its own "cmyk" profile, which it ships and we may
// not); FOGRA39's measurements, which are free, are the nearest standard.
// The transform is made once and shared.
func Press() *Transform { return press() }

var press = sync.OnceValue(func() *Transform {
	var grid [MaxInputs]int
	grid[0], grid[1], grid[2], grid[3] = len(pressCMY), len(pressCMY), len(pressCMY), len(pressK)
	clut, _, err := newCLUT(4, 3, grid, 2, fogra39, -1)
	if err != nil {
		panic("icc: the embedded FOGRA39 grid is damaged: " + err.Error())
	}
	lut := &LUT{In: 4, Out: 3, CLUT: clut,
		A: []Curve{levels(pressCMY), levels(pressCMY), levels(pressCMY), levels(pressK)},
		B: []Curve{{}, {}, {}}}
	return newLink(lut, PCSLab, cmykGrid)
})

// levels is the curve that maps ink in [0, 1] onto the grid coordinate of
// a CLUT whose nodes lie at the given levels (in percent): piecewise
// linear, as a 1024-entry table.
func levels(at []float64) Curve {
	const n = 1024
	t := make([]byte, 2*n)
	for i := range n {
		v := 100 * float64(i) / (n - 1)
		j := 0
		for j < len(at)-2 && v > at[j+1] {
			j++
		}
		pos := (float64(j) + (v-at[j])/(at[j+1]-at[j])) / float64(len(at)-1)
		binary.BigEndian.PutUint16(t[2*i:], uint16(clamp01(pos)*65535+0.5))
	}
	return tableCurve(t, n, 2)
}

package scale

import "math"

// Kernel is a resampling filter, passed by value so that no caller can change
// a filter that others use.
//
// At is the filter's weight at distance t from a sample, in units of source
// pixels (widened by the scale factor when shrinking). It is only called with
// t in [0, Support] and must return a finite value. A Support of 0 selects
// nearest-neighbour sampling and At is not called. The zero Kernel means
// [Lanczos3].
type Kernel struct {
	Name    string
	Support float64
	At      func(t float64) float64
}

// Lanczos3 is the Lanczos filter with three lobes: sharp, little aliasing,
// slight ringing at hard edges. It is the default and the slowest built-in
// kernel (support 3).
var Lanczos3 = defaultKernel

// defaultKernel is what the zero Kernel means: Lanczos3 as this package
// defines it, whatever a caller assigns to the variable Lanczos3.
var defaultKernel = Kernel{Name: "lanczos3", Support: 3, At: lanczos3}

// CatmullRom is the cubic filter of Mitchell and Netravali with B=0, C=0.5:
// nearly as sharp as Lanczos3 at two thirds of its cost (support 2).
var CatmullRom = Kernel{Name: "catmullrom", Support: 2, At: catmullRom}

// Linear is the tent (bilinear) filter: soft, cheap (support 1).
var Linear = Kernel{Name: "linear", Support: 1, At: linear}

// Box averages the source pixels that each destination pixel covers (area
// averaging): when shrinking it is cheap and free of ringing, but softer than
// the cubic filters; when enlarging it replicates pixels (support 1/2).
var Box = Kernel{Name: "box", Support: 0.5, At: box}

// Nearest picks the single nearest source pixel: the fastest and the lowest
// quality (it aliases). Its Support is 0, the marker of nearest-neighbour
// sampling.
var Nearest = Kernel{Name: "nearest", Support: 0, At: nearest}

// Kernels returns the built-in kernels, from the sharpest and slowest to the
// fastest: Lanczos3, CatmullRom, Linear, Box and Nearest.
func Kernels() []Kernel { return []Kernel{Lanczos3, CatmullRom, Linear, Box, Nearest} }

func isZeroKernel(k Kernel) bool { return k.Name == "" && k.Support == 0 && k.At == nil }

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	x *= math.Pi
	return math.Sin(x) / x
}

func lanczos3(t float64) float64 {
	t = math.Abs(t)
	if t >= 3 {
		return 0
	}
	return sinc(t) * sinc(t/3)
}

func catmullRom(t float64) float64 {
	t = math.Abs(t)
	switch {
	case t < 1:
		return (1.5*t-2.5)*t*t + 1
	case t < 2:
		return ((-0.5*t+2.5)*t-4)*t + 2
	}
	return 0
}

func linear(t float64) float64 {
	t = math.Abs(t)
	if t < 1 {
		return 1 - t
	}
	return 0
}

func box(t float64) float64 {
	if math.Abs(t) <= 0.5 {
		return 1
	}
	return 0
}

func nearest(t float64) float64 {
	if t == 0 {
		return 1
	}
	return 0
}

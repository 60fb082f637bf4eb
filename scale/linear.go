package scale

import (
	"math"
	"sync"
)

// decodeTable maps a 16-bit sRGB-encoded value to 16-bit linear light. It is
// built once, on first use, and never changes.
var decodeTable = sync.OnceValue(func() *[1 << 16]uint16 {
	var t [1 << 16]uint16
	for i := range t {
		t[i] = uint16(math.Round(srgbToLinear(float64(i)/0xffff) * 0xffff))
	}
	return &t
})

// encodeTable maps a 16-bit linear value to 8-bit sRGB. It is built once,
// on first use, and never changes.
var encodeTable = sync.OnceValue(func() *[1 << 16]uint8 {
	var t [1 << 16]uint8
	for i := range t {
		t[i] = uint8(math.Round(linearToSRGB(float64(i)/0xffff) * 0xff))
	}
	return &t
})

func srgbToLinear(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow(float64(v+0.055)/1.055, 2.4)
}

func linearToSRGB(v float64) float64 {
	if v <= 0.0031308 {
		return float64(v * 12.92)
	}
	return float64(1.055*math.Pow(v, 1/2.4)) - 0.055
}

// encodeSRGB turns a premultiplied linear value c with alpha a (both 16-bit,
// c <= a, a > 0) into an unpremultiplied 8-bit sRGB value.
func encodeSRGB(c, a int64) uint8 {
	return encodeTable()[min(c*0xffff/a, 0xffff)]
}

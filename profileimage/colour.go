package profileimage

import (
	"fmt"
	"image"
	"math"
	"math/bits"
	"runtime"
	"strconv"
	"sync"

	"github.com/profileimage/profileimage/internal/icc"
	"github.com/profileimage/profileimage/internal/ycc"
	"github.com/profileimage/profileimage/validate"
)

// colour is the conversion of an upload's colours to sRGB.
type colour struct {
	t    *icc.Transform
	step Step // "converted (Display P3 to sRGB)"
	// gray is t applied to each gray level: how a gray image converts
	// (also under a PNG gAMA/cHRM conversion, which is made for RGB), and
	// how each channel of an RGB image under a gray profile does (a gray
	// PNG with alpha decodes as RGB).
	gray [256]uint8
	// workers is how many goroutines a conversion may use.
	workers int
}

// prepareColour makes the conversion of the upload's colours to sRGB, or
// returns nil when they are sRGB already: no profile, an sRGB one, or one
// that converts no colour by more than 1/255 (then the pixels are left
// exactly as they are). A profile that cannot be used is ignored, with
// the step that says why. CMYK with no usable profile is taken as printed
// by the standard press condition FOGRA39 (see icc.Press). A conversion
// uses up to workers goroutines (0: GOMAXPROCS).
func prepareColour(data []byte, info validate.Info, workers int) (*colour, []Step) {
	col, steps := embeddedColour(data, info)
	if col == nil && channels(info.ColorModel) == 4 {
		col = &colour{t: icc.Press(), step: Step{OpConverted, "CMYK without a usable profile as FOGRA39 to sRGB"}}
	}
	if col == nil {
		return nil, steps
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	col.workers = workers
	for v := range 256 {
		switch col.t.Inputs() {
		case 1:
			col.gray[v] = col.t.Gray(uint8(v))
		case 3:
			_, col.gray[v], _ = col.t.RGB(uint8(v), uint8(v), uint8(v))
		}
	}
	return col, steps
}

// embeddedColour makes the conversion of the upload's own profile, as
// prepareColour describes.
func embeddedColour(data []byte, info validate.Info) (*colour, []Step) {
	cp := info.ColorProfile
	if cp.Source == "" {
		return nil, nil
	}
	ignored := func(why string) (*colour, []Step) {
		return nil, []Step{{OpProfileIgnored, why}}
	}
	if cp.Err != nil {
		return ignored(cp.Err.Error())
	}
	c, err := validate.EmbeddedColor(data, info.Format)
	if err != nil {
		return ignored(err.Error())
	}
	var p *icc.Profile
	name := cp.Name
	if c.ICC != nil {
		if p, err = icc.Parse(c.ICC); err != nil {
			return ignored(err.Error())
		}
		if p.Description != "" {
			name = p.Description
		}
		if name == "" {
			name = "ICC profile " + cp.Space
		}
	} else if p, err = pngProfile(c); p == nil {
		if err != nil {
			return ignored(err.Error())
		}
		return nil, nil
	}
	t, err := icc.New(p)
	if err != nil {
		return ignored(err.Error())
	}
	fromPNG := c.ICC == nil
	if want := channels(info.ColorModel); t.Inputs() != want && !(fromPNG && want == 1) {
		return ignored("a profile of " + strconv.Itoa(t.Inputs()) + " channels for an image of " + strconv.Itoa(want))
	}
	if t.IsIdentity() {
		return nil, nil
	}
	return &colour{t: t, step: Step{OpConverted, name + " to sRGB"}}, nil
}

// pngProfile makes the profile of PNG's gAMA and cHRM chunks, or nil
// when they describe sRGB (an sRGB chunk, or sRGB's primaries with its
// gamma of 1/2.2 or none, as browsers take them).
func pngProfile(c validate.Color) (*icc.Profile, error) {
	if c.SRGB || c.Gamma == 0 && c.Chromaticities == nil {
		return nil, nil
	}
	w, r, g, b := icc.SRGBChromaticities()
	if ch := c.Chromaticities; ch != nil {
		w, r, g, b = icc.Chromaticity{X: ch[0], Y: ch[1]}, icc.Chromaticity{X: ch[2], Y: ch[3]},
			icc.Chromaticity{X: ch[4], Y: ch[5]}, icc.Chromaticity{X: ch[6], Y: ch[7]}
	}
	sw, sr, sg, sb := icc.SRGBChromaticities()
	srgbPrimaries := nearXY(w, sw) && nearXY(r, sr) && nearXY(g, sg) && nearXY(b, sb)
	curve := icc.SRGBCurve()
	if c.Gamma != 0 {
		if srgbPrimaries && math.Abs(c.Gamma-1/2.2) < 0.01 {
			return nil, nil
		}
		curve = icc.GammaCurve(1 / c.Gamma)
	} else if srgbPrimaries {
		return nil, nil
	}
	return icc.FromChromaticities(c.PNGName(), w, r, g, b, curve)
}

func nearXY(a, b icc.Chromaticity) bool {
	return math.Abs(a.X-b.X) < 0.005 && math.Abs(a.Y-b.Y) < 0.005
}

// channels is how many channels a profile for this colour model has.
func channels(m validate.ColorModel) int {
	switch m {
	case validate.ColorGray:
		return 1
	case validate.ColorCMYK, validate.ColorYCCK:
		return 4
	}
	return 3
}

// beforeResample reports whether the conversion must be made on the
// decoded image rather than on the outputs: CMYK, which the resampler
// would turn into RGB without the profile.
func (c *colour) beforeResample() bool { return c != nil && c.t.Inputs() == 4 }

// convertCMYK converts a decoded CMYK image to opaque RGBA.
func (c *colour) convertCMYK(m *image.CMYK) *image.RGBA {
	out := image.NewRGBA(m.Rect)
	for y := range m.Rect.Dy() {
		src := m.Pix[y*m.Stride : y*m.Stride+4*m.Rect.Dx()]
		dst := out.Pix[y*out.Stride:]
		for i := 0; i+3 < len(src); i += 4 {
			dst[i], dst[i+1], dst[i+2] = c.t.CMYK(src[i], src[i+1], src[i+2], src[i+3])
			dst[i+3] = 0xff
		}
	}
	return out
}

// convert converts the part r of img in place (the image inside an
// output's pad, or all of it), and reports whether it could: the
// resampler gives *image.YCbCr, *image.Gray and *image.NRGBA, and the
// decoders *image.RGBA.
func (c *colour) convert(img image.Image, r image.Rectangle) bool {
	r = r.Intersect(img.Bounds())
	if r.Empty() {
		return true
	}
	if m, ok := img.(*image.Gray); ok {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			row := m.Pix[m.PixOffset(r.Min.X, y):m.PixOffset(r.Max.X, y)]
			for i, v := range row {
				row[i] = c.gray[v]
			}
		}
		return true
	}
	var pix []byte
	var stride int
	switch m := img.(type) {
	case *image.YCbCr:
		if c.t.Inputs() != 3 {
			return false
		}
		c.convertYCbCr(m, r, c.workers)
		return true
	case *image.NRGBA:
		pix, stride = m.Pix[m.PixOffset(r.Min.X, r.Min.Y):], m.Stride
	case *image.RGBA:
		pix, stride = m.Pix[m.PixOffset(r.Min.X, r.Min.Y):], m.Stride
	default:
		return false
	}
	for y := range r.Dy() {
		row := pix[y*stride : y*stride+4*r.Dx()]
		switch c.t.Inputs() {
		case 3:
			c.t.RGBRow(row, 4)
		case 1:
			for i := 0; i+3 < len(row); i += 4 {
				row[i], row[i+1], row[i+2] = c.gray[row[i]], c.gray[row[i+1]], c.gray[row[i+2]]
			}
		default:
			return false
		}
	}
	return true
}

// convertYCbCr converts the chroma cells of m that r touches: each pixel
// through RGB, its luma kept per pixel and its chroma averaged over the
// cell, as an encoder subsamples. The arithmetic is image/color's
// (JFIF's, in 16.16 fixed point). Bands of cell rows go to up to workers
// goroutines; the result does not depend on how many.
func (c *colour) convertYCbCr(m *image.YCbCr, r image.Rectangle, workers int) {
	hs, vs := ycc.Subsampling(m.SubsampleRatio)
	// Whole cells: the chroma grid is aligned to absolute coordinates.
	r.Min.X, r.Min.Y = floorTo(r.Min.X, hs), floorTo(r.Min.Y, vs)
	r = r.Intersect(m.Rect)
	if r.Empty() {
		return
	}
	const minBandPixels = 1 << 16
	cellRows := ceilDiv(r.Dy(), vs)
	n := max(1, min(workers, r.Dx()*r.Dy()/minBandPixels, cellRows))
	var wg sync.WaitGroup
	for i := range n {
		band := r
		band.Min.Y = max(r.Min.Y, floorTo(r.Min.Y, vs)+cellRows*i/n*vs)
		band.Max.Y = min(r.Max.Y, floorTo(r.Min.Y, vs)+cellRows*(i+1)/n*vs)
		if i == n-1 {
			c.ycbcrBand(m, band, hs, vs)
			continue
		}
		wg.Go(func() { c.ycbcrBand(m, band, hs, vs) })
	}
	wg.Wait()
}

// ycbcrBand converts rows of whole cells (r.Min.Y on a cell row, r.Min.X
// on a cell column). Each cell's chroma terms are computed once, and its
// new chroma from the sums of its pixels' R, G and B.
func (c *colour) ycbcrBand(m *image.YCbCr, r image.Rectangle, hs, vs int) {
	shift := bits.TrailingZeros(uint(hs)) // hs is 1, 2 or 4
	w := r.Dx()
	rgb := make([]byte, 3*w*vs)
	cells := ceilDiv(w, hs)
	// Per cell: the chroma terms of R, G and B, then the sums of R, G, B
	// and the pixel count.
	terms := make([]int32, 3*cells)
	sums := make([]int32, 4*cells)
	for y0 := r.Min.Y; y0 < r.Max.Y; y0 += vs {
		y1 := min(y0+vs, r.Max.Y)
		cb := m.Cb[m.COffset(r.Min.X, y0):][:cells]
		cr := m.Cr[m.COffset(r.Min.X, y0):][:cells]
		for k := range cells {
			b, rr := int32(cb[k])-128, int32(cr[k])-128
			t := terms[3*k : 3*k+3 : 3*k+3]
			t[0], t[1], t[2] = 91881*rr, -22554*b-46802*rr, 116130*b
		}
		// Y'CbCr to RGB, into rgb.
		for y := y0; y < y1; y++ {
			lum := m.Y[m.YOffset(r.Min.X, y):][:w]
			row := rgb[3*w*(y-y0):][:3*w]
			for i, v := range lum {
				k := i >> shift
				t := terms[3*k : 3*k+3 : 3*k+3]
				yy := int32(v) * 0x10101
				o := row[3*i : 3*i+3 : 3*i+3]
				o[0] = clamp16(yy + t[0])
				o[1] = clamp16(yy + t[1])
				o[2] = clamp16(yy + t[2])
			}
		}
		c.t.RGBRow(rgb[:3*w*(y1-y0)], 3)
		// Back: luma per pixel, R, G, B summed per cell.
		clear(sums)
		for y := y0; y < y1; y++ {
			lum := m.Y[m.YOffset(r.Min.X, y):][:w]
			row := rgb[3*w*(y-y0):][:3*w]
			for i := range lum {
				p := row[3*i : 3*i+3 : 3*i+3]
				rr, gg, bb := int32(p[0]), int32(p[1]), int32(p[2])
				lum[i] = uint8((19595*rr + 38470*gg + 7471*bb + 1<<15) >> 16)
				k := i >> shift
				s := sums[4*k : 4*k+4 : 4*k+4]
				s[0] += rr
				s[1] += gg
				s[2] += bb
				s[3]++
			}
		}
		for k := range cells {
			s := sums[4*k : 4*k+4 : 4*k+4]
			cb[k] = chroma(-11056*s[0]-21712*s[1]+32768*s[2], s[3])
			cr[k] = chroma(32768*s[0]-27440*s[1]-5328*s[2], s[3])
		}
	}
}

// clamp16 returns a 16.16 value's integer part clamped to a byte.
func clamp16(v int32) uint8 {
	v >>= 16
	return uint8(min(max(v, 0), 255))
}

// chroma is the mean of n 16.16 chroma sums, offset by 128 and clamped.
func chroma(sum, n int32) uint8 {
	v := (sum/n + 128<<16 + 1<<15) >> 16
	return uint8(min(max(v, 0), 255))
}

// floorTo rounds v down to a multiple of n, also for negative v.
func floorTo(v, n int) int {
	q := v / n
	if v%n != 0 && v < 0 {
		q--
	}
	return q * n
}

// convertOutput converts an output's pixels, img, made for plan pl: in
// place, only the image inside the pad. When img is the upload's own image
// (an output that only turns it), the upload is converted once for every
// output made from it. It returns the steps to report for this output.
func (src *source) convertOutput(img image.Image, pl plan) []Step {
	c := src.colour
	if c == nil {
		return nil
	}
	if img == src.img {
		src.colour = nil
		if !c.convert(img, img.Bounds()) {
			return []Step{{OpProfileIgnored, "no conversion for " + fmt.Sprintf("%T", img)}}
		}
		src.steps = append(src.steps, c.step)
		return nil
	}
	if !c.convert(img, pl.pad) {
		return []Step{{OpProfileIgnored, "no conversion for " + fmt.Sprintf("%T", img)}}
	}
	return []Step{c.step}
}

// convertDecoded makes the conversions that must come before the
// resample (CMYK) on the decoded image, and returns what is left to make
// on the outputs.
func (src *source) convertDecoded(c *colour) {
	if !c.beforeResample() {
		src.colour = c
		return
	}
	if m, ok := src.img.(*image.CMYK); ok {
		src.img = c.convertCMYK(m)
		src.steps = append(src.steps, c.step)
		return
	}
	src.steps = append(src.steps, Step{OpProfileIgnored, fmt.Sprintf("a CMYK profile for a %T", src.img)})
}

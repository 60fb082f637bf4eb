// Package testimage makes deterministic, photo-like test images in code, so
// that tests and benchmarks need no downloads and no large files in the
// repository.
//
// The content mimics what a camera produces: a smooth fractal (1/f-like)
// background built from several octaves of value noise, a few objects with
// hard edges (where resamplers ring and alias), and fine sensor noise. The
// same size and seed always give the same pixels.
package testimage

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math/rand/v2"
)

// field is a sum of value-noise octaves over a w×h plane, with values in
// roughly [0, 255].
type field struct {
	octaves []octave
}

type octave struct {
	cell    int // lattice spacing in pixels
	amp     float64
	lw      int // lattice width (points per row)
	lattice []float64
}

func newField(w, h int, rng *rand.Rand, cells []int, amps []float64) field {
	var f field
	for i, c := range cells {
		lw, lh := w/c+2, h/c+2
		o := octave{cell: c, amp: amps[i], lw: lw, lattice: make([]float64, lw*lh)}
		for j := range o.lattice {
			o.lattice[j] = rng.Float64()*2 - 1
		}
		f.octaves = append(f.octaves, o)
	}
	return f
}

// at returns the field's value at (x, y): bilinear interpolation of each
// octave's lattice with a smoothstep, summed.
func (f field) at(x, y int) float64 {
	v := 0.0
	for i := range f.octaves {
		o := &f.octaves[i]
		cx, cy := x/o.cell, y/o.cell
		tx := float64(x%o.cell) / float64(o.cell)
		ty := float64(y%o.cell) / float64(o.cell)
		tx = tx * tx * (3 - 2*tx)
		ty = ty * ty * (3 - 2*ty)
		i0 := cy*o.lw + cx
		a, b := o.lattice[i0], o.lattice[i0+1]
		c, d := o.lattice[i0+o.lw], o.lattice[i0+o.lw+1]
		top := a + (b-a)*tx
		bot := c + (d-c)*tx
		v += o.amp * (top + (bot-top)*ty)
	}
	return v
}

// disk is an object with a hard edge.
type disk struct {
	cx, cy, r2 int
	y, cb, cr  float64
}

func clamp8(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v + 0.5)
}

// Photo returns a deterministic w×h photo-like image in 4:2:0 Y'CbCr, the
// type and layout that image/jpeg returns for a typical camera photo.
func Photo(w, h int, seed uint64) *image.YCbCr {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	scale := max(w, h)
	cells := []int{max(scale/4, 2), max(scale/16, 2), max(scale/64, 2), max(scale/256, 2), 3}
	luma := newField(w, h, rng, cells, []float64{70, 35, 18, 9, 5})
	cb := newField(w, h, rng, cells[:3], []float64{30, 12, 5})
	cr := newField(w, h, rng, cells[:3], []float64{30, 12, 5})

	disks := make([]disk, 6)
	for i := range disks {
		r := (scale/20 + rng.IntN(scale/8+1))
		disks[i] = disk{
			cx: rng.IntN(w + 1), cy: rng.IntN(h + 1), r2: r * r,
			y: float64(rng.IntN(256)), cb: float64(64 + rng.IntN(128)), cr: float64(64 + rng.IntN(128)),
		}
	}
	inDisk := func(x, y int) *disk {
		for i := range disks {
			d := &disks[i]
			dx, dy := x-d.cx, y-d.cy
			if dx*dx+dy*dy <= d.r2 {
				return d
			}
		}
		return nil
	}

	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		row := img.Y[y*img.YStride : y*img.YStride+w]
		for x := range row {
			v := 128 + luma.at(x, y)
			if d := inDisk(x, y); d != nil {
				v = d.y + 0.3*luma.at(x, y)
			}
			v += float64(int(rng.Uint32()%9) - 4) // sensor noise, ±4 levels
			row[x] = clamp8(v)
		}
	}
	cw, ch := (w+1)/2, (h+1)/2
	for y := 0; y < ch; y++ {
		for x := 0; x < cw; x++ {
			b, r := 128+cb.at(2*x, 2*y), 128+cr.at(2*x, 2*y)
			if d := inDisk(2*x, 2*y); d != nil {
				b, r = d.cb, d.cr
			}
			i := y*img.CStride + x
			img.Cb[i], img.Cr[i] = clamp8(b), clamp8(r)
		}
	}
	return img
}

// NRGBA converts any image to a new *image.NRGBA with bounds starting at
// (0, 0).
func NRGBA(src image.Image) *image.NRGBA {
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	return dst
}

// PhotoWithAlpha returns a deterministic w×h photo-like *image.NRGBA whose
// alpha channel is a cut-out: an opaque subject, a soft anti-aliased edge and
// a fully transparent background, the case where resamplers that ignore
// premultiplication produce dark fringes.
func PhotoWithAlpha(w, h int, seed uint64) *image.NRGBA {
	img := NRGBA(Photo(w, h, seed))
	cx, cy := float64(w)/2, float64(h)/2
	r := 0.4 * float64(min(w, h))
	edge := max(r/50, 1)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			d2 := dx*dx + dy*dy
			var a float64
			switch {
			case d2 <= (r-edge)*(r-edge):
				a = 255
			case d2 >= (r+edge)*(r+edge):
				a = 0
			default:
				// linear ramp across the edge, computed on the squared
				// distance to avoid a square root per pixel
				a = 255 * ((r+edge)*(r+edge) - d2) / (4 * r * edge)
			}
			i := img.PixOffset(x, y)
			img.Pix[i+3] = clamp8(a)
			if img.Pix[i+3] == 0 {
				// a transparent pixel's colour is arbitrary; make it
				// bright so that a wrong (unpremultiplied) resample shows
				img.Pix[i], img.Pix[i+1], img.Pix[i+2] = 255, 255, 255
			}
		}
	}
	return img
}

// JPEG encodes img with image/jpeg at the given quality and returns the
// bytes. It panics only if the in-memory encode fails, which for the image
// types this package makes it cannot.
func JPEG(img image.Image, quality int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		panic("testimage: " + err.Error())
	}
	return buf.Bytes()
}

// Uniform returns a w×h *image.NRGBA filled with c.
func Uniform(w, h int, c color.NRGBA) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}

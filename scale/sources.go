package scale

import (
	"image"
	"image/color"
)

// The row sources, one per concrete image type the dispatcher knows, and the
// generic ones that go through At. A concrete source yields exactly the
// values that the generic source computes from At for the same image, which
// is what makes the fast paths byte-identical to the generic path.

// nrgbaSource reads *image.NRGBA pixels, premultiplied as color.NRGBA.RGBA
// does.
type nrgbaSource struct{ plane8 }

func (s nrgbaSource) row(y, x0, x1 int, buf []uint16) []uint16 {
	src := s.pix[y*s.stride+4*x0 : y*s.stride+4*x1]
	buf = buf[:len(src)]
	for i := 0; i+4 <= len(src); i += 4 {
		p := src[i : i+4 : i+4]
		d := buf[i : i+4 : i+4]
		a := uint32(p[3])
		if a == 0xff {
			d[0], d[1], d[2], d[3] = uint16(p[0])*0x101, uint16(p[1])*0x101, uint16(p[2])*0x101, 0xffff
			continue
		}
		d[0] = uint16(uint32(p[0]) * 0x101 * a / 0xff)
		d[1] = uint16(uint32(p[1]) * 0x101 * a / 0xff)
		d[2] = uint16(uint32(p[2]) * 0x101 * a / 0xff)
		d[3] = uint16(a * 0x101)
	}
	return buf
}

// rgbaSource reads *image.RGBA pixels, already premultiplied.
type rgbaSource struct{ plane8 }

func (s rgbaSource) row(y, x0, x1 int, buf []uint16) []uint16 {
	src := s.pix[y*s.stride+4*x0 : y*s.stride+4*x1]
	buf = buf[:len(src)]
	for i, v := range src {
		buf[i] = uint16(v) * 0x101
	}
	return buf
}

// palettedSource reads *image.Paletted pixels through a table of the
// palette's colours premultiplied as color.Color.RGBA gives them, which At
// would return one interface call a pixel. An index beyond the palette,
// or of a nil colour, reads as transparent, as every index of an empty
// palette does through RGBA64At (which panics on those).
type palettedSource struct {
	pix    []uint8
	stride int
	colors *[256][4]uint16
}

func newPalettedSource(m *image.Paletted) palettedSource {
	var t [256][4]uint16
	for i, c := range m.Palette[:min(len(m.Palette), 256)] {
		if c == nil {
			continue
		}
		r, g, b, a := c.RGBA()
		t[i] = [4]uint16{uint16(r), uint16(g), uint16(b), uint16(a)}
	}
	return palettedSource{m.Pix, m.Stride, &t}
}

func (s palettedSource) row(y, x0, x1 int, buf []uint16) []uint16 {
	src := s.pix[y*s.stride+x0 : y*s.stride+x1]
	buf = buf[:4*len(src)]
	for i, v := range src {
		copy(buf[4*i:4*i+4], s.colors[v][:])
	}
	return buf
}

// genericSource reads any image through RGBA64At when it has it, else At.
type genericSource struct {
	img   image.Image
	rgb64 image.RGBA64Image // nil if img lacks RGBA64At
	min   image.Point
}

func newGenericSource(img image.Image) genericSource {
	g := genericSource{img: img, min: img.Bounds().Min}
	g.rgb64, _ = img.(image.RGBA64Image)
	return g
}

func (s genericSource) row(y, x0, x1 int, buf []uint16) []uint16 {
	buf = buf[:4*(x1-x0)]
	y += s.min.Y
	for x := x0; x < x1; x++ {
		var r, g, b, a uint32
		if s.rgb64 != nil {
			c := s.rgb64.RGBA64At(s.min.X+x, y)
			r, g, b, a = uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)
		} else {
			r, g, b, a = s.img.At(s.min.X+x, y).RGBA()
		}
		d := buf[4*(x-x0) : 4*(x-x0)+4 : 4*(x-x0)+4]
		d[0], d[1], d[2], d[3] = uint16(r), uint16(g), uint16(b), uint16(a)
	}
	return buf
}

// grayModelSource reads an image whose colour model is color.GrayModel
// (but is not an *image.Gray) through At, converted as that model does.
type grayModelSource struct {
	img image.Image
	min image.Point
}

func (s grayModelSource) row(y, x0, x1 int, buf []uint8) []uint8 {
	buf = grow(buf, x1-x0)
	for x := x0; x < x1; x++ {
		buf[x-x0] = color.GrayModel.Convert(s.img.At(s.min.X+x, s.min.Y+y)).(color.Gray).Y
	}
	return buf
}

// linearSource converts the sRGB-encoded rows of another source to linear
// light, still premultiplied.
type linearSource struct{ src source16 }

func (s linearSource) row(y, x0, x1 int, buf []uint16) []uint16 {
	buf = s.src.row(y, x0, x1, buf)
	toLin := decodeTable()
	for i := 0; i+4 <= len(buf); i += 4 {
		p := buf[i : i+4 : i+4]
		a := uint32(p[3])
		switch a {
		case 0:
		case 0xffff:
			p[0], p[1], p[2] = toLin[p[0]], toLin[p[1]], toLin[p[2]]
		default:
			for c := range 3 {
				v := min(uint32(p[c])*0xffff/a, 0xffff)
				p[c] = uint16(uint32(toLin[v]) * a / 0xffff)
			}
		}
	}
	return buf
}

package scale_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/scale/scaletest"
)

var kernels = scale.Kernels()

// kinds are the source types the properties run over.
var kinds = []string{"ycbcr420", "ycbcr444", "ycbcr422", "gray", "nrgba", "rgba", "paletted", "generic"}

// ratios are the subsampling of each Y'CbCr kind.
var ratios = map[string]image.YCbCrSubsampleRatio{
	"ycbcr444": image.YCbCrSubsampleRatio444, "ycbcr422": image.YCbCrSubsampleRatio422,
	"ycbcr420": image.YCbCrSubsampleRatio420, "ycbcr440": image.YCbCrSubsampleRatio440,
	"ycbcr411": image.YCbCrSubsampleRatio411, "ycbcr410": image.YCbCrSubsampleRatio410,
}

// makeImage returns a deterministic photo-like w×h image of the given kind.
func makeImage(kind string, w, h int, seed uint64) image.Image {
	p := testimage.Photo(w, h, seed)
	switch kind {
	case "ycbcr420":
		return p
	case "ycbcr444", "ycbcr422", "ycbcr440", "ycbcr411", "ycbcr410":
		m := image.NewYCbCr(p.Rect, ratios[kind])
		for y := range h {
			for x := range w {
				c := p.YCbCrAt(x, y)
				m.Y[m.YOffset(x, y)] = c.Y
				m.Cb[m.COffset(x, y)], m.Cr[m.COffset(x, y)] = c.Cb, c.Cr
			}
		}
		return m
	case "gray":
		g := image.NewGray(p.Rect)
		copy(g.Pix, p.Y[:len(g.Pix)])
		for y := range h {
			copy(g.Pix[y*g.Stride:], p.Y[y*p.YStride:y*p.YStride+w])
		}
		return g
	case "rgba":
		n := testimage.PhotoWithAlpha(w, h, seed)
		r := image.NewRGBA(n.Rect)
		for y := range h {
			for x := range w {
				r.Set(x, y, n.At(x, y))
			}
		}
		return r
	case "paletted":
		// A palette of 216 colours, some translucent.
		n := testimage.PhotoWithAlpha(w, h, seed)
		var pal color.Palette
		for i := range 216 {
			pal = append(pal, color.NRGBA{uint8(i % 6 * 51), uint8(i / 6 % 6 * 51), uint8(i / 36 * 51), uint8(255 - i%4*60)})
		}
		m := image.NewPaletted(n.Rect, pal)
		for y := range h {
			for x := range w {
				m.SetColorIndex(x, y, uint8(pal.Index(n.At(x, y))))
			}
		}
		return m
	case "generic":
		return scaletest.Opaque{Image: testimage.PhotoWithAlpha(w, h, seed)}
	case "nrgba-opaque":
		return testimage.NRGBA(p)
	case "rgba-opaque":
		n := testimage.NRGBA(p)
		return &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	return testimage.PhotoWithAlpha(w, h, seed)
}

// planes returns the sample planes of an image produced by scale, each row
// trimmed to the image width, so images compare byte for byte.
func planes(m image.Image) [][]byte {
	cut := func(pix []byte, stride, w, h int) []byte {
		var b bytes.Buffer
		for y := range h {
			b.Write(pix[y*stride : y*stride+w])
		}
		return b.Bytes()
	}
	w, h := m.Bounds().Dx(), m.Bounds().Dy()
	switch m := m.(type) {
	case *image.YCbCr:
		f := map[image.YCbCrSubsampleRatio][2]int{
			image.YCbCrSubsampleRatio444: {1, 1}, image.YCbCrSubsampleRatio422: {2, 1},
			image.YCbCrSubsampleRatio420: {2, 2}, image.YCbCrSubsampleRatio440: {1, 2},
			image.YCbCrSubsampleRatio411: {4, 1}, image.YCbCrSubsampleRatio410: {4, 2},
		}[m.SubsampleRatio]
		cw, ch := (w+f[0]-1)/f[0], (h+f[1]-1)/f[1]
		return [][]byte{cut(m.Y, m.YStride, w, h), cut(m.Cb, m.CStride, cw, ch), cut(m.Cr, m.CStride, cw, ch)}
	case *image.Gray:
		return [][]byte{cut(m.Pix, m.Stride, w, h)}
	case *image.NRGBA:
		return [][]byte{cut(m.Pix, m.Stride, 4*w, h)}
	}
	panic(fmt.Sprintf("unexpected type %T", m))
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() || fmt.Sprintf("%T", a) != fmt.Sprintf("%T", b) {
		return false
	}
	pa, pb := planes(a), planes(b)
	for i := range pa {
		if !bytes.Equal(pa[i], pb[i]) {
			return false
		}
	}
	return true
}

// grayOf returns a copy of one plane as an *image.Gray.
func grayOf(pix []byte, stride, w, h int) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		copy(g.Pix[y*w:], pix[y*stride:y*stride+w])
	}
	return g
}

// grayAsNRGBA expands a gray image into the opaque NRGBA that the generic
// path returns for gray content.
func grayAsNRGBA(g *image.Gray) *image.NRGBA {
	n := image.NewNRGBA(g.Rect)
	for i, v := range g.Pix {
		n.Pix[4*i], n.Pix[4*i+1], n.Pix[4*i+2], n.Pix[4*i+3] = v, v, v, 0xff
	}
	return n
}

func uniform(kind string, w, h int, c color.NRGBA) image.Image {
	u := testimage.Uniform(w, h, c)
	switch kind {
	case "ycbcr420", "ycbcr444", "ycbcr422":
		m := image.NewYCbCr(u.Rect, ratios[kind])
		yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
		for i := range m.Y {
			m.Y[i] = yy
		}
		for i := range m.Cb {
			m.Cb[i], m.Cr[i] = cb, cr
		}
		return m
	case "gray":
		g := image.NewGray(u.Rect)
		for i := range g.Pix {
			g.Pix[i] = c.G
		}
		return g
	case "rgba":
		r := image.NewRGBA(u.Rect)
		for y := range h {
			for x := range w {
				r.Set(x, y, c)
			}
		}
		return r
	case "generic":
		return scaletest.Opaque{Image: u}
	}
	return u
}

package bmp

import (
	"image"
	"math"
)

// maxImage is the package's own limit in pixels: the NRGBA buffer of an
// image that size has a length that fits an int.
const maxImage = math.MaxInt / 4

// Decode decodes the BMP in data: an *image.Gray for a palette image whose
// colours are all gray (black and white ones included), an *image.NRGBA
// for any other, both with bounds starting at (0, 0). An image of more
// than maxPixels pixels is refused with a *[LimitError] as soon as the
// header's size is read, before any check of the pixel data and before
// anything is allocated (so a maxPixels of zero or less refuses every
// image).
//
// Other errors are a [FormatError] for damage (truncated pixel data
// included) or an [UnsupportedError] for a feature this package does not
// decode, as [DecodeConfig] gives them, or a FormatError for RLE data that
// ends before the bitmap.
func Decode(data []byte, maxPixels int64) (image.Image, error) {
	c, err := DecodeConfig(data)
	if c.Width > 0 && c.Height > 0 {
		if limit := min(maxPixels, maxImage); int64(c.Width)*int64(c.Height) > limit {
			return nil, &LimitError{Width: c.Width, Height: c.Height, Limit: limit}
		}
	}
	if err != nil {
		return nil, err
	}
	if c.Paletted {
		return decodePaletted(data, &c)
	}
	return decodeTrueColor(data, &c), nil
}

// decodePaletted decodes a palette image: its indices go into the start of
// the output's pixels, and are then replaced by their colours.
func decodePaletted(data []byte, c *Config) (image.Image, error) {
	p := readPalette(data, c)
	r := image.Rect(0, 0, c.Width, c.Height)
	var (
		img image.Image
		pix []uint8
	)
	if p.gray {
		m := image.NewGray(r)
		img, pix = m, m.Pix
	} else {
		m := image.NewNRGBA(r)
		img, pix = m, m.Pix
	}
	n := c.Width * c.Height
	switch c.Compression {
	case RLE8, RLE4:
		if err := decodeRLE(pix[:n], data[c.offset:], c); err != nil {
			return nil, err
		}
	default:
		stride, size := c.stride()
		for s := range c.Height {
			y := c.row(s)
			unpack(pix[y*c.Width:(y+1)*c.Width], data[c.offset+s*stride:][:size], c.BitsPerPixel)
		}
	}
	p.apply(pix, n)
	return img, nil
}

// decodeTrueColor decodes a 16, 24 or 32-bit image. An alpha channel that
// is zero in every pixel is taken as absent, and the image as opaque: such
// files (a V4/V5 alpha mask over pixels whose alpha bytes were never
// written) are meant to be seen, and browsers show them so, although
// Pillow and libvips decode them fully transparent.
func decodeTrueColor(data []byte, c *Config) image.Image {
	m := image.NewNRGBA(image.Rect(0, 0, c.Width, c.Height))
	pr := newPixelReader(c)
	stride, size := c.stride()
	var alpha uint8
	for s := range c.Height {
		y := c.row(s)
		alpha |= pr.row(m.Pix[y*m.Stride:][:4*c.Width], data[c.offset+s*stride:][:size])
	}
	if c.HasAlpha && alpha == 0 {
		for i := 3; i < len(m.Pix); i += 4 {
			m.Pix[i] = 0xff
		}
	}
	return m
}

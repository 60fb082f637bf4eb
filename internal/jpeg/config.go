package jpeg

import (
	"context"
	"image"
	"image/color"
)

// Config describes a JPEG image from its headers.
type Config struct {
	Width, Height int
	// ColorModel is the model of the image Decode returns, as image/jpeg's
	// DecodeConfig reports it: Gray, YCbCr, RGBA (Adobe RGB) or CMYK.
	ColorModel color.Model
	// Components is 1, 3 or 4.
	Components int
	// Subsample is the chroma subsampling of a three-component image.
	Subsample image.YCbCrSubsampleRatio
	// Progressive reports a progressive (SOF2) stream.
	Progressive bool
	// RestartInterval is the restart interval in MCUs declared before the
	// first scan, 0 for none.
	RestartInterval int
	// Sampling holds each component's horizontal (X) and vertical (Y)
	// sampling factors as decoded (1×1 for a single component).
	Sampling []image.Point
}

// ScaledSize returns the size Decode gives with the scale denominator s
// (1, 2, 4 or 8): ceil(Width/s) × ceil(Height/s).
func (c Config) ScaledSize(s int) (w, h int) {
	if s < 1 {
		s = 1
	}
	return scaledSize(c.Width, c.Height, s)
}

// DecodeConfig reads the headers of a JPEG image up to its first scan,
// without decoding pixels and without allocating for them.
func DecodeConfig(data []byte) (Config, error) {
	d := &decoder{ctx: context.Background(), scale: 1, bs: 8}
	d.r = reader{data: data}
	d.opts = &DecodeOptions{MaxPixels: 1 << 62}
	if err := d.decode(true); err != nil {
		return Config{}, err
	}
	if d.nComp == 0 {
		return Config{}, errMissingSOF
	}
	c := Config{
		Width: d.width, Height: d.height, Components: d.nComp,
		Progressive: d.progressive, RestartInterval: d.ri,
	}
	for i := 0; i < d.nComp; i++ {
		c.Sampling = append(c.Sampling, image.Pt(d.comp[i].h, d.comp[i].v))
	}
	switch d.nComp {
	case 1:
		c.ColorModel = color.GrayModel
	case 3:
		c.ColorModel = color.YCbCrModel
		if d.isRGB() {
			c.ColorModel = color.RGBAModel
		}
		c.Subsample, _ = subsampleRatio(&d.frame)
	case 4:
		c.ColorModel = color.CMYKModel
	}
	return c, nil
}

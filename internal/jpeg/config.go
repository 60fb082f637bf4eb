package jpeg

import (
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
	// Subsample is the chroma subsampling of a three-component image as
	// Decode returns it: 4:4:4 for the layouts it upsamples (see Sampling
	// for the stream's own factors).
	Subsample image.YCbCrSubsampleRatio
	// Progressive reports a progressive (SOF2 or SOF10) stream.
	Progressive bool
	// Arithmetic reports arithmetic entropy coding (SOF9 or SOF10), which
	// libjpeg decodes and browsers do not.
	Arithmetic bool
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
// without decoding pixels and without allocating for them or for the
// Huffman and quantization tables, which it skips.
func DecodeConfig(data []byte) (Config, error) {
	var f frame
	r := reader{data: data}
	if err := r.soi(); err != nil {
		return Config{}, err
	}
	for {
		m, seg, err := r.nextSegment()
		if err != nil {
			return Config{}, err
		}
		switch m {
		case markerEOI, markerSOS:
			if f.nComp == 0 {
				return Config{}, errMissingSOF
			}
			return f.config(), nil
		case markerSOF0, markerSOF1, markerSOF2, markerSOF9, markerSOF10:
			err = f.parseSOF(m, seg)
		case markerDRI:
			err = f.parseDRI(seg)
		case markerAPP0, markerAPP14:
			f.parseAPP(m, seg)
		case markerDHT, markerDQT, markerDAC:
			// Tables: not part of the header.
		default:
			err = otherMarker(m)
		}
		if err != nil {
			return Config{}, err
		}
	}
}

// config describes the frame as DecodeConfig reports it.
func (f *frame) config() Config {
	c := Config{
		Width: f.width, Height: f.height, Components: f.nComp,
		Progressive: f.progressive, Arithmetic: f.arithmetic, RestartInterval: f.ri,
		Sampling: make([]image.Point, f.nComp),
	}
	for i := range c.Sampling {
		c.Sampling[i] = image.Pt(f.comp[i].h, f.comp[i].v)
	}
	switch f.nComp {
	case 1:
		c.ColorModel = color.GrayModel
	case 3:
		c.ColorModel = color.YCbCrModel
		if f.isRGB() {
			c.ColorModel = color.RGBAModel
		}
		if !f.general {
			c.Subsample, _ = subsampleRatio(f)
		}
	case 4:
		c.ColorModel = color.CMYKModel
	}
	return c
}

package profileimage

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

// errOverBudget: no quality at or above the profile's floor fits the byte
// limit at this size.
var errOverBudget = errors.New("profileimage: over the byte budget")

// padColor is the caller's pad colour, else the profile's, else white.
func padColor(p vendors.Profile, s settings) color.NRGBA {
	if s.padColor != nil {
		return color.NRGBAModel.Convert(s.padColor).(color.NRGBA)
	}
	c := color.NRGBA{255, 255, 255, 255}
	if hex, ok := strings.CutPrefix(p.Square.Color, "#"); ok && len(hex) == 6 {
		if v, err := strconv.ParseUint(hex, 16, 32); err == nil {
			c.R, c.G, c.B = uint8(v>>16), uint8(v>>8), uint8(v)
		}
	}
	return c
}

// outputFormat picks the format to write: the size's own format if it has
// one; PNG for an image with real transparency where the vendor takes PNG;
// JPEG where the vendor takes it; else the profile's first output format.
func outputFormat(p vendors.Profile, sz vendors.Size, transparent bool) vendors.Format {
	formats := p.Output.Formats
	switch {
	case sz.Format != "":
		return sz.Format
	case transparent && slices.Contains(formats, vendors.PNG):
		return vendors.PNG
	case slices.Contains(formats, vendors.JPEG):
		return vendors.JPEG
	}
	return formats[0]
}

// transparent reports whether img has a pixel that is not fully opaque. Only
// *image.NRGBA can: scale gives Y'CbCr and gray images no alpha channel.
func transparent(img image.Image) bool {
	m, ok := img.(*image.NRGBA)
	if !ok {
		return false
	}
	for y := range m.Rect.Dy() {
		row := m.Pix[y*m.Stride : y*m.Stride+4*m.Rect.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0xff {
				return true
			}
		}
	}
	return false
}

// flatten composites a transparent *image.NRGBA onto bg, in place.
func flatten(m *image.NRGBA, bg color.NRGBA) {
	for y := range m.Rect.Dy() {
		row := m.Pix[y*m.Stride : y*m.Stride+4*m.Rect.Dx()]
		for i := 0; i+3 < len(row); i += 4 {
			a := uint32(row[i+3])
			for c, b := range [3]uint8{bg.R, bg.G, bg.B} {
				row[i+c] = uint8((uint32(row[i+c])*a + uint32(b)*(255-a) + 127) / 255)
			}
			row[i+3] = 0xff
		}
	}
}

// encodeResult writes img in the format chosen for it, flattening
// transparency onto bg when that format has none, and searches the JPEG
// quality down to the profile's floor until the bytes fit the profile's
// limit.
func encodeResult(img image.Image, p vendors.Profile, sz vendors.Size, bg color.NRGBA, enc encoding) (*Result, error) {
	seeThrough := transparent(img)
	f := outputFormat(p, sz, seeThrough)
	var steps []Step
	if seeThrough && f != vendors.PNG {
		flatten(img.(*image.NRGBA), bg)
		steps = append(steps, Step{OpFlattened, fmt.Sprintf("onto #%02X%02X%02X", bg.R, bg.G, bg.B)})
	}
	data, q, err := encodeWithin(img, f, p.Output, p.MaxBytes, enc)
	if err != nil {
		return nil, err
	}
	detail := string(f)
	if f == vendors.JPEG {
		detail += " quality " + strconv.Itoa(q)
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	if enc.orientation >= 5 {
		w, h = h, w
	}
	return &Result{
		Data: data, Format: f, ContentType: f.ContentType(),
		Width: w, Height: h, Size: sz.Name, Hash: hashOf(data),
		Steps: append(steps, Step{OpEncoded, detail}),
	}, nil
}

// encodeWithin encodes img at out.Quality, and when that is over maxBytes
// (0: no limit) finds the highest JPEG quality down to out.MinQuality that
// fits (see jpegWithin), starting from an estimate of the size at
// out.Quality instead when that is clearly over (see likelyOver). It
// returns errOverBudget when none fits.
func encodeWithin(img image.Image, f vendors.Format, out vendors.Output, maxBytes int64, enc encoding) ([]byte, int, error) {
	if f == vendors.JPEG {
		if est, over := likelyOver(img, out, maxBytes, enc); over {
			return jpegWithin(img, out, maxBytes, out.Quality, est, enc)
		}
	}
	data, err := encode(img, f, out.Quality, enc)
	if err != nil || maxBytes == 0 || int64(len(data)) <= maxBytes {
		return data, out.Quality, err
	}
	if f != vendors.JPEG {
		return nil, 0, errOverBudget
	}
	return jpegWithin(img, out, maxBytes, out.Quality-1, len(data), enc)
}

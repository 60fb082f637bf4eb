package profileimage

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"

	"github.com/profileimage/profileimage/vendors"
)

// decode decodes data, whose format was sniffed and whose size was checked
// by validate, with that format's decoder only (no global registry). GIF
// and APNG give their first frame.
func decode(data []byte, f vendors.Format) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case vendors.JPEG:
		return jpeg.Decode(r)
	case vendors.PNG:
		return png.Decode(r)
	case vendors.GIF:
		return gif.Decode(r)
	case vendors.WebP:
		return webp.Decode(r)
	case vendors.BMP:
		return bmp.Decode(r)
	case vendors.TIFF:
		return tiff.Decode(r)
	}
	return nil, fmt.Errorf("no decoder for format %q", f)
}

// encode writes img in format f; quality applies to JPEG. Neither encoder
// writes metadata, and both are deterministic.
func encode(img image.Image, f vendors.Format, quality int) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch f {
	case vendors.JPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	case vendors.PNG:
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	default:
		err = fmt.Errorf("no encoder for format %q", f)
	}
	return buf.Bytes(), err
}

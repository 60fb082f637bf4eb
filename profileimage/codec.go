package profileimage

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/gif"
	"image/png"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"

	pjpeg "github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/validate"

	"github.com/profileimage/profileimage/vendors"
)

// decode decodes data, whose header validate has read and whose caps Check
// has approved, with its format's decoder only (no global registry). JPEG
// is decoded at 1/denom of its size straight from the DCT coefficients,
// with the decoder's own caps set to what Check approved, so that a caller
// who raises the safety caps is not refused by the decoder's defaults;
// other formats ignore denom. GIF and APNG give their first frame.
func decode(ctx context.Context, data []byte, info validate.Info, denom int) (image.Image, error) {
	r := bytes.NewReader(data)
	switch info.Format {
	case vendors.JPEG:
		return pjpeg.DecodeContext(ctx, data, &pjpeg.DecodeOptions{
			ScaleDenom: denom,
			MaxPixels:  max(int64(info.Width)*int64(info.Height), 1),
			MaxScans:   max(info.Scans, pjpeg.DefaultMaxScans),
		})
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
	return nil, fmt.Errorf("no decoder for format %q", info.Format)
}

// optimizeBelow is the largest JPEG, in pixels, written with Huffman tables
// optimised for the image: a few percent smaller files at the same pixels,
// for a second pass over coefficients that must all be kept in memory (two
// bytes each), which for a full-size 12 MP re-encode doubles the memory of
// the whole call.
const optimizeBelow = 1 << 22

// encode writes img in format f; quality applies to JPEG. Neither encoder
// writes metadata, and both are deterministic.
func encode(img image.Image, f vendors.Format, quality int) ([]byte, error) {
	switch f {
	case vendors.JPEG:
		b := img.Bounds()
		optimize := b.Dx()*b.Dy() <= optimizeBelow
		return pjpeg.Append(nil, img, &pjpeg.EncodeOptions{Quality: quality, OptimizeHuffman: optimize})
	case vendors.PNG:
		var buf bytes.Buffer
		err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
		return buf.Bytes(), err
	}
	return nil, fmt.Errorf("no encoder for format %q", f)
}

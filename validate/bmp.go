package validate

import (
	"errors"

	"github.com/profileimage/profileimage/internal/bmp"
	"github.com/profileimage/profileimage/vendors"
)

// inspectBMP reads a BMP's headers with the decoder's own reader
// (internal/bmp), so that Inspect accepts exactly the variants Decode
// reads. A feature it does not read is unsupported-format, named; a header
// that lies (zero or negative size, offsets out of the file, an
// uncompressed pixel array longer than the file) is corrupt. RLE data is
// only read by the decoder.
func inspectBMP(b []byte, in *Info) *Error {
	c, err := bmp.DecodeConfig(b)
	in.Width, in.Height = c.Width, c.Height
	if err != nil {
		var u bmp.UnsupportedError
		if errors.As(err, &u) {
			return unsupported("BMP with " + string(u) + " is not supported")
		}
		var f bmp.FormatError
		errors.As(err, &f)
		return corrupt(vendors.BMP, string(f))
	}
	in.ColorModel = ColorRGB
	if c.Paletted {
		in.ColorModel = ColorPaletted
	}
	in.HasAlpha = c.HasAlpha
	return nil
}

package validate

import "github.com/profileimage/profileimage/vendors"

// Info is what [Inspect] learns about an upload from its header, without
// decoding pixels.
type Info struct {
	// Format is sniffed from the magic bytes, never from a file name or a
	// declared content type; "" when the bytes are not a decodable format.
	Format vendors.Format

	// Width and Height are the size as stored. For an animation they are
	// the canvas (GIF logical screen, APNG and WebP canvas).
	Width, Height int

	// Orientation is the EXIF orientation, 1..8; absent, 0 or out-of-range
	// values are reported as 1.
	Orientation int

	// OrientedWidth and OrientedHeight are the size once Orientation is
	// applied: Width and Height swapped for orientations 5 to 8.
	OrientedWidth, OrientedHeight int

	// Frames is 1 for a still image, and the frame count of an animated
	// GIF, APNG or WebP.
	Frames int

	// Progressive reports a progressive JPEG; Scans counts the scans (SOS
	// segments) of a JPEG and is 0 for other formats.
	Progressive bool
	Scans       int
	// Arithmetic reports a JPEG whose entropy coding is arithmetic (SOF9,
	// SOF10) rather than Huffman: libjpeg and this library decode it,
	// browsers do not show it.
	Arithmetic bool

	// ColorModel is how pixels are stored; HasAlpha reports an alpha
	// channel or transparency (tRNS, GIF transparent index, WebP ALPH).
	ColorModel ColorModel
	HasAlpha   bool

	// Bytes is the size of the upload in bytes.
	Bytes int64

	// Metadata reports what the file carries besides pixels.
	Metadata Metadata

	// ColorProfile describes the embedded colour profile, if any.
	ColorProfile ColorProfile
}

// ColorModel names how an image stores its pixels.
type ColorModel string

// The colour models [Inspect] reports.
const (
	ColorYCbCr    ColorModel = "ycbcr"    // JPEG with 3 components, lossy WebP
	ColorGray     ColorModel = "gray"     // one channel (plus alpha for PNG gray+alpha)
	ColorCMYK     ColorModel = "cmyk"     // 4-component JPEG (Adobe transform 0)
	ColorYCCK     ColorModel = "ycck"     // 4-component JPEG with Adobe transform 2
	ColorRGB      ColorModel = "rgb"      // truecolour PNG, BMP, TIFF, lossless WebP, RGB JPEG
	ColorPaletted ColorModel = "paletted" // GIF, palette PNG, BMP and TIFF
)

// Metadata reports the kinds of metadata a file carries: what a
// privacy-minded service strips before storing an image.
type Metadata struct {
	EXIF      bool // an EXIF block (JPEG APP1, PNG eXIf, WebP EXIF, a TIFF Exif IFD)
	GPS       bool // a GPS IFD inside the EXIF block
	XMP       bool // an XMP packet
	Thumbnail bool // an embedded thumbnail (EXIF IFD1 or a JFIF extension thumbnail)
	ICC       bool // an ICC colour profile
	Comment   bool // free text: JPEG COM, PNG tEXt/zTXt/iTXt, GIF comment

	// EXIFError is non-nil when the EXIF block is malformed (a loop, an
	// offset out of range, too many entries). The orientation is still
	// taken from IFD0 when IFD0 itself was intact, and is 1 otherwise.
	EXIFError error
}

// orient sets Orientation and the oriented size from a raw EXIF value.
func (in *Info) orient(raw int) {
	if raw < 1 || raw > 8 {
		raw = 1
	}
	in.Orientation = raw
	in.OrientedWidth, in.OrientedHeight = in.Width, in.Height
	if raw >= 5 {
		in.OrientedWidth, in.OrientedHeight = in.Height, in.Width
	}
}

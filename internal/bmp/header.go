package bmp

import (
	"encoding/binary"
	"math/bits"
	"strconv"
)

// Compression is a BMP compression method: the biCompression field of the
// DIB header.
type Compression uint32

// The compression methods this package decodes.
const (
	RGB            Compression = 0 // BI_RGB: uncompressed
	RLE8           Compression = 1 // BI_RLE8: runs of 8-bit palette indices
	RLE4           Compression = 2 // BI_RLE4: runs of 4-bit palette indices
	BitFields      Compression = 3 // BI_BITFIELDS: uncompressed, channels at the header's masks
	AlphaBitFields Compression = 6 // BI_ALPHABITFIELDS (Windows CE): the same with an alpha mask
)

// Methods that Windows headers define and this package does not decode.
const (
	methodJPEG     = 4
	methodPNG      = 5
	methodCMYK     = 11
	methodCMYKRLE8 = 12
	methodCMYKRLE4 = 13
)

// String returns the method's Windows name, such as "BI_RLE8".
func (c Compression) String() string {
	switch c {
	case RGB:
		return "BI_RGB"
	case RLE8:
		return "BI_RLE8"
	case RLE4:
		return "BI_RLE4"
	case BitFields:
		return "BI_BITFIELDS"
	case AlphaBitFields:
		return "BI_ALPHABITFIELDS"
	}
	return "compression " + strconv.FormatUint(uint64(c), 10)
}

// Header sizes, in bytes.
const (
	fileHeaderLen = 14  // BITMAPFILEHEADER
	coreHeaderLen = 12  // BITMAPCOREHEADER (OS/2 1.x, Windows 2.x)
	infoHeaderLen = 40  // BITMAPINFOHEADER
	v2HeaderLen   = 52  // BITMAPV2INFOHEADER: adds the R, G, B masks
	v3HeaderLen   = 56  // BITMAPV3INFOHEADER: adds the alpha mask
	v4HeaderLen   = 108 // BITMAPV4HEADER: adds colour space fields
	v5HeaderLen   = 124 // BITMAPV5HEADER: adds the rendering intent and an ICC profile
)

// headerKind is the layout family of a DIB header.
type headerKind uint8

const (
	unknownHeader headerKind = iota
	coreHeader               // 16-bit width and height, 3-byte palette entries
	os2Header                // OS/2 2.x: BITMAPINFOHEADER's first fields, the others optional
	infoHeader               // Windows BITMAPINFOHEADER and its extensions
)

// kindOf returns the layout of a DIB header of size bytes. OS/2 2.x
// headers have any size from 16 to 64 bytes that is a multiple of 4, or
// 42 or 46 (the sizes other readers take); 40 is read as Windows'.
func kindOf(size uint32) headerKind {
	switch size {
	case coreHeaderLen:
		return coreHeader
	case infoHeaderLen, v2HeaderLen, v3HeaderLen, v4HeaderLen, v5HeaderLen:
		return infoHeader
	}
	if size >= 16 && size <= 64 && (size%4 == 0 || size == 42 || size == 46) {
		return os2Header
	}
	return unknownHeader
}

// Config is what the headers of a BMP say.
type Config struct {
	// Width and Height are the image's size in pixels, Height as a
	// positive number whichever way the rows are stored.
	Width, Height int
	// TopDown reports rows stored top first (a negative height in the
	// header); BMP rows are otherwise stored bottom first.
	TopDown bool
	// HeaderSize is the size of the DIB header in bytes: 12 for
	// BITMAPCOREHEADER, 16 to 64 for OS/2 2.x, 40, 52, 56, 108 or 124 for
	// Windows' BITMAPINFOHEADER to BITMAPV5HEADER.
	HeaderSize int
	// BitsPerPixel is 1, 2, 4 or 8 for a palette image, else 16, 24 or 32.
	BitsPerPixel int
	// Compression is the method the pixel data is stored with.
	Compression Compression
	// Paletted reports palette indices (1 to 8 bits per pixel).
	Paletted bool
	// HasAlpha reports an alpha channel: a non-zero alpha mask in a
	// BI_BITFIELDS or BI_ALPHABITFIELDS image. The decoder still takes an
	// alpha channel that is zero in every pixel as opaque.
	HasAlpha bool

	offset  int       // first byte of the pixel data in the file
	palette int       // first byte of the palette
	colors  int       // palette entries present, at most 1<<BitsPerPixel
	entry   int       // bytes per palette entry: 3 (core header) or 4
	masks   [4]uint32 // red, green, blue and alpha bits of a 16, 24 or 32-bit pixel
}

// DecodeConfig reads the file and DIB headers of the BMP in data, and its
// bit field masks and palette position, without decoding pixels or
// allocating. For an uncompressed image it checks that the file holds the
// pixel array (the last row may lack its padding); RLE data is only read
// by [Decode].
//
// The error is a [FormatError] or an [UnsupportedError]. When the header
// got as far as the size, Width and Height are set even on error.
func DecodeConfig(data []byte) (Config, error) {
	var c Config
	if len(data) < fileHeaderLen+4 {
		return c, FormatError("truncated file header")
	}
	if data[0] != 'B' || data[1] != 'M' {
		return c, FormatError("no BM signature")
	}
	size := le32(data[fileHeaderLen:])
	kind := kindOf(size)
	if kind == unknownHeader {
		return c, UnsupportedError("a " + strconv.FormatUint(uint64(size), 10) + "-byte DIB header")
	}
	if len(data) < fileHeaderLen+int(size) {
		return c, FormatError("truncated " + itoa(int(size)) + "-byte DIB header")
	}
	c.HeaderSize = int(size)
	h := data[fileHeaderLen : fileHeaderLen+size]
	if err := c.readSize(h, kind); err != nil {
		return c, err
	}
	planesAt := 12
	if kind == coreHeader {
		planesAt = 8
	}
	if planes := le16(h[planesAt:]); planes != 1 {
		return c, FormatError(itoa(planes) + " planes")
	}
	c.BitsPerPixel = le16(h[planesAt+2:])
	var method, colorsUsed uint32
	if kind != coreHeader && size >= 20 {
		method = le32(h[16:])
	}
	if kind != coreHeader && size >= 36 {
		colorsUsed = le32(h[32:])
	}
	if err := c.readMethod(method, kind); err != nil {
		return c, err
	}
	headerEnd := fileHeaderLen + int(size)
	if !c.Paletted {
		n, err := c.readMasks(data, h)
		if err != nil {
			return c, err
		}
		headerEnd += n
	}
	if err := c.locate(data, headerEnd, colorsUsed, kind); err != nil {
		return c, err
	}
	return c, c.checkPixelArray(len(data))
}

// readSize reads the width, height and row order.
func (c *Config) readSize(h []byte, kind headerKind) error {
	var w, ht int64
	if kind == coreHeader {
		w, ht = int64(le16(h[4:])), int64(le16(h[6:]))
	} else {
		w, ht = int64(int32(le32(h[4:]))), int64(int32(le32(h[8:])))
	}
	if ht < 0 {
		ht, c.TopDown = -ht, true
	}
	if w <= 0 || ht == 0 || int64(int(ht)) != ht {
		return FormatError("width or height " + strconv.FormatInt(w, 10) + "x" + strconv.FormatInt(ht, 10))
	}
	c.Width, c.Height = int(w), int(ht)
	return nil
}

// readMethod checks the compression method against the bits per pixel.
// OS/2 2.x gives methods 3 and 4 other meanings: Huffman 1D for 1-bit
// images, RLE24 for 24-bit ones; they are recognised by that pairing, as
// browsers do, whatever the header's size.
func (c *Config) readMethod(method uint32, kind headerKind) error {
	bpp := c.BitsPerPixel
	switch {
	case method == 3 && bpp == 1:
		return UnsupportedError("OS/2 Huffman 1D compression")
	case method == 4 && bpp == 24:
		return UnsupportedError("OS/2 RLE24 compression")
	}
	c.Compression = Compression(method)
	switch c.Compression {
	case RGB:
		switch bpp {
		case 1, 2, 4, 8, 16, 24, 32:
		case 64:
			return UnsupportedError("64 bits per pixel")
		default:
			return FormatError(itoa(bpp) + " bits per pixel")
		}
	case RLE8, RLE4:
		if want := 8 / int(c.Compression); bpp != want { // RLE8 takes 8 bits, RLE4 4
			return FormatError(c.Compression.String() + " with " + itoa(bpp) + " bits per pixel")
		}
	case BitFields, AlphaBitFields:
		if kind != infoHeader {
			return FormatError(c.Compression.String() + " in an OS/2 header")
		}
		if bpp != 16 && bpp != 24 && bpp != 32 {
			return FormatError(c.Compression.String() + " with " + itoa(bpp) + " bits per pixel")
		}
	case methodJPEG:
		return UnsupportedError("an embedded JPEG (BI_JPEG)")
	case methodPNG:
		return UnsupportedError("an embedded PNG (BI_PNG)")
	case methodCMYK, methodCMYKRLE8, methodCMYKRLE4:
		return UnsupportedError("CMYK (compression " + strconv.FormatUint(uint64(method), 10) + ")")
	default:
		return FormatError("unknown compression method " + strconv.FormatUint(uint64(method), 10))
	}
	c.Paletted = bpp <= 8
	return nil
}

// readMasks sets the bit field masks of a 16, 24 or 32-bit image and
// returns how many bytes of them follow the DIB header (those of a
// 40-byte header, whose masks come after it). BI_RGB has fixed masks (5
// bits per channel at 16 bits, 8 at 24 and 32, no alpha) whatever a
// V2-V5 header holds; bit fields come from the header when it is large
// enough. Masks are cut to the bits a pixel has, as browsers cut the
// alpha mask V4/V5 writers leave in 16 and 24-bit images; red, green and
// blue masks that are all zero mean BI_RGB's, as Pillow reads them. Each
// mask must be one run of bits, and no two may overlap.
func (c *Config) readMasks(data, h []byte) (int, error) {
	after := 0
	switch {
	case c.Compression != BitFields && c.Compression != AlphaBitFields:
	case len(h) >= v2HeaderLen:
		for i := range 3 {
			c.masks[i] = le32(h[40+4*i:])
		}
		if len(h) >= v3HeaderLen {
			c.masks[3] = le32(h[52:])
		}
	default: // a 40-byte header: the masks follow it, an alpha mask only for BI_ALPHABITFIELDS
		n := 3
		if c.Compression == AlphaBitFields {
			n = 4
		}
		start := fileHeaderLen + len(h)
		if len(data)-start < 4*n {
			return 0, FormatError("truncated bit field masks")
		}
		for i := range n {
			c.masks[i] = le32(data[start+4*i:])
		}
		after = 4 * n
	}
	if c.BitsPerPixel < 32 {
		for i := range c.masks {
			c.masks[i] &= 1<<c.BitsPerPixel - 1
		}
	}
	if c.masks[0]|c.masks[1]|c.masks[2] == 0 {
		c.masks[0], c.masks[1], c.masks[2] = 0xff0000, 0xff00, 0xff
		if c.BitsPerPixel == 16 {
			c.masks[0], c.masks[1], c.masks[2] = 0x7c00, 0x3e0, 0x1f
		}
	}
	for i, m := range c.masks {
		if run := m >> bits.TrailingZeros32(m); run&(run+1) != 0 {
			return 0, FormatError("bit field mask " + hex(m) + " is not one run of bits")
		}
		for _, o := range c.masks[:i] {
			if m&o != 0 {
				return 0, FormatError("bit field masks " + hex(o) + " and " + hex(m) + " overlap")
			}
		}
	}
	c.HasAlpha = c.masks[3] != 0
	return after, nil
}

// locate finds the palette and the pixel data. The palette follows the
// headers (and masks), with colorsUsed entries, or 1<<bits when that is 0;
// the pixel data starts at the file header's bfOffBits. An offset of 0
// means the pixels follow the palette. A palette that would overrun the
// pixel data is cut at it, as browsers cut it (indices past its end are
// black), except when no entry at all would be left: the offset is then
// taken to be a writer's mistake, and the pixels to follow a whole palette,
// as Pillow reads such files.
func (c *Config) locate(data []byte, headerEnd int, colorsUsed uint32, kind headerKind) error {
	c.palette, c.entry = headerEnd, 4
	if kind == coreHeader {
		c.entry = 3
	}
	colors := 0
	if c.Paletted {
		most := 1 << c.BitsPerPixel
		if colorsUsed > uint32(most) {
			return FormatError(strconv.FormatUint(uint64(colorsUsed), 10) + " palette colours for " + itoa(c.BitsPerPixel) + " bits per pixel")
		}
		colors = int(colorsUsed)
		if colors == 0 {
			colors = most
		}
	}
	paletteEnd := headerEnd + colors*c.entry
	offset := int64(le32(data[10:]))
	switch {
	case offset == 0:
		offset = int64(paletteEnd)
	case offset < int64(headerEnd):
		return FormatError("pixel data at offset " + strconv.FormatInt(offset, 10) + ", inside the headers, which end at " + itoa(headerEnd))
	case colors > 0 && offset-int64(headerEnd) < int64(c.entry):
		offset = int64(paletteEnd)
	}
	if offset > int64(len(data)) {
		return FormatError("pixel data at offset " + strconv.FormatInt(offset, 10) + ", past the end of the file's " + itoa(len(data)) + " bytes")
	}
	c.offset = int(offset)
	c.colors = min(colors, (c.offset-headerEnd)/c.entry)
	return nil
}

// stride returns the bytes of a stored row, padded to 4 bytes, and of the
// pixels in it.
func (c *Config) stride() (padded, pixels int) {
	rowBits := c.Width * c.BitsPerPixel
	return (rowBits + 31) / 32 * 4, (rowBits + 7) / 8
}

// checkPixelArray checks that a file of n bytes holds the pixel array of
// an uncompressed image: every row padded to 4 bytes, except that the last
// row may lack its padding (Pillow reads such files; the padding carries
// no pixels).
func (c *Config) checkPixelArray(n int) error {
	if c.Compression == RLE8 || c.Compression == RLE4 {
		return nil
	}
	rowBits := uint64(c.Width) * uint64(c.BitsPerPixel)
	stride, last := (rowBits+31)/32*4, (rowBits+7)/8
	hi, lo := bits.Mul64(stride, uint64(c.Height-1))
	avail := uint64(n - c.offset)
	if hi != 0 || lo > avail || last > avail-lo {
		return FormatError("pixel data of " + dims(c.Width, c.Height) + " at " + itoa(c.BitsPerPixel) +
			" bits needs more bytes than the file's " + itoa(n))
	}
	return nil
}

// row returns the image row, counted from the top, of the r-th stored row.
func (c *Config) row(r int) int {
	if c.TopDown {
		return r
	}
	return c.Height - 1 - r
}

func le16(b []byte) int    { return int(binary.LittleEndian.Uint16(b)) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
func hex(v uint32) string  { return "0x" + strconv.FormatUint(uint64(v), 16) }

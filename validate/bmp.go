package validate

import (
	"encoding/binary"
	"math/bits"

	"github.com/profileimage/profileimage/vendors"
)

// BMP DIB header sizes the decoder reads.
const (
	bmpInfoHeader   = 40
	bmpV4InfoHeader = 108
	bmpV5InfoHeader = 124
	bmpFileHeader   = 14
)

// inspectBMP reads a BMP file and DIB header. Variants the decoder
// (golang.org/x/image/bmp) does not read are unsupported-format, named; a
// header that lies (zero or negative size, pixel data beyond the file) is
// corrupt.
func inspectBMP(b []byte, in *Info) *Error {
	if len(b) < bmpFileHeader+4 {
		return corrupt(vendors.BMP, "truncated file header")
	}
	le := binary.LittleEndian
	infoLen := int(le.Uint32(b[14:]))
	switch infoLen {
	case bmpInfoHeader, bmpV4InfoHeader, bmpV5InfoHeader:
	case 12, 64:
		return unsupported("OS/2 BMP is not supported")
	default:
		return unsupported("BMP with a " + itoa(int(min(infoLen, 1<<20))) + "-byte DIB header is not supported")
	}
	if len(b) < bmpFileHeader+infoLen {
		return corrupt(vendors.BMP, "truncated DIB header")
	}
	w, h := int(int32(le.Uint32(b[18:]))), int(int32(le.Uint32(b[22:])))
	if h < 0 {
		h = -h // top-down; -(-2^31) still fits an int on 64-bit platforms
	}
	if w <= 0 || h <= 0 {
		return corrupt(vendors.BMP, "width or height "+dims(w, h))
	}
	in.Width, in.Height = w, h
	planes, bpp, compression := le16(b[26:]), le16(b[28:]), le.Uint32(b[30:])
	if compression == 3 && infoLen > bmpInfoHeader &&
		le.Uint32(b[54:]) == 0xff0000 && le.Uint32(b[58:]) == 0xff00 && le.Uint32(b[62:]) == 0xff && le.Uint32(b[66:]) == 0xff000000 {
		compression = 0 // bit fields that say plain BGRA
	}
	if planes != 1 {
		return corrupt(vendors.BMP, itoa(planes)+" planes")
	}
	if compression != 0 {
		return unsupported("compressed BMP (method " + itoa(int(min(compression, 1<<20))) + ") is not supported")
	}
	offset := uint64(le.Uint32(b[10:]))
	want := uint64(bmpFileHeader + infoLen)
	switch bpp {
	case 1, 2, 4, 8:
		in.ColorModel = ColorPaletted
		colors := uint64(le.Uint32(b[46:]))
		if colors == 0 {
			colors = 1 << bpp
		}
		if colors > 1<<bpp {
			return corrupt(vendors.BMP, "more palette colours than "+itoa(bpp)+" bits address")
		}
		want += 4 * colors
	case 24, 32:
		in.ColorModel = ColorRGB
		in.HasAlpha = bpp == 32 && infoLen > bmpInfoHeader
	default:
		return unsupported(itoa(bpp) + "-bit BMP is not supported")
	}
	if offset != want {
		return unsupported("BMP with pixel data at offset " + itoa(int(offset)) + " instead of " + itoa(int(want)) + " is not supported")
	}
	stride := (uint64(w)*uint64(bpp) + 31) / 32 * 4
	hi, size := bits.Mul64(stride, uint64(h))
	if hi != 0 || offset+size > uint64(len(b)) {
		return corrupt(vendors.BMP, "pixel data of "+dims(w, h)+" at "+itoa(bpp)+" bits needs more bytes than the file's "+itoa(len(b)))
	}
	return nil
}

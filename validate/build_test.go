package validate

import (
	"encoding/binary"
	"hash/crc32"
	"image/color"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
	"github.com/profileimage/profileimage/internal/exif/exiftest"
)

// Builders of small, hand-made files for the hostile-header tables. They
// write exactly what they are told, including lies.

func be16b(v int) []byte    { return binary.BigEndian.AppendUint16(nil, uint16(v)) }
func le16b(v int) []byte    { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func le32b(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// jpegSOF returns a frame header segment with nc components.
func jpegSOF(marker byte, precision, w, h, nc int) []byte {
	p := cat([]byte{byte(precision)}, be16b(h), be16b(w), []byte{byte(nc)})
	for i := range nc {
		p = append(p, byte(i+1), 0x11, 0)
	}
	return exiftest.Segment(marker, p)
}

// jpegSOS is a scan header for one component followed by a few bytes of
// entropy-coded data, including a stuffed 0xff00 and a restart marker.
func jpegSOS() []byte {
	return cat(exiftest.Segment(0xda, []byte{1, 1, 0, 0, 63, 0}), []byte{0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56})
}

// jpegFile is SOI, segs, then EOI.
func jpegFile(segs ...[]byte) []byte {
	return cat([]byte{0xff, 0xd8}, cat(segs...), []byte{0xff, 0xd9})
}

func baselineJPEG(w, h int, extra ...[]byte) []byte {
	return jpegFile(cat(cat(extra...), jpegSOF(0xc0, 8, w, h, 3), jpegSOS()))
}

func mkChunk(typ string, data []byte) []byte {
	c := cat(binary.BigEndian.AppendUint32(nil, uint32(len(data))), []byte(typ), data)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

func pngIHDR(w, h uint32, depth, colorType byte) []byte {
	d := binary.BigEndian.AppendUint32(nil, w)
	d = binary.BigEndian.AppendUint32(d, h)
	return mkChunk("IHDR", append(d, depth, colorType, 0, 0, 0))
}

// pngFile is the signature, IHDR, chunks, a small IDAT and IEND.
func pngFile(w, h uint32, depth, colorType byte, chunks ...[]byte) []byte {
	return cat([]byte(pngSignature), pngIHDR(w, h, depth, colorType), cat(chunks...),
		mkChunk("IDAT", []byte{0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1}), mkChunk("IEND", nil))
}

func fcTL(seq, w, h, x, y uint32) []byte {
	d := binary.BigEndian.AppendUint32(nil, seq)
	for _, v := range []uint32{w, h, x, y} {
		d = binary.BigEndian.AppendUint32(d, v)
	}
	return mkChunk("fcTL", append(d, 0, 1, 0, 10, 0, 0))
}

// gifFile has a 2-colour global table and one frame per rect {x, y, w, h}.
func gifFile(sw, sh int, frames ...[4]int) []byte {
	b := cat([]byte("GIF89a"), le16b(sw), le16b(sh), []byte{0x80, 0, 0}, make([]byte, 6))
	for _, f := range frames {
		b = cat(b, []byte{0x21, 0xf9, 4, 1, 0, 0, 0, 0}) // graphic control, transparent
		b = cat(b, []byte{0x2c}, le16b(f[0]), le16b(f[1]), le16b(f[2]), le16b(f[3]), []byte{0, 2, 2, 0x4c, 0x01, 0})
	}
	return append(b, 0x3b)
}

func riffChunk(id string, d []byte) []byte {
	c := cat([]byte(id), le32b(uint32(len(d))), d)
	if len(d)%2 == 1 {
		c = append(c, 0)
	}
	return c
}

func webpFile(chunks ...[]byte) []byte {
	body := cat([]byte("WEBP"), cat(chunks...))
	return cat([]byte("RIFF"), le32b(uint32(len(body))), body)
}

func vp8(w, h int) []byte {
	return riffChunk("VP8 ", cat([]byte{0x10, 0x02, 0, 0x9d, 0x01, 0x2a}, le16b(w), le16b(h), make([]byte, 8)))
}

func vp8x(flags byte, w, h int) []byte {
	d := []byte{flags, 0, 0, 0}
	d = append(d, le32b(uint32(w - 1))[:3]...)
	d = append(d, le32b(uint32(h - 1))[:3]...)
	return riffChunk("VP8X", d)
}

func anmf(x, y, w, h int) []byte {
	d := cat(le32b(uint32(x / 2))[:3], le32b(uint32(y / 2))[:3], le32b(uint32(w - 1))[:3], le32b(uint32(h - 1))[:3], []byte{100, 0, 0, 0})
	return riffChunk("ANMF", cat(d, vp8(w, h)))
}

// bmpFile is a BITMAPINFOHEADER file with bpp bits per pixel
// and pixels bytes of pixel data.
func bmpFile(w, h int32, bpp int, compression uint32, pixels int) []byte {
	b := cat([]byte("BM"), le32b(uint32(54+pixels)), make([]byte, 4), le32b(54), le32b(40),
		le32b(uint32(w)), le32b(uint32(h)), le16b(1), le16b(bpp), le32b(compression), make([]byte, 20))
	return append(b, make([]byte, pixels)...)
}

// rleBMP is a w×h BI_RLE8 file with a two-colour palette and the RLE
// data rle.
func rleBMP(w, h int, rle []byte) []byte {
	return bmptest.File(bmptest.Header{Size: 40, Width: w, Height: h, Bits: 8, Compression: 1, ColorsUsed: 2}, nil,
		bmptest.Palette(false, color.RGBA{A: 255}, color.RGBA{255, 255, 255, 255}), rle)
}

// tiffFile is a TIFF whose IFD0 holds the given width, height, 8-bit RGB
// samples (BitsPerSample 8,8,8, stored after the IFD) and photometric
// interpretation (2 = RGB), then the entries more.
func tiffFile(w, h uint32, more ...exiftest.Entry) []byte {
	entries := append([]exiftest.Entry{
		{Tag: 256, Type: 4, Count: 1, Value: w},
		{Tag: 257, Type: 4, Count: 1, Value: h},
		{Tag: 258, Type: 3, Count: 3},
		{Tag: 262, Type: 3, Count: 1, Value: 2},
	}, more...)
	ifds := []exiftest.IFD{{Entries: entries}}
	entries[2].Value = exiftest.Offset(ifds, 1)
	return exiftest.Block(binary.LittleEndian, ifds, []byte{8, 0, 8, 0, 8, 0})
}

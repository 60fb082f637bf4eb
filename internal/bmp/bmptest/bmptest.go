// Package bmptest builds BMP files for tests: file and DIB headers of any
// size, palettes, bit field masks, pixel arrays and RLE data. The builders
// write exactly what they are told, including lies.
package bmptest

import (
	"encoding/binary"
	"image/color"
)

// ZeroOffset, as Header.Offset, writes a bfOffBits of 0.
const ZeroOffset = -1

// Header is what File writes into the file and DIB headers.
type Header struct {
	// Size is the DIB header's size: 12 writes a BITMAPCOREHEADER (16-bit
	// width and height); any other size writes BITMAPINFOHEADER's fields,
	// cut or padded with zeros to Size bytes.
	Size          int
	Width, Height int // a negative Height: rows top first
	Planes        int // 0 writes 1
	Bits          int // bits per pixel
	Compression   uint32
	ColorsUsed    uint32
	// Masks are the red, green, blue and alpha masks written at bytes 40
	// to 56 of a header that has room for them.
	Masks [4]uint32
	// Offset is bfOffBits; 0 writes the offset of the byte after extra
	// and the palette, ZeroOffset writes 0.
	Offset int
}

// File returns the BMP of header h followed by extra (bit field masks
// after a 40-byte header, or anything), the palette and the pixel data.
func File(h Header, extra, palette, pixels []byte) []byte {
	le := binary.LittleEndian
	dib := le.AppendUint32(nil, uint32(h.Size))
	planes := h.Planes
	if planes == 0 {
		planes = 1
	}
	if h.Size == 12 {
		dib = le.AppendUint16(dib, uint16(h.Width))
		dib = le.AppendUint16(dib, uint16(h.Height))
		dib = le.AppendUint16(dib, uint16(planes))
		dib = le.AppendUint16(dib, uint16(h.Bits))
	} else {
		dib = le.AppendUint32(dib, uint32(int32(h.Width)))
		dib = le.AppendUint32(dib, uint32(int32(h.Height)))
		dib = le.AppendUint16(dib, uint16(planes))
		dib = le.AppendUint16(dib, uint16(h.Bits))
		dib = le.AppendUint32(dib, h.Compression)
		dib = le.AppendUint32(dib, uint32(len(pixels)))
		dib = le.AppendUint32(dib, 2835) // 72 dpi
		dib = le.AppendUint32(dib, 2835)
		dib = le.AppendUint32(dib, h.ColorsUsed)
		dib = le.AppendUint32(dib, 0)
		for _, m := range h.Masks {
			dib = le.AppendUint32(dib, m)
		}
	}
	for len(dib) < h.Size {
		dib = append(dib, 0)
	}
	dib = dib[:max(h.Size, 4)]
	offset := uint32(14 + len(dib) + len(extra) + len(palette))
	switch {
	case h.Offset == ZeroOffset:
		offset = 0
	case h.Offset != 0:
		offset = uint32(h.Offset)
	}
	size := 14 + len(dib) + len(extra) + len(palette) + len(pixels)
	b := []byte("BM")
	b = le.AppendUint32(b, uint32(size))
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, offset)
	b = append(b, dib...)
	b = append(b, extra...)
	b = append(b, palette...)
	return append(b, pixels...)
}

// Palette returns the palette entries of colors: blue, green, red and a
// zero byte each, or without the zero byte for a core header.
func Palette(core bool, colors ...color.RGBA) []byte {
	var b []byte
	for _, c := range colors {
		b = append(b, c.B, c.G, c.R)
		if !core {
			b = append(b, 0)
		}
	}
	return b
}

// Masks returns the masks as little-endian words, as they follow a
// 40-byte header.
func Masks(masks ...uint32) []byte {
	var b []byte
	for _, m := range masks {
		b = binary.LittleEndian.AppendUint32(b, m)
	}
	return b
}

// Rows returns the pixel array of rows (the image's rows, top first) of
// values of bits bits each (palette indices packed most significant bits
// first, or little-endian pixel words), stored bottom up unless topDown,
// each row padded to 4 bytes.
func Rows(rows [][]uint32, bits int, topDown bool) []byte {
	var b []byte
	for i := range rows {
		r := rows[len(rows)-1-i]
		if topDown {
			r = rows[i]
		}
		row := make([]byte, (len(r)*bits+31)/32*4)
		for x, v := range r {
			if bits < 8 {
				perByte := 8 / bits
				row[x/perByte] |= byte(v) << (8 - bits*(x%perByte+1))
				continue
			}
			for k := range bits / 8 {
				row[x*bits/8+k] = byte(v >> (8 * k))
			}
		}
		b = append(b, row...)
	}
	return b
}

// RLE codes, after a zero count byte.
const (
	EndOfLine   = 0
	EndOfBitmap = 1
	Delta       = 2
)

// RLE returns rows of palette indices (the image's rows, top first) as
// BI_RLE8 data, or BI_RLE4 data when four is set (indices below 16),
// stored bottom up unless topDown: three or more equal pixels as an
// encoded run, stretches of three or more others as an absolute run
// padded to 16 bits, single pixels as runs of one, an end of line after
// each row and an end of bitmap.
func RLE(rows [][]uint8, four, topDown bool) []byte {
	var b []byte
	pair := func(v uint8) byte {
		if four {
			return v<<4 | v
		}
		return v
	}
	for i := range rows {
		r := rows[len(rows)-1-i]
		if topDown {
			r = rows[i]
		}
		for x := 0; x < len(r); {
			n := 1
			for x+n < len(r) && r[x+n] == r[x] && n < 255 {
				n++
			}
			if n >= 3 || len(r)-x < 3 {
				b = append(b, byte(n), pair(r[x]))
				x += n
				continue
			}
			e := x
			for e < len(r) && e-x < 255 && !(e+2 < len(r) && r[e] == r[e+1] && r[e] == r[e+2]) {
				e++
			}
			if e-x < 3 {
				for _, v := range r[x:e] {
					b = append(b, 1, pair(v))
				}
				x = e
				continue
			}
			b = append(b, 0, byte(e-x))
			start := len(b)
			for k := x; k < e; k++ {
				switch {
				case !four:
					b = append(b, r[k])
				case (k-x)%2 == 0:
					b = append(b, r[k]<<4)
				default:
					b[len(b)-1] |= r[k]
				}
			}
			if (len(b)-start)%2 == 1 {
				b = append(b, 0)
			}
			x = e
		}
		b = append(b, 0, EndOfLine)
	}
	return append(b, 0, EndOfBitmap)
}

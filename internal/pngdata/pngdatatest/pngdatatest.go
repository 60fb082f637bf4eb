// Package pngdatatest builds PNG files for tests of package pngdata: chunks
// with correct CRCs around any image data, the filtered data of an image
// of any size (Adam7 passes included) written out plainly, and a second
// reading of a file's image data for a decoder to judge alone.
package pngdatatest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// Signature starts every PNG file.
const Signature = "\x89PNG\r\n\x1a\n"

// Chunk returns a chunk: length, type, payload and CRC.
func Chunk(typ string, payload []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(payload)))
	b = append(append(b, typ...), payload...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[4:]))
}

// IHDR returns an IHDR chunk.
func IHDR(w, h int, colorType, depth byte, interlaced bool) []byte {
	d := binary.BigEndian.AppendUint32(nil, uint32(w))
	d = binary.BigEndian.AppendUint32(d, uint32(h))
	il := byte(0)
	if interlaced {
		il = 1
	}
	return Chunk("IHDR", append(d, depth, colorType, 0, 0, il))
}

// File returns the signature followed by chunks.
func File(chunks ...[]byte) []byte {
	return append([]byte(Signature), bytes.Join(chunks, nil)...)
}

// Zlib returns data as one zlib stream of stored (uncompressed) blocks,
// the cheapest to make.
func Zlib(data []byte) []byte {
	var buf bytes.Buffer
	z, _ := zlib.NewWriterLevel(&buf, zlib.NoCompression)
	z.Write(data)
	z.Close()
	return buf.Bytes()
}

// Image returns a w×h PNG of the given colour type and depth whose image
// data is idat (a zlib stream, or anything) in one IDAT chunk, with a
// PLTE chunk of two entries for a palette image.
func Image(w, h int, colorType, depth byte, interlaced bool, idat []byte) []byte {
	chunks := [][]byte{IHDR(w, h, colorType, depth, interlaced)}
	if colorType == 3 {
		chunks = append(chunks, Chunk("PLTE", []byte{0, 0, 0, 255, 255, 255}))
	}
	return File(append(chunks, Chunk("IDAT", idat), Chunk("IEND", nil))...)
}

// samplesPerPixel is the number of samples of a pixel of a colour type.
func samplesPerPixel(colorType byte) int {
	switch colorType {
	case 2:
		return 3
	case 4:
		return 2
	case 6:
		return 4
	}
	return 1
}

// RowSizes lists the size of every row of the filtered image data, filter
// byte included, in order: the image's rows, or each Adam7 pass's rows in
// turn (a pass without pixels has none). It is the PNG specification's
// rule written out plainly, one pixel position at a time.
func RowSizes(w, h int, colorType, depth byte, interlaced bool) []int {
	bits := samplesPerPixel(colorType) * int(depth)
	row := func(n int) int { return 1 + (n*bits+7)/8 }
	if !interlaced {
		sizes := make([]int, h)
		for i := range sizes {
			sizes[i] = row(w)
		}
		return sizes
	}
	// Each pixel's pass, from the 8x8 Adam7 pattern.
	pattern := [8]string{"16462646", "77777777", "56565656", "77777777", "36463646", "77777777", "56565656", "77777777"}
	var sizes []int
	for p := byte('1'); p <= '7'; p++ {
		for y := range h {
			n := 0
			for x := range w {
				if pattern[y%8][x%8] == p {
					n++
				}
			}
			if n > 0 {
				sizes = append(sizes, row(n))
			}
		}
	}
	return sizes
}

// Filtered returns image data of the given row sizes: each row a filter
// byte (filter) then its bytes, made from seed so that it does not
// compress to nothing.
func Filtered(sizes []int, filter byte, seed uint32) []byte {
	var b []byte
	x := seed | 1
	for _, n := range sizes {
		b = append(b, filter)
		for range n - 1 {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			b = append(b, byte(x))
		}
	}
	return b
}

// Clean returns the parts of the PNG file b that decide whether its image
// data decodes, rebuilt with nothing else to judge: the IHDR chunk (with
// its CRC recomputed), a one-entry PLTE for a palette image, one IDAT chunk holding the
// data of b's first run of consecutive IDAT chunks up to the end of its
// zlib stream (bytes after it are dropped: libpng ignores them), and IEND,
// after b's own first eight bytes (a damaged signature stays damaged).
// ok is false when b has no IHDR chunk first, no IDAT chunk, or a chunk
// before the first IDAT that runs past the end of b; a broken chunk after
// an IDAT ends the run.
func Clean(b []byte) (clean []byte, ok bool) {
	if len(b) < 8+25 || string(b[12:16]) != "IHDR" {
		return nil, false
	}
	ihdr := b[8 : 8+25] // a wrong length stays wrong, for the decoder to refuse
	if binary.BigEndian.Uint32(b[8:]) == 13 {
		ihdr = Chunk("IHDR", b[16:29]) // the CRC is not image data
	}
	var data []byte
	inRun := false
walk:
	for p := 8 + 25; p < len(b); {
		var n uint64
		if len(b)-p >= 12 {
			n = uint64(binary.BigEndian.Uint32(b[p:]))
		}
		if len(b)-p < 12 || n > uint64(len(b)-p-12) {
			if !inRun {
				return nil, false // a broken chunk before the image data
			}
			break // the run ends at the broken chunk
		}
		switch typ := string(b[p+4 : p+8]); {
		case typ == "IDAT":
			inRun = true
			data = append(data, b[p+8:p+8+int(n)]...)
		case inRun || typ == "IEND":
			break walk
		}
		p += 12 + int(n)
	}
	if !inRun {
		return nil, false
	}
	// Keep the zlib stream only: a bytes.Reader is an io.ByteReader, so
	// the inflater stops reading where the stream ends.
	r := bytes.NewReader(data)
	if z, err := zlib.NewReader(r); err == nil {
		if _, err := io.Copy(io.Discard, z); err == nil {
			data = data[:len(data)-r.Len()]
		}
	}
	chunks := [][]byte{ihdr}
	if ihdr[17] == 3 {
		chunks = append(chunks, Chunk("PLTE", []byte{0, 0, 0}))
	}
	chunks = append(chunks, Chunk("IDAT", data), Chunk("IEND", nil))
	return append(bytes.Clone(b[:8]), bytes.Join(chunks, nil)...), true
}

// Package giftest builds GIF files block by block for tests, including
// the malformed ones that encoders never write: frames of any size and
// offset, with or without colour tables, and LZW data of any length.
package giftest

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
)

// Trailer ends a GIF file.
const Trailer = 0x3b

// Four is a colour table of four colours: red, green, blue and yellow.
var Four = []byte{255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0}

// Screen returns a GIF89a header and logical screen descriptor of w×h with
// the global colour table table (RGB triples; none when nil), padded to a
// power of two entries, and background index bg.
func Screen(w, h int, table []byte, bg byte) []byte {
	b := []byte("GIF89a")
	b = binary.LittleEndian.AppendUint16(b, uint16(w))
	b = binary.LittleEndian.AppendUint16(b, uint16(h))
	flags, t := tableFlags(table)
	if t != nil {
		flags |= 0x70
	}
	return append(append(b, flags, bg, 0), t...)
}

// GraphicControl returns a graphic control extension; transparent < 0
// declares no transparent index.
func GraphicControl(transparent int, disposal byte) []byte {
	flags, index := disposal<<2, byte(0)
	if transparent >= 0 {
		flags, index = flags|1, byte(transparent)
	}
	return []byte{0x21, 0xf9, 4, flags, 10, 0, index, 0}
}

// Frame describes one image block.
type Frame struct {
	X, Y, W, H int
	Table      []byte // local colour table (RGB triples), or nil
	Interlaced bool   // only sets the flag: Pixels are in storage order
	LitWidth   int    // LZW code size; 0 means 2
	Pixels     []int  // coded by LZW, unless Data is set
	Data       []byte // the LZW data as it is
	// SubBlock is the size of the data sub-blocks (0 means 255).
	SubBlock int
}

// Bytes returns the image block: descriptor, local table, code size and
// data sub-blocks with their terminator.
func (f Frame) Bytes() []byte {
	b := []byte{0x2c}
	for _, v := range []int{f.X, f.Y, f.W, f.H} {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	flags, t := tableFlags(f.Table)
	if f.Interlaced {
		flags |= 0x40
	}
	b = append(append(b, flags), t...)
	lit := f.LitWidth
	if lit == 0 {
		lit = 2
	}
	data := f.Data
	if data == nil {
		data = LZW(f.Pixels, lit)
	}
	return append(append(b, byte(lit)), SubBlocks(data, f.SubBlock)...)
}

// SubBlocks splits data into sub-blocks of size bytes (0 means 255) and
// ends them with a zero-length block.
func SubBlocks(data []byte, size int) []byte {
	if size <= 0 || size > 255 {
		size = 255
	}
	var b []byte
	for len(data) > 0 {
		n := min(size, len(data))
		b = append(append(b, byte(n)), data[:n]...)
		data = data[n:]
	}
	return append(b, 0)
}

// LZW codes values (each below 1<<lit) as literal codes, after a clear
// code and followed by the end code, with the code width growing as a
// decoder's table grows and a clear code whenever the table is full.
func LZW(values []int, lit int) []byte {
	clear := 1 << lit
	var w bitWriter
	width, next, first := lit+1, clear+2, true
	w.put(clear, width)
	for _, v := range values {
		w.put(v, width)
		if first {
			first = false
			continue
		}
		next++
		if next == 1<<width && width < 12 {
			width++
		}
		if next == 1<<12 {
			w.put(clear, width)
			width, next, first = lit+1, clear+2, true
		}
	}
	w.put(clear+1, width)
	return w.flush()
}

type bitWriter struct {
	b     []byte
	bits  uint32
	nbits uint
}

func (w *bitWriter) put(code, width int) {
	w.bits |= uint32(code) << w.nbits
	w.nbits += uint(width)
	for w.nbits >= 8 {
		w.b = append(w.b, byte(w.bits))
		w.bits >>= 8
		w.nbits -= 8
	}
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.b = append(w.b, byte(w.bits))
	}
	return w.b
}

// tableFlags returns the size flags of a colour table and the table padded
// to a power of two entries (at least two); no flags for a nil table.
func tableFlags(table []byte) (byte, []byte) {
	if table == nil {
		return 0, nil
	}
	size := byte(0)
	for 3<<(size+1) < len(table) && size < 7 {
		size++
	}
	t := make([]byte, 3<<(size+1))
	copy(t, table)
	return 0x80 | size, t
}

// File joins blocks into a file.
func File(blocks ...[]byte) []byte {
	var b []byte
	for _, x := range blocks {
		b = append(b, x...)
	}
	return b
}

// CheckComposition returns an error unless img is the screen-sized image of
// a first frame at frame: bounds (0, 0)-screen, and every pixel outside
// frame empty, which is transparent black when transparent and opaque
// black otherwise.
func CheckComposition(img image.Image, screen image.Point, frame image.Rectangle, transparent bool) error {
	if img.Bounds() != image.Rect(0, 0, screen.X, screen.Y) || !frame.In(img.Bounds()) || frame.Empty() {
		return fmt.Errorf("image %v, frame %v, screen %v", img.Bounds(), frame, screen)
	}
	empty := color.NRGBA{A: 0xff}
	if transparent {
		empty = color.NRGBA{}
	}
	for y := range screen.Y {
		for x := range screen.X {
			if (image.Point{x, y}).In(frame) {
				continue
			}
			if c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA); c != empty {
				return fmt.Errorf("pixel (%d,%d) outside frame %v is %v, want %v", x, y, frame, c, empty)
			}
		}
	}
	return nil
}

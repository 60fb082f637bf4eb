package gif

import (
	"image"
	"image/color"
	"math"
)

// maxScreen is the largest screen FirstFrame allocates, in pixels: the
// format's own limit (65535 on a side), within an int for four bytes a
// pixel.
const maxScreen = min(65535*65535, math.MaxInt/4)

// defaultTable is the colour table of a frame that has neither a local nor
// a global one: libnsgif's, black and white.
var defaultTable = [...]byte{0, 0, 0, 0xff, 0xff, 0xff}

// FirstFrame decodes the first frame of the GIF in data onto an image of
// its logical screen's size, whose bounds start at (0, 0), composed as the
// package documentation says. A screen of more than maxPixels pixels is
// refused with a *[LimitError] before anything is allocated (so a
// maxPixels of zero or less refuses every screen).
//
// The image is an *image.Paletted whose palette is the frame's colour
// table, with transparent black at the transparent index, which then
// stands for every empty pixel; without one, an entry of the empty colour
// is added after the table's. When the table has 256 entries, none of
// them the empty colour, and the frame has no transparent index, the image
// is an *image.NRGBA instead.
//
// The error is one of [Scan]'s, a *[LimitError], or a [FormatError] for a
// first frame whose LZW data decodes to no pixel or holds a code that
// names no table entry.
func FirstFrame(data []byte, maxPixels int64) (image.Image, error) {
	l, err := Scan(data, nil)
	if err != nil {
		return nil, err
	}
	if limit := min(maxPixels, maxScreen); int64(l.Width)*int64(l.Height) > limit {
		return nil, &LimitError{Width: l.Width, Height: l.Height, Limit: limit}
	}
	f := &l.first
	empty := color.RGBA{A: 0xff}
	if l.Transparent {
		empty = color.RGBA{}
	}
	table := f.table
	if table == nil {
		table = defaultTable[:]
	}
	palette := make(color.Palette, len(table)/3, 256)
	for i := range palette {
		palette[i] = color.RGBA{table[3*i], table[3*i+1], table[3*i+2], 0xff}
	}
	colours := len(palette)
	emptyIndex := -1
	if f.transparent >= 0 && f.transparent < colours {
		palette[f.transparent] = color.RGBA{} // Transparent is set: the empty colour
		emptyIndex = f.transparent
	} else if colours < 256 {
		emptyIndex = colours
		palette = append(palette, empty)
	} else {
		for i, c := range palette {
			if c == empty {
				emptyIndex = i
				break
			}
		}
	}

	screen := image.Rect(0, 0, l.Width, l.Height)
	w := frameWriter{frame: l.Frame, interlaced: f.interlaced}
	values := 1 << f.litWidth
	var img image.Image
	if emptyIndex >= 0 {
		m := image.NewPaletted(screen, palette)
		fill(m.Pix, []byte{byte(emptyIndex)})
		w.pix, w.stride, w.bpp = m.Pix, m.Stride, 1
		w.index = make([]byte, values)
		for v := range w.index {
			w.index[v] = byte(emptyIndex)
			if v < colours {
				w.index[v] = byte(v)
			}
		}
		img = m
	} else {
		m := image.NewNRGBA(screen)
		fill(m.Pix, []byte{empty.R, empty.G, empty.B, empty.A})
		w.pix, w.stride, w.bpp = m.Pix, m.Stride, 4
		w.colour = make([][4]byte, values)
		for v := range w.colour {
			c := empty
			if v < colours {
				c = palette[v].(color.RGBA)
			}
			w.colour[v] = [4]byte{c.R, c.G, c.B, c.A}
		}
		img = m
	}
	if err := decodeLZW(newSubBlocks(data, f.data), f.litWidth, w.write); err != nil {
		return nil, err
	}
	if w.written == 0 {
		return nil, FormatError("the first frame's LZW data decodes to no pixel")
	}
	return img, nil
}

// fill sets every pixel of pix to px, unless px is all zero, as pix
// already is.
func fill(pix, px []byte) {
	zero := true
	for _, b := range px {
		zero = zero && b == 0
	}
	if zero || len(pix) == 0 {
		return
	}
	copy(pix, px)
	for n := len(px); n < len(pix); n *= 2 {
		copy(pix[n:], pix[:n])
	}
}

// frameWriter places the values of the first frame, in the order they are
// stored, at their pixels on the screen: one palette index (index) or one
// NRGBA colour (colour) per value.
type frameWriter struct {
	frame      image.Rectangle
	interlaced bool
	pix        []byte
	stride     int
	bpp        int
	index      []byte
	colour     [][4]byte

	x, y, pass int // the next pixel, in frame coordinates, and its interlace pass
	full       bool
	written    int
}

// Interlaced frames store every eighth row from row 0, then every eighth
// from row 4, every fourth from row 2 and every second from row 1.
var (
	passStart = [...]int{0, 4, 2, 1}
	passStep  = [...]int{8, 8, 4, 2}
)

// write places vals and reports whether the frame has room for more.
func (w *frameWriter) write(vals []uint16) bool {
	fw := w.frame.Dx()
	for len(vals) > 0 && !w.full {
		k := min(len(vals), fw-w.x)
		off := (w.frame.Min.Y+w.y)*w.stride + (w.frame.Min.X+w.x)*w.bpp
		if w.bpp == 1 {
			row := w.pix[off : off+k]
			for i, v := range vals[:k] {
				row[i] = w.index[v]
			}
		} else {
			row := w.pix[off : off+4*k]
			for i, v := range vals[:k] {
				c := w.colour[v]
				copy(row[4*i:4*i+4], c[:])
			}
		}
		w.written += k
		w.x += k
		vals = vals[k:]
		if w.x == fw {
			w.x = 0
			w.nextRow()
		}
	}
	return !w.full
}

// nextRow moves to the next stored row, and sets full after the last.
func (w *frameWriter) nextRow() {
	h := w.frame.Dy()
	if !w.interlaced {
		w.y++
		w.full = w.y == h
		return
	}
	w.y += passStep[w.pass]
	for w.y >= h {
		w.pass++
		if w.pass == len(passStart) {
			w.full = true
			return
		}
		w.y = passStart[w.pass]
	}
}

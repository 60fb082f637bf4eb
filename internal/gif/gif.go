// Package gif reads the first frame of a GIF the way libvips does, and the
// facts about the rest of the file that a first-frame decode needs, where
// the standard library's image/gif refuses many files that libvips and
// Pillow open (a frame of another size than the screen, a frame without a
// colour table, too much or too little LZW data, an animation cut off or
// damaged after its first frame).
//
// [Scan] walks the blocks of the file without decoding pixels; [FirstFrame]
// decodes the first frame onto an image of the logical screen's size. The
// references are libvips 8.14 (whose GIF loader is libnsgif) and Pillow 9.4,
// run on every case the tests hold.
//
// # The walk
//
// A GIF is a header ("GIF87a" or "GIF89a"), a logical screen descriptor
// (width, height, flags, background index, aspect) with an optional global
// colour table, then blocks until a trailer (0x3b): extensions (0x21, a
// label, data sub-blocks) and images (0x2c, a descriptor, an optional local
// colour table, an LZW code size and data sub-blocks). A damaged header, a
// block before the first image that is neither, or a damaged first image is
// a [FormatError]. What comes after the first image never is: the walk
// counts the images whose descriptor it reads whole and stops at the first
// damage (a truncation, an unknown block, a missing trailer), which
// [Layout].Rest reports, as libvips shows the first frame of such files.
//
// # Composition
//
// The image is the logical screen's size (grown to hold the first frame,
// see below), and the first frame is placed at the offset its descriptor
// gives. A pixel the first frame does not paint
// is empty: outside the frame's rectangle, a pixel of its transparent
// index, a colour index beyond its colour table, and every pixel left when
// its LZW data ends early. Empty is transparent black when some frame of
// the file declares a transparent colour ([Layout].Transparent), and opaque
// black otherwise, which is what libvips shows: it composes onto a
// transparent canvas and drops the alpha channel of a file that declares no
// transparency. The background colour index is ignored, as libvips ignores
// it (Pillow fills with palette index 0 instead, or the transparent index).
//
// A frame with neither a local nor a global colour table gets libnsgif's
// default table: index 0 black, index 1 white, every other index empty
// (Pillow uses a grey ramp). LZW data that goes on after the frame is full,
// or after its end code, is ignored; data that ends before the frame is
// full (with or without an end code) leaves the rest empty, as libvips does
// (Pillow refuses such frames). Interlaced frames are de-interlaced. LZW code
// sizes 1 to 11 are read, as both references read them; a size of 9 or
// more gives pixel values above 255, which are empty.
//
// # What is refused
//
// A first frame that reaches beyond the logical screen grows it to the
// union of the two, as libvips and Pillow do: [Layout]'s Width and Height
// are that size, read from the descriptors without decoding, so every limit
// and rule is judged on the size that is decoded. Later frames are not
// looked at.
//
// A file that ends inside the first frame's data sub-blocks, before the
// zero-length block that ends them, is truncated: a [FormatError], whether
// or not the pixels it holds fill the frame (libvips warns, and shows the
// frame when its pixels are all there and an empty canvas otherwise;
// Pillow shows only a frame whose LZW data is complete); the library
// rejects truncated files. So are a first frame of no pixels (a
// zero width or height, no data bytes, or LZW data that decodes to no
// pixel: libvips shows an empty canvas for some of these, Pillow refuses
// them all), an LZW code size of 0 or above 11, and an LZW code that names
// no table entry (both references refuse it).
//
// libnsgif takes a logical screen of some common monitor sizes, such as
// 640x480, for the size of the screen the file was made on, and makes the
// image only as large as the first frame's extent; the library keeps the
// logical screen, as giflib, Pillow and the GIF specification do.
//
// # Security Considerations
//
// Neither function panics on any input, and no state is shared between
// calls. Every offset is checked against the data before it is used; the
// walk looks at most 131072 blocks, each step moving forward. FirstFrame
// checks the screen's pixel count against the caller's limit before it
// allocates anything, and allocates the screen (one byte a pixel, or four
// in the rare case described on FirstFrame) and 40 KB of LZW tables. The
// LZW decode stops when the frame is full or its data ends; each code
// consumes at least two bits of data, so its time is linear in the data.
package gif

import (
	"encoding/binary"
	"image"
	"strconv"
)

// Block introducers and the extension labels the walk reads.
const (
	blockExtension = 0x21
	blockImage     = 0x2c
	blockTrailer   = 0x3b

	labelGraphicControl = 0xf9
)

const (
	// maxBlocks bounds the extensions and images examined.
	maxBlocks = 1 << 17
	// maxLitWidth is the largest LZW code size read: codes are at most
	// 12 bits wide, and the first code of a size-s stream is s+1 bits.
	maxLitWidth = 11
	// descriptorSize is the size of an image descriptor after its 0x2c.
	descriptorSize = 9
)

// Layout is what [Scan] learns from the blocks of a GIF file.
type Layout struct {
	// Width and Height are the logical screen's size: the size of the
	// image FirstFrame returns.
	Width, Height int
	// Frame is the first frame's rectangle on the screen.
	Frame image.Rectangle
	// Frames counts the images whose descriptor the walk read whole,
	// the first one included.
	Frames int
	// Transparent reports that the graphic control extension of one of
	// those images declares a transparent colour index: the empty pixels
	// of the first frame are then transparent, not opaque black.
	Transparent bool
	// Rest is nil when the walk ended at a trailer, and else the
	// [FormatError] that says why it stopped after the first frame.
	Rest error

	first frameData
}

// frameData is what FirstFrame needs to decode the first frame.
type frameData struct {
	table       []byte // RGB triples: the local colour table, else the global one, else nil
	transparent int    // the transparent colour index, or -1
	interlaced  bool
	litWidth    int
	data        int // offset of the first data sub-block's size byte
}

// graphicControl is the graphic control extension that applies to the
// next image, if any.
type graphicControl struct {
	transparent bool
	index       int
}

// Scan walks the GIF in data and returns its [Layout], without decoding
// pixels; it allocates nothing but its errors. visit, when not nil, is
// called with the label and the first data sub-block (possibly empty) of
// each extension the walk reads whole, in file order.
//
// The error is a [FormatError], and only ever concerns
// the header, the blocks before the first image and the first image; the
// Layout is valid only when it is nil.
func Scan(data []byte, visit func(label byte, first []byte)) (Layout, error) {
	var l Layout
	if len(data) < 6 || string(data[:6]) != "GIF87a" && string(data[:6]) != "GIF89a" {
		return l, FormatError("not a GIF file")
	}
	if len(data) < 13 {
		return l, FormatError("truncated logical screen descriptor")
	}
	l.Width, l.Height = le16(data[6:]), le16(data[8:])
	if l.Width == 0 || l.Height == 0 {
		return l, FormatError("logical screen of zero width or height (" + dims(l.Width, l.Height) + ")")
	}
	var global []byte
	p := 13
	if flags := data[10]; flags&0x80 != 0 {
		n := tableSize(flags)
		if n > len(data)-p {
			return l, FormatError("truncated global colour table")
		}
		global, p = data[p:p+n], p+n
	}
	var gc graphicControl
	for blocks := 0; ; blocks++ {
		var err error
		switch {
		case blocks == maxBlocks:
			err = FormatError("more than " + strconv.Itoa(maxBlocks) + " blocks")
		case p >= len(data) && l.Frames == 0:
			err = FormatError("truncated before the first frame")
		case p >= len(data):
			err = FormatError("no trailer")
		case data[p] == blockTrailer:
			if l.Frames == 0 {
				return l, FormatError("no image data: the trailer comes before any frame")
			}
			return l, nil
		case data[p] == blockExtension:
			p, err = extension(data, p+1, &gc, visit)
		case data[p] == blockImage:
			p, err = l.image(data, p+1, global, gc)
			gc = graphicControl{}
		default:
			err = FormatError("unknown block type 0x" + strconv.FormatUint(uint64(data[p]), 16) + " at offset " + strconv.Itoa(p))
		}
		if err != nil {
			if l.first.litWidth == 0 { // the first frame is not read whole
				return Layout{}, err
			}
			l.Rest = err
			return l, nil
		}
	}
}

// extension reads the extension whose label is at data[p] and returns the
// offset after it.
func extension(data []byte, p int, gc *graphicControl, visit func(byte, []byte)) (int, error) {
	if p >= len(data) {
		return 0, FormatError("truncated extension")
	}
	label := data[p]
	end, _, err := skipSubBlocks(data, p+1)
	if err != nil {
		return 0, err
	}
	first := data[p+2 : p+2+int(data[p+1])] // inside the chain just checked
	if label == labelGraphicControl && len(first) >= 4 {
		*gc = graphicControl{transparent: first[0]&1 != 0, index: int(first[3])}
	}
	if visit != nil {
		visit(label, first)
	}
	return end, nil
}

// image reads the image whose descriptor starts at data[p], with the
// graphic control gc, and returns the offset after it. The first image is
// checked and recorded for FirstFrame; later ones are only skipped.
func (l *Layout) image(data []byte, p int, global []byte, gc graphicControl) (int, error) {
	first := l.Frames == 0
	if len(data)-p < descriptorSize {
		return 0, FormatError("truncated image descriptor of frame " + strconv.Itoa(l.Frames))
	}
	x, y, w, h := le16(data[p:]), le16(data[p+2:]), le16(data[p+4:]), le16(data[p+6:])
	flags := data[p+8]
	p += descriptorSize
	l.Frames++
	l.Transparent = l.Transparent || gc.transparent
	table := global
	if flags&0x80 != 0 {
		n := tableSize(flags)
		if n > len(data)-p {
			return 0, FormatError("truncated local colour table of frame " + strconv.Itoa(l.Frames-1))
		}
		table, p = data[p:p+n], p+n
	}
	if p >= len(data) {
		return 0, FormatError("truncated image data of frame " + strconv.Itoa(l.Frames-1))
	}
	litWidth := int(data[p])
	end, n, err := skipSubBlocks(data, p+1)
	if !first {
		return end, err
	}
	r := image.Rect(x, y, x+w, y+h)
	switch {
	case err != nil:
		return 0, FormatError("the first frame is truncated: the file ends inside its image data")
	case w == 0 || h == 0 || n == 0:
		detail := "the first frame (" + dims(w, h) + " at " + strconv.Itoa(x) + "," + strconv.Itoa(y) + ") has no image data"
		if table == nil {
			detail += " and no colour table"
		}
		return 0, FormatError(detail)
	case litWidth < 1 || litWidth > maxLitWidth:
		return 0, FormatError("LZW code size " + strconv.Itoa(litWidth) + " in the first frame")
	}
	// A first frame beyond the logical screen grows it, as libvips and
	// Pillow grow it; each side stays within 2×65535.
	l.Frame = r
	l.Width, l.Height = max(l.Width, r.Max.X), max(l.Height, r.Max.Y)
	transparent := -1
	if gc.transparent {
		transparent = gc.index
	}
	l.first = frameData{table: table, transparent: transparent, interlaced: flags&0x40 != 0, litWidth: litWidth, data: p + 1}
	return end, nil
}

// skipSubBlocks skips the chain of data sub-blocks at data[p], which ends
// with a zero-length block, and returns the offset after it and the number
// of data bytes the chain holds. Each step moves forward.
func skipSubBlocks(data []byte, p int) (end, n int, err error) {
	for {
		if p >= len(data) {
			return 0, 0, FormatError("truncated data sub-blocks")
		}
		size := int(data[p])
		if size == 0 {
			return p + 1, n, nil
		}
		if size >= len(data)-p {
			return 0, 0, FormatError("truncated data sub-blocks")
		}
		p += 1 + size
		n += size
	}
}

// tableSize is the size in bytes of the colour table that flags (of the
// screen or of an image descriptor) announce.
func tableSize(flags byte) int { return 3 << (flags&7 + 1) }

func le16(b []byte) int { return int(binary.LittleEndian.Uint16(b)) }

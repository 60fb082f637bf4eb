package jpeg

import (
	"image"
	"io"

	"github.com/profileimage/profileimage/internal/orient"
)

// DefaultQuality is the quality used when EncodeOptions.Quality is 0.
const DefaultQuality = 75

// EncodeOptions tunes [Encode]. A nil *EncodeOptions means the zero value
// of every field.
type EncodeOptions struct {
	// Quality is 1..100 with the IJG scaling of the annex K tables, so the
	// same number gives the same tables as image/jpeg. 0 means
	// DefaultQuality; other values are clamped to 1..100.
	Quality int
	// OptimizeHuffman computes Huffman tables for this image (a second
	// pass over the quantized blocks) instead of the typical tables of
	// annex K.3: the same pixels in a smaller file.
	OptimizeHuffman bool
	// Chroma444 keeps full-resolution chroma. By default colour images are
	// written 4:2:0, as image/jpeg writes them. A 4:4:4 *image.YCbCr with
	// Chroma444 (or a 4:2:0 one without) is written straight from its
	// planes.
	Chroma444 bool
	// Concurrency is the number of goroutines that code an image of a
	// megapixel or more (see Append): 0 means runtime.GOMAXPROCS(0), 1
	// the calling goroutine only. The output is the same whatever it is.
	Concurrency int
	// Orientation is the EXIF orientation (1 to 8) of img: the JPEG shows
	// img as that orientation says, upright (transposed for 5 to 8), read
	// straight from img without a rotated copy. 0 means 1.
	Orientation int
}

// Encode writes img to w as a baseline JPEG: one component for
// *image.Gray, three (Y'CbCr) otherwise. The output is deterministic
// and has no metadata segments (no JFIF, EXIF or ICC). Translucent
// pixels are composited on black, as image/jpeg does.
func Encode(w io.Writer, img image.Image, opts *EncodeOptions) error {
	buf, err := Append(nil, img, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(buf)
	return err
}

// Append is [Encode] appending the JPEG stream to dst.
//
// An image of a megapixel or more is coded in eight restart intervals of
// whole MCU rows (a DRI segment and RST markers, which every decoder
// reads), so that up to eight goroutines code it at once; they cost a few
// bytes per interval.
func Append(dst []byte, img image.Image, opts *EncodeOptions) ([]byte, error) {
	o, turn, w, h, err := checkOptions(img, opts)
	if err != nil {
		return dst, err
	}
	e := newEncoder(img, &o, turn)
	return e.appendJPEG(dst, w, h), nil
}

// checkOptions returns opts with the defaults filled in and the quality
// clamped, the orientation, and the size of the JPEG of img, or an error
// for an orientation or a size that a JPEG cannot have.
func checkOptions(img image.Image, opts *EncodeOptions) (o EncodeOptions, turn orientation, w, h int, err error) {
	if opts != nil {
		o = *opts
	}
	if o.Quality == 0 {
		o.Quality = DefaultQuality
	}
	o.Quality = min(max(o.Quality, 1), 100)
	t, ok := orient.Of(o.Orientation)
	if !ok {
		return o, turn, 0, 0, UnsupportedError("orientation (want 0 to 8)")
	}
	b := img.Bounds()
	w, h = t.Size(b.Dx(), b.Dy())
	if w <= 0 || h <= 0 || w > 0xffff || h > 0xffff {
		return o, turn, 0, 0, UnsupportedError("image size (want 1..65535 on each side)")
	}
	return o, orientation{t}, w, h, nil
}

// appendJPEG writes the whole w×h JPEG after dst.
func (e *encoder) appendJPEG(dst []byte, w, h int) []byte {
	e.buf = dst
	e.writeHeaders(w, h)
	e.writeScan(w, h)
	e.buf = append(e.buf, 0xff, markerEOI)
	return e.buf
}

// encoder holds the state of one Encode call.
type encoder struct {
	opts   *EncodeOptions
	src    source
	nComp  int
	sub420 bool
	tables [2][64]uint8 // zig-zag order, as written in DQT
	quant  [2]quantizer
	specs  [4]huffSpec // DC luma, AC luma, DC chroma, AC chroma
	codes  [4]*huffCode
	fast   [2]*acFast // AC luma, AC chroma
	buf    []byte
	// coefs, when not nil, holds the transform outputs of every block (64
	// each, in coding order; see Transformed), which are quantized instead
	// of reading src.
	coefs []int32
}

func newEncoder(img image.Image, o *EncodeOptions, turn orientation) *encoder {
	e := &encoder{opts: o, nComp: 3, sub420: !o.Chroma444}
	var pixels pixelSource // for the types read pixel by pixel
	switch m := img.(type) {
	case *image.Gray:
		e.src, e.nComp, e.sub420 = graySource{m, turn}, 1, false
	case *image.YCbCr:
		switch {
		case e.sub420 && m.SubsampleRatio == image.YCbCrSubsampleRatio420 &&
			m.Rect.Min.X&1 == 0 && m.Rect.Min.Y&1 == 0:
			e.src = ycc420Source{m, turn}
		case !e.sub420 && m.SubsampleRatio == image.YCbCrSubsampleRatio444:
			e.src = ycc444Source{m, turn}
		default:
			pixels = yccSource(m, !e.sub420)
		}
	case *image.RGBA:
		pixels = rgbaSource(m, !e.sub420)
	case *image.NRGBA:
		pixels = nrgbaSource(m, !e.sub420)
	default:
		pixels = imageSource(img, !e.sub420)
	}
	if pixels.at != nil {
		e.src = pixels.oriented(turn)
	}
	e.setQuality(o.Quality)
	return e
}

// setQuality sets the quantization tables for quality 1..100 and the
// typical Huffman tables.
func (e *encoder) setQuality(quality int) {
	e.tables = scaledQuant(quality)
	for t := range e.tables {
		e.quant[t] = newQuantizer(&e.tables[t])
	}
	e.specs = stdHuff
}

// writeHeaders writes SOI, DQT, SOF0 and, unless the tables are
// optimised (then they follow the statistics pass), nothing else.
func (e *encoder) writeHeaders(w, h int) {
	e.buf = append(e.buf, 0xff, markerSOI)
	nq := 2
	if e.nComp == 1 {
		nq = 1
	}
	e.segment(markerDQT, 65*nq)
	for t := 0; t < nq; t++ {
		e.buf = append(e.buf, byte(t))
		e.buf = append(e.buf, e.tables[t][:]...)
	}
	e.segment(markerSOF0, 6+3*e.nComp)
	e.buf = append(e.buf, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), byte(e.nComp))
	for c := 0; c < e.nComp; c++ {
		hv, tq := byte(0x11), byte(0)
		if c == 0 && e.sub420 {
			hv = 0x22
		}
		if c > 0 {
			tq = 1
		}
		e.buf = append(e.buf, byte(c+1), hv, tq)
	}
}

// segment writes a marker and the length field for n payload bytes.
func (e *encoder) segment(marker byte, n int) {
	e.buf = append(e.buf, 0xff, marker, byte((n+2)>>8), byte(n+2))
}

// writeDHT writes the Huffman tables in use.
func (e *encoder) writeDHT() {
	n := 2
	if e.nComp == 1 {
		n = 1
	}
	size := 0
	for t := 0; t < 2*n; t++ {
		size += 17 + len(e.specs[t].vals)
	}
	e.segment(markerDHT, size)
	for t := 0; t < 2*n; t++ {
		class, id := byte(t&1), byte(t>>1)
		e.buf = append(e.buf, class<<4|id)
		e.buf = append(e.buf, e.specs[t].counts[:]...)
		e.buf = append(e.buf, e.specs[t].vals...)
	}
}

// writeSOS writes the scan header.
func (e *encoder) writeSOS() {
	e.segment(markerSOS, 4+2*e.nComp)
	e.buf = append(e.buf, byte(e.nComp))
	for c := 0; c < e.nComp; c++ {
		t := byte(0x00)
		if c > 0 {
			t = 0x11
		}
		e.buf = append(e.buf, byte(c+1), t)
	}
	e.buf = append(e.buf, 0, 63, 0)
}

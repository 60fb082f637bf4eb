package jpeg

import (
	"context"
	"image"
)

// decoder holds the state of one Decode call.
type decoder struct {
	frame
	quant [4][64]int32 // quantization tables, zig-zag order
	huff  [2][4]huffTable
	// dac holds the arithmetic conditioning of DC (0) and AC (1) tables
	// that a DAC segment set (dacSet).
	dac    [2][4]uint8
	dacSet [2][4]bool

	r      reader
	ctx    context.Context
	opts   *DecodeOptions
	scale  int // 1, 2, 4 or 8
	bs     int // output samples per block side: 8/scale
	nScans int

	out    *planes
	coeffs [4][]int32 // progressive or arithmetic: every block's coefficients, natural order
	eobRun int        // progressive end-of-band run, kept across scans as image/jpeg does

	streamed int // output rows already handed to opts.Rows

	// final has a bit set for each coefficient (zig-zag index) of each
	// component that a finished scan has coded to its last bit.
	final [4]uint64

	blk [64]int32 // the block being decoded; all zero between blocks

	// store, in a scout's decoder (see split.go), takes the sequential
	// blocks instead of the planes.
	store *kept
}

// Decode decodes a baseline or progressive JPEG image held in data.
//
// The result is an *image.YCbCr for Y'CbCr images (keeping the stream's
// chroma subsampling, or 4:4:4 for a layout image.YCbCr has no ratio
// for), *image.Gray for one component, *image.RGBA for Adobe RGB images
// and *image.CMYK for CMYK and YCCK images, like image/jpeg. Bytes after
// the EOI marker are ignored. Errors are [FormatError], [UnsupportedError]
// or *[LimitError], or the error returned by DecodeOptions.Rows.
func Decode(data []byte, opts *DecodeOptions) (image.Image, error) {
	return DecodeContext(context.Background(), data, opts)
}

// DecodeContext is [Decode] that stops with ctx.Err() when ctx is done; it
// checks between rows of MCUs.
func DecodeContext(ctx context.Context, data []byte, opts *DecodeOptions) (image.Image, error) {
	s, err := opts.scale()
	if err != nil {
		return nil, err
	}
	d := &decoder{ctx: ctx, opts: opts, scale: s, bs: 8 / s}
	d.r = reader{data: data, opts: opts}
	if err := d.decode(); err != nil {
		return nil, err
	}
	return d.finish()
}

// decode walks the segments up to EOI.
func (d *decoder) decode() error {
	if err := d.r.soi(); err != nil {
		return err
	}
	for {
		m, seg, err := d.r.nextSegment()
		if err == errTruncated && d.r.ended && d.complete() {
			// libjpeg takes the end of the data for EOI once the scans
			// are whole; data cut inside a scan or a segment stays an
			// error.
			d.opts.warn(len(d.r.data), "Premature end of JPEG file: no EOI marker after the last scan")
			return nil
		}
		if err != nil {
			return err
		}
		switch m {
		case markerEOI:
			return nil
		case markerSOS:
			err = d.scan(seg)
		default:
			err = d.segment(m, seg)
		}
		if err != nil {
			return err
		}
	}
}

// segment reads a segment other than SOS and EOI: marker m, payload seg.
func (d *decoder) segment(m byte, seg []byte) error {
	switch m {
	case markerSOF0, markerSOF1, markerSOF2, markerSOF9, markerSOF10:
		if err := d.parseSOF(m, seg); err != nil {
			return err
		}
		return d.checkSize()
	case markerDHT:
		return d.parseDHT(seg)
	case markerDAC:
		return d.parseDAC(seg)
	case markerDQT:
		return d.parseDQT(seg)
	case markerDRI:
		return d.parseDRI(seg)
	case markerAPP0, markerAPP14:
		if d.out == nil || d.opts == nil || d.opts.Rows == nil {
			d.parseAPP(m, seg)
		}
		return nil
	}
	return otherMarker(m)
}

// complete reports whether the scans decoded so far have coded every
// coefficient of every component to its last bit: a sequential image
// whose components have all been scanned, a progressive one whose last
// refinement is done.
func (d *decoder) complete() bool {
	if d.nComp == 0 || d.nScans == 0 {
		return false
	}
	for ci := 0; ci < d.nComp; ci++ {
		if d.final[ci] != ^uint64(0) {
			return false
		}
	}
	return true
}

// checkSize refuses a frame larger than the pixel limit, before anything
// is allocated for it.
func (d *decoder) checkSize() error {
	limit := d.opts.maxPixels()
	if px := int64(d.width) * int64(d.height); px > limit {
		return &LimitError{What: "pixels", Limit: limit, Got: px}
	}
	return nil
}

// stored reports whether the scans store every block's coefficients, to
// be transformed by finish: in a progressive or arithmetic-coded image.
func (d *decoder) stored() bool { return d.progressive || d.arithmetic }

// finish turns the decoded planes into the output image.
func (d *decoder) finish() (image.Image, error) {
	if d.stored() && d.out != nil {
		if err := d.reconstructStored(); err != nil {
			return nil, err
		}
	}
	if d.out == nil {
		return nil, FormatError("missing SOS marker")
	}
	img, err := d.out.image(&d.frame)
	if err != nil {
		return nil, err
	}
	if d.opts != nil && d.opts.Rows != nil {
		if h := img.Bounds().Dy(); d.streamed < h {
			if err := d.opts.Rows(img, d.streamed, h); err != nil {
				return nil, err
			}
		}
	}
	return img, nil
}

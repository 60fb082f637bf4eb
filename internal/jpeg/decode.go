package jpeg

import (
	"context"
	"image"
)

// decoder holds the state of one Decode call.
type decoder struct {
	frame
	r      reader
	ctx    context.Context
	opts   *DecodeOptions
	scale  int // 1, 2, 4 or 8
	bs     int // output samples per block side: 8/scale
	nScans int

	out    *planes
	coeffs [4][]int32 // progressive: every block's coefficients, natural order
	eobRun int        // progressive end-of-band run, kept across scans as image/jpeg does

	streamed int // output rows already handed to opts.Rows

	blk [64]int32 // the block being decoded; all zero between blocks
}

// Decode decodes a baseline or progressive JPEG image held in data.
//
// The result is an *image.YCbCr for Y'CbCr images (keeping the stream's
// chroma subsampling), *image.Gray for one component, *image.RGBA for
// Adobe RGB images and *image.CMYK for CMYK and YCCK images, like
// image/jpeg. Bytes after the EOI marker are ignored. Errors are
// [FormatError], [UnsupportedError] or *[LimitError], or the error returned
// by DecodeOptions.Rows.
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
	d.r = reader{data: data}
	if err := d.decode(false); err != nil {
		return nil, err
	}
	return d.finish()
}

// decode walks the segments up to EOI, or up to the first SOS when
// configOnly is set.
func (d *decoder) decode(configOnly bool) error {
	p, err := d.r.take(2)
	if err != nil || p[0] != 0xff || p[1] != markerSOI {
		return FormatError("missing SOI marker")
	}
	for {
		m, err := d.r.nextMarker()
		if err != nil {
			return err
		}
		if m == markerEOI {
			return nil
		}
		if markerRST0 <= m && m <= markerRST7 {
			continue // a stray restart marker, harmless
		}
		seg, err := d.r.segment()
		if err != nil {
			return err
		}
		switch {
		case m == markerSOF0 || m == markerSOF1 || m == markerSOF2:
			if err := d.parseSOF(m, seg); err != nil {
				return err
			}
			if err := d.checkSize(); err != nil {
				return err
			}
		case m == markerDHT:
			if !configOnly {
				err = d.parseDHT(seg)
			}
		case m == markerDQT:
			if !configOnly {
				err = d.parseDQT(seg)
			}
		case m == markerDRI:
			err = d.parseDRI(seg)
		case m == markerSOS:
			if configOnly {
				if d.nComp == 0 {
					return errMissingSOF
				}
				return nil
			}
			err = d.scan(seg)
		case m == markerAPP0:
			if d.out == nil || d.opts == nil || d.opts.Rows == nil {
				d.parseAPP0(seg)
			}
		case m == markerAPP14:
			if d.out == nil || d.opts == nil || d.opts.Rows == nil {
				d.parseAPP14(seg)
			}
		case markerAPP0 <= m && m <= markerAPP15 || m == markerCOM:
			// Metadata: ignored.
		case m == markerSOF3 || m == 0xc7 || m == 0xcb || m == 0xcf:
			err = UnsupportedError("lossless JPEG")
		case 0xc9 <= m && m <= 0xcb || 0xcd <= m && m <= 0xcf || m == markerDAC:
			err = UnsupportedError("arithmetic coding")
		case m == 0xc5 || m == 0xc6 || m == 0xde || m == 0xdf:
			err = UnsupportedError("hierarchical JPEG")
		case m < 0xc0:
			err = FormatError("unknown marker")
		default:
			err = UnsupportedError("unknown marker")
		}
		if err != nil {
			return err
		}
	}
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

// finish turns the decoded planes into the output image.
func (d *decoder) finish() (image.Image, error) {
	if d.progressive && d.out != nil {
		if err := d.reconstructProgressive(); err != nil {
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

package profileimage

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"

	"golang.org/x/image/tiff"
	"golang.org/x/image/webp"

	pbmp "github.com/profileimage/profileimage/internal/bmp"
	pgif "github.com/profileimage/profileimage/internal/gif"
	pjpeg "github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/pngfix"
	pwebp "github.com/profileimage/profileimage/internal/webp"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/validate"

	"github.com/profileimage/profileimage/vendors"
)

// decode decodes data, whose header validate has read and whose caps Check
// has approved, with its format's decoder only (no global registry). JPEG
// is decoded at 1/denom of its size straight from the DCT coefficients,
// with the decoder's own caps set to what Check approved, so that a caller
// who raises the safety caps is not refused by the decoder's defaults;
// other formats ignore denom. GIF, APNG and animated WebP give their first
// frame, a GIF's placed on its logical screen as libvips places it.
//
// With a Scaler for the decoded size, a JPEG is also resampled while it
// decodes, as far as the decoder hands out its rows as it goes (see
// scale.Feed), and that resample is returned too; it is nil for other
// formats, and whenever it could not be made, for the caller to redo.
// workers bounds the goroutines of a JPEG's decode, as the Concurrency
// option does (0: the decoder's default).
func decode(ctx context.Context, data []byte, info validate.Info, denom int, sc *scale.Scaler, workers int) (img, resized image.Image, err error) {
	r := bytes.NewReader(data)
	switch info.Format {
	case vendors.JPEG:
		f := feeder{ctx: ctx, sc: sc}
		img, err = pjpeg.DecodeContext(ctx, data, &pjpeg.DecodeOptions{
			ScaleDenom:  denom,
			Concurrency: workers,
			MaxPixels:   max(int64(info.Width)*int64(info.Height), 1),
			MaxScans:    max(info.Scans, pjpeg.DefaultMaxScans),
			Rows:        f.rows,
		})
		return img, f.done(err), err
	case vendors.PNG:
		// image/png stops where libpng goes on (a damaged ancillary chunk,
		// a misplaced tRNS, no IEND): Repair hands it the stream as libpng
		// reads it, and the file itself when nothing needs to change.
		img, err = png.Decode(bytes.NewReader(pngfix.Repair(data)))
	case vendors.GIF:
		img, err = pgif.FirstFrame(data, int64(info.Width)*int64(info.Height))
	case vendors.WebP:
		if info.Frames > 1 || pwebp.Animated(data) {
			img, err = pwebp.FirstFrame(data, int64(info.Width)*int64(info.Height))
		} else {
			img, err = webp.Decode(r)
		}
	case vendors.BMP:
		img, err = pbmp.Decode(data, int64(info.Width)*int64(info.Height))
	case vendors.TIFF:
		img, err = tiff.Decode(r)
	default:
		err = fmt.Errorf("no decoder for format %q", info.Format)
	}
	return img, nil, err
}

// feeder resamples a JPEG while it decodes: the decoder's Rows callback
// feeds its rows to a scale.Feed. The callback is set even without a
// Scaler, so that every decode makes the same choices (see
// pjpeg.DecodeOptions.Rows).
type feeder struct {
	ctx  context.Context // the decode's, which the resample shares
	sc   *scale.Scaler   // nil: no resample
	feed *scale.Feed
}

func (f *feeder) rows(img image.Image, _, y1 int) error {
	if f.feed == nil && f.sc != nil {
		feed, err := f.sc.Feed(f.ctx, img)
		if err != nil {
			f.sc = nil // the image does not fit the Scaler: no early resample
			return nil
		}
		f.feed = feed
	}
	if f.feed != nil {
		f.feed.Ready(y1)
	}
	return nil
}

// done ends the feed after the decode returned decodeErr, and returns the
// resample, or nil.
func (f *feeder) done(decodeErr error) image.Image {
	if f.feed == nil {
		return nil
	}
	if decodeErr != nil {
		f.feed.Abort()
		return nil
	}
	out, err := f.feed.Done()
	if err != nil {
		return nil
	}
	return out
}

// optimizeBelow is the largest JPEG, in pixels, written with Huffman tables
// optimised for the image: a few percent smaller files at the same pixels,
// for a second pass over coefficients that must all be kept in memory (two
// bytes each), which for a full-size 12 MP re-encode doubles the memory of
// the whole call.
const optimizeBelow = 1 << 22

// encoding is how to write an image besides its format and quality.
type encoding struct {
	// concurrency is the caller's Concurrency option: the goroutines that
	// may code a large JPEG (the bytes do not depend on it).
	concurrency int
	// orientation is the EXIF orientation the image is stored in (0 or 1:
	// upright), which a JPEG is written through; other formats need an
	// upright image.
	orientation int
}

// jpegOptions are the options img is written with as a JPEG.
func jpegOptions(img image.Image, quality int, enc encoding) *pjpeg.EncodeOptions {
	b := img.Bounds()
	optimize := b.Dx()*b.Dy() <= optimizeBelow
	return &pjpeg.EncodeOptions{Quality: quality, OptimizeHuffman: optimize,
		Concurrency: enc.concurrency, Orientation: enc.orientation}
}

// encode writes img in format f; quality applies to JPEG. Neither encoder
// writes metadata, and both are deterministic.
func encode(img image.Image, f vendors.Format, quality int, enc encoding) ([]byte, error) {
	switch f {
	case vendors.JPEG:
		return pjpeg.Append(nil, img, jpegOptions(img, quality, enc))
	case vendors.PNG:
		if enc.orientation > 1 {
			return nil, fmt.Errorf("a PNG needs an upright image, not orientation %d", enc.orientation)
		}
		var buf bytes.Buffer
		err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
		return buf.Bytes(), err
	}
	return nil, fmt.Errorf("no encoder for format %q", f)
}

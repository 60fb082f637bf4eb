package profileimage

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"

	"github.com/profileimage/profileimage/internal/pngdata"
	"github.com/profileimage/profileimage/internal/pngfix"
	"github.com/profileimage/profileimage/scale"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// verifyPixels proves that the pixels of the upload info describes decode,
// at the cheapest scale its format allows: a JPEG at 1/8 (every
// coefficient is still entropy-decoded; only the inverse DCTs are left
// out), a PNG's chunks up to its image data read by image/png's
// DecodeConfig and its image data inflated and checked row by row without
// being kept (internal/pngdata), any other format decoded as Normalize
// decodes it, a JPEG on up to workers goroutines. A failure is p's
// corrupt error.
func verifyPixels(ctx context.Context, data []byte, info validate.Info, p vendors.Profile, workers int) error {
	if info.Format == vendors.PNG {
		// image/png's own reading of the chunks before the image data
		// (PLTE and tRNS lengths, chunk order), then the image data, both
		// of the stream as libpng reads it, the one decode hands image/png.
		clean := pngfix.Repair(data)
		_, err := png.DecodeConfig(bytes.NewReader(clean))
		if err == nil {
			err = pngdata.Verify(ctx, clean)
		}
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil:
			return Reject(p, vendors.ReasonCorrupt, err.Error(), nil)
		}
		return nil
	}
	denom := 1
	if info.Format == vendors.JPEG {
		denom = 8
	}
	_, _, err := decodeChecked(ctx, data, info, p, denom, nil, workers)
	return err
}

// decodeChecked is decode, with a failure turned into p's corrupt error,
// and an image of another size than the header's (at 1/denom for a JPEG)
// refused as corrupt too.
func decodeChecked(ctx context.Context, data []byte, info validate.Info, p vendors.Profile, denom int, sc *scale.Scaler, workers int) (img, resized image.Image, err error) {
	img, resized, err = decode(ctx, data, info, denom, sc, workers)
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	if err != nil {
		return nil, nil, Reject(p, vendors.ReasonCorrupt, err.Error(), nil)
	}
	if b := img.Bounds(); b.Dx() != ceilDiv(info.Width, denom) || b.Dy() != ceilDiv(info.Height, denom) {
		return nil, nil, Reject(p, vendors.ReasonCorrupt,
			fmt.Sprintf("decoded %dx%d, header said %dx%d", b.Dx(), b.Dy(), info.Width, info.Height), nil)
	}
	return img, resized, nil
}

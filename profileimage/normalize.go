package profileimage

import (
	"context"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// Validate answers whether the vendor of profile p would take data as it
// is. It reads the file's header (validate.Inspect), checks it against the
// profile (validate.Check), and then proves that the pixels decode, at the
// cheapest scale: a JPEG at 1/8 size (every coefficient is entropy-decoded,
// no inverse DCT is run), a PNG's compressed image data inflated and
// checked row by row without keeping it, GIF, WebP, BMP and TIFF decoded as
// Normalize decodes them. So a file whose pixel data is damaged or missing
// (a broken zlib stream, a scan cut short) is rejected as corrupt, as
// Normalize and the vendor reject it, instead of passing on the strength of
// its header. With [HeaderOnly] it stops after the header. A header that
// claims more pixels than a cap is too-many-pixels, with the claimed size
// in the Info, even when its data is damaged too.
//
// The pixels cost what the header does not (bench's BenchmarkValidate,
// medians of 6 on one core of the README's machine, same run): a 12 MP
// JPEG takes 27 ms instead of 0.38 ms from its header alone, a 4 MP PNG
// 55 ms instead of 0.11 ms (decoding it with image/png takes 70 ms). Both
// allocate under 0.4 MB (the JPEG's 1/8-size image, the inflater's tables),
// where a full decode of that PNG allocates 16 MB.
//
// A rejection is an *[Error] carrying the vendor-neutral reason and
// the vendor's own status, code and message.
func Validate(ctx context.Context, data []byte, p vendors.Profile, opts ...Option) (Info, error) {
	if err := ctx.Err(); err != nil {
		return Info{}, err
	}
	s := newSettings(opts)
	if err := s.forValidate(); err != nil {
		return Info{}, err
	}
	if err := p.Validate(); err != nil {
		return Info{}, err
	}
	info, err := inspect(data, p, p, s.check)
	if err != nil {
		return info, err
	}
	if err := validate.Check(info, p, s.check...); err != nil || s.headerOnly {
		return info, err
	}
	return info, verifyPixels(ctx, data, info, p, s.concurrency)
}

// Normalize makes data right for the vendor of profile p: it validates it,
// decodes it, applies its EXIF orientation and the profile's square rule,
// fits it inside the profile's limits, and encodes it in a format the
// vendor takes, under the vendor's byte limit. Rules that Normalize can fix
// (format, size, pixel count, bytes) are fixed, not rejected; what it cannot
// fix (an empty, corrupt, unreadable or too small image, animation the
// vendor rejects, anything above the library's safety caps) is rejected with
// an *[Error]. The output is deterministic for the same input,
// profile and options.
func Normalize(ctx context.Context, data []byte, p vendors.Profile, opts ...Option) (*Result, error) {
	s := newSettings(opts)
	p = s.profile(p)
	j, err := load(ctx, data, p, s, []vendors.Size{{Name: vendors.OriginalSize}})
	if err != nil {
		return nil, err
	}
	res, _, err := j.render(ctx, &j.outputs[0], j.upload)
	return res, err
}

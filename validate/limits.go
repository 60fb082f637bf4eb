package validate

// Limits are the library's safety caps. They apply on top of a profile's
// own limits (the stricter wins), so that a profile that states no pixel or
// byte limit still never lets a decompression bomb reach a decoder.
//
// In a Limits passed to [WithLimits], a zero field means the default of
// [DefaultLimits] and a negative field means no cap.
type Limits struct {
	// MaxPixels caps width×height of the image (the canvas of an
	// animation). Reason: too-many-pixels.
	MaxPixels int64
	// MaxBytes caps the size of the upload. Reason: too-many-bytes.
	MaxBytes int64
	// MaxFrames caps the frames of an animation. Reason: animated.
	MaxFrames int
	// MaxFrameArea caps the pixels decoded over all frames: width×height
	// times the frames that are decoded. A profile that keeps the first
	// frame of an animation (every built-in one) decodes one frame, so a
	// 200-frame 2000×2000 GIF is 4,000,000 pixels to it, judged by
	// MaxPixels; the frame count is judged by MaxFrames. Reason:
	// too-many-pixels.
	MaxFrameArea int64
	// MaxScans caps the scans of a JPEG. Each scan of a progressive JPEG
	// costs the decoder a pass over the image, so a file with thousands of
	// tiny scans takes seconds to decode. Reason: corrupt.
	MaxScans int
}

// DefaultLimits returns the caps applied when the caller sets none:
//
//   - MaxPixels 100,000,000 (100 MP: a 12000×8333 photo; the largest
//     decode buffer is then 400 MB of RGBA, 150 MB of JPEG Y'CbCr 4:2:0)
//   - MaxBytes 64 MiB
//   - MaxFrames 1000
//   - MaxFrameArea 400,000,000 (for example 1000 frames of 632×632)
//   - MaxScans 100 (encoders write 1 to about 20; libjpeg's default
//     progressive script has 10)
func DefaultLimits() Limits {
	return Limits{
		MaxPixels:    100_000_000,
		MaxBytes:     64 << 20,
		MaxFrames:    1000,
		MaxFrameArea: 400_000_000,
		MaxScans:     100,
	}
}

// resolved replaces zero fields with the defaults.
func (l Limits) resolved() Limits {
	d := DefaultLimits()
	if l.MaxPixels == 0 {
		l.MaxPixels = d.MaxPixels
	}
	if l.MaxBytes == 0 {
		l.MaxBytes = d.MaxBytes
	}
	if l.MaxFrames == 0 {
		l.MaxFrames = d.MaxFrames
	}
	if l.MaxFrameArea == 0 {
		l.MaxFrameArea = d.MaxFrameArea
	}
	if l.MaxScans == 0 {
		l.MaxScans = d.MaxScans
	}
	return l
}

// Option configures [Check].
type Option func(*checkOptions)

type checkOptions struct {
	contentType string
	trustBytes  bool
	limits      Limits
}

// ContentType declares the media type the client sent with the upload
// (a Content-Type header or a multipart part's type). Check rejects it with
// content-type-mismatch when it names another format than the bytes are.
// Parameters (";charset=...") and case are ignored; "" and
// "application/octet-stream" declare nothing.
func ContentType(mediaType string) Option {
	return func(o *checkOptions) { o.contentType = mediaType }
}

// TrustBytes makes Check judge by the sniffed format alone and ignore a
// declared content type that disagrees with it.
func TrustBytes() Option {
	return func(o *checkOptions) { o.trustBytes = true }
}

// WithLimits replaces the safety caps of [DefaultLimits] (zero fields keep
// the default, negative fields remove the cap).
func WithLimits(l Limits) Option {
	return func(o *checkOptions) { o.limits = l }
}

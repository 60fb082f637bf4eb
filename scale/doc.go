// Package scale resamples images: high-quality separable filters, EXIF
// orientation, cropping and padding fused into one pass, with fast paths for
// the concrete image types that decoders return.
//
// Package scale knows nothing about vendors, file formats or bytes; it only
// turns one [image.Image] into another.
//
// # Entry points
//
// [Resize] is the one-shot call. [NewScaler] computes the filter weights once
// for a fixed pair of sizes (a vendor's fixed thumbnail sizes) and its
// [Scaler.Resize] and [Scaler.ResizeInto] reuse them, and pooled scratch, on
// every call; a Scaler is safe for concurrent use. Every call takes its own
// [context.Context], checked between bands of rows, so a Scaler shared by
// many requests stops the resample of a cancelled one only.
//
// # Output types
//
// An *image.YCbCr gives an *image.YCbCr with the same subsampling: the Y
// plane is resampled at full size and each chroma plane at its own size,
// without any round trip through RGB, ready for a JPEG encoder. An
// *image.Gray gives an *image.Gray. Anything else gives an *image.NRGBA,
// computed from premultiplied 16-bit samples, so transparent pixels never
// bleed their hidden colour into the edges (no dark fringes). The result's
// bounds start at (0, 0); the source is never changed nor returned.
//
// Y'CbCr samples are full range (JFIF), as package image reads them. A
// source in the limited range of video, such as a lossy WebP's, is
// expanded to full range with Options.LimitedRange, as part of the
// resample, and [ExpandLimitedRange] expands one in place.
//
// # Kernels, fastest first
//
//	kernel      support  quality
//	Nearest     0        aliases; for pixel art and tests
//	Box         1/2      area average: no ringing, soft; cheapest real filter
//	Linear      1        tent: soft
//	CatmullRom  2        sharp, slight ringing; ~2/3 the cost of Lanczos3
//	Lanczos3    3        sharpest, least aliasing (default)
//
// When shrinking, each kernel is widened by the scale factor, so there is no
// aliasing whatever the factor; when enlarging, it interpolates. Weights are
// normalised so that a constant image stays exactly constant.
//
// # How it is fast
//
// Weights are computed once per (source length, destination length,
// kernel) into flat slices of 14-bit fixed-point integers; the inner loops
// are integer multiply-adds without interface calls or bounds checks. The
// source rows are read once each, in memory order, into a ring of rows
// that the vertical pass combines, so orientation and crop cost nothing:
// they only change which rows are read and where each result row is
// written. The direct resample of 8-bit samples runs its two passes in the
// cheaper order for the sizes: shrinking, that is usually the vertical pass
// first, over packed source rows, and the horizontal pass, the dearer one
// per multiply-add, on the few output rows only (a quarter less time for
// the 1050 fit and the 584x584 square of a 12 MP photo). Both orders keep
// 6 fractional bits between the passes. When the scale factor is large,
// an exact box pre-reduction by an integer factor (sums of k×k source
// samples) comes first and the kernel does the rest with a residual factor
// of at least 8, which keeps real photos at 55 dB or more against a
// float64 Lanczos3 (TestRealPhotoPSNR: 58 dB and more on the worst crop; a
// smaller residual costs detail); below a factor of 16 the kernel reads
// every sample (73 dB and more). The box sums of 8-bit samples (planes,
// RGBA, opaque NRGBA) add eight at a time in 16-bit lanes of a 64-bit
// word, and the 2×2 box is summed straight from two rows. When a box has
// a power-of-two area of at most 16, the scaling of its weighted sums is a
// rounding shift proved equal to the float64 step it replaces. Both
// passes weigh two samples with one 64-bit multiply (two int32 sums packed
// in a word, exact because each sum fits an int32) on 8-bit samples: the
// vertical pass two samples of a row, the horizontal pass the same sample
// of two rows (four rows a weight load); the 16-bit horizontal pass weighs
// two channels of a pixel. An *image.Paletted is read through a table of
// its premultiplied colours.
//
// An *image.NRGBA or *image.RGBA whose every pixel read is opaque has
// nothing to premultiply: it is resampled as an 8-bit plane of four
// samples a pixel, vertical pass first and alpha left out, with three
// multiplies for the colour of two output rows, not the 16-bit path
// (about half the time on a 12 MP photo). Its samples are within 1 of what
// the 16-bit path gives for the same pixels (TestPropertyOpaqueRGBA).
//
// Row bands run in parallel on up to Options.Concurrency goroutines, each
// with its own scratch; each goroutine takes several bands in turn, so a
// thread that the OS holds back on a busy machine delays little. The weights
// of x and y are computed in parallel too, and only once when both axes
// have the same lengths (a square crop to a square).
//
// The arithmetic is integer, apart from float64 steps written so that no
// fused multiply-add can change them, so results are the same on every
// architecture, and every fast path gives exactly the bytes of the generic
// path (At-based) for the same image, but for opaque 8-bit RGBA (above),
// which is within 1 of it.
//
// # Security considerations
//
// Sizes are checked before any allocation: each side and the pixel count of
// the source and of the destination must be at most [MaxPixels], and the
// weight tables are bounded by the kernel support (at most 16). Concrete
// images whose pixel slices are too short for their bounds are rejected with
// [ErrInvalidSource] instead of panicking. Work is linear in the source and
// destination pixel counts.
package scale

// Package jpeg is a pure-Go baseline and progressive JPEG decoder with
// shrink-on-load, and a fast baseline JPEG encoder.
//
// # Decoding
//
// [Decode] reads 8-bit JPEG (ITU-T T.81): baseline, extended sequential
// and progressive (spectral selection and successive approximation),
// Huffman or arithmetic-coded, gray, Y'CbCr, Adobe RGB, CMYK and YCCK,
// with restart intervals. It accepts what image/jpeg accepts and returns
// the same image types (*image.YCbCr keeps the stream's subsampling, so
// Y'CbCr data is never converted to RGB); at full size every sample is
// within one level of image/jpeg's. It also reads the arithmetic-coded
// files that libjpeg reads and image/jpeg refuses, as libjpeg decodes
// them; a scan of those cut short is not detected (see arith.go).
//
// It also reads every sampling layout that T.81 allows (factors 1 to 4),
// as libjpeg does: those that image/jpeg refuses (luma 1×3 or 3×1, chroma
// sampled more finely than luma, Cb and Cr sampled differently, four
// components in other layouts) go through a slower general path that
// upsamples each component by repeating samples, as libjpeg does for them,
// and returns *image.YCbCr 4:4:4, *image.RGBA or *image.CMYK. Factors
// that do not divide the largest ones (luma 3×1 with chroma 2×1), which
// libjpeg refuses, are upsampled the same way.
//
// With DecodeOptions.ScaleDenom 2, 4 or 8 the image is decoded at 1/2,
// 1/4 or 1/8 size directly from the DCT coefficients: each output sample is
// the box average of the full-size samples it covers, computed with a
// folded 4-point or 2-point transform (or the DC term alone at 1/8, where
// AC coefficients are entropy-decoded and dropped). The full-size image is
// never built, which is what makes large reductions cheap.
//
// DecodeOptions.Rows hands finished rows to a consumer while a baseline
// image is still decoding, so that a resampler can run alongside.
//
// DecodeOptions.Concurrency decodes a sequential scan on several
// goroutines: the runs of restart intervals at once when the stream has
// restart markers, and otherwise on two, splitting the scan's data in the
// middle. There a scout decodes from the middle until its Huffman codes
// fall in step with the true MCUs, which on real photos takes a few MCUs;
// the serial decode confirms the step when it gets there and corrects the
// DC predictions, and the rest is decoded from the scout's states (see
// split.go). Either way the output, the warnings and the errors are the
// serial decode's.
//
// # Damaged streams
//
// Where libjpeg warns and goes on, Decode repairs as it does and reports
// each repair to DecodeOptions.Warn: extraneous bytes before a marker are
// skipped; restart markers that are missing, out of order, duplicated or
// reached early are resynchronised as libjpeg's jdmarker.c does, giving
// the same pixels; and a stream that ends without EOI once its scans have
// coded every coefficient to its last bit is whole. Data that ends inside
// a scan, or reaches a marker other than a restart marker before the
// scan's end, is an error: a truncated file is not repaired.
//
// # Encoding
//
// [Encode] and [Append] write baseline JPEG with the IJG quality scaling of
// the annex K tables (a quality number gives the same tables as
// image/jpeg), 4:2:0 (or 4:4:4 on request) straight from *image.YCbCr
// planes, *image.Gray as one component, and RGBA/NRGBA converted on the
// fly. Huffman tables are the typical annex K.3 ones or, with
// EncodeOptions.OptimizeHuffman, built for the image. Output is
// deterministic and carries no metadata.
//
// # Differences from image/jpeg
//
// Inputs are accepted or rejected as image/jpeg does, except: the
// sampling layouts and the damaged streams above are accepted (as libjpeg
// accepts them); Huffman tables with more codes than their lengths allow
// are rejected (as libjpeg rejects them); a scan of one component covers
// that component's own size in blocks and counts restart intervals per
// block, as ITU-T T.81 A.2.2 says, where image/jpeg differs for luma
// sampled 4× with chroma 2× across and for restart intervals in such
// scans of components sampled more than 1×1; and the limits above. At
// reduced scales, the subsampled G and B channels of the rare subsampled
// Adobe RGB streams (and M, Y of subsampled CMYK) are box-filtered at
// their own resolution, so they come out softer than a box filter of the
// full decode.
//
// # Errors
//
// Bad input gives a [FormatError] (and errors.Is(err, io.ErrUnexpectedEOF)
// for a truncated stream); valid input using features this package does
// not implement (12-bit samples, lossless and hierarchical modes) gives
// an [UnsupportedError]; a refusal on a limit
// gives a *[LimitError].
//
// # Security Considerations
//
// Decode never panics and never loops without bound on any input. Before
// allocating pixel memory it checks the frame's width×height against
// DecodeOptions.MaxPixels (default [DefaultMaxPixels]), so a header
// claiming 65535×65535 costs nothing; a progressive or arithmetic-coded
// stream holds its coefficients (4 bytes per sample) until the end, and
// the number of
// scans, each of which can cost a pass over every block, is capped by
// DecodeOptions.MaxScans (default [DefaultMaxScans]). Call [DecodeConfig]
// first to apply a tighter policy. All functions are safe for concurrent
// use; no state is shared between calls.
package jpeg

// Package jpeg is a pure-Go baseline and progressive JPEG decoder with
// shrink-on-load, and a fast baseline JPEG encoder.
//
// # Decoding
//
// [Decode] reads 8-bit Huffman-coded JPEG (ITU-T T.81): baseline,
// extended sequential and progressive (spectral selection and successive
// approximation), gray, Y'CbCr in 4:4:4, 4:4:0, 4:2:2, 4:2:0, 4:1:1 and
// 4:1:0, Adobe RGB, CMYK and YCCK, with restart intervals. It accepts what
// image/jpeg accepts and returns the same image types (*image.YCbCr keeps
// the stream's subsampling, so Y'CbCr data is never converted to RGB); at
// full size every sample is within one level of image/jpeg's.
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
// Inputs are accepted or rejected as image/jpeg does, except: Huffman
// tables with more codes than their lengths allow are rejected (as libjpeg
// rejects them); a scan of one component covers that component's own size
// in blocks and counts restart intervals per block, as ITU-T T.81 A.2.2
// says, where image/jpeg differs for luma sampled 4× with chroma 2× across
// and for restart intervals in such scans of components sampled more than
// 1×1; and the limits above. At reduced scales, the subsampled G and B
// channels of the rare subsampled Adobe RGB streams (and M, Y of
// subsampled CMYK) are box-filtered at their own resolution, so they come
// out softer than a box filter of the full decode.
//
// # Errors
//
// Bad input gives a [FormatError] (and errors.Is(err, io.ErrUnexpectedEOF)
// for a truncated stream); valid input using features this package does
// not implement (arithmetic coding, 12-bit samples, lossless and
// hierarchical modes, unusual sampling factors) gives an
// [UnsupportedError]; a refusal on a limit gives a *[LimitError].
//
// # Security Considerations
//
// Decode never panics and never loops without bound on any input. Before
// allocating pixel memory it checks the frame's width×height against
// DecodeOptions.MaxPixels (default [DefaultMaxPixels]), so a header
// claiming 65535×65535 costs nothing; a progressive stream holds its
// coefficients (4 bytes per sample) until the end, and the number of
// scans, each of which can cost a pass over every block, is capped by
// DecodeOptions.MaxScans (default [DefaultMaxScans]). Call [DecodeConfig]
// first to apply a tighter policy. All functions are safe for concurrent
// use; no state is shared between calls.
package jpeg

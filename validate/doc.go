// Package validate answers "what is this file, and may this vendor take it?"
// from the file's header alone: it never decodes pixels.
//
// [Inspect] sniffs the format from the magic bytes (JPEG, PNG, GIF, WebP,
// BMP and TIFF are decoded; HEIC/HEIF, AVIF, JPEG XL, JPEG 2000, SVG, PDF,
// PSD, ICO, BigTIFF, camera raw files and others are recognised and
// rejected by name, and so is a TIFF stored in a way the decoder does not
// read, such as JPEG-in-TIFF or CMYK) and reads the
// size, EXIF orientation, frame and scan counts, colour model and metadata
// from the header. [InspectReader] does the same from an io.Reader with a
// byte cap. [Check] then applies a [vendors.Profile] and the library's
// safety caps ([Limits]) and returns an [*Error] that carries the
// vendor-neutral reason, every violation, and the vendor's own status, code
// and message; profileimage.Reject builds the same error for rejections
// found later.
//
// Package validate does not decode, resize or encode images; see package
// scale and package profileimage for that.
//
// # Security Considerations
//
// Everything here reads untrusted bytes. Inspect is built so that no input
// can crash it, hang it or make it allocate in proportion to what a header
// claims:
//
//   - Every length and offset is checked against the bytes present before it
//     is used, in 64-bit arithmetic that cannot overflow; sizes are
//     multiplied with [math/bits.Mul64]. A header that claims more data than
//     the file holds (a PNG whose IDAT cannot inflate to its size, a BMP
//     whose pixel array is missing) is corrupt.
//   - Every loop moves forward through the input and is bounded by its
//     length, and by structural caps: 65536 JPEG marker segments, 2^20 PNG
//     chunks, 2^17 GIF blocks, 65536 WebP chunks. On a 2-core machine the
//     slowest 64 MiB input measured takes under 60 ms; a real 12 MP JPEG
//     takes microseconds.
//   - EXIF blocks are walked by a bounded TIFF walker (internal/exif): every
//     IFD and value in range, entry counts limited by the remaining bytes, a
//     visited set against IFD loops, at most 64 IFDs and 8192 entries. A
//     damaged EXIF block never rejects an image (decoders ignore EXIF); it
//     is reported in [Metadata].EXIFError, and the orientation is trusted
//     only when IFD0 itself was intact. github.com/rwcarlsen/goexif, which
//     loops and over-allocates on such blocks, is not used by Inspect.
//   - Inspect allocates nothing on the success path and a few hundred bytes
//     for an error, whatever the input size (tested up to 64 MiB).
//
// Inspect does not bound the image size: a valid header may declare 65535
// by 65535 pixels. Always call [Check] before decoding; its [DefaultLimits]
// cap pixels, bytes, frames, the pixels of all frames together and JPEG
// scans even for a profile that states no limit, so that no decompression
// bomb reaches a decoder.
package validate

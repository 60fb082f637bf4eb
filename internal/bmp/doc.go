// Package bmp decodes BMP files, the variants real uploads come in, within
// bounds: a pure-Go replacement for golang.org/x/image/bmp, which reads
// only uncompressed 1 to 8, 24 and 32-bit files with a 40, 108 or 124-byte
// header and the pixels right after the palette.
//
// # What it reads
//
//   - Headers: BITMAPCOREHEADER (OS/2 1.x, 12 bytes, 3-byte palette
//     entries), OS/2 2.x (16 to 64 bytes, fields past the 16th byte
//     optional), BITMAPINFOHEADER (40), BITMAPV2INFOHEADER and
//     BITMAPV3INFOHEADER (52 and 56: bit field masks in the header),
//     BITMAPV4HEADER (108) and BITMAPV5HEADER (124). Colour space fields
//     and embedded profiles are not applied.
//   - Palette images of 1, 2, 4 and 8 bits, uncompressed, and BI_RLE8 and
//     BI_RLE4 (see decodeRLE for how the escape codes and their edge cases
//     are read). biClrUsed gives the palette's length (0: all that the bits
//     address; more than that is corrupt).
//   - 16, 24 and 32-bit images, BI_RGB (5-5-5 at 16 bits, 8-8-8 at 24 and
//     32), and BI_BITFIELDS and BI_ALPHABITFIELDS with any masks that are
//     each one run of bits and do not overlap, at 16, 24 or 32 bits. Each
//     field is scaled to 8 bits by bit replication (5 bits abcde give
//     abcdeabc; 0 stays 0 and the maximum becomes 255), as ImageMagick
//     scales 5 and 6-bit fields (Pillow truncates v×255/31, one less for
//     some values); a field wider than 8 bits keeps its top 8.
//   - Rows bottom up, or top down for a negative height (RLE included,
//     which the specification forbids and Pillow and libvips accept).
//
// # Choices where readers differ
//
//   - Alpha comes only from the alpha mask of a BI_BITFIELDS image (in a
//     V3, V4 or V5 header) or of a BI_ALPHABITFIELDS one. The fourth byte
//     of a 32-bit BI_RGB pixel is not alpha, whatever the header holds:
//     Pillow reads it so, libvips (through ImageMagick) for V4/V5 headers,
//     browsers for 40-byte headers. An alpha channel that is zero in every
//     pixel is taken as absent and the image as opaque, as browsers show
//     it (Pillow and libvips make it fully transparent): such files are
//     writers' mistakes that were meant to be seen.
//   - Palette indices past the palette's end are opaque black; a palette
//     that would run into the pixel data is cut there. Pixels an RLE
//     bitmap never writes are palette index 0.
//   - A file whose pixel data is shorter than the rows need is corrupt, as
//     Pillow and libvips refuse it, except that the last row may lack its
//     padding (Pillow reads that). RLE data that ends before its
//     end-of-bitmap code and before the last row is complete is corrupt
//     too (Pillow refuses it; libvips fills the rest).
//   - bfOffBits is honoured: it must not point into the headers nor past
//     the file's end; 0 means right after the palette; an offset that
//     leaves no room for a single palette entry is taken as a writer's
//     mistake, and the pixels as following a whole palette (Pillow's
//     reading).
//
// Embedded JPEG and PNG (BI_JPEG, BI_PNG), CMYK, OS/2 Huffman 1D and
// RLE24, 64-bit pixels and unknown header sizes are an [UnsupportedError]
// naming the feature.
//
// # Security Considerations
//
// Decode never panics and allocates only the output image (plus a palette
// of a few KB), after checking the header's size against the caller's
// pixel limit. Every offset and length is checked against the bytes
// present, sizes are multiplied in 64 bits with overflow checks, and no
// loop runs longer than the image's pixels plus the input's length: the
// rows of an uncompressed image are checked to be in the file before any
// is read, and each RLE code consumes input and writes at most the pixels
// left in its row. No state is shared between calls.
package bmp

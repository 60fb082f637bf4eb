package bmp

// RLE escape codes: a zero count byte followed by one of these.
const (
	rleEndOfLine   = 0
	rleEndOfBitmap = 1
	rleDelta       = 2 // followed by two bytes: columns right, rows on
)

// errRLETruncated reports RLE data that ends before the bitmap does.
const errRLETruncated = FormatError("RLE data ends before the end of the bitmap")

// decodeRLE decodes the BI_RLE8 or BI_RLE4 data d of image c into idx, a
// c.Width×c.Height plane of palette indices (rows from the top, all zero on
// entry).
//
// A count byte n > 0 is an encoded run: n pixels of the next byte (RLE8)
// or of its two nibbles by turns, high first (RLE4). A zero count byte is
// an escape: end of line, end of bitmap, a delta, or an absolute run of
// 3-255 pixels stored as they are, padded to a 16-bit boundary.
//
// Rows and the delta's "rows on" are counted in storage order (bottom up,
// or top down for a negative height, which the specification does not
// allow for RLE and this package accepts, as Pillow and libvips do).
// Pixels no code writes keep index 0, as Pillow and libvips (through
// ImageMagick) leave them; browsers make them transparent. Pixels that a
// run puts past the end of its row are dropped (ImageMagick spills them
// into the next row; Pillow drops those of encoded runs), and a delta
// stops at the row's end. The bitmap ends at the end-of-bitmap code, or
// once the rows run out; data that ends before either is truncated, a
// FormatError (ImageMagick fills the rest with index 0; Pillow refuses it
// too), except when its last run completed the last row.
//
// Every code consumes at least two bytes of d and writes at most the
// pixels left in its row, so the work is bounded by len(d) plus the
// image's size.
func decodeRLE(idx []uint8, d []byte, c *Config) error {
	w, h := c.Width, c.Height
	four := c.Compression == RLE4
	x, y := 0, 0
	for i := 0; y < h; {
		if len(d)-i < 2 {
			if y == h-1 && x == w {
				return nil
			}
			return errRLETruncated
		}
		n, v := int(d[i]), d[i+1]
		i += 2
		row := idx[c.row(y)*w:][:w]
		switch {
		case n > 0: // encoded run
			end := min(x+n, w)
			if four {
				pair := [2]uint8{v >> 4, v & 0xf}
				for k := x; k < end; k++ {
					row[k] = pair[(k-x)&1]
				}
			} else {
				for k := x; k < end; k++ {
					row[k] = v
				}
			}
			x = end
		case v == rleEndOfLine:
			x, y = 0, y+1
		case v == rleEndOfBitmap:
			return nil
		case v == rleDelta:
			if len(d)-i < 2 {
				return errRLETruncated
			}
			x, y = min(x+int(d[i]), w), y+int(d[i+1])
			i += 2
		default: // absolute run of v pixels
			count := int(v)
			size := count
			if four {
				size = (count + 1) / 2
			}
			if len(d)-i < size {
				return errRLETruncated
			}
			src := d[i : i+size]
			i += size + size&1
			end := min(x+count, w)
			for k := x; k < end; k++ {
				j := k - x
				if four {
					row[k] = src[j/2] >> (4 * (1 - j&1)) & 0xf
				} else {
					row[k] = src[j]
				}
			}
			x = end
		}
	}
	return nil
}

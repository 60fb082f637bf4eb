package validate

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"math/bits"
	"strconv"

	"github.com/profileimage/profileimage/internal/pngfix"
	"github.com/profileimage/profileimage/vendors"
)

// deflateMaxRatio bounds how many bytes deflate can expand one input byte
// to (258-byte matches coded in 2 bits give 1032:1).
const deflateMaxRatio = 1032

// pngState is what the chunk walk has seen so far.
type pngState struct {
	fix              pngfix.Stream // which chunks the decoder reads
	colorType, depth int
	interlaced       bool
	idat, iend       bool
	idatBytes        uint64
	actl             bool
	fctl             int
	exif             firstEXIF
}

// inspectPNG walks the chunks of a PNG file up to IEND: each chunk's length
// is bounded by the file and IHDR must come first. The chunks libpng
// ignores are skipped as the decoder skips them (see package pngfix: an
// ancillary chunk whose CRC does not match, a misplaced tRNS or PLTE), and
// a file that ends without IEND after its image data chunks is taken, as
// libpng takes it; damage that libpng stops at (a critical chunk's CRC, a
// second IHDR or PLTE) is corrupt. An APNG's frame controls are counted and
// kept inside the canvas; an acTL chunk after the image data makes no
// animation (the APNG specification's rule), so that file is a still PNG.
// The image data must be large enough to inflate to the declared size.
func inspectPNG(b []byte, in *Info) (int, *Error) {
	var st pngState
	for p, chunks := 8, 0; !st.iend; chunks++ {
		if chunks > maxPNGChunks {
			return 0, corrupt(vendors.PNG, "more than "+strconv.Itoa(maxPNGChunks)+" chunks")
		}
		rest := b[p:]
		if len(rest) < 8 {
			if st.fix.EndsWell(rest) {
				break
			}
			return 0, corrupt(vendors.PNG, "truncated: no IEND chunk")
		}
		n := uint64(binary.BigEndian.Uint32(rest))
		typ := rest[4:8]
		if n > 1<<31-1 {
			return 0, corrupt(vendors.PNG, "chunk length above 2^31-1")
		}
		end := uint64(p) + 8 + n + 4
		if end > uint64(len(b)) {
			if st.fix.EndsWell(rest) {
				break
			}
			return 0, corrupt(vendors.PNG, "chunk "+printable(typ)+" runs past the end of the file")
		}
		data := b[p+8 : p+8+int(n)]
		crcOK := crc32.ChecksumIEEE(b[p+4:p+8+int(n)]) == binary.BigEndian.Uint32(b[p+8+int(n):])
		switch st.fix.Next(string(typ), data, crcOK) {
		case pngfix.Stop:
			return 0, corrupt(vendors.PNG, st.fix.Reason()+" ("+printable(typ)+")")
		case pngfix.Drop:
			p = int(end)
			continue
		}
		if err := pngChunk(string(typ), data, &st, in); err != nil {
			return 0, err
		}
		p = int(end)
	}
	if !st.idat {
		return 0, corrupt(vendors.PNG, "no image data (IDAT)")
	}
	if err := pngEnoughData(&st, in); err != nil {
		return 0, err
	}
	if st.actl && st.fctl > 0 {
		in.Frames = st.fctl
	}
	return st.exif.orientation, nil
}

// pngChunk reads a chunk the decoder reads.
func pngChunk(typ string, data []byte, st *pngState, in *Info) *Error {
	switch typ {
	case "IHDR":
		return pngHeader(data, st, in)
	case "tRNS":
		in.HasAlpha = true
	case "IDAT":
		st.idat = true
		st.idatBytes += uint64(len(data))
	case "IEND":
		st.iend = true
	case "acTL":
		if !st.idat { // after the image data, it makes no animation
			if len(data) != 8 {
				return corrupt(vendors.PNG, "acTL chunk of "+strconv.Itoa(len(data))+" bytes")
			}
			st.actl = true
		}
	case "fcTL":
		if st.actl {
			return pngFrame(data, st, in)
		}
	case "eXIf":
		st.exif.read(data, &in.Metadata)
	case "iCCP":
		in.Metadata.ICC = true
	case "iTXt":
		if bytes.HasPrefix(data, []byte("XML:com.adobe.xmp\x00")) {
			in.Metadata.XMP = true
			return nil
		}
		in.Metadata.Comment = true
	case "tEXt", "zTXt":
		if bytes.HasPrefix(data, []byte("Raw profile type exif\x00")) ||
			bytes.HasPrefix(data, []byte("Raw profile type APP1\x00")) {
			in.Metadata.EXIF = true
			return nil
		}
		in.Metadata.Comment = true
	}
	return nil
}

func pngHeader(d []byte, st *pngState, in *Info) *Error {
	if len(d) != 13 {
		return corrupt(vendors.PNG, "IHDR of "+strconv.Itoa(len(d))+" bytes")
	}
	w, h := binary.BigEndian.Uint32(d), binary.BigEndian.Uint32(d[4:])
	if w > 1<<31-1 || h > 1<<31-1 {
		return corrupt(vendors.PNG, "dimension overflow ("+strconv.Itoa(int(w>>1))+"*2 wide or "+strconv.Itoa(int(h>>1))+"*2 high)")
	}
	st.depth, st.colorType = int(d[8]), int(d[9])
	if !pngDepthValid(st.colorType, st.depth) {
		return corrupt(vendors.PNG, "bit depth "+strconv.Itoa(st.depth)+" with colour type "+strconv.Itoa(st.colorType))
	}
	if d[10] != 0 || d[11] != 0 || d[12] > 1 {
		return corrupt(vendors.PNG, "unknown compression, filter or interlace method")
	}
	in.Width, in.Height = int(w), int(h) // a valid header: its size stands
	st.interlaced = d[12] == 1
	switch st.colorType {
	case 0, 4:
		in.ColorModel = ColorGray
	case 2, 6:
		in.ColorModel = ColorRGB
	case 3:
		in.ColorModel = ColorPaletted
	}
	in.HasAlpha = st.colorType == 4 || st.colorType == 6
	return nil
}

func pngDepthValid(colorType, depth int) bool {
	switch colorType {
	case 0:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16
	case 3:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8
	case 2, 4, 6:
		return depth == 8 || depth == 16
	}
	return false
}

// pngFrame counts an APNG frame control and checks it lies in the canvas.
func pngFrame(d []byte, st *pngState, in *Info) *Error {
	if len(d) != 26 {
		return corrupt(vendors.PNG, "fcTL of "+strconv.Itoa(len(d))+" bytes")
	}
	be := binary.BigEndian
	w, h, x, y := uint64(be.Uint32(d[4:])), uint64(be.Uint32(d[8:])), uint64(be.Uint32(d[12:])), uint64(be.Uint32(d[16:]))
	if w == 0 || h == 0 || x+w > uint64(in.Width) || y+h > uint64(in.Height) {
		return corrupt(vendors.PNG, "APNG frame "+strconv.Itoa(st.fctl)+" lies outside the "+dims(in.Width, in.Height)+" canvas")
	}
	st.fctl++
	return nil
}

// pngEnoughData rejects image data too short to inflate to the declared
// size: a tiny file that claims a huge image.
func pngEnoughData(st *pngState, in *Info) *Error {
	channels := uint64(1) // gray, palette
	switch st.colorType {
	case 2:
		channels = 3
	case 4:
		channels = 2
	case 6:
		channels = 4
	}
	rowBits := uint64(in.Width) * channels * uint64(st.depth) // < 2^31 * 64
	rowBytes := (rowBits+7)/8 + 1                             // plus the filter byte
	hi, need := bits.Mul64(rowBytes, uint64(in.Height))
	if st.interlaced {
		need /= 2 // the seven passes hold the same pixels; stay generous
	}
	if hi == 0 && need/deflateMaxRatio <= st.idatBytes+64 {
		return nil
	}
	return corrupt(vendors.PNG, strconv.Itoa(int(min(st.idatBytes, 1<<40)))+" bytes of image data cannot hold "+dims(in.Width, in.Height)+" pixels")
}

package validate

import (
	"bytes"

	"github.com/profileimage/profileimage/vendors"
)

// GIF block introducers.
const (
	gifExtension = 0x21
	gifImage     = 0x2c
	gifTrailer   = 0x3b
)

// inspectGIF walks the blocks of a GIF file: the logical screen, then each
// extension and image descriptor with its data sub-blocks skipped. Every
// frame must lie inside the logical screen (as the decoder requires) and
// have a colour table. A file that ends after at least one whole frame
// without its trailer is accepted, as browsers and the decoder's first
// frame do.
func inspectGIF(b []byte, in *Info) *Error {
	if len(b) < 13 {
		return corrupt(vendors.GIF, "truncated logical screen descriptor")
	}
	in.Width, in.Height = le16(b[6:]), le16(b[8:])
	in.ColorModel = ColorPaletted
	global := b[10]&0x80 != 0
	p := 13
	if global {
		p += 3 << (b[10]&7 + 1)
	}
	frames := 0
	for blocks := 0; ; blocks++ {
		if blocks > maxGIFBlocks {
			return corrupt(vendors.GIF, "more than "+itoa(maxGIFBlocks)+" blocks")
		}
		if p >= len(b) {
			if frames == 0 {
				return corrupt(vendors.GIF, "truncated before the first frame")
			}
			break
		}
		c := b[p]
		if c == gifTrailer {
			break
		}
		var err *Error
		switch c {
		case gifExtension:
			p, err = gifExtensionBlock(b, p+1, in)
		case gifImage:
			p, err = gifFrame(b, p+1, global, frames, in)
			frames++
		default:
			err = corrupt(vendors.GIF, "unknown block type "+hexByte(c)+" at offset "+itoa(p))
		}
		if err != nil {
			return err
		}
	}
	if frames == 0 {
		return corrupt(vendors.GIF, "no image data")
	}
	in.Frames = frames
	return nil
}

func gifExtensionBlock(b []byte, p int, in *Info) (int, *Error) {
	if p >= len(b) {
		return 0, corrupt(vendors.GIF, "truncated extension")
	}
	label := b[p]
	p++
	if p < len(b) {
		first := b[p+1 : min(len(b), p+1+int(b[p]))]
		switch label {
		case 0xf9: // graphic control: transparency flag
			if len(first) >= 4 && first[0]&1 != 0 {
				in.HasAlpha = true
			}
		case 0xfe:
			in.Metadata.Comment = true
		case 0xff:
			if bytes.HasPrefix(first, []byte("XMP DataXMP")) {
				in.Metadata.XMP = true
			}
			if bytes.HasPrefix(first, []byte("ICCRGBG1012")) {
				in.Metadata.ICC = true
			}
		}
	}
	return skipSubBlocks(b, p)
}

func gifFrame(b []byte, p int, global bool, index int, in *Info) (int, *Error) {
	if p+9 > len(b) {
		return 0, corrupt(vendors.GIF, "truncated image descriptor of frame "+itoa(index))
	}
	x, y, w, h := le16(b[p:]), le16(b[p+2:]), le16(b[p+4:]), le16(b[p+6:])
	if x+w > in.Width || y+h > in.Height {
		return 0, corrupt(vendors.GIF, "frame "+itoa(index)+" ("+dims(w, h)+" at "+itoa(x)+","+itoa(y)+") lies outside the "+dims(in.Width, in.Height)+" screen")
	}
	flags := b[p+8]
	p += 9
	if flags&0x80 != 0 {
		p += 3 << (flags&7 + 1)
	} else if !global {
		return 0, corrupt(vendors.GIF, "frame "+itoa(index)+" has no colour table")
	}
	if p >= len(b) {
		return 0, corrupt(vendors.GIF, "truncated image data of frame "+itoa(index))
	}
	if lit := b[p]; lit < 2 || lit > 8 {
		return 0, corrupt(vendors.GIF, "LZW code size "+itoa(int(lit))+" in frame "+itoa(index))
	}
	return skipSubBlocks(b, p+1)
}

// skipSubBlocks skips a chain of data sub-blocks ending with a zero-length
// block and returns the offset after it. Each step moves forward.
func skipSubBlocks(b []byte, p int) (int, *Error) {
	for {
		if p >= len(b) {
			return 0, corrupt(vendors.GIF, "truncated data sub-blocks")
		}
		n := int(b[p])
		p += 1 + n
		if n == 0 {
			return p, nil
		}
	}
}

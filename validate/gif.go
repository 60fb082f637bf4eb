package validate

import (
	"bytes"
	"encoding/binary"
	"errors"

	"github.com/profileimage/profileimage/internal/gif"
	"github.com/profileimage/profileimage/vendors"
)

// inspectGIF walks the blocks of a GIF file with gif.Scan, the walk the
// first-frame decoder makes: the verdict is the decoder's, and rests on the
// header, the blocks before the first frame and the first frame alone
// (with image data, not cut off; one beyond the logical screen grows it,
// and Info's size is the grown one). What follows
// the first frame is counted as far as it can be read and never rejects
// the file: a cut-off animation, a missing trailer or an unknown block
// after the first frame, as libvips and Pillow show the first frame of
// such files. HasAlpha reports a transparent index declared for any frame
// counted, which is when the decoded first frame has transparent pixels.
// On error the Info keeps the size the logical screen claims.
func inspectGIF(b []byte, in *Info) *Error {
	if len(b) >= 13 { // the logical screen's size, claimed even if the rest is corrupt
		in.Width, in.Height = int(binary.LittleEndian.Uint16(b[6:])), int(binary.LittleEndian.Uint16(b[8:]))
	}
	l, err := gif.Scan(b, func(label byte, first []byte) {
		switch label {
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
	})
	var fe gif.FormatError
	switch {
	case errors.As(err, &fe):
		return corrupt(vendors.GIF, string(fe))
	case err != nil:
		return corrupt(vendors.GIF, err.Error())
	}
	in.Width, in.Height, in.Frames = l.Width, l.Height, l.Frames
	in.ColorModel = ColorPaletted
	in.HasAlpha = l.Transparent
	return nil
}

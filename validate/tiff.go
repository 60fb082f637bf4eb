package validate

import (
	"errors"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/vendors"
)

// inspectTIFF reads a TIFF file's first IFD with the same bounded walker as
// EXIF blocks. Damage in IFD0 (the image the decoder reads) is corrupt;
// damage in later pages or sub-IFDs is reported in Metadata.EXIFError.
func inspectTIFF(b []byte, in *Info) (int, *Error) {
	r, err := exif.Walk(b)
	switch {
	case !r.IFD0 && err == nil: // the walk found no IFD at all
		return 0, corrupt(vendors.TIFF, "no first IFD: the header's IFD0 offset is 0")
	case !r.IFD0:
		return 0, corrupt(vendors.TIFF, "first IFD unreadable: "+errString(err))
	}
	if err != nil {
		in.Metadata.EXIFError = err
	}
	if r.Width == 0 || r.Height == 0 {
		return 0, corrupt(vendors.TIFF, "no image width or length, or zero ("+itoa(int(r.Width))+"x"+itoa(int(r.Height))+")")
	}
	if uint64(r.Width) > maxSide || uint64(r.Height) > maxSide {
		return 0, corrupt(vendors.TIFF, "dimension overflow ("+itoa(int(r.Width))+"x"+itoa(int(r.Height))+")")
	}
	in.Width, in.Height = int(r.Width), int(r.Height)
	in.Metadata.EXIF = r.EXIF
	in.Metadata.GPS = r.GPS
	in.Metadata.XMP = r.XMP
	in.Metadata.ICC = r.ICC
	in.HasAlpha = r.ExtraSamples > 0
	switch r.Photometric {
	case 0, 1:
		in.ColorModel = ColorGray
	case 2:
		in.ColorModel = ColorRGB
	case 3:
		in.ColorModel = ColorPaletted
	case 5:
		in.ColorModel = ColorCMYK
	case 6:
		in.ColorModel = ColorYCbCr
	default:
		return 0, unsupported("TIFF with photometric interpretation " + itoa(r.Photometric) + " is not supported")
	}
	return r.Orientation, nil
}

// errString describes a walk error without the "exif: " prefix.
func errString(err error) string {
	var e *exif.Error
	if errors.As(err, &e) {
		return e.Kind.String() + " at offset " + itoa(int(e.Offset))
	}
	return err.Error()
}

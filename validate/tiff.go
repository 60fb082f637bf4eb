package validate

import (
	"errors"
	"strconv"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/vendors"
)

// inspectTIFF reads a TIFF file's first IFD with the same bounded walker as
// EXIF blocks. Damage in IFD0 (the image the decoder reads) is corrupt;
// damage in later pages or sub-IFDs is reported in Metadata.EXIFError. A
// camera raw file, whose IFD0 is at best a preview, and a TIFF that stores
// its image in a way golang.org/x/image/tiff does not read (see
// tiffFeature) are unsupported-format, named.
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
	if raw := cameraRaw(b, &r); raw != "" {
		return 0, unsupported("camera raw (" + raw + ") is not supported")
	}
	if r.Width == 0 || r.Height == 0 {
		return 0, corrupt(vendors.TIFF, "no image width or length, or zero ("+strconv.Itoa(int(r.Width))+"x"+strconv.Itoa(int(r.Height))+")")
	}
	if uint64(r.Width) > maxSide || uint64(r.Height) > maxSide {
		return 0, corrupt(vendors.TIFF, "dimension overflow ("+strconv.Itoa(int(r.Width))+"x"+strconv.Itoa(int(r.Height))+")")
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
	}
	if f, damaged := tiffFeature(&r); damaged {
		return 0, corrupt(vendors.TIFF, f)
	} else if f != "" {
		return 0, unsupported("TIFF with " + f + " is not supported")
	}
	return r.Orientation, nil
}

// cameraRaw names the camera raw format of a TIFF-structured file, or
// returns "": a Canon CR2 (its header says "CR" after IFD0's offset), a
// DNG (DNGVersion tag), or any file whose IFD0 is a reduced-resolution
// preview, holds the sensor's data itself (CFA or linear-raw photometric
// interpretation), or points to a sub-IFD that does (NEF, ARW, PEF and
// the other TIFF-based raw formats). Decoding IFD0 would take the preview,
// often a 160x120 thumbnail, as the photo.
func cameraRaw(b []byte, r *exif.Result) string {
	l := &r.Layout
	switch {
	case len(b) >= 10 && string(b[:2]) == "II" && string(b[8:10]) == "CR":
		return "Canon CR2"
	case l.DNG:
		return "DNG"
	case l.Reduced || l.RawSubIFD || r.Photometric == 32803 || r.Photometric == 34892:
		if len(l.Make) > 0 {
			return "from " + printable(l.Make[:min(len(l.Make), 32)])
		}
		return "a TIFF whose first image is a preview of another one"
	}
	return ""
}

// tiffFeature names what IFD0 needs that golang.org/x/image/tiff (v0.47)
// does not read, from its tags alone, or returns "". damaged reports a
// value that no TIFF may have (the decoder calls those format errors).
// What the decoder reads: photometric interpretations 0 to 3; 1-, 8- and
// 16-bit unsigned samples (RGB 8 or 16, the same for every sample), RGB
// with an alpha sample; no compression, CCITT group 3 and 4, LZW, deflate
// and PackBits; the horizontal predictor at 8 and 16 bits; strips and
// tiles of interleaved samples.
func tiffFeature(r *exif.Result) (feature string, damaged bool) {
	l := &r.Layout
	if f := photometricName(r.Photometric); f != "" {
		return f, false
	}
	switch l.Compression {
	case 0, 1, 3, 4, 5, 8, 32773, 32946:
	default:
		return compressionName(l.Compression), false
	}
	bits, samples := 1, max(l.BitsCount, l.SamplesTag, 1)
	if l.BitsCount > 0 {
		bits = l.Bits
	}
	switch {
	case bits == 0:
		return "BitsPerSample 0", true
	case l.MixedBits:
		return "samples of different bit depths", false
	case bits != 1 && bits != 8 && bits != 16:
		return strconv.Itoa(bits) + "-bit samples", false
	case l.SampleFormat == 2:
		return "signed integer samples", false
	case l.SampleFormat == 3:
		return "floating-point samples", false
	case l.SampleFormat > 1:
		return "sample format " + strconv.Itoa(l.SampleFormat), false
	case l.Planar == 2 && samples > 1:
		return "separate colour planes (planar configuration 2)", false
	case l.Predictor == 3:
		return "the floating-point predictor", false
	case l.Predictor == 2 && bits == 1:
		return "the horizontal predictor on 1-bit samples", false
	case l.Predictor > 3:
		return "predictor " + strconv.Itoa(l.Predictor), false
	}
	if r.Photometric != 2 {
		if samples > 1 {
			return "extra samples (" + strconv.Itoa(samples) + " samples per pixel) in a gray or palette image", false
		}
		return "", false
	}
	switch {
	case samples < 3:
		return "RGB of " + strconv.Itoa(samples) + " sample per pixel", true
	case bits == 1:
		return "1-bit RGB", false
	case l.BitsCount != samples: // x/image counts the samples by the BitsPerSample values
		return strconv.Itoa(samples) + " samples per pixel with " + strconv.Itoa(l.BitsCount) + " BitsPerSample values", false
	case samples == 3:
	case samples == 4 && (l.ExtraSample == 1 || l.ExtraSample == 2):
	case samples == 4:
		return "an extra sample of unspecified meaning", false
	default:
		return "RGB with " + strconv.Itoa(samples) + " samples per pixel", false
	}
	return "", false
}

// photometricName names a photometric interpretation the decoder does not
// read, or returns "" for one it reads.
func photometricName(p int) string {
	switch p {
	case 0, 1, 2, 3:
		return ""
	case -1:
		return "no photometric interpretation"
	case 4:
		return "a transparency mask (photometric 4)"
	case 5:
		return "CMYK (separated) colour"
	case 6:
		return "Y'CbCr colour"
	case 8:
		return "CIELab colour"
	case 9:
		return "ICCLab colour"
	case 10:
		return "ITULab colour"
	case 32844, 32845:
		return "LogLuv colour"
	}
	return "photometric interpretation " + strconv.Itoa(p)
}

// compressionName names a compression scheme the decoder does not read.
func compressionName(c int) string {
	switch c {
	case 2:
		return "CCITT modified Huffman compression (2)"
	case 6:
		return "old-style JPEG compression (6)"
	case 7:
		return "JPEG compression (7)"
	case 34712:
		return "JPEG 2000 compression"
	case 34887:
		return "LERC compression"
	case 34925:
		return "LZMA compression"
	case 50000:
		return "Zstandard compression"
	case 50001:
		return "WebP compression"
	}
	return "compression " + strconv.Itoa(c)
}

// errString describes a walk error without the "exif: " prefix.
func errString(err error) string {
	var e *exif.Error
	if errors.As(err, &e) {
		return e.Kind.String() + " at offset " + strconv.Itoa(int(e.Offset))
	}
	return err.Error()
}

package validate

import (
	"bytes"
	"encoding/binary"

	"github.com/profileimage/profileimage/vendors"
)

// signature is one row of the sniffing table: bytes that start a file of a
// given kind. '?' in magic matches any byte. When check is set it must also
// accept the data (for formats whose magic alone is too weak or which hide
// behind a container: ISO-BMFF brands, text).
type signature struct {
	magic  string
	format vendors.Format // a decodable format, or "" for a recognised but unsupported one
	name   string         // the human name used in details
	check  func(data []byte) (name string, ok bool)
	// damaged marks a row that recognises a damaged header of format:
	// Inspect reports it as corrupt rather than unsupported.
	damaged bool
}

// signatures is the ordered sniffing table: the first row that matches
// wins. Rows with longer, more specific magic come before shorter ones that
// could match the same bytes. It is never modified.
var signatures = [...]signature{
	{magic: "\xff\xd8\xff", format: vendors.JPEG, name: "JPEG"},
	{magic: "\xff\xd8", format: vendors.JPEG, name: "JPEG", check: jpegAfterSOI},
	{magic: pngSignature, format: vendors.PNG, name: "PNG"},
	{magic: "GIF87a", format: vendors.GIF, name: "GIF"},
	{magic: "GIF89a", format: vendors.GIF, name: "GIF"},
	{magic: "RIFF????WEBP", format: vendors.WebP, name: "WebP"},
	{magic: "BM????\x00\x00\x00\x00", format: vendors.BMP, name: "BMP"},
	{magic: "II*\x00", format: vendors.TIFF, name: "TIFF"},
	{magic: "MM\x00*", format: vendors.TIFF, name: "TIFF"},
	{format: vendors.PNG, name: "PNG with a damaged signature", check: damagedPNG, damaged: true},

	// Recognised, not supported: rejected by name.
	{magic: "????ftyp", name: "ISO base media file", check: isoBrand},
	{magic: "\x00\x00\x00\x0cJXL \r\n\x87\n", name: "JPEG XL"},
	{magic: "\xff\x0a", name: "JPEG XL"},
	{magic: "\x00\x00\x00\x0cjP  \r\n\x87\n", name: "JPEG 2000"},
	{magic: "\xff\x4f\xff\x51", name: "JPEG 2000 codestream"},
	{magic: "II\xbc", name: "JPEG XR"},
	{magic: "II+\x00", name: "BigTIFF"},
	{magic: "MM\x00+", name: "BigTIFF"},
	{magic: "IIRO", name: "camera raw (Olympus ORF)"},
	{magic: "IIRS", name: "camera raw (Olympus ORF)"},
	{magic: "MMOR", name: "camera raw (Olympus ORF)"},
	{magic: "IIU\x00", name: "camera raw (Panasonic RW2)"},
	{magic: "FUJIFILMCCD-RAW ", name: "camera raw (Fujifilm RAF)"},
	{magic: "%PDF-", name: "PDF"},
	{magic: "%!PS", name: "PostScript"},
	{magic: "\xc5\xd0\xd3\xc6", name: "EPS"},
	{magic: "8BPS", name: "Photoshop PSD"},
	{magic: "\x00\x00\x01\x00", name: "ICO", check: isICO},
	{magic: "\x00\x00\x02\x00", name: "CUR (Windows cursor)", check: isICO},
	{magic: "\x8aMNG\r\n\x1a\n", name: "MNG"},
	{magic: "\x8bJNG\r\n\x1a\n", name: "JNG"},
	{magic: "qoif", name: "QOI"},
	{magic: "v/1\x01", name: "OpenEXR"},
	{magic: "#?RADIANCE", name: "Radiance HDR"},
	{magic: "#?RGBE", name: "Radiance HDR"},
	{magic: "DDS ", name: "DirectDraw Surface"},
	{magic: "gimp xcf", name: "GIMP XCF"},
	{magic: "FLIF", name: "FLIF"},
	{magic: "BPG\xfb", name: "BPG"},
	{magic: "P?", name: "Netpbm", check: isNetpbm},
	{magic: "RIFF", name: "RIFF", check: riffKind},
	{magic: "\x1f\x8b", name: "gzip data (SVGZ?)"},
	{magic: "PK\x03\x04", name: "ZIP archive"},
	// Last of the rows that need no magic, so that any real magic wins.
	{format: vendors.JPEG, name: "JPEG with a damaged start-of-image marker", check: damagedJPEG, damaged: true},
	{magic: "", name: "SVG", check: textKind},
}

// sniff returns the row that matches data, or nil, and the name to report.
func sniff(data []byte) (*signature, string) {
	for i := range signatures {
		s := &signatures[i]
		if !matchMagic(s.magic, data) {
			continue
		}
		if s.check == nil {
			return s, s.name
		}
		if name, ok := s.check(data); ok {
			return s, name
		}
	}
	return nil, ""
}

func matchMagic(magic string, data []byte) bool {
	if len(data) < len(magic) {
		return false
	}
	for i := 0; i < len(magic); i++ {
		if magic[i] != '?' && magic[i] != data[i] {
			return false
		}
	}
	return true
}

// pngSignature is the eight bytes that start every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// damagedPNG recognises a PNG whose signature was damaged, typically by a
// text-mode transfer that rewrote CR and LF: an IHDR chunk where it belongs
// and at most three wrong signature bytes.
func damagedPNG(data []byte) (string, bool) {
	if len(data) < 20 || !bytes.Contains(data[9:20], []byte("IHDR")) {
		return "", false
	}
	wrong := 0
	for i := range len(pngSignature) {
		if data[i] != pngSignature[i] {
			wrong++
		}
	}
	return "PNG with a damaged signature", wrong <= 3
}

// jpegAfterSOI accepts an SOI marker followed by other bytes than a
// marker: libjpeg reads such a file, skipping the extraneous bytes up to
// the first marker, and so does the walk.
func jpegAfterSOI(data []byte) (string, bool) {
	return "JPEG", len(data) > 2
}

// damagedJPEG recognises a JPEG whose SOI marker was damaged: one of its
// two bytes wrong, or missing, before a marker segment that JPEG files
// start with (APPn, DQT, DHT, SOF0-2, COM) and whose length fits the file.
func damagedJPEG(data []byte) (string, bool) {
	const name = "JPEG with a damaged start-of-image marker"
	segment := func(p int) bool {
		if len(data) < p+4 || data[p] != 0xff {
			return false
		}
		switch m := data[p+1]; {
		case m >= markerAPP0 && m <= markerAPP15, m == 0xdb, m == markerDHT, m >= markerSOF0 && m <= markerSOF2, m == markerCOM:
		default:
			return false
		}
		n := be16(data[p+2:])
		return n >= 2 && p+2+n <= len(data)
	}
	if (data[0] == 0xff) != (len(data) > 1 && data[1] == markerSOI) && segment(2) {
		return name, true
	}
	return name, segment(0) && len(data) >= 6 && (string(data[4:6]) == "JF" || string(data[4:6]) == "Ex")
}

// isoBrand names an ISO base media file (HEIF, AVIF, ...) from the major
// and compatible brands of its ftyp box.
func isoBrand(data []byte) (string, bool) {
	size := int(binary.BigEndian.Uint32(data))
	if size < 16 || size > 4096 {
		size = 16 // a bad size still names the major brand
	}
	size = min(size, len(data))
	named := ""
	for off := 8; off+4 <= size; off += 4 {
		if off == 12 {
			continue // minor version
		}
		switch string(data[off : off+4]) {
		case "avif", "avis":
			return "AVIF", true
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs":
			named = "HEIC"
		case "mif1", "msf1":
			if named == "" {
				named = "HEIF"
			}
		case "jxl ":
			return "JPEG XL", true
		case "crx ":
			return "Canon CR3 raw", true
		case "jp2 ", "jpx ", "jpm ":
			return "JPEG 2000", true
		case "qt  ", "isom", "iso2", "mp41", "mp42", "avc1", "M4V ", "3gp4", "3gp5":
			if named == "" {
				named = "video (MP4/QuickTime)"
			}
		}
	}
	if named == "" {
		named = "ISO base media file (brand " + printable(data[8:12]) + ")"
	}
	return named, true
}

// isICO accepts an ICO or CUR header with a plausible image count.
func isICO(data []byte) (string, bool) {
	if len(data) < 6 {
		return "", false
	}
	n := le16(data[4:])
	if n == 0 {
		return "", false
	}
	if data[2] == 2 {
		return "CUR (Windows cursor)", true
	}
	return "ICO", true
}

// isNetpbm accepts "P1".."P7" followed by white space.
func isNetpbm(data []byte) (string, bool) {
	if len(data) < 3 || data[1] < '1' || data[1] > '7' {
		return "", false
	}
	switch data[2] {
	case ' ', '\t', '\n', '\r':
		return "Netpbm", true
	}
	return "", false
}

// riffKind names the RIFF files that are not WebP.
func riffKind(data []byte) (string, bool) {
	if len(data) < 12 {
		return "", false
	}
	switch string(data[8:12]) {
	case "AVI ":
		return "AVI video", true
	case "WAVE":
		return "WAV audio", true
	case "ACON":
		return "animated cursor", true
	}
	return "RIFF (" + printable(data[8:12]) + ")", true
}

func printable(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		out[i] = c
	}
	return string(out)
}

package validate

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/vendors"
)

type hostileCase struct {
	name   string
	data   []byte
	reason vendors.Reason // "" = accepted
	detail string         // a substring of the detail
}

func utf16Text(s string, order binary.AppendByteOrder, bom bool) []byte {
	var b []byte
	if bom {
		b = order.AppendUint16(b, 0xfeff)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

const (
	corrupt_     = vendors.ReasonCorrupt
	unsupported_ = vendors.ReasonUnsupportedFormat
)

// hostileCases are hand-built headers, each with the exact reason Inspect
// must give.
func hostileCases() []hostileCase {
	overflowIFD0 := []byte("MM\x00*\x00\x00\x00\x08\xff\xff")
	return []hostileCase{
		{"empty", nil, vendors.ReasonEmpty, "no bytes"},
		{"unknown bytes", []byte("hello, world"), unsupported_, "unknown"},
		{"HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), unsupported_, "HEIC"},
		{"HEIF mif1", []byte("\x00\x00\x00\x10ftypmif1\x00\x00\x00\x00"), unsupported_, "HEIF"},
		{"AVIF", []byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf"), unsupported_, "AVIF"},
		{"AVIF by compatible brand", []byte("\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif"), unsupported_, "AVIF"},
		{"JPEG XL codestream", []byte("\xff\x0a\xfa\x7f"), unsupported_, "JPEG XL"},
		{"JPEG XL container", []byte("\x00\x00\x00\x0cJXL \r\n\x87\n\x00\x00"), unsupported_, "JPEG XL"},
		{"JPEG 2000", []byte("\x00\x00\x00\x0cjP  \r\n\x87\n\x00\x00\x00\x14ftypjp2 "), unsupported_, "JPEG 2000"},
		{"JPEG 2000 codestream", []byte("\xff\x4f\xff\x51\x00\x2f"), unsupported_, "JPEG 2000"},
		{"PDF", []byte("%PDF-1.7\n"), unsupported_, "PDF"},
		{"PSD", []byte("8BPS\x00\x01"), unsupported_, "Photoshop"},
		{"ICO", []byte("\x00\x00\x01\x00\x01\x00\x10\x10"), unsupported_, "ICO"},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), unsupported_, "SVG"},
		{"SVG with prologue", []byte("<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg>"), unsupported_, "SVG"},
		{"SVG with internal DTD subset", []byte("<!DOCTYPE svg [ <!ENTITY a \"b\"> ]><svg/>"), unsupported_, "SVG"},
		{"SVG namespace prefix", []byte("<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>"), unsupported_, "SVG"},
		{"SVG UTF-8 BOM", []byte("\xef\xbb\xbf  <svg>"), unsupported_, "SVG"},
		{"SVG UTF-16LE BOM", utf16Text("<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg>", binary.LittleEndian, true), unsupported_, "SVG"},
		{"SVG UTF-16BE no BOM", utf16Text("<svg>", binary.BigEndian, false), unsupported_, "SVG"},
		{"SVG UTF-32LE BOM", []byte("\xff\xfe\x00\x00<\x00\x00\x00s\x00\x00\x00v\x00\x00\x00g\x00\x00\x00"), unsupported_, "SVG"},
		{"HTML", []byte("<!doctype html><html>"), unsupported_, "HTML"},

		// JPEG
		{"JPEG ok", baselineJPEG(640, 480), "", ""},
		{"JPEG zero width", baselineJPEG(0, 480), corrupt_, "zero"},
		{"JPEG zero height", baselineJPEG(640, 0), corrupt_, "zero height"},
		{"JPEG 65535x65535", baselineJPEG(65535, 65535), "", ""},
		{"JPEG no EOI", baselineJPEG(8, 8)[:len(baselineJPEG(8, 8))-2], corrupt_, "EOI"},
		{"JPEG scan before frame", jpegFile(jpegSOS(), jpegSOF(0xc0, 8, 8, 8, 3)), corrupt_, "before the frame"},
		{"JPEG two frames", jpegFile(jpegSOF(0xc0, 8, 8, 8, 3), jpegSOF(0xc0, 8, 8, 8, 3), jpegSOS()), corrupt_, "more than one"},
		{"JPEG segment length 0", jpegFile([]byte{0xff, 0xe0, 0, 0}, jpegSOF(0xc0, 8, 8, 8, 3), jpegSOS()), corrupt_, "length 0"},
		{"JPEG segment past end", []byte("\xff\xd8\xff\xe1\xff\xff Exif"), corrupt_, "past the end"},
		{"JPEG 12-bit", jpegFile(jpegSOF(0xc1, 12, 8, 8, 3), jpegSOS()), unsupported_, "12-bit"},
		{"JPEG lossless", jpegFile(jpegSOF(0xc3, 8, 8, 8, 3), jpegSOS()), unsupported_, "lossless"},
		{"JPEG arithmetic", jpegFile(jpegSOF(0xc9, 8, 8, 8, 3), jpegSOS()), "", ""},
		{"JPEG lossless arithmetic", jpegFile(jpegSOF(0xcb, 8, 8, 8, 3), jpegSOS()), unsupported_, "lossless"},
		{"JPEG hierarchical arithmetic", jpegFile(jpegSOF(0xcd, 8, 8, 8, 3), jpegSOS()), unsupported_, "hierarchical"},
		{"JPEG 5 components", jpegFile(jpegSOF(0xc0, 8, 8, 8, 5), jpegSOS()), corrupt_, "5 colour"},
		{"JPEG bad sampling", jpegFile(exiftest.Segment(0xc0, []byte{8, 0, 8, 0, 8, 1, 1, 0x00, 0}), jpegSOS()), corrupt_, "sampling"},
		{"JPEG EXIF loop", baselineJPEG(8, 8, exiftest.APP1(exiftest.Loop(binary.LittleEndian, 6))), "", ""},
		{"JPEG EXIF IFD0 count overflow", baselineJPEG(8, 8, exiftest.APP1(overflowIFD0)), "", ""},

		// PNG
		{"PNG ok", pngFile(32, 32, 8, 2), "", ""},
		{"PNG zero width", pngFile(0, 32, 8, 2), corrupt_, "zero"},
		{"PNG zero height", pngFile(32, 0, 8, 2), corrupt_, "zero"},
		{"PNG width 2^31", pngFile(1<<31, 1, 8, 2), corrupt_, "overflow"},
		{"PNG 2^31-1 square, tiny data", pngFile(1<<31-1, 1<<31-1, 8, 6), corrupt_, "cannot hold"},
		{"PNG 100000x100000, tiny data", pngFile(100000, 100000, 8, 2), corrupt_, "cannot hold"},
		{"PNG bad depth", pngFile(8, 8, 3, 2), corrupt_, "bit depth"},
		{"PNG bad colour type", pngFile(8, 8, 8, 9), corrupt_, "colour type"},
		{"PNG bad CRC", func() []byte { b := pngFile(8, 8, 8, 2); b[29]++; return b }(), corrupt_, "CRC"},
		{"PNG no IHDR first", cat([]byte(pngSignature), mkChunk("IDAT", nil)), corrupt_, "not IHDR"},
		{"PNG palette without PLTE", pngFile(8, 8, 8, 3), corrupt_, "PLTE"},
		{"PNG chunk length 2^31", cat([]byte(pngSignature), pngIHDR(8, 8, 8, 2), []byte("\x80\x00\x00\x00IDAT")), corrupt_, "2^31"},
		{"PNG chunk past end", cat([]byte(pngSignature), pngIHDR(8, 8, 8, 2), []byte("\x7f\x00\x00\x00IDAT")), corrupt_, "past the end"},
		{"APNG frame outside canvas", pngFile(8, 8, 8, 2, mkChunk("acTL", make([]byte, 8)), fcTL(0, 8, 8, 1, 0)), corrupt_, "outside"},
		{"APNG frame width 2^32-1 offset", pngFile(8, 8, 8, 2, mkChunk("acTL", make([]byte, 8)), fcTL(0, 8, 8, 1<<32-1, 0)), corrupt_, "outside"},

		// GIF
		{"GIF ok", gifFile(10, 10, [4]int{0, 0, 10, 10}), "", ""},
		{"GIF zero screen", gifFile(0, 0, [4]int{0, 0, 0, 0}), corrupt_, "zero"},
		{"GIF 65535x65535 tiny", gifFile(65535, 65535, [4]int{0, 0, 1, 1}), "", ""},
		{"GIF no frames", cat(gifFile(10, 10)[:19], []byte{0x3b}), corrupt_, "no image"},
		{"GIF unknown block", cat(gifFile(10, 10)[:19], []byte{0x99}), corrupt_, "unknown block"},
		{"GIF no colour table", cat([]byte("GIF89a"), le16b(1), le16b(1), []byte{0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 0, 0x3b}), corrupt_, "colour table"},

		// WebP
		{"WebP ok", webpFile(vp8(30, 20)), "", ""},
		{"WebP RIFF size past end", func() []byte { b := webpFile(vp8(30, 20)); b[4] += 10; return b }(), corrupt_, "RIFF size"},
		{"WebP zero-size VP8", webpFile(vp8(0, 20)), corrupt_, "zero"},
		{"WebP canvas above 2^32", webpFile(vp8x(0x02, 1<<24, 1<<24), anmf(0, 0, 2, 2)), corrupt_, "2^32"},
		{"WebP canvas mismatch", webpFile(vp8x(0, 40, 40), vp8(30, 20)), corrupt_, "differs"},
		{"WebP frame outside canvas", webpFile(vp8x(0x02, 40, 40), anmf(32, 0, 10, 10)), corrupt_, "outside"},
		{"WebP no image", webpFile(riffChunk("XMP ", []byte("x"))), corrupt_, "no VP8"},

		// BMP
		{"BMP ok", bmpFile(4, 4, 24, 0, 48), "", ""},
		{"BMP zero width", bmpFile(0, 4, 24, 0, 48), corrupt_, "width or height"},
		{"BMP negative width", bmpFile(-4, 4, 24, 0, 48), corrupt_, "width or height"},
		{"BMP height -2^31", bmpFile(4, -1<<31, 24, 0, 48), corrupt_, "needs more bytes"},
		{"BMP 30000x30000 in 100 bytes", bmpFile(30000, 30000, 24, 0, 46), corrupt_, "needs more bytes"},
		{"BMP RLE8", rleBMP(4, 4, []byte{4, 1, 0, 1}), "", ""},
		{"BMP RLE8 without its palette", bmpFile(4, 4, 8, 1, 48), corrupt_, "past the end"},
		{"BMP 16-bit", bmpFile(4, 4, 16, 0, 32), "", ""},
		{"BMP OS/2 1.x", bmptest.File(bmptest.Header{Size: 12, Width: 2, Height: 2, Bits: 24}, nil, nil, make([]byte, 16)), "", ""},
		{"BMP OS/2 1.x of 0x0", cat([]byte("BM"), make([]byte, 8), le32b(26), le32b(12), make([]byte, 20)), corrupt_, "width or height 0x0"},
		{"BMP embedded JPEG", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 2, Compression: 4}, nil, nil, []byte("\xff\xd8")), unsupported_, "BMP with an embedded JPEG (BI_JPEG) is not supported"},
		{"BMP embedded PNG", bmptest.File(bmptest.Header{Size: 40, Width: 2, Height: 2, Compression: 5}, nil, nil, []byte("\x89PNG")), unsupported_, "BI_PNG"},
		{"BMP OS/2 Huffman", bmptest.File(bmptest.Header{Size: 64, Width: 2, Height: 2, Bits: 1, Compression: 3}, nil, nil, nil), unsupported_, "Huffman"},
		{"BMP 64-bit", bmpFile(4, 4, 64, 0, 128), unsupported_, "64 bits per pixel"},
		{"BMP 200-byte header", cat([]byte("BM"), make([]byte, 8), le32b(214), le32b(200), make([]byte, 200)), unsupported_, "200-byte DIB header"},
		{"BMP bit fields not one run", bmptest.File(bmptest.Header{Size: 56, Width: 1, Height: 1, Bits: 16, Compression: 3, Masks: [4]uint32{0xf00f, 0xf0, 0xf00, 0}}, nil, nil, make([]byte, 4)), corrupt_, "one run"},

		// TIFF
		{"TIFF ok", tiffFile(100, 50), "", ""},
		{"TIFF width 2^32-1", tiffFile(1<<32-1, 1<<32-1), corrupt_, "overflow"},
		{"TIFF zero width", tiffFile(0, 50), corrupt_, "zero"},
		{"TIFF IFD0 out of range", []byte("II*\x00\x00\x10\x00\x00\x00\x00\x00\x00"), corrupt_, "first IFD"},
		{"TIFF IFD0 offset 0", []byte("II*\x00\x00\x00\x00\x00\x00\x00\x00\x00"), corrupt_, "no first IFD: the header's IFD0 offset is 0"},
		{"TIFF IFD0 offset 0, big endian", []byte("MM\x00*\x00\x00\x00\x00"), corrupt_, "no first IFD: the header's IFD0 offset is 0"},
		{"TIFF entry count overflow", append([]byte("II*\x00\x08\x00\x00\x00\xff\xff"), make([]byte, 20)...), corrupt_, "first IFD"},
	}
}

func TestInspectHostile(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if tc.reason == "" {
				if err != nil {
					t.Fatalf("Inspect: %v", err)
				}
				if info.Width <= 0 || info.Height <= 0 || info.Frames < 1 || info.Orientation < 1 || info.Orientation > 8 {
					t.Errorf("implausible %+v", info)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Inspect = %+v, %v; want %s", info, err, tc.reason)
			}
			if e.Reason != tc.reason || !strings.Contains(e.Detail, tc.detail) {
				t.Errorf("got %s %q, want %s containing %q", e.Reason, e.Detail, tc.reason, tc.detail)
			}
			if len(e.Violations) != 1 || e.Violations[0].Reason != e.Reason || !errors.Is(err, sentinel(tc.reason)) {
				t.Errorf("inconsistent error %#v", e)
			}
			if !strings.HasPrefix(err.Error(), "validate: ") {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

// TestInspectTruncated cuts valid headers of each format at every byte: a
// prefix shorter than the magic is an unknown format, any longer one is
// corrupt (never accepted, never a panic).
func TestInspectTruncated(t *testing.T) {
	files := map[string][]byte{
		"jpeg": baselineJPEG(64, 48, exiftest.APP1(exiftest.Orientation(6))),
		"png":  pngFile(8, 8, 8, 6, mkChunk("eXIf", exiftest.Orientation(3))),
		"gif":  gifFile(10, 10, [4]int{0, 0, 10, 10}, [4]int{1, 1, 5, 5}),
		"webp": webpFile(vp8x(0x02|0x08, 40, 40), riffChunk("EXIF", exiftest.Orientation(6)), anmf(0, 0, 40, 40), anmf(2, 2, 10, 10)),
		"bmp":  bmpFile(4, 4, 24, 0, 48),
		"tiff": tiffFile(100, 50),
	}
	for name, full := range files {
		if _, err := Inspect(full); err != nil {
			t.Fatalf("%s: full file: %v", name, err)
		}
		sig, _ := sniff(full)
		end := len(full)
		switch name {
		case "gif":
			// A GIF cut after a whole first frame is accepted.
			end = len(gifFile(10, 10, [4]int{0, 0, 10, 10})) - 1
		case "png":
			// A PNG cut in or before IEND, after its image data, is
			// accepted, as libpng takes it (issue 10).
			end -= 12
		case "tiff":
			end -= 4 // the last IFD's next pointer may be missing
		}
		for n := 1; n < end; n++ {
			_, err := Inspect(full[:n])
			want := corrupt_
			if n < len(sig.magic) {
				want = unsupported_
			}
			var e *Error
			if !errors.As(err, &e) || e.Reason != want {
				t.Errorf("%s cut at %d of %d: %v, want %s", name, n, len(full), err, want)
			}
		}
	}
}

// TestInspectEXIF covers where orientation comes from.
func TestInspectEXIF(t *testing.T) {
	xmp := exiftest.Segment(0xe1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>"))
	// IFD0 with orientation 6 and a pointer to a GPS IFD of one entry
	// (GPSVersionID).
	gps := []exiftest.IFD{{Entries: []exiftest.Entry{{Tag: 274, Type: 3, Count: 1, Value: 6}, {Tag: 34853, Type: 4, Count: 1}}},
		{Entries: []exiftest.Entry{{Tag: 0, Type: 1, Count: 4, Value: 2}}}}
	gps[0].Entries[1].Value = exiftest.Offset(gps, 1)
	tests := []struct {
		name     string
		data     []byte
		orient   int
		w, h     int
		exifErr  error
		xmp, gps bool
	}{
		{"EXIF 6", baselineJPEG(64, 48, exiftest.APP1(exiftest.Orientation(6))), 6, 48, 64, nil, false, false},
		{"XMP before EXIF", baselineJPEG(64, 48, xmp, exiftest.APP1(exiftest.Orientation(8))), 8, 48, 64, nil, true, false},
		{"two EXIF, first wins", baselineJPEG(64, 48, exiftest.APP1(exiftest.Orientation(3)), exiftest.APP1(exiftest.Orientation(6))), 3, 64, 48, nil, false, false},
		{"orientation 0 is 1", baselineJPEG(64, 48, exiftest.APP1(exiftest.Orientation(0))), 1, 64, 48, nil, false, false},
		{"orientation 9 is 1", baselineJPEG(64, 48, exiftest.APP1(exiftest.Orientation(9))), 1, 64, 48, nil, false, false},
		{"loop after IFD0 keeps orientation", baselineJPEG(64, 48, exiftest.APP1(exiftest.Loop(binary.LittleEndian, 6))), 6, 48, 64, exif.ErrLoop, false, false},
		{"broken IFD0 means 1", baselineJPEG(64, 48, exiftest.APP1([]byte("MM\x00*\x00\x00\x00\x08\xff\xff"))), 1, 64, 48, exif.ErrOutOfRange, false, false},
		{"PNG eXIf", pngFile(8, 4, 8, 6, mkChunk("eXIf", exiftest.Orientation(5))), 5, 4, 8, nil, false, false},
		{"PNG two eXIf, first wins", pngFile(8, 4, 8, 6, mkChunk("eXIf", exiftest.Orientation(3)), mkChunk("eXIf", exiftest.Orientation(5))), 3, 8, 4, nil, false, false},
		{"WebP EXIF", webpFile(vp8x(0x08, 30, 20), riffChunk("EXIF", exiftest.Orientation(7)), vp8(30, 20)), 7, 20, 30, nil, false, false},
		{"WebP two EXIF, first wins", webpFile(vp8x(0x08, 30, 20), riffChunk("EXIF", exiftest.Orientation(2)), riffChunk("EXIF", exiftest.Orientation(7)), vp8(30, 20)), 2, 30, 20, nil, false, false},
		{"WebP EXIF with prefix", webpFile(vp8x(0x08, 30, 20), riffChunk("EXIF", append([]byte("Exif\x00\x00"), exiftest.Orientation(7)...)), vp8(30, 20)), 7, 20, 30, nil, false, false},
		{"GPS", baselineJPEG(64, 48, exiftest.APP1(exiftest.Block(binary.LittleEndian, gps, nil))), 6, 48, 64, nil, false, true},
		{"TIFF orientation", tiffFile(100, 50, exiftest.Entry{Tag: 274, Type: 3, Count: 1, Value: 6}), 6, 50, 100, nil, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if info.Orientation != tc.orient || info.OrientedWidth != tc.w || info.OrientedHeight != tc.h {
				t.Errorf("orientation %d %dx%d, want %d %dx%d", info.Orientation, info.OrientedWidth, info.OrientedHeight, tc.orient, tc.w, tc.h)
			}
			if (tc.exifErr == nil) != (info.Metadata.EXIFError == nil) || tc.exifErr != nil && !errors.Is(info.Metadata.EXIFError, tc.exifErr) {
				t.Errorf("EXIFError %v, want %v", info.Metadata.EXIFError, tc.exifErr)
			}
			if info.Metadata.XMP != tc.xmp || info.Metadata.GPS != tc.gps || info.Format != vendors.TIFF && !info.Metadata.EXIF {
				t.Errorf("metadata %+v", info.Metadata)
			}
		})
	}
}

// TestInspectFacts checks frames, scans, colour models and metadata.
func TestInspectFacts(t *testing.T) {
	prog := jpegFile(jpegSOF(0xc2, 8, 16, 16, 3), jpegSOS(), jpegSOS(), jpegSOS())
	gray := jpegFile(jpegSOF(0xc0, 8, 16, 16, 1), jpegSOS())
	adobe := exiftest.Segment(0xee, []byte("Adobe\x00\x64\x00\x00\x00\x00\x02"))
	ycck := jpegFile(adobe, jpegSOF(0xc0, 8, 16, 16, 4), jpegSOS())
	apng := pngFile(8, 8, 8, 2, mkChunk("acTL", make([]byte, 8)), fcTL(0, 8, 8, 0, 0), fcTL(1, 4, 4, 4, 4), mkChunk("tRNS", []byte{0, 0, 0, 0, 0, 0}))
	gif := gifFile(10, 10, [4]int{0, 0, 10, 10}, [4]int{1, 1, 5, 5}, [4]int{0, 0, 1, 1})
	webp := webpFile(vp8x(0x02|0x10, 40, 40), anmf(0, 0, 40, 40), anmf(2, 2, 10, 10))
	tests := []struct {
		name   string
		data   []byte
		frames int
		scans  int
		prog   bool
		model  ColorModel
		alpha  bool
	}{
		{"progressive", prog, 1, 3, true, ColorYCbCr, false},
		{"gray", gray, 1, 1, false, ColorGray, false},
		{"ycck", ycck, 1, 1, false, ColorYCCK, false},
		{"apng", apng, 2, 0, false, ColorRGB, true},
		{"gif", gif, 3, 0, false, ColorPaletted, true},
		{"animated webp", webp, 2, 0, false, ColorYCbCr, true},
		{"bmp 32", bmpFile(2, 2, 32, 0, 16), 1, 0, false, ColorRGB, false},
		{"bmp V5 BI_RGB 32 with an alpha mask", bmptest.File(bmptest.Header{Size: 124, Width: 1, Height: 1, Bits: 32,
			Masks: [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}}, nil, nil, make([]byte, 4)), 1, 0, false, ColorRGB, false},
		{"bmp V5 bit fields with alpha", bmptest.File(bmptest.Header{Size: 124, Width: 1, Height: 1, Bits: 32, Compression: 3,
			Masks: [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}}, nil, nil, make([]byte, 4)), 1, 0, false, ColorRGB, true},
		{"bmp RLE8", rleBMP(2, 2, []byte{0, 1}), 1, 0, false, ColorPaletted, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if info.Frames != tc.frames || info.Scans != tc.scans || info.Progressive != tc.prog || info.ColorModel != tc.model || info.HasAlpha != tc.alpha {
				t.Errorf("got %+v", info)
			}
		})
	}
}

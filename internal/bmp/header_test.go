package bmp

import (
	"errors"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/internal/bmp/bmptest"
)

// file8 is a 2x2 8-bit BITMAPINFOHEADER file with a two-colour palette:
// change fields of h (and pass extra, pixels) to make the cases.
func file8(mod func(h *bmptest.Header), extra, pixels []byte) []byte {
	h := bmptest.Header{Size: 40, Width: 2, Height: 2, Bits: 8, ColorsUsed: 2}
	if mod != nil {
		mod(&h)
	}
	if pixels == nil {
		pixels = make([]byte, 8)
	}
	pal := bmptest.Palette(h.Size == 12, gray(0), gray(255))
	if h.Bits > 8 {
		pal = nil
	}
	return bmptest.File(h, extra, pal, pixels)
}

// errKind names the type of a DecodeConfig or Decode error.
func errKind(err error) string {
	var (
		fe FormatError
		ue UnsupportedError
		le *LimitError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fe):
		return "format"
	case errors.As(err, &ue):
		return "unsupported"
	case errors.As(err, &le):
		return "limit"
	}
	return "untyped"
}

// TestConfigErrors: each malformed or unsupported header gets its typed
// error, with a detail that names the problem.
func TestConfigErrors(t *testing.T) {
	core := func(w, h int) []byte {
		return bmptest.File(bmptest.Header{Size: 12, Width: w, Height: h, Bits: 24}, nil, nil, make([]byte, 8))
	}
	bf := func(bits int, masks ...uint32) []byte {
		return file8(func(h *bmptest.Header) { h.Bits, h.Compression, h.ColorsUsed = bits, 3, 0 }, bmptest.Masks(masks...), make([]byte, 16))
	}
	tests := []struct {
		name, kind, detail string
		data               []byte
	}{
		{"too short", "format", "truncated file header", []byte("BM\x00\x00")},
		{"no signature", "format", "no BM", append([]byte("BA"), file8(nil, nil, nil)[2:]...)},
		{"unknown header size", "unsupported", "200-byte DIB header", file8(func(h *bmptest.Header) { h.Size = 200 }, nil, nil)},
		{"header size 0", "unsupported", "0-byte DIB header", file8(func(h *bmptest.Header) { h.Size = 0 }, nil, nil)},
		{"truncated header", "format", "truncated 124-byte DIB header", file8(func(h *bmptest.Header) { h.Size = 124 }, nil, nil)[:100]},
		{"zero width", "format", "width or height 0x2", file8(func(h *bmptest.Header) { h.Width = 0 }, nil, nil)},
		{"negative width", "format", "width or height -2x2", file8(func(h *bmptest.Header) { h.Width = -2 }, nil, nil)},
		{"zero height", "format", "width or height 2x0", file8(func(h *bmptest.Header) { h.Height = 0 }, nil, nil)},
		{"core zero height", "format", "width or height 2x0", core(2, 0)},
		{"two planes", "format", "2 planes", file8(func(h *bmptest.Header) { h.Planes = 2 }, nil, nil)},
		{"0 bits", "format", "0 bits per pixel", file8(func(h *bmptest.Header) { h.Bits = 0 }, nil, nil)},
		{"7 bits", "format", "7 bits per pixel", file8(func(h *bmptest.Header) { h.Bits = 7 }, nil, nil)},
		{"64 bits", "unsupported", "64 bits per pixel", file8(func(h *bmptest.Header) { h.Bits = 64 }, nil, nil)},
		{"RLE8 at 4 bits", "format", "BI_RLE8 with 4 bits", file8(func(h *bmptest.Header) { h.Bits, h.Compression = 4, 1 }, nil, nil)},
		{"RLE4 at 8 bits", "format", "BI_RLE4 with 8 bits", file8(func(h *bmptest.Header) { h.Compression = 2 }, nil, nil)},
		{"bit fields at 8 bits", "format", "BI_BITFIELDS with 8 bits", file8(func(h *bmptest.Header) { h.Compression = 3 }, nil, nil)},
		{"bit fields in an OS/2 header", "format", "BI_BITFIELDS in an OS/2 header", file8(func(h *bmptest.Header) { h.Size, h.Bits, h.Compression = 64, 16, 3 }, nil, nil)},
		{"embedded JPEG", "unsupported", "BI_JPEG", file8(func(h *bmptest.Header) { h.Bits, h.Compression = 0, 4 }, nil, nil)},
		{"embedded PNG", "unsupported", "BI_PNG", file8(func(h *bmptest.Header) { h.Bits, h.Compression = 0, 5 }, nil, nil)},
		{"CMYK", "unsupported", "CMYK", file8(func(h *bmptest.Header) { h.Bits, h.Compression = 32, 11 }, nil, nil)},
		{"CMYK RLE8", "unsupported", "CMYK", file8(func(h *bmptest.Header) { h.Compression = 12 }, nil, nil)},
		{"OS/2 Huffman", "unsupported", "Huffman 1D", file8(func(h *bmptest.Header) { h.Size, h.Bits, h.Compression = 64, 1, 3 }, nil, nil)},
		{"OS/2 RLE24", "unsupported", "RLE24", file8(func(h *bmptest.Header) { h.Size, h.Bits, h.Compression = 64, 24, 4 }, nil, nil)},
		{"unknown compression", "format", "unknown compression method 9", file8(func(h *bmptest.Header) { h.Compression = 9 }, nil, nil)},
		{"truncated masks", "format", "truncated bit field masks", bf(16, 0xf800, 0x7e0)[:14+40+8]},
		{"mask with a gap", "format", "0x7c1f is not one run", bf(16, 0x7c1f, 0x3e0, 0)},
		{"overlapping masks", "format", "0xf800 and 0xfe0 overlap", bf(16, 0xf800, 0x7e0|0x800, 0x1f)},
		{"too many colours", "format", "3 palette colours for 1 bits", file8(func(h *bmptest.Header) { h.Bits, h.ColorsUsed = 1, 3 }, nil, nil)},
		{"offset inside the header", "format", "offset 40, inside the headers, which end at 54", file8(func(h *bmptest.Header) { h.Offset = 40 }, nil, nil)},
		{"offset past the end", "format", "offset 100, past the end of the file's 70 bytes", file8(func(h *bmptest.Header) { h.Offset = 100 }, nil, nil)},
		{"pixels missing", "format", "pixel data of 2x2 at 8 bits needs more bytes than the file's 67", file8(nil, nil, nil)[:67]},
		{"pixels missing, 2^31 rows", "format", "needs more bytes", file8(func(h *bmptest.Header) { h.Height = -1 << 31 }, nil, nil)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeConfig(tc.data)
			if k := errKind(err); k != tc.kind || !strings.Contains(err.Error(), tc.detail) {
				t.Fatalf("got %s error %v, want %s error with %q", k, err, tc.kind, tc.detail)
			}
			img, derr := Decode(tc.data, 1<<40)
			if img != nil || derr == nil || derr.Error() != err.Error() {
				t.Errorf("Decode = %v, %v; DecodeConfig said %v", img, derr, err)
			}
		})
	}
}

// TestConfig reads what each kind of header says.
func TestConfig(t *testing.T) {
	masks := [4]uint32{0xf800, 0x7e0, 0x1f, 0}
	tests := []struct {
		name string
		data []byte
		want Config
	}{
		{"core", bmptest.File(bmptest.Header{Size: 12, Width: 3, Height: 2, Bits: 1}, nil, bmptest.Palette(true, gray(0), gray(9)), make([]byte, 8)),
			Config{Width: 3, Height: 2, HeaderSize: 12, BitsPerPixel: 1, Paletted: true}},
		{"OS/2 16", bmptest.File(bmptest.Header{Size: 16, Width: 2, Height: 2, Bits: 24}, nil, nil, make([]byte, 16)),
			Config{Width: 2, Height: 2, HeaderSize: 16, BitsPerPixel: 24}},
		{"OS/2 42", file8(func(h *bmptest.Header) { h.Size = 42 }, nil, nil),
			Config{Width: 2, Height: 2, HeaderSize: 42, BitsPerPixel: 8, Paletted: true}},
		{"info top-down", file8(func(h *bmptest.Header) { h.Height = -2 }, nil, nil),
			Config{Width: 2, Height: 2, TopDown: true, HeaderSize: 40, BitsPerPixel: 8, Paletted: true}},
		{"RLE4", file8(func(h *bmptest.Header) { h.Bits, h.Compression = 4, 2 }, nil, []byte{0, 1}),
			Config{Width: 2, Height: 2, HeaderSize: 40, BitsPerPixel: 4, Compression: RLE4, Paletted: true}},
		{"V2 bit fields", file8(func(h *bmptest.Header) { h.Size, h.Bits, h.Compression, h.Masks = 52, 16, 3, masks }, nil, nil),
			Config{Width: 2, Height: 2, HeaderSize: 52, BitsPerPixel: 16, Compression: BitFields}},
		{"V3 alpha", file8(func(h *bmptest.Header) {
			h.Size, h.Bits, h.Compression, h.Masks = 56, 16, 3, [4]uint32{0xf00, 0xf0, 0xf, 0xf000}
		}, nil, nil),
			Config{Width: 2, Height: 2, HeaderSize: 56, BitsPerPixel: 16, Compression: BitFields, HasAlpha: true}},
		{"V4 alpha", file8(func(h *bmptest.Header) {
			h.Size, h.Bits, h.Compression, h.Masks = 108, 32, 3, [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}
		}, nil, make([]byte, 16)),
			Config{Width: 2, Height: 2, HeaderSize: 108, BitsPerPixel: 32, Compression: BitFields, HasAlpha: true}},
		{"V5 alpha mask cut away at 24 bits", file8(func(h *bmptest.Header) {
			h.Size, h.Bits, h.Compression, h.Masks = 124, 24, 3, [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}
		}, nil, make([]byte, 16)),
			Config{Width: 2, Height: 2, HeaderSize: 124, BitsPerPixel: 24, Compression: BitFields}},
		{"V5 BI_RGB with an alpha mask", file8(func(h *bmptest.Header) {
			h.Size, h.Bits, h.Masks = 124, 32, [4]uint32{0xff0000, 0xff00, 0xff, 0xff000000}
		}, nil, make([]byte, 16)),
			Config{Width: 2, Height: 2, HeaderSize: 124, BitsPerPixel: 32}},
		{"alpha bit fields", file8(func(h *bmptest.Header) { h.Bits, h.Compression = 16, 6 }, bmptest.Masks(0xf00, 0xf0, 0xf, 0xf000), nil),
			Config{Width: 2, Height: 2, HeaderSize: 40, BitsPerPixel: 16, Compression: AlphaBitFields, HasAlpha: true}},
		{"last row without padding", file8(nil, nil, nil)[:14+40+8+6],
			Config{Width: 2, Height: 2, HeaderSize: 40, BitsPerPixel: 8, Paletted: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := DecodeConfig(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			got := Config{Width: c.Width, Height: c.Height, TopDown: c.TopDown, HeaderSize: c.HeaderSize,
				BitsPerPixel: c.BitsPerPixel, Compression: c.Compression, Paletted: c.Paletted, HasAlpha: c.HasAlpha}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			if img, err := Decode(tc.data, 16); err != nil || img.Bounds().Dx() != c.Width || img.Bounds().Dy() != c.Height {
				t.Errorf("Decode = %v, %v", img, err)
			}
		})
	}
}

// TestConfigAllocates: DecodeConfig allocates nothing for a valid file,
// which Inspect relies on.
func TestConfigAllocates(t *testing.T) {
	data := file8(func(h *bmptest.Header) { h.Size, h.Bits, h.Compression = 124, 32, 3 }, nil, make([]byte, 16))
	if n := testing.AllocsPerRun(100, func() { DecodeConfig(data) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// TestCompressionString names the methods.
func TestCompressionString(t *testing.T) {
	for c, want := range map[Compression]string{RGB: "BI_RGB", RLE8: "BI_RLE8", RLE4: "BI_RLE4",
		BitFields: "BI_BITFIELDS", AlphaBitFields: "BI_ALPHABITFIELDS", 9: "compression 9"} {
		if c.String() != want {
			t.Errorf("%d: %q, want %q", uint32(c), c.String(), want)
		}
	}
}

package profileimage

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/vendors"
)

// pngInsert returns a copy of a PNG file with a chunk right after IHDR.
func pngInsert(data []byte, typ string, payload []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(payload)))
	c = append(append(c, typ...), payload...)
	c = binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
	const ihdrEnd = 8 + 12 + 13
	return slices.Concat(data[:ihdrEnd], c, data[ihdrEnd:])
}

// iccp is an iCCP chunk's payload: a name, method 0 and the zlib data.
func iccp(t *testing.T, profile []byte) []byte {
	var buf bytes.Buffer
	buf.WriteString("sRGB\x00\x00")
	z := zlib.NewWriter(&buf)
	if _, err := z.Write(profile); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSRGBCostsNothing: an upload tagged sRGB (an ICC sRGB profile in
// JPEG APP2 or PNG iCCP, or PNG's sRGB chunk, or gAMA 1/2.2 with sRGB's
// cHRM) gives exactly the bytes and steps of the same upload untagged.
func TestSRGBCostsNothing(t *testing.T) {
	srgb, err := os.ReadFile(filepath.Join("testdata", "colour", "sRGB.icc"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := iccp(t, srgb)
	chrm := binary.BigEndian.AppendUint32(nil, 31270)
	for _, v := range []uint32{32900, 64000, 33000, 30000, 60000, 15000, 6000} {
		chrm = binary.BigEndian.AppendUint32(chrm, v)
	}
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 40
	if testing.Short() {
		params.MinSuccessfulTests = 8 // the race detector makes each a second
	}
	props := gopter.NewProperties(params)
	ctx := context.Background()
	props.Property("tagged sRGB equals untagged", prop.ForAll(func(u upload) bool {
		var tagged [][]byte
		if u.data[0] == 0xff { // JPEG
			seg := exiftest.Segment(0xe2, append([]byte("ICC_PROFILE\x00\x01\x01"), srgb...))
			tagged = append(tagged, exiftest.Splice(u.data, seg))
		} else {
			tagged = append(tagged, pngInsert(u.data, "iCCP", chunk), pngInsert(u.data, "sRGB", []byte{0}),
				pngInsert(pngInsert(u.data, "gAMA", binary.BigEndian.AppendUint32(nil, 45455)), "cHRM", chrm))
		}
		plain, perr := Normalize(ctx, u.data, u.profile)
		for _, data := range tagged {
			res, err := Normalize(ctx, data, u.profile)
			if (err == nil) != (perr == nil) {
				t.Logf("%s %dx%d: %v, untagged %v", u.profile.Name, u.w, u.h, err, perr)
				return false
			}
			if err != nil {
				continue
			}
			if !bytes.Equal(res.Data, plain.Data) || !slices.Equal(res.Steps, plain.Steps) {
				t.Logf("%s %dx%d: %v, untagged %v", u.profile.Name, u.w, u.h, res.Steps, plain.Steps)
				return false
			}
		}
		return true
	}, genUpload(false)))
	props.TestingRun(t)
}

// TestPNGGamma: a PNG whose gAMA says gamma 1.8 (and no cHRM: sRGB's
// primaries) is converted: its mid gray 128 is 128/255 to the power 1.8 in
// linear light, which sRGB writes as 147.
func TestPNGGamma(t *testing.T) {
	var buf bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = 128
	}
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	data := pngInsert(buf.Bytes(), "gAMA", binary.BigEndian.AppendUint32(nil, 55556))
	p := vendors.MustLookup("zoom")
	p.Output.Formats = []vendors.Format{vendors.PNG}
	res, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Steps, Step{"converted", "gAMA 0.55556 to sRGB"}) {
		t.Errorf("steps %v", res.Steps)
	}
	out, err := png.Decode(bytes.NewReader(res.Data))
	if err != nil {
		t.Fatal(err)
	}
	if v := color.GrayModel.Convert(out.At(3, 3)).(color.Gray).Y; v < 146 || v > 148 {
		t.Errorf("mid gray became %d, want 147", v)
	}
}

package jpeg_test

import (
	"bytes"
	"fmt"
	"image"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/testimage"
)

// A 1000×750 upload decoded at 1/4 size: the full-size image is never
// built.
func ExampleDecode() {
	data := testimage.JPEG(testimage.Photo(1000, 750, 1), 90)
	img, err := jpeg.Decode(data, &jpeg.DecodeOptions{ScaleDenom: 4, MaxPixels: 50_000_000})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := img.(*image.YCbCr)
	fmt.Println(m.Bounds(), m.SubsampleRatio)
	// Output: (0,0)-(250,188) YCbCrSubsampleRatio420
}

// Reading the header first to pick a scale denominator. The header alone
// is enough: here, the SOF and SOS segments of a 4000×3000 4:2:0 photo.
func ExampleDecodeConfig() {
	data := []byte{
		0xff, 0xd8, // SOI
		0xff, 0xc0, 0, 17, 8, 3000 >> 8, 3000 & 255, 4000 >> 8, 4000 & 255, 3,
		1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, // SOF0: Y 2×2, Cb and Cr 1×1
		0xff, 0xda, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0, // SOS
	}
	cfg, err := jpeg.DecodeConfig(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The largest shrink that still leaves at least 1050 pixels across.
	s := 8
	for s > 1 {
		if w, _ := cfg.ScaledSize(s); w >= 1050 {
			break
		}
		s /= 2
	}
	w, h := cfg.ScaledSize(s)
	fmt.Println(cfg.Width, cfg.Height, cfg.Subsample, "-> 1 /", s, "=", w, h)
	// Output: 4000 3000 YCbCrSubsampleRatio420 -> 1 / 2 = 2000 1500
}

// Encoding a Y'CbCr image straight from its planes, with tables optimised
// for it.
func ExampleEncode() {
	img := testimage.Photo(640, 480, 2)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.EncodeOptions{Quality: 85, OptimizeHuffman: true}); err != nil {
		fmt.Println(err)
		return
	}
	cfg, _ := jpeg.DecodeConfig(buf.Bytes())
	fmt.Println(cfg.Width, cfg.Height, cfg.Subsample)
	// Output: 640 480 YCbCrSubsampleRatio420
}

// Handing finished rows to a consumer while the decode runs.
func ExampleDecodeOptions_rows() {
	data := testimage.JPEG(testimage.Photo(64, 40, 1), 90)
	bands := 0
	_, err := jpeg.Decode(data, &jpeg.DecodeOptions{
		Rows: func(img image.Image, y0, y1 int) error {
			bands++
			return nil
		},
	})
	fmt.Println(bands, err)
	// Output: 3 <nil>
}

package jpeg_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/draw"
	stdjpeg "image/jpeg"
	"testing"

	"github.com/profileimage/profileimage/internal/jpeg"
	"github.com/profileimage/profileimage/internal/orient/orienttest"
	"github.com/profileimage/profileimage/internal/testimage"
)

// encodeInputs are the image types Encode handles, with odd sizes so that
// edge replication is exercised.
func encodeInputs() map[string]image.Image {
	photo := testimage.Photo(403, 301, 3)
	gray := image.NewGray(photo.Bounds())
	copy(gray.Pix, photo.Y)
	ycc444 := image.NewYCbCr(photo.Bounds(), image.YCbCrSubsampleRatio444)
	rgba := image.NewRGBA(photo.Bounds())
	for y := 0; y < 301; y++ {
		for x := 0; x < 403; x++ {
			c := photo.YCbCrAt(x, y)
			i := ycc444.YOffset(x, y)
			ycc444.Y[i], ycc444.Cb[i], ycc444.Cr[i] = c.Y, c.Cb, c.Cr
			rgba.Set(x, y, c)
		}
	}
	ycc422 := image.NewYCbCr(photo.Bounds(), image.YCbCrSubsampleRatio422)
	for y := 0; y < 301; y++ {
		for x := 0; x < 403; x++ {
			c := photo.YCbCrAt(x, y)
			ycc422.Y[ycc422.YOffset(x, y)] = c.Y
			ycc422.Cb[ycc422.COffset(x, y)] = c.Cb
			ycc422.Cr[ycc422.COffset(x, y)] = c.Cr
		}
	}
	return map[string]image.Image{
		"ycbcr420": photo,
		"ycbcr444": ycc444,
		"ycbcr422": ycc422,
		"gray":     gray,
		"rgba":     rgba,
		"nrgba":    testimage.PhotoWithAlpha(403, 301, 3),
		"sub":      photo.SubImage(image.Rect(3, 5, 350, 200)),
		"sub-even": photo.SubImage(image.Rect(4, 6, 351, 201)),
	}
}

// sqErr is the summed squared error over R, G, B of two images.
func sqErr(a, b image.Image) float64 {
	r := a.Bounds()
	s := 0.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x-r.Min.X+b.Bounds().Min.X, y-r.Min.Y+b.Bounds().Min.Y).RGBA()
			for _, d := range []float64{float64(r1>>8) - float64(r2>>8), float64(g1>>8) - float64(g2>>8), float64(b1>>8) - float64(b2>>8)} {
				s += d * d
			}
		}
	}
	return s
}

// TestEncodeAgainstStdlib: our output decodes with image/jpeg, its pixel
// error at quality 90 is no worse than image/jpeg's encoder, its size no
// larger, and optimised tables make it smaller with identical pixels.
func TestEncodeAgainstStdlib(t *testing.T) {
	for name, img := range encodeInputs() {
		t.Run(name, func(t *testing.T) {
			var std bytes.Buffer
			if err := stdjpeg.Encode(&std, img, &stdjpeg.Options{Quality: 90}); err != nil {
				t.Fatal(err)
			}
			ours, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: 90})
			if err != nil {
				t.Fatal(err)
			}
			opt, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: 90, OptimizeHuffman: true})
			if err != nil {
				t.Fatal(err)
			}
			stdImg, _ := stdjpeg.Decode(bytes.NewReader(std.Bytes()))
			ourImg, err := stdjpeg.Decode(bytes.NewReader(ours))
			if err != nil {
				t.Fatalf("image/jpeg cannot decode our output: %v", err)
			}
			optImg, err := stdjpeg.Decode(bytes.NewReader(opt))
			if err != nil {
				t.Fatalf("image/jpeg cannot decode our optimised output: %v", err)
			}
			if ourImg.Bounds().Size() != img.Bounds().Size() {
				t.Fatalf("size %v, want %v", ourImg.Bounds().Size(), img.Bounds().Size())
			}
			// In RGB the two encoders differ by noise of ±0.15% (the
			// colour conversions round differently); the strict
			// comparison is in TestEncodeErrorNoWorse.
			es, eo := sqErr(img, stdImg), sqErr(img, ourImg)
			if eo > es*1.002 {
				t.Errorf("squared error %.0f, image/jpeg's %.0f", eo, es)
			}
			if len(ours) > std.Len() {
				t.Errorf("%d bytes, image/jpeg %d", len(ours), std.Len())
			}
			if len(opt) >= len(ours) {
				t.Errorf("optimised %d bytes, not smaller than %d", len(opt), len(ours))
			}
			if d, err := maxDiff(optImg, ourImg); err != nil || d != 0 {
				t.Errorf("optimised tables changed pixels: max diff %d, %v", d, err)
			}
			again, _ := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: 90})
			if !bytes.Equal(again, ours) {
				t.Error("output is not deterministic")
			}
			t.Logf("stdlib %d B, ours %d B, optimised %d B; squared error %.0f vs %.0f", std.Len(), len(ours), len(opt), eo, es)
		})
	}
}

// TestEncodeQualities round-trips through our decoder at several
// qualities, including 4:4:4 output.
func TestEncodeQualities(t *testing.T) {
	photo := testimage.Photo(97, 61, 5)
	for _, q := range []int{0, 1, 10, 50, 75, 100, 200} {
		for _, full := range []bool{false, true} {
			data, err := jpeg.Append(nil, photo, &jpeg.EncodeOptions{Quality: q, Chroma444: full})
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := jpeg.DecodeConfig(data)
			if err != nil {
				t.Fatal(err)
			}
			want := image.YCbCrSubsampleRatio420
			if full {
				want = image.YCbCrSubsampleRatio444
			}
			if cfg.Subsample != want || cfg.Width != 97 || cfg.Height != 61 {
				t.Errorf("q%d full=%v: config %+v", q, full, cfg)
			}
			if _, err := jpeg.Decode(data, nil); err != nil {
				t.Errorf("q%d: %v", q, err)
			}
		}
	}
	if _, err := jpeg.Append(nil, image.NewGray(image.Rect(0, 0, 0, 5)), nil); err == nil {
		t.Error("empty image encoded")
	}
}

// planeSqErr is the summed squared error over the Y, Cb and Cr planes of
// two 4:2:0 images of the same size (or the gray planes).
func planeSqErr(a, b image.Image) float64 {
	sum := func(p, q []byte) (s float64) {
		for i := range p {
			d := float64(p[i]) - float64(q[i])
			s += d * d
		}
		return s
	}
	if g, ok := a.(*image.Gray); ok {
		return sum(g.Pix, b.(*image.Gray).Pix)
	}
	x, y := a.(*image.YCbCr), b.(*image.YCbCr)
	return sum(x.Y, y.Y) + sum(x.Cb, y.Cb) + sum(x.Cr, y.Cr)
}

// TestEncodeErrorNoWorse: at quality 90, in the encoder's own domain
// (the Y'CbCr or gray planes), our pixel error summed over three photos is
// no larger than image/jpeg's, and so are the files.
func TestEncodeErrorNoWorse(t *testing.T) {
	var es, eo, gs, gos float64
	var ns, no int
	for seed := uint64(1); seed <= 3; seed++ {
		photo := testimage.Photo(640, 480, seed)
		gray := image.NewGray(photo.Bounds())
		copy(gray.Pix, photo.Y)
		for _, img := range []image.Image{photo, gray} {
			var std bytes.Buffer
			if err := stdjpeg.Encode(&std, img, &stdjpeg.Options{Quality: 90}); err != nil {
				t.Fatal(err)
			}
			ours, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: 90})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := stdjpeg.Decode(bytes.NewReader(std.Bytes()))
			b, _ := stdjpeg.Decode(bytes.NewReader(ours))
			if _, ok := img.(*image.Gray); ok {
				gs += planeSqErr(img, a)
				gos += planeSqErr(img, b)
			} else {
				es += planeSqErr(img, a)
				eo += planeSqErr(img, b)
			}
			ns += std.Len()
			no += len(ours)
		}
	}
	t.Logf("Y'CbCr error %.0f vs image/jpeg %.0f; gray %.0f vs %.0f; %d vs %d bytes", eo, es, gos, gs, no, ns)
	if eo > es || gos > gs {
		t.Errorf("error larger than image/jpeg's: Y'CbCr %.0f > %.0f or gray %.0f > %.0f", eo, es, gos, gs)
	}
	if no > ns {
		t.Errorf("%d bytes, image/jpeg %d", no, ns)
	}
}

// pinnedInput is a 203×131 4:2:0 image with smooth gradients, edges and
// noise, built with integer arithmetic only so that it is the same on
// every platform.
func pinnedInput() *image.YCbCr {
	m := image.NewYCbCr(image.Rect(0, 0, 203, 131), image.YCbCrSubsampleRatio420)
	noise := uint32(12345)
	next := func() uint8 {
		noise = noise*1664525 + 1013904223
		return uint8(noise >> 27)
	}
	for y := 0; y < 131; y++ {
		for x := 0; x < 203; x++ {
			v := x + y
			if (x/23+y/17)%2 == 0 {
				v += 60
			}
			m.Y[m.YOffset(x, y)] = uint8(v) + next()
		}
	}
	for y := 0; y < 66; y++ {
		for x := 0; x < 102; x++ {
			m.Cb[m.COffset(2*x, 2*y)] = uint8(128 + x - y/2)
			m.Cr[m.COffset(2*x, 2*y)] = uint8(90+2*y) + next()
		}
	}
	return m
}

// TestEncodePinned pins the SHA-256 of the encoder's output for a fixed
// input under each option and input type: a change of encoded bytes,
// intended or not, fails here and must be reviewed.
func TestEncodePinned(t *testing.T) {
	ycc := pinnedInput()
	gray := &image.Gray{Pix: ycc.Y, Stride: ycc.YStride, Rect: ycc.Rect}
	rgba := image.NewRGBA(ycc.Rect)
	for y := 0; y < 131; y++ {
		for x := 0; x < 203; x++ {
			rgba.Set(x, y, ycc.At(x, y))
		}
	}
	for _, c := range []struct {
		name string
		img  image.Image
		opts jpeg.EncodeOptions
		want string
	}{
		{"ycbcr420", ycc, jpeg.EncodeOptions{}, "17a19f772524403983e684dda9efe7cd8cf2466307523191eeb4dac44ec12990"},
		{"ycbcr420-optimized", ycc, jpeg.EncodeOptions{Quality: 90, OptimizeHuffman: true}, "e475b71a2dbbae3e05ae1b10c9f238d2cb2da7e5f00d91f1d5b4b50ddd9116ae"},
		{"ycbcr-444", ycc, jpeg.EncodeOptions{Quality: 90, Chroma444: true}, "ee23e99346940723ada01f44ca8614876e7b85c5fa61d45cffe58f598e6e0d27"},
		{"gray-optimized", gray, jpeg.EncodeOptions{Quality: 50, OptimizeHuffman: true}, "87c72b960d737c2d4045b07e7b14ced5625819528e2090df07ff6ebaf6480589"},
		{"rgba-444-optimized", rgba, jpeg.EncodeOptions{Quality: 100, Chroma444: true, OptimizeHuffman: true}, "cf46e39a763a10931863371bf0456a5c8651422608080e13b4dd97cd42feddf1"},
		{"rgba", rgba, jpeg.EncodeOptions{Quality: 85}, "24e2e7b0ad32012d3443b7e8a6b488dafa2ee1774572fea7e415c3fa007a3fb7"},
	} {
		data, err := jpeg.Append(nil, c.img, &c.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(data)); got != c.want {
			t.Errorf("%s: sha256 %s, want %s", c.name, got, c.want)
		}
	}
}

// markers counts the markers of a JPEG stream after its first SOS: RSTn,
// and whether a DRI segment came before it.
func markers(b []byte) (dri bool, rst []byte) {
	sos := bytes.Index(b, []byte{0xff, 0xda})
	dri = bytes.Contains(b[:sos], []byte{0xff, 0xdd})
	for i := sos + 2; i+1 < len(b); i++ {
		if b[i] == 0xff && b[i+1] >= 0xd0 && b[i+1] <= 0xd7 {
			rst = append(rst, b[i+1])
		}
	}
	return dri, rst
}

// TestEncodeRestartIntervals encodes a megapixel image, which is coded in
// eight restart intervals: the bytes do not depend on the number of
// goroutines, the markers are in order, and the pixels are those of the
// same blocks coded in one interval (a crop just under a megapixel whose
// rows of MCUs are the same).
func TestEncodeRestartIntervals(t *testing.T) {
	img := testimage.Photo(1024, 1024, 4) // exactly 1<<20 pixels
	crop := img.SubImage(image.Rect(0, 0, 1024, 1008)).(*image.YCbCr)
	for _, opt := range []bool{false, true} {
		var first []byte
		for _, conc := range []int{1, 2, 8} {
			b, err := jpeg.Append(nil, img, &jpeg.EncodeOptions{Quality: 90, OptimizeHuffman: opt, Concurrency: conc})
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b
			} else if !bytes.Equal(b, first) {
				t.Errorf("optimised %v: %d goroutines give other bytes than 1", opt, conc)
			}
		}
		dri, rst := markers(first)
		if !dri || string(rst) != "\xd0\xd1\xd2\xd3\xd4\xd5\xd6" {
			t.Errorf("optimised %v: DRI %v, restart markers % x; want a DRI and D0 to D6", opt, dri, rst)
		}
		one, err := jpeg.Append(nil, crop, &jpeg.EncodeOptions{Quality: 90, OptimizeHuffman: opt})
		if err != nil {
			t.Fatal(err)
		}
		if dri, rst := markers(one); dri || len(rst) > 0 {
			t.Errorf("below a megapixel: DRI %v, %d restart markers; want none", dri, len(rst))
		}
		a, err1 := stdjpeg.Decode(bytes.NewReader(first))
		c, err2 := stdjpeg.Decode(bytes.NewReader(one))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		ay, cy := a.(*image.YCbCr), c.(*image.YCbCr)
		for y := range 1008 {
			if !bytes.Equal(ay.Y[y*ay.YStride:y*ay.YStride+1024], cy.Y[y*cy.YStride:y*cy.YStride+1024]) {
				t.Fatalf("optimised %v: luma row %d differs from the one-interval coding", opt, y)
			}
		}
		for y := range 504 {
			ao, co := y*ay.CStride, y*cy.CStride
			if !bytes.Equal(ay.Cb[ao:ao+512], cy.Cb[co:co+512]) || !bytes.Equal(ay.Cr[ao:ao+512], cy.Cr[co:co+512]) {
				t.Fatalf("optimised %v: chroma row %d differs from the one-interval coding", opt, y)
			}
		}
		t.Logf("optimised %v: %d bytes in 8 intervals", opt, len(first))
	}
}

// orientPlane returns the plane of w×h samples as orientation o shows it.
func orientPlane(pix []byte, stride, w, h, o int) (out []byte, ow, oh int) {
	ow, oh = w, h
	if o >= 5 {
		ow, oh = h, w
	}
	out = make([]byte, ow*oh)
	for y := range oh {
		for x := range ow {
			sx, sy := orienttest.Table(o, x, y, w, h)
			out[y*ow+x] = pix[sy*stride+sx]
		}
	}
	return out, ow, oh
}

// orientedCopy returns img as orientation o shows it, made by hand from
// the table, the way the encoder reads img: plane by plane where it reads
// planes (gray; 4:2:0 with an even origin written 4:2:0, whose chroma
// planes are turned on their own), else pixel by pixel into the same kind
// of image (a Y'CbCr image into 4:4:4).
func orientedCopy(img image.Image, o int, chroma444 bool) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	r := image.Rect(0, 0, ow, oh)
	switch m := img.(type) {
	case *image.Gray:
		pix, _, _ := orientPlane(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, w, h, o)
		return &image.Gray{Pix: pix, Stride: ow, Rect: r}
	case *image.YCbCr:
		if m.SubsampleRatio == image.YCbCrSubsampleRatio420 && b.Min.X%2 == 0 && b.Min.Y%2 == 0 && !chroma444 {
			c := m.COffset(b.Min.X, b.Min.Y)
			y, _, _ := orientPlane(m.Y[m.YOffset(b.Min.X, b.Min.Y):], m.YStride, w, h, o)
			cb, ocw, _ := orientPlane(m.Cb[c:], m.CStride, (w+1)/2, (h+1)/2, o)
			cr, _, _ := orientPlane(m.Cr[c:], m.CStride, (w+1)/2, (h+1)/2, o)
			return &image.YCbCr{Y: y, Cb: cb, Cr: cr, YStride: ow, CStride: ocw,
				SubsampleRatio: m.SubsampleRatio, Rect: r}
		}
		out := image.NewYCbCr(r, image.YCbCrSubsampleRatio444)
		for y := range oh {
			for x := range ow {
				sx, sy := orienttest.Table(o, x, y, w, h)
				c := m.YCbCrAt(b.Min.X+sx, b.Min.Y+sy)
				i := out.YOffset(x, y)
				out.Y[i], out.Cb[i], out.Cr[i] = c.Y, c.Cb, c.Cr
			}
		}
		return out
	}
	var out draw.Image = image.NewNRGBA(r)
	if _, ok := img.(*image.RGBA); ok {
		out = image.NewRGBA(r)
	}
	for y := range oh {
		for x := range ow {
			sx, sy := orienttest.Table(o, x, y, w, h)
			out.Set(x, y, img.At(b.Min.X+sx, b.Min.Y+sy))
		}
	}
	return out
}

// TestEncodeOrientation encodes every kind of image in every orientation,
// with sizes and origins that are and are not multiples of the MCU: the
// bytes are those of the turned copy made by hand.
func TestEncodeOrientation(t *testing.T) {
	inputs := encodeInputs()
	inputs["ycbcr420-even"] = testimage.Photo(64, 48, 5)
	for name, img := range inputs {
		for _, opts := range []jpeg.EncodeOptions{{Quality: 85}, {Quality: 85, Chroma444: true, OptimizeHuffman: true}} {
			for o := 1; o <= 8; o++ {
				opts := opts
				want, err := jpeg.Append(nil, orientedCopy(img, o, opts.Chroma444), &opts)
				if err != nil {
					t.Fatal(err)
				}
				opts.Orientation = o
				got, err := jpeg.Append(nil, img, &opts)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s, 4:4:4 %v, orientation %d: not the bytes of the turned copy", name, opts.Chroma444, o)
				}
			}
		}
	}
	if _, err := jpeg.Append(nil, inputs["gray"], &jpeg.EncodeOptions{Orientation: 9}); err == nil {
		t.Error("orientation 9 accepted")
	}
}

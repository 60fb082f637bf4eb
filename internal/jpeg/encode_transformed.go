package jpeg

import "image"

// Transformed is an image after the forward DCT, before quantization: it
// codes the image at any quality without reading the pixels or repeating
// the transform, which is most of the work of a byte budget that tries
// several qualities. Its Append at a quality writes the same bytes as
// [Append] of the image at that quality.
//
// It holds every transform output as an int32 (the fixed-point outputs of
// the transform need 24 bits; fewer would change the rounding of some
// quantized values): 256 bytes a block, so 4 bytes a pixel for a gray
// image, 6 for 4:2:0 (73 MB for 12 megapixels) and 12 for 4:4:4.
type Transformed struct {
	opts   EncodeOptions
	w, h   int
	nComp  int
	sub420 bool
	coefs  []int32
}

// Transform applies the forward DCT to every block of img as [Append]
// with opts would, for coding later with [Transformed.Append]. Its
// Quality is not used. Up to opts.Concurrency goroutines transform an
// image of a megapixel or more.
func Transform(img image.Image, opts *EncodeOptions) (*Transformed, error) {
	o, turn, w, h, err := checkOptions(img, opts)
	if err != nil {
		return nil, err
	}
	e := newEncoder(img, &o, turn)
	mxx, myy, perMCU := e.layout(w, h)
	t := &Transformed{opts: o, w: w, h: h, nComp: e.nComp, sub420: e.sub420,
		coefs: make([]int32, 64*mxx*myy*perMCU)}
	rows := intervalRows(w, h, mxx, myy)
	e.inParallel((myy+rows-1)/rows, func(i int) {
		var blocks [6][64]uint8
		b := i * rows * mxx * perMCU
		for my := i * rows; my < min(myy, (i+1)*rows); my++ {
			for mx := 0; mx < mxx; mx++ {
				e.src.mcu(mx, my, &blocks)
				for k := 0; k < perMCU; k++ {
					fdct(&blocks[k], (*[64]int32)(t.coefs[64*b:]))
					b++
				}
			}
		}
	})
	return t, nil
}

// Append appends the JPEG of the transformed image at quality (1..100;
// 0 means DefaultQuality) to dst: the bytes [Append] writes for the image
// with the options given to Transform and this quality.
func (t *Transformed) Append(dst []byte, quality int) []byte {
	o := t.opts
	if quality == 0 {
		quality = DefaultQuality
	}
	o.Quality = min(max(quality, 1), 100)
	e := &encoder{opts: &o, nComp: t.nComp, sub420: t.sub420, coefs: t.coefs}
	e.setQuality(o.Quality)
	return e.appendJPEG(dst, t.w, t.h)
}

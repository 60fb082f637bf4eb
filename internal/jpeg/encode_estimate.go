package jpeg

import "image"

// EstimateSize estimates the size of the JPEG that [Append] writes for img
// with opts from the coding of one MCU row in every step (step ≥ 1; 1
// counts every row), in a fraction of an encode: the bits of the sampled
// rows with the typical Huffman tables (without byte stuffing, restart
// markers or, with OptimizeHuffman, the smaller optimised tables), scaled
// to the whole image, plus the headers. It is a guess for deciding how to
// encode, never a size to test a limit with.
func EstimateSize(img image.Image, opts *EncodeOptions, step int) (int, error) {
	o, turn, w, h, err := checkOptions(img, opts)
	if err != nil {
		return 0, err
	}
	step = max(step, 1)
	e := newEncoder(img, &o, turn)
	e.prepareCodes()
	mxx, myy, perMCU := e.layout(w, h)
	n := (myy + step - 1) / step
	bits := make([]int, n)
	e.inParallel(n, func(i int) {
		var freq [4][256]int
		var pred [3]int32
		my := i * step
		e.eachBlock(mxx, perMCU, my, my+1, func(q *quantized, c int) {
			t := 2 * min(c, 1)
			count(&q.q, q.mask, &pred[c], &freq[t], &freq[t+1])
		})
		for t := range freq {
			for s, f := range freq[t] {
				if f > 0 {
					extra := s & 15 // AC: the size category is the low nibble
					if t%2 == 0 {
						extra = s // DC: the symbol is the size category
					}
					bits[i] += f * (int(e.codes[t].size[s]) + extra)
				}
			}
		}
	})
	total := 0
	for _, b := range bits {
		total += b
	}
	const headers = 600 // SOI, DQT, SOF0, DHT, SOS, EOI: about
	return headers + total/8*myy/n, nil
}

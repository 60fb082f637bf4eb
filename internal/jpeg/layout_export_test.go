package jpeg

import "image"

// EncodeLayout is a test-only encoder for streams that Encode does not
// write: any Y'CbCr sampling of luma (h0×v0 with 1×1 chroma), baseline or
// progressive (DC with successive approximation, AC in spectral bands with
// end-of-band runs). Tables are optimised per scan. It feeds the
// differential tests.
func EncodeLayout(img *image.YCbCr, h0, v0, quality int, progressive bool) []byte {
	b := img.Rect
	w, h := b.Dx(), b.Dy()
	planes := [][]byte{make([]byte, w*h), make([]byte, w*h), make([]byte, w*h)}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := img.YCbCrAt(b.Min.X+x, b.Min.Y+y)
			planes[0][y*w+x], planes[1][y*w+x], planes[2][y*w+x] = p.Y, p.Cb, p.Cr
		}
	}
	return EncodeComponents(w, h, planes, []image.Point{{h0, v0}, {1, 1}, {1, 1}}, -1, quality, progressive)
}

// EncodeComponents is the encoder behind EncodeLayout for any components:
// planes holds one full-size w×h plane per component (1, 3 or 4), each
// sampled by its factors (1 to 4; each sample is the mean of the pixels
// it covers, which for factors that do not divide the largest ones is the
// run of pixels from x·hmax/h), and adobe ≥ 0 writes an Adobe APP14
// segment with that colour transform. Component i uses quantization table
// min(i, 1).
func EncodeComponents(w, h int, planes [][]byte, factors []image.Point, adobe, quality int, progressive bool) []byte {
	n := len(planes)
	hmax, vmax := 1, 1
	for _, f := range factors {
		hmax, vmax = max(hmax, f.X), max(vmax, f.Y)
	}
	comps := make([]component, n)
	mxx, myy := (w+8*hmax-1)/(8*hmax), (h+8*vmax-1)/(8*vmax)
	tables := scaledQuant(quality)
	coefs := make([][][64]int16, n)
	for c := range comps {
		cc := &comps[c]
		cc.h, cc.v = factors[c].X, factors[c].Y
		cw, ch := (w*cc.h+hmax-1)/hmax, (h*cc.v+vmax-1)/vmax
		cc.bw, cc.bh = (cw+7)/8, (ch+7)/8
		// The component plane: each sample the mean of the pixels it
		// covers.
		plane := make([]byte, cw*ch)
		for y := 0; y < ch; y++ {
			for x := 0; x < cw; x++ {
				sum, k := 0, 0
				for yy := y * vmax / cc.v; yy < min(max((y+1)*vmax/cc.v, y*vmax/cc.v+1), h); yy++ {
					for xx := x * hmax / cc.h; xx < min(max((x+1)*hmax/cc.h, x*hmax/cc.h+1), w); xx++ {
						sum += int(planes[c][yy*w+xx])
						k++
					}
				}
				plane[y*cw+x] = uint8((sum + k/2) / k)
			}
		}
		gw, gh := mxx*cc.h, myy*cc.v
		coefs[c] = make([][64]int16, gw*gh)
		qz := newQuantizer(&tables[min(c, 1)])
		for by := 0; by < gh; by++ {
			for bx := 0; bx < gw; bx++ {
				var blk [64]uint8
				planeBlock(&blk, plane, cw, cw, ch, 8*bx, 8*by)
				fdctQuantize(&blk, &qz, &coefs[c][by*gw+bx])
			}
		}
	}
	out := []byte{0xff, markerSOI}
	seg := func(m byte, p ...byte) {
		out = append(out, 0xff, m, byte((len(p)+2)>>8), byte(len(p)+2))
		out = append(out, p...)
	}
	if adobe >= 0 {
		seg(markerAPP14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, byte(adobe))
	}
	dqt := []byte{0}
	dqt = append(dqt, tables[0][:]...)
	dqt = append(dqt, 1)
	seg(markerDQT, append(dqt, tables[1][:]...)...)
	sof := byte(markerSOF0)
	if progressive {
		sof = markerSOF2
	}
	sofp := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(n)}
	for c, cc := range comps {
		sofp = append(sofp, byte(c+1), byte(cc.h<<4|cc.v), byte(min(c, 1)))
	}
	seg(sof, sofp...)
	block := func(c, bx, by int) *[64]int16 { return &coefs[c][by*mxx*comps[c].h+bx] }
	all := make([]int, n)
	for c := range all {
		all[c] = c
	}

	// scan writes one scan twice: counting symbols, then coding them with
	// the tables built from the counts.
	scan := func(cs []int, ss, se, ah, al int) {
		var freq [2][256]int
		var codes [2]*huffCode
		var bw bitWriter
		counting := true
		sym := func(t int, s byte, extra uint32, n uint) {
			if counting {
				freq[t][s]++
				return
			}
			bw.put(uint32(codes[t].code[s]), uint(codes[t].size[s]))
			if n > 0 {
				bw.put(extra, n)
			}
		}
		raw := func(v uint32, n uint) {
			if !counting {
				bw.put(v, n)
			}
		}
		eobrun := 0
		flushEOB := func() {
			if eobrun == 0 {
				return
			}
			n := uint(0)
			for 1<<(n+1) <= eobrun {
				n++
			}
			sym(1, byte(n<<4), uint32(eobrun-1<<n), n)
			eobrun = 0
		}
		pred := make([]int, n)
		visit := func(c int, b *[64]int16) {
			if ss == 0 && ah == 0 { // DC first (or sequential DC)
				v := int(b[0]) >> al
				n, bits := bitSize(int32(v - pred[c]))
				pred[c] = v
				sym(0, byte(n), bits&(1<<n-1), n)
			} else if ss == 0 { // DC refinement
				raw(uint32(int(b[0])>>al)&1, 1)
			}
			if se == 0 {
				return
			}
			run := 0
			for k := max(ss, 1); k <= se; k++ {
				v := int(b[k])
				if v == 0 {
					run++
					continue
				}
				flushEOB()
				for run > 15 {
					sym(1, 0xf0, 0, 0)
					run -= 16
				}
				n, bits := bitSize(int32(v))
				sym(1, byte(run<<4)|byte(n), bits&(1<<n-1), n)
				run = 0
			}
			if run > 0 {
				if !progressive {
					sym(1, 0, 0, 0)
				} else if eobrun++; eobrun == 0x7fff {
					flushEOB()
				}
			}
		}
		for pass := 0; pass < 2; pass++ {
			clear(pred)
			eobrun = 0
			if len(cs) > 1 {
				for my := 0; my < myy; my++ {
					for mx := 0; mx < mxx; mx++ {
						for _, c := range cs {
							for j := 0; j < comps[c].h*comps[c].v; j++ {
								visit(c, block(c, mx*comps[c].h+j%comps[c].h, my*comps[c].v+j/comps[c].h))
							}
						}
					}
				}
			} else {
				c := cs[0]
				for by := 0; by < comps[c].bh; by++ {
					for bx := 0; bx < comps[c].bw; bx++ {
						visit(c, block(c, bx, by))
					}
				}
			}
			flushEOB()
			if pass == 1 {
				break
			}
			counting = false
			var dht []byte
			for t := 0; t < 2; t++ {
				if freq[t] == [256]int{} {
					continue
				}
				spec := optimalSpec(&freq[t])
				codes[t] = newHuffCode(&spec)
				dht = append(dht, byte(t<<4))
				dht = append(dht, spec.counts[:]...)
				dht = append(dht, spec.vals...)
			}
			if len(dht) > 0 {
				seg(markerDHT, dht...)
			}
			sos := []byte{byte(len(cs))}
			for _, c := range cs {
				sos = append(sos, byte(c+1), 0x00)
			}
			seg(markerSOS, append(sos, byte(ss), byte(se), byte(ah<<4|al))...)
		}
		bw.finish()
		out = append(out, bw.buf...)
	}
	if !progressive {
		scan(all, 0, 63, 0, 0)
	} else {
		scan(all, 0, 0, 0, 1)
		for c := range n {
			scan([]int{c}, 1, 5, 0, 0)
		}
		scan(all, 0, 0, 1, 0)
		for c := range n {
			scan([]int{c}, 6, 63, 0, 0)
		}
	}
	return append(out, 0xff, markerEOI)
}

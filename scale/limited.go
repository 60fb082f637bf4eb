package scale

import (
	"fmt"
	"image"

	"github.com/profileimage/profileimage/internal/limitedrange"
)

// expansion is the limited-range expansion of one plane (see
// Options.LimitedRange): applied to a resampled row's sums before they are
// rounded, and by table to samples that are only moved.
type expansion struct {
	e     limitedrange.Expansion
	table *[256]uint8
}

func newExpansion(e limitedrange.Expansion) *expansion {
	return &expansion{e: e, table: e.Table()}
}

// expansions returns the expansions of the luma and chroma planes of a
// Y'CbCr source under cfg: nil for both unless cfg.limitedRange.
func expansions(cfg config) (luma, chroma *expansion) {
	if !cfg.limitedRange {
		return nil, nil
	}
	return newExpansion(limitedrange.Luma()), newExpansion(limitedrange.Chroma())
}

// lookup maps each sample of src through the table into dst and returns
// dst[:len(src)].
func (x *expansion) lookup(dst, src []uint8) []uint8 {
	dst = dst[:len(src)]
	t := x.table
	for i, v := range src {
		dst[i] = t[v]
	}
	return dst
}

// nycbcraSource reads an *image.NYCbCrA of limited-range samples,
// converted with the limited-range matrix and premultiplied by its alpha
// as color.NYCbCrA.RGBA premultiplies.
type nycbcraSource struct{ m *image.NYCbCrA }

func (s nycbcraSource) row(y, x0, x1 int, buf []uint16) []uint16 {
	m := s.m
	buf = buf[:4*(x1-x0)]
	y += m.Rect.Min.Y
	ao := m.AOffset(m.Rect.Min.X+x0, y)
	for x := x0; x < x1; x++ {
		px := m.Rect.Min.X + x
		ci := m.COffset(px, y)
		r, g, b := limitedrange.RGB16(m.Y[m.YOffset(px, y)], m.Cb[ci], m.Cr[ci])
		a := uint32(m.A[ao+x-x0]) * 0x101
		d := buf[4*(x-x0) : 4*(x-x0)+4 : 4*(x-x0)+4]
		d[0] = uint16(uint32(r) * a / 0xffff)
		d[1] = uint16(uint32(g) * a / 0xffff)
		d[2] = uint16(uint32(b) * a / 0xffff)
		d[3] = uint16(a)
	}
	return buf
}

func nycbcraValid(m *image.NYCbCrA) bool {
	return ycbcrValid(&m.YCbCr) && planeValid(m.A, m.AStride, m.Rect.Dx(), m.Rect.Dy(), 1)
}

// ExpandLimitedRange rewrites the samples of m, limited-range Y'CbCr (see
// [Options.LimitedRange]), as full range, in place: the expansion that
// Options.LimitedRange applies to a resample that only moves samples, for
// an image that needs no resample at all. An m whose pixel slices are too
// short for its bounds is an error wrapping [ErrInvalidSource], and is left
// as it was.
func ExpandLimitedRange(m *image.YCbCr) error {
	if m == nil || !ycbcrValid(m) {
		return fmt.Errorf("%w: Y'CbCr pixel slices too short for their bounds", ErrInvalidSource)
	}
	luma, chroma := newExpansion(limitedrange.Luma()), newExpansion(limitedrange.Chroma())
	w, h := m.Rect.Dx(), m.Rect.Dy()
	for y := range h {
		row := m.Y[y*m.YStride : y*m.YStride+w]
		luma.lookup(row, row)
	}
	cw, ch := chromaSize(m.Rect, m.SubsampleRatio)
	for y := range ch {
		for _, p := range [2][]uint8{m.Cb, m.Cr} {
			row := p[y*m.CStride : y*m.CStride+cw]
			chroma.lookup(row, row)
		}
	}
	return nil
}

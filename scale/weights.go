package scale

import (
	"fmt"
	"math"
)

const (
	// weightBits is the fixed-point precision of the weights that multiply
	// 8- or 16-bit samples: the direct horizontal pass and the vertical pass.
	weightBits = 14
	// blockWeightBits is the precision of the horizontal weights that
	// multiply box sums (pre-reduced rows), accumulated in int64.
	blockWeightBits = 22
	// minResidual is the smallest scale factor left to the kernel after an
	// exact box pre-reduction by an integer factor (libvips' shrink+reduce).
	// A box gives all its samples the kernel's mean weight over the box, an
	// error that shrinks as the residual kernel spans more boxes. Measured
	// on the real photos of testimage.RealPhotos against the float64
	// reference (scale TestRealPhotoPSNR), the worst plane over ratios just
	// above 2, 3, 4 and 6 times minResidual: 54.7 dB at residual 5, 55.8 at
	// 6, 58.2 at 8; the direct resample measures 73 dB and more. (Residuals
	// of 1.8 to 3, what was used before, gave 44.6 to 52 dB there.)
	minResidual = 8
	// maxBlock bounds the box factor per axis, so that a sum of maxBlock²
	// 16-bit samples fits a uint32.
	maxBlock = 256
	// maxAbsWeightSum bounds the sum of the absolute normalised weights of
	// one output sample, which keeps every fixed-point sum inside its
	// integer type.
	maxAbsWeightSum = 1.95
)

// axis holds the weights that map one source axis interval [lo, hi) to n
// output samples, in flat slices: output j reads count[j] consecutive inputs
// from start[j] with weights w[j*stride:]. The inputs are boxes of k source
// samples counted from lo (the last box may be shorter); k == 1 means single
// samples.
type axis struct {
	n      int
	stride int
	start  []int32
	count  []int32
	w      []int32
	k      int
	lo, hi int
	blocks int   // number of boxes (k > 1), else hi-lo
	absMax int64 // the largest sum of one output's absolute weights
}

// boxFactor returns the integer pre-reduction factor for shrinking src
// samples to dst with kernel k: 1 (none) unless the residual scale factor
// stays at least minResidual.
func boxFactor(k Kernel, src, dst int) int {
	if k.Support == 0 {
		return 1
	}
	s := float64(src) / float64(dst)
	return max(1, min(int(s/minResidual), maxBlock))
}

// identity reports whether output j is source sample lo+j alone, at full
// weight, for every j: what any kernel gives when the size does not change
// (it is 1 at 0 and 0 at the other integers). Resampling such an axis
// gives back each sample exactly, so it need not be done.
func (a *axis) identity() bool {
	if a.k != 1 || a.n != a.hi-a.lo {
		return false
	}
	for j := range a.n {
		if a.start[j] != int32(j) || a.count[j] != 1 || a.w[j*a.stride] != 1<<weightBits {
			return false
		}
	}
	return true
}

// maxAbsWeights returns the largest sum of the absolute fixed-point weights
// of one output, which bounds the magnitude of a weighted sum over the
// largest sample.
func (a *axis) maxAbsWeights() int64 { return a.absMax }

// boxLen returns the length of box b of an axis.
func (a *axis) boxLen(b int) int {
	return min(a.k, a.hi-a.lo-b*a.k)
}

// newAxis computes the weights for resampling the source interval [lo, hi)
// to n samples with kernel kern, pre-reducing by boxes of k samples, with
// weights in fixed point of the given bits.
func newAxis(kern Kernel, lo, hi, n, k int, bits uint) (axis, error) {
	a, _, err := newAxes(kern, lo, hi, n, k, bits, 0)
	return a, err
}

// newAxes is newAxis, and if bits2 is not 0 also a second axis of the same
// lengths and box factor with weights of bits2, from the same kernel
// evaluations (which cost more than the rest): a square crop to a square
// has the same weights along x and y. The second axis's lo and hi are the
// first's; the caller moves them.
func newAxes(kern Kernel, lo, hi, n, k int, bits, bits2 uint) (a, a2 axis, err error) {
	L := hi - lo
	a = axis{n: n, k: k, lo: lo, hi: hi, blocks: (L + k - 1) / k}
	s := float64(L) / float64(n)
	if kern.Support == 0 {
		a.stride = 1
		a.start = make([]int32, n)
		a.count = make([]int32, n)
		a.w = make([]int32, n)
		for j := range n {
			u := min(int(float64(float64(j)+0.5)*s), L-1)
			a.start[j], a.count[j], a.w[j] = int32(u), 1, 1<<bits
		}
		a.absMax = 1 << bits
		if bits2 != 0 {
			a2 = a
			a2.absMax = 1 << bits2
			a2.w = make([]int32, n)
			for j := range a2.w {
				a2.w[j] = 1 << bits2
			}
		}
		return a, a2, nil
	}
	fs := max(s, 1)
	r := kern.Support * fs
	span := int(2*r) + 4 // source samples one output can touch
	a.stride = span/k + 2
	a.start = make([]int32, n)
	a.count = make([]int32, n)
	a.w = make([]int32, n*a.stride)
	if bits2 != 0 {
		a2 = a
		a2.start = make([]int32, n)
		a2.count = make([]int32, n)
		a2.w = make([]int32, n*a.stride)
	}
	wf := make([]float64, a.stride)
	for j := range n {
		c := float64(float64(j)+0.5) * s
		u0 := max(0, int(math.Floor(c-r-0.5)))
		u1 := min(L, int(math.Ceil(c+r+0.5)))
		b0, b1 := u0/k, (u1-1)/k+1
		wb := wf[:b1-b0]
		clear(wb)
		for u := u0; u < u1; u++ {
			t := math.Abs(float64(u)+0.5-c) / fs
			if t <= kern.Support {
				wb[u/k-b0] += kern.At(t)
			}
		}
		if err := a.setRow(j, b0, wb, bits); err != nil {
			return a, a2, fmt.Errorf("%w: %q at output %d of %d from %d samples", err, kern.Name, j, n, L)
		}
		if bits2 != 0 {
			if err := a2.setRow(j, b0, wb, bits2); err != nil {
				return a, a2, fmt.Errorf("%w: %q at output %d of %d from %d samples", err, kern.Name, j, n, L)
			}
		}
	}
	return a, a2, nil
}

// setRow sets the weights of output j, which reads boxes from b0 with the
// float weights wb, in fixed point of the given bits.
func (a *axis) setRow(j, b0 int, wb []float64, bits uint) error {
	row := a.w[j*a.stride : j*a.stride+len(wb)]
	first, last, err := toFixed(wb, bits, row)
	if err != nil {
		return err
	}
	copy(row, row[first:last])
	a.start[j], a.count[j] = int32(b0+first), int32(last-first)
	var abs int64
	for _, w := range row[:last-first] {
		abs += int64(max(w, -w))
	}
	a.absMax = max(a.absMax, abs)
	return nil
}

// toFixed normalises wf to sum 1, converts it to fixed point with the given
// bits into dst, makes the integers sum exactly to 1<<bits (so a constant
// image stays constant), and returns the range of dst without the zero
// weights at both ends.
func toFixed(wf []float64, bits uint, dst []int32) (first, last int, err error) {
	sum := 0.0
	for _, v := range wf {
		sum += v
	}
	if math.IsNaN(sum) || math.IsInf(sum, 0) || math.Abs(sum) < 1e-9 {
		return 0, 0, ErrInvalidKernel
	}
	one := float64(int64(1) << bits)
	var isum int64
	abs := 0.0
	peak := 0
	for i, v := range wf {
		v /= sum
		abs += math.Abs(v)
		q := int32(math.Round(float64(v * one)))
		dst[i] = q
		isum += int64(q)
		if q > dst[peak] {
			peak = i
		}
	}
	if math.IsNaN(abs) || abs > maxAbsWeightSum {
		return 0, 0, ErrInvalidKernel
	}
	dst[peak] += int32(int64(1)<<bits - isum)
	first, last = 0, len(wf)
	for first < last && dst[first] == 0 {
		first++
	}
	for last > first && dst[last-1] == 0 {
		last--
	}
	return first, last, nil
}

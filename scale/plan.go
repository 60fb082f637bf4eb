package scale

import (
	"image"
	"sync"
)

// planePlan is everything needed to resample one plane (a Y'CbCr plane, a
// gray plane or the interleaved RGBA samples): the weights of both stored
// axes and where the result goes. The resample produces rows along stored
// x, one per output sample of the stored y axis, and the orientation decides
// where each row lands in the destination plane.
type planePlan struct {
	x, y       axis
	o          orientation
	dstX, dstY int  // top-left of the resampled area in the destination plane
	ringRows   int  // the slots of a band's ring of rows (see ringSlots)
	identity   bool // both axes map each sample to itself: only moves samples
}

// blockMode reports whether the plan pre-reduces by boxes on either axis.
func (p *planePlan) blockMode() bool { return p.x.k > 1 || p.y.k > 1 }

// minParallelWeights is the number of kernel evaluations of each axis above
// which the weights of x are computed on another goroutine while the calling
// one computes y's: for a one-shot Resize of 12 MP the weights would
// otherwise be a serial millisecond or two, next to a goroutine's
// microsecond.
const minParallelWeights = 1 << 12

// weightEvals estimates how many times newAxis calls the kernel for n
// outputs from L samples.
func weightEvals(k Kernel, L, n int) float64 {
	return 2 * k.Support * float64(max(L, n))
}

// newPlanePlan plans resampling the oriented crop of a w×h stored plane into
// the rectangle pad of the destination plane, on up to two goroutines if
// workers allows.
func newPlanePlan(kern Kernel, o orientation, w, h int, crop, pad image.Rectangle, workers int) (*planePlan, error) {
	p := &planePlan{o: o, dstX: pad.Min.X, dstY: pad.Min.Y}
	cx0, cx1, cy0, cy1 := crop.Min.X, crop.Max.X, crop.Min.Y, crop.Max.Y
	nx, ny := pad.Dx(), pad.Dy()
	if o.Transpose {
		cx0, cx1, cy0, cy1 = cy0, cy1, cx0, cx1
		nx, ny = ny, nx
	}
	sx0, sx1 := storedRange(cx0, cx1, w, o.FlipX)
	sy0, sy1 := storedRange(cy0, cy1, h, o.FlipY)
	kx, ky := boxFactor(kern, sx1-sx0, nx), boxFactor(kern, sy1-sy0, ny)
	bits := uint(weightBits)
	if kx > 1 || ky > 1 {
		bits = blockWeightBits
	}
	var err error
	if kx == ky && sx1-sx0 == sy1-sy0 && nx == ny {
		// Same weights along both axes: evaluate the kernel once.
		if p.x, p.y, err = newAxes(kern, sx0, sx1, nx, kx, bits, weightBits); err != nil {
			return nil, err
		}
		p.y.lo, p.y.hi = sy0, sy1
	} else if workers > 1 && min(weightEvals(kern, sx1-sx0, nx), weightEvals(kern, sy1-sy0, ny)) >= minParallelWeights {
		p.x, p.y, err = newAxesInParallel(kern, [2]int{sx0, sy0}, [2]int{sx1, sy1}, [2]int{nx, ny}, [2]int{kx, ky}, bits)
		if err != nil {
			return nil, err
		}
	} else {
		if p.x, err = newAxis(kern, sx0, sx1, nx, kx, bits); err != nil {
			return nil, err
		}
		if p.y, err = newAxis(kern, sy0, sy1, ny, ky, weightBits); err != nil {
			return nil, err
		}
	}
	most := 0
	for _, c := range p.y.count {
		most = max(most, int(c))
	}
	p.ringRows = ringSlots(most)
	p.identity = p.x.identity() && p.y.identity()
	return p, nil
}

// newAxesInParallel computes the x axis (index 0, weights of xBits) on
// another goroutine and the y axis (index 1, weights of weightBits) on the
// calling one.
func newAxesInParallel(kern Kernel, lo, hi, n, k [2]int, xBits uint) (x, y axis, err error) {
	var errX, errY error
	var wg sync.WaitGroup
	wg.Go(func() { x, errX = newAxis(kern, lo[0], hi[0], n[0], k[0], xBits) })
	y, errY = newAxis(kern, lo[1], hi[1], n[1], k[1], weightBits)
	wg.Wait()
	if errX != nil {
		return x, y, errX
	}
	return x, y, errY
}

// work estimates the cost of the plan in multiply-adds, to decide how many
// goroutines it deserves.
func (p *planePlan) work() int {
	src := (p.x.hi - p.x.lo) * (p.y.hi - p.y.lo)
	return src + p.y.blocks*p.x.n*p.x.stride + p.y.n*p.x.n*p.y.stride
}

// placement returns the byte offset in the destination plane of the first
// sample of resampled row ty, and the byte step between its samples, for
// samples of bpp bytes in a plane with the given stride.
func (p *planePlan) placement(ty, stride, bpp int) (off, step int) {
	nx, ny := p.x.n, p.y.n
	if p.o.FlipY {
		ty = ny - 1 - ty
	}
	first, dir := 0, 1
	if p.o.FlipX {
		first, dir = nx-1, -1
	}
	if !p.o.Transpose {
		return (p.dstY+ty)*stride + (p.dstX+first)*bpp, dir * bpp
	}
	return (p.dstY+first)*stride + (p.dstX+ty)*bpp, dir * stride
}

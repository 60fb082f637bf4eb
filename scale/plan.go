package scale

import "image"

// planePlan is everything needed to resample one plane (a Y'CbCr plane, a
// gray plane or the interleaved RGBA samples): the weights of both stored
// axes and where the result goes. The resample produces rows along stored
// x, one per output sample of the stored y axis, and the orientation decides
// where each row lands in the destination plane.
type planePlan struct {
	x, y       axis
	o          orientation
	dstX, dstY int // top-left of the resampled area in the destination plane
	ringRows   int // the most box rows one output row reads
}

// blockMode reports whether the plan pre-reduces by boxes on either axis.
func (p *planePlan) blockMode() bool { return p.x.k > 1 || p.y.k > 1 }

// newPlanePlan plans resampling the oriented crop of a w×h stored plane into
// the rectangle pad of the destination plane.
func newPlanePlan(kern Kernel, o orientation, w, h int, crop, pad image.Rectangle) (*planePlan, error) {
	p := &planePlan{o: o, dstX: pad.Min.X, dstY: pad.Min.Y}
	cx0, cx1, cy0, cy1 := crop.Min.X, crop.Max.X, crop.Min.Y, crop.Max.Y
	nx, ny := pad.Dx(), pad.Dy()
	if o.transpose {
		cx0, cx1, cy0, cy1 = cy0, cy1, cx0, cx1
		nx, ny = ny, nx
	}
	sx0, sx1 := storedRange(cx0, cx1, w, o.flipX)
	sy0, sy1 := storedRange(cy0, cy1, h, o.flipY)
	kx, ky := boxFactor(kern, sx1-sx0, nx), boxFactor(kern, sy1-sy0, ny)
	bits := uint(weightBits)
	if kx > 1 || ky > 1 {
		bits = blockWeightBits
	}
	var err error
	if p.x, err = newAxis(kern, sx0, sx1, nx, kx, bits); err != nil {
		return nil, err
	}
	if p.y, err = newAxis(kern, sy0, sy1, ny, ky, weightBits); err != nil {
		return nil, err
	}
	for _, c := range p.y.count {
		p.ringRows = max(p.ringRows, int(c))
	}
	return p, nil
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
	if p.o.flipY {
		ty = ny - 1 - ty
	}
	first, dir := 0, 1
	if p.o.flipX {
		first, dir = nx-1, -1
	}
	if !p.o.transpose {
		return (p.dstY+ty)*stride + (p.dstX+first)*bpp, dir * bpp
	}
	return (p.dstY+first)*stride + (p.dstX+ty)*bpp, dir * stride
}

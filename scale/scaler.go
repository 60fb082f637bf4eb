package scale

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"sync"

	"github.com/profileimage/profileimage/internal/ycc"
)

// Scaler resamples images of one source size to one destination size with
// fixed Options. It computes the filter weights once, keeps scratch buffers
// in a pool, and is safe for concurrent use: each call takes its own
// context, so one Scaler shared by many requests can be cancelled per
// request.
type Scaler struct {
	srcW, srcH, dstW, dstH int
	cfg                    config
	main                   *planePlan // luma, gray or RGBA

	mu     sync.Mutex
	chroma map[chromaKey]*planePlan // chroma plans (Cb and Cr share one)

	pool sync.Pool // *scratch
}

type chromaKey struct {
	ratio  image.YCbCrSubsampleRatio
	cw, ch int
}

// NewScaler returns a Scaler from srcW×srcH sources to dstW×dstH
// destinations. A nil opts means the defaults. Every size and option is
// checked here, before anything is allocated.
func NewScaler(srcW, srcH, dstW, dstH int, opts *Options) (*Scaler, error) {
	cfg, err := newConfig(srcW, srcH, dstW, dstH, opts)
	if err != nil {
		return nil, err
	}
	main, err := newPlanePlan(cfg.kernel, cfg.orient, srcW, srcH, cfg.crop, cfg.pad, cfg.workers)
	if err != nil {
		return nil, err
	}
	return &Scaler{srcW: srcW, srcH: srcH, dstW: dstW, dstH: dstH, cfg: cfg, main: main}, nil
}

// Resize resamples src, whose size must be the Scaler's source size, into a
// new image: *image.YCbCr with the same subsampling for an *image.YCbCr,
// *image.Gray for an *image.Gray, *image.NRGBA for anything else. Its bounds
// start at (0, 0). src is never changed nor returned.
//
// ctx is checked between bands of rows: once it is done, the resample
// stops and Resize returns ctx's error. A nil ctx is never done.
func (s *Scaler) Resize(ctx context.Context, src image.Image) (image.Image, error) {
	if err := s.checkSource(src); err != nil {
		return nil, err
	}
	dst := s.newDestination(src)
	if err := s.into(ctx, dst, src); err != nil {
		return nil, err
	}
	return dst, nil
}

// newDestination allocates the image that Resize returns for src.
func (s *Scaler) newDestination(src image.Image) image.Image {
	r := image.Rect(0, 0, s.dstW, s.dstH)
	switch src := src.(type) {
	case *image.YCbCr:
		return image.NewYCbCr(r, src.SubsampleRatio)
	case *image.Gray:
		return image.NewGray(r)
	}
	return image.NewNRGBA(r)
}

// ResizeInto is Resize writing into dst, which must have the Scaler's
// destination size and the type that Resize would return for src (for an
// *image.YCbCr, the same subsampling). Every pixel of dst is written,
// unless ctx is done first, which Resize describes.
func (s *Scaler) ResizeInto(ctx context.Context, dst, src image.Image) error {
	if err := s.checkSource(src); err != nil {
		return err
	}
	if dst == nil {
		return fmt.Errorf("%w: nil", ErrInvalidDestination)
	}
	if sz := dst.Bounds().Size(); sz.X != s.dstW || sz.Y != s.dstH {
		return fmt.Errorf("%w: %v, want %dx%d", ErrInvalidDestination, dst.Bounds(), s.dstW, s.dstH)
	}
	ok := false
	switch d := dst.(type) {
	case *image.YCbCr:
		y, isY := src.(*image.YCbCr)
		ok = isY && y.SubsampleRatio == d.SubsampleRatio && ycbcrValid(d)
	case *image.Gray:
		_, isG := src.(*image.Gray)
		ok = isG && planeValid(d.Pix, d.Stride, d.Rect.Dx(), d.Rect.Dy(), 1)
	case *image.NRGBA:
		switch src.(type) {
		case *image.YCbCr, *image.Gray:
		default:
			ok = planeValid(d.Pix, d.Stride, d.Rect.Dx(), d.Rect.Dy(), 4)
		}
	}
	if !ok {
		return fmt.Errorf("%w: %T for a %T source", ErrInvalidDestination, dst, src)
	}
	return s.into(ctx, dst, src)
}

func (s *Scaler) checkSource(src image.Image) error {
	if src == nil {
		return fmt.Errorf("%w: nil", ErrInvalidSource)
	}
	if sz := src.Bounds().Size(); sz.X != s.srcW || sz.Y != s.srcH {
		return fmt.Errorf("%w: %v, want %dx%d", ErrSourceSize, src.Bounds(), s.srcW, s.srcH)
	}
	ok := true
	switch src := src.(type) {
	case *image.YCbCr:
		ok = ycbcrValid(src)
	case *image.Gray:
		ok = planeValid(src.Pix, src.Stride, s.srcW, s.srcH, 1)
	case *image.NRGBA:
		ok = planeValid(src.Pix, src.Stride, s.srcW, s.srcH, 4)
	case *image.RGBA:
		ok = planeValid(src.Pix, src.Stride, s.srcW, s.srcH, 4)
	case *image.NYCbCrA:
		ok = nycbcraValid(src)
	}
	if !ok {
		return fmt.Errorf("%w: %T pixel slice too short for %v", ErrInvalidSource, src, src.Bounds())
	}
	return nil
}

// planeValid reports whether pix holds a w×h plane of bpp-byte samples
// with the given stride.
func planeValid(pix []uint8, stride, w, h, bpp int) bool {
	return w > 0 && h > 0 && stride >= w*bpp && (h-1) <= (len(pix)-w*bpp)/stride
}

func ycbcrValid(m *image.YCbCr) bool {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	cw, ch := chromaSize(m.Rect, m.SubsampleRatio)
	return planeValid(m.Y, m.YStride, w, h, 1) && cw > 0 && ch > 0 &&
		planeValid(m.Cb, m.CStride, cw, ch, 1) && planeValid(m.Cr, m.CStride, cw, ch, 1)
}

// into resamples src into dst, which has been checked to match, until ctx
// is done.
func (s *Scaler) into(ctx context.Context, dst, src image.Image) error {
	tasks, err := s.tasks(dst, src, nil)
	if err != nil {
		return err
	}
	return s.run(ctx, &tasks)
}

// tasks fills the padding of dst and lists the planes to resample,
// dispatching on the source type. With a Feed, each plane waits for the
// source rows it reads to arrive.
func (s *Scaler) tasks(dst, src image.Image, f *Feed) (taskList, error) {
	var t taskList
	whole := arrival{f: f, sy: 1}
	switch src := src.(type) {
	case *image.YCbCr:
		d := dst.(*image.YCbCr)
		cp, err := s.chromaPlan(src)
		if err != nil {
			return t, err
		}
		_, sy := ycc.Subsampling(src.SubsampleRatio)
		chroma := arrival{f: f, sy: sy, minY: src.Rect.Min.Y}
		fillYCbCr(d, s.cfg)
		luma, chromaRange := expansions(s.cfg)
		t.add(&job8{p: s.main, src: plane8{src.Y, src.YStride}, dst: plane8{d.Y, d.YStride}, bpp: 1, arrive: whole, expand: luma}, s.main)
		t.add(&job8{p: cp, src: plane8{src.Cb, src.CStride}, dst: plane8{d.Cb, d.CStride}, bpp: 1, arrive: chroma, expand: chromaRange}, cp)
		t.add(&job8{p: cp, src: plane8{src.Cr, src.CStride}, dst: plane8{d.Cr, d.CStride}, bpp: 1, arrive: chroma, expand: chromaRange}, cp)
	case *image.Gray:
		d := dst.(*image.Gray)
		s.fill(plane8{d.Pix, d.Stride}, 1, d.Rect.Size(), grayPad(s.cfg.padColor))
		t.add(&job8{p: s.main, src: plane8{src.Pix, src.Stride}, dst: plane8{d.Pix, d.Stride}, bpp: 1, arrive: whole}, s.main)
	default:
		d := dst.(*image.NRGBA)
		out := plane8{d.Pix, d.Stride}
		s.fill(out, 4, d.Rect.Size(), nrgbaPad(s.cfg.padColor)...)
		var src16 source16
		var rgba8 plane8 // the samples of 8-bit RGBA, which may take jobOpaque
		switch src := src.(type) {
		case *image.NRGBA:
			rgba8 = plane8{src.Pix, src.Stride}
			src16 = nrgbaSource{rgba8}
		case *image.RGBA:
			rgba8 = plane8{src.Pix, src.Stride}
			src16 = rgbaSource{rgba8}
		case *image.Paletted:
			src16 = newPalettedSource(src)
		case *image.NYCbCrA:
			if s.cfg.limitedRange {
				src16 = nycbcraSource{src}
				break
			}
			src16 = newGenericSource(src)
		default:
			if src.ColorModel() == color.GrayModel && !s.cfg.linearLight {
				g := grayModelSource{img: src, min: src.Bounds().Min}
				t.add(&job8{p: s.main, src: g, dst: out, bpp: 4, arrive: whole}, s.main)
				return t, nil
			}
			src16 = newGenericSource(src)
		}
		// 8-bit RGBA whose every pixel read is opaque takes jobOpaque
		// when the plan resamples directly; with a box pre-reduction,
		// job16 sums its bytes (as it does RGBA's, already premultiplied).
		// With a Feed, Done decides once every row is in (see Feed.whole).
		var bytes plane8
		if p := s.main; rgba8.pix != nil && f == nil && !s.cfg.linearLight && !p.identity {
			_, byteSamples := src.(*image.RGBA)
			if (!p.blockMode() || !byteSamples) && opaqueRGBA(rgba8, p.x.lo, p.x.hi, p.y.lo, p.y.hi) {
				if !p.blockMode() {
					t.add(&jobOpaque{p: p, src: rgba8, dst: out}, p)
					return t, nil
				}
				byteSamples = true
			}
			if byteSamples && p.blockMode() {
				bytes = rgba8
			}
		}
		if s.cfg.linearLight {
			src16 = linearSource{src16}
		}
		t.add(&job16{p: s.main, src: src16, bytes: bytes, dst: out, linear: s.cfg.linearLight, arrive: whole}, s.main)
	}
	return t, nil
}

// chromaPlan returns the plan shared by the Cb and Cr planes of src,
// cached per subsampling and chroma plane size.
func (s *Scaler) chromaPlan(src *image.YCbCr) (*planePlan, error) {
	cw, ch := chromaSize(src.Rect, src.SubsampleRatio)
	key := chromaKey{src.SubsampleRatio, cw, ch}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.chroma[key]; ok {
		return p, nil
	}
	sx, sy := ycc.Subsampling(src.SubsampleRatio)
	o := s.cfg.orient
	osx, osy, ocw, och := sx, sy, cw, ch
	if o.Transpose {
		osx, osy, ocw, och = sy, sx, ch, cw
	}
	c := s.cfg.crop
	crop := image.Rect(c.Min.X/osx, c.Min.Y/osy, ceilDiv(c.Max.X, osx), ceilDiv(c.Max.Y, osy)).
		Intersect(image.Rect(0, 0, ocw, och))
	dcw, dch := chromaSize(image.Rect(0, 0, s.dstW, s.dstH), src.SubsampleRatio)
	pd := s.cfg.pad
	pad := image.Rect(pd.Min.X/sx, pd.Min.Y/sy, ceilDiv(pd.Max.X, sx), ceilDiv(pd.Max.Y, sy)).
		Intersect(image.Rect(0, 0, dcw, dch))
	if crop.Empty() || pad.Empty() {
		return nil, fmt.Errorf("%w: chroma planes %dx%d", ErrInvalidSource, cw, ch)
	}
	p, err := newPlanePlan(s.cfg.kernel, o, cw, ch, crop, pad, s.cfg.workers)
	if err != nil {
		return nil, err
	}
	if s.chroma == nil {
		s.chroma = make(map[chromaKey]*planePlan)
	}
	if len(s.chroma) < 16 {
		s.chroma[key] = p
	}
	return p, nil
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// chromaSize returns the size of the chroma planes of a Y'CbCr image with
// bounds r, computed as package image lays them out.
func chromaSize(r image.Rectangle, ratio image.YCbCrSubsampleRatio) (cw, ch int) {
	sx, sy := ycc.Subsampling(ratio)
	cw, ch = r.Dx(), r.Dy()
	if sx > 1 {
		cw = ceilDiv(r.Max.X, sx) - r.Min.X/sx
	}
	if sy > 1 {
		ch = ceilDiv(r.Max.Y, sy) - r.Min.Y/sy
	}
	return cw, ch
}

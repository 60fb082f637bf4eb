package exif

import "bytes"

// Layout is how the IFD0 of a TIFF file stores its image, and what else
// the file holds: the tags that tell whether a decoder that reads the
// first page can read it, and whether that page is the photo at all.
// Absent tags leave their fields zero.
type Layout struct {
	Compression  int // tag 259
	Predictor    int // tag 317
	Planar       int // tag 284, PlanarConfiguration
	SamplesTag   int // tag 277, SamplesPerPixel
	BitsCount    int // how many values tag 258 (BitsPerSample) has
	Bits         int // the first of them
	MixedBits    bool
	SampleFormat int // tag 339: its first value other than 1, else 1
	ExtraSample  int // tag 338: the first value (0 unspecified, 1 associated alpha, 2 unassociated)

	// Reduced is set when IFD0 says it is a reduced-resolution copy of
	// another image in the file (NewSubfileType 254 with bit 0 set, or
	// the old SubfileType 255 = 2): a preview, as in camera raw files.
	Reduced bool
	// DNG is set when IFD0 has a DNGVersion tag (50706).
	DNG bool
	// Make is the camera maker (tag 271), without trailing NULs and
	// spaces; a slice of the walked bytes.
	Make []byte
	// SubIFDs counts the values of tag 330 (SubIFDs); RawSubIFD is set
	// when one of the first MaxSubIFDs it points to holds a camera's raw
	// data (a CFA or linear-raw photometric interpretation) or a
	// full-resolution image larger than IFD0.
	SubIFDs   int
	RawSubIFD bool
}

// Tags of [Layout].
const (
	tagNewSubfileType = 254
	tagSubfileType    = 255
	tagBitsPerSample  = 258
	tagCompression    = 259
	tagMake           = 271
	tagSamplesPerPix  = 277
	tagPlanarConfig   = 284
	tagPredictor      = 317
	tagSubIFDs        = 330
	tagSampleFormat   = 339
	tagDNGVersion     = 50706
)

// Photometric interpretations of camera raw data.
const (
	photometricCFA       = 32803
	photometricLinearRaw = 34892
)

// MaxSubIFDs is how many of the SubIFDs of IFD0 a walk follows.
const MaxSubIFDs = 4

// maxSampleValues is how many values of a per-sample tag are compared.
const maxSampleValues = 16

// subImage is what a walk reads of a sub-IFD that tag 330 points to.
type subImage struct {
	width, height int64
	photometric   int64
	reduced       bool
}

// raw reports whether the sub-IFD holds raw data, or a full-resolution
// image larger than IFD0's w×h.
func (s subImage) raw(w, h uint32) bool {
	if s.photometric == photometricCFA || s.photometric == photometricLinearRaw {
		return true
	}
	return !s.reduced && s.width*s.height > int64(w)*int64(h)
}

// readLayout records an IFD0 entry of a Layout tag; the entry's values
// were checked to lie in the block.
func (w *walker) readLayout(e []byte, at int64, tag, typ uint16, count uint32, v int64, isInt bool) error {
	l := &w.res.Layout
	switch tag {
	case tagCompression:
		l.Compression = intOr0(v, isInt)
	case tagPredictor:
		l.Predictor = intOr0(v, isInt)
	case tagPlanarConfig:
		l.Planar = intOr0(v, isInt)
	case tagSamplesPerPix:
		l.SamplesTag = intOr0(v, isInt)
	case tagBitsPerSample:
		l.BitsCount = int(min(count, 1<<16))
		l.Bits = intOr0(v, isInt)
		for i := range min(count, maxSampleValues) {
			if x, ok := w.intAt(e, typ, count, i); ok && x != v {
				l.MixedBits = true
			}
		}
	case tagSampleFormat:
		l.SampleFormat = 1
		for i := range min(count, maxSampleValues) {
			if x, ok := w.intAt(e, typ, count, i); ok && x != 1 {
				l.SampleFormat = clampInt(x)
				break
			}
		}
	case tagExtraSamples:
		l.ExtraSample = intOr0(v, isInt)
	case tagNewSubfileType:
		l.Reduced = l.Reduced || isInt && v&1 != 0
	case tagSubfileType:
		l.Reduced = l.Reduced || isInt && v == 2
	case tagDNGVersion:
		l.DNG = count > 0
	case tagMake:
		if typ == 2 {
			l.Make = bytes.TrimRight(w.valueBytes(e, typ, count), "\x00 ")
		}
	case tagSubIFDs:
		l.SubIFDs = int(min(count, 1<<16))
		for i := range min(count, MaxSubIFDs) {
			off, ok := w.intAt(e, typ, count, i)
			if !ok || off <= 0 || off > 1<<32-1 {
				continue
			}
			if w.nqueue == len(w.queue) {
				return fail(KindTooMuch, at, "too many sub-IFD pointers")
			}
			w.queue[w.nqueue] = pending{off: uint32(off), tag: tagSubIFDs, from: at}
			w.nqueue++
		}
	}
	return nil
}

// readSubImage records an entry of a sub-IFD that tag 330 points to.
func (w *walker) readSubImage(tag uint16, v int64, isInt bool) {
	if !isInt {
		return
	}
	switch tag {
	case tagImageWidth:
		w.sub.width = v
	case tagImageLength:
		w.sub.height = v
	case tagPhotometric:
		w.sub.photometric = v
	case tagNewSubfileType:
		w.sub.reduced = v&1 != 0
	}
}

// valueBytes returns the bytes of an entry's values, in the entry or at
// the offset it holds (checked by the caller to lie in the block).
func (w *walker) valueBytes(e []byte, typ uint16, count uint32) []byte {
	total := typeSize(typ) * uint64(count)
	if total <= 4 {
		return e[8 : 8+total]
	}
	off := uint64(w.order.Uint32(e[8:]))
	return w.b[off : off+total]
}

// intAt returns the i-th value of an integer entry.
func (w *walker) intAt(e []byte, typ uint16, count, i uint32) (int64, bool) {
	if i >= count {
		return 0, false
	}
	size := uint32(typeSize(typ))
	val := w.valueBytes(e, typ, count)[i*size:]
	switch typ {
	case 1:
		return int64(val[0]), true
	case 3:
		return int64(w.order.Uint16(val)), true
	case 4, 13:
		return int64(w.order.Uint32(val)), true
	}
	return 0, false
}

func intOr0(v int64, isInt bool) int {
	if !isInt {
		return 0
	}
	return clampInt(v)
}

package exif

import (
	"encoding/binary"
	"strconv"
)

// Result is what one [Walk] found. Fields describe IFD0 unless they say
// otherwise; a tag that is absent leaves its field zero.
type Result struct {
	// IFD0 is true once IFD0's entry table was read in full: only then
	// are the IFD0 fields below set. A later error (a loop in the IFD
	// chain, a bad sub-IFD) leaves them valid.
	IFD0 bool

	Orientation   int    // tag 274, as stored (callers map 0 and >8 to 1)
	Width, Height uint32 // tags 256 and 257 (TIFF files)
	Photometric   int    // tag 262; -1 when absent
	ExtraSamples  int    // count of tag 338 (alpha channels)

	XMP  bool // tag 700 in IFD0
	ICC  bool // tag 34675 in IFD0
	GPS  bool // a GPS IFD (tag 34853) that was walked
	EXIF bool // an Exif IFD (tag 34665) that was walked

	// Thumbnail is true when IFD1 describes an image (a JPEG thumbnail
	// through tags 513/514 or strips through tag 273).
	Thumbnail bool

	// IFDs counts the IFDs in the main chain (pages of a TIFF file; 2 for
	// an EXIF block with a thumbnail).
	IFDs int

	// Layout is how IFD0 stores its image (TIFF files).
	Layout Layout

	// ICCOffset and ICCLength locate tag 34675's bytes in the block (the
	// profile), when ICC is set and they lie outside the entry.
	ICCOffset, ICCLength uint32
}

// Tags read by the walk.
const (
	tagImageWidth      = 256
	tagImageLength     = 257
	tagPhotometric     = 262
	tagStripOffsets    = 273
	tagOrientation     = 274
	tagExtraSamples    = 338
	tagJPEGInterchange = 513
	tagXMP             = 700
	tagICC             = 34675
	tagExifIFD         = 34665
	tagGPSIFD          = 34853
	tagInteropIFD      = 40965
)

// typeSizes holds the byte size of each TIFF field type (1..13); 0 marks a
// type the walk does not know, whose entries it skips.
var typeSizes = [...]uint64{0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4}

func typeSize(t uint16) uint64 {
	if int(t) < len(typeSizes) {
		return typeSizes[t]
	}
	return 0
}

type ifdKind uint8

const (
	mainIFD ifdKind = iota
	subIFD
	imageSubIFD // an image that tag 330 (SubIFDs) points to
)

type pending struct {
	off  uint32
	tag  uint16 // the pointer tag that led here
	from int64  // offset of the entry holding the pointer, for errors
}

// walker holds the state of one walk. It lives on the stack: a walk
// allocates nothing beyond an *Error when it fails.
type walker struct {
	b       []byte
	order   binary.ByteOrder
	res     Result
	visited [MaxIFDs]uint32
	nvis    int
	queue   [MaxIFDs]pending
	nqueue  int
	entries int
	sub     subImage // the imageSubIFD being read
}

// Walk reads the TIFF structure at the start of b: the IFD chain, the
// Exif, GPS and Interoperability sub-IFDs wherever a pointer to them
// appears, and the first [MaxSubIFDs] SubIFDs (tag 330) of IFD0. Every IFD
// table and every value longer than four bytes must lie inside b, no IFD
// may be reached twice, and the walk stops with [ErrTooMuch] after
// [MaxIFDs] IFDs or [MaxEntries] entries. Entries of unknown types are
// skipped, as TIFF readers must.
//
// On error the Result holds what was read before it (see [Result.IFD0]).
func Walk(b []byte) (Result, error) {
	order, ok := Header(b)
	if !ok {
		return Result{Photometric: -1}, fail(KindHeader, 0, "no II*\\0 or MM\\0* TIFF header")
	}
	w := walker{b: b, order: order}
	w.res.Photometric = -1
	next, from := order.Uint32(b[4:8]), int64(4)
	// The main chain first, IFD by IFD, each followed by the sub-IFDs it
	// points to, so IFD0's fields are set before anything else can fail.
	for next != 0 {
		if err := w.enter(next, from); err != nil {
			return w.res, err
		}
		idx := w.res.IFDs
		w.res.IFDs++
		var err error
		before := w.res
		next, from, err = w.readIFD(next, mainIFD, idx)
		if err != nil {
			if idx == 0 {
				before.IFDs = w.res.IFDs
				w.res = before // a damaged IFD0 sets none of its fields
			}
			return w.res, err
		}
		if idx == 0 {
			w.res.IFD0 = true
		}
		for w.nqueue > 0 {
			w.nqueue--
			p := w.queue[w.nqueue]
			if err := w.enter(p.off, p.from); err != nil {
				return w.res, err
			}
			kind := subIFD
			if p.tag == tagSubIFDs {
				kind, w.sub = imageSubIFD, subImage{}
			}
			if _, _, err := w.readIFD(p.off, kind, 0); err != nil {
				return w.res, err
			}
			switch p.tag {
			case tagGPSIFD:
				w.res.GPS = true
			case tagExifIFD:
				w.res.EXIF = true
			case tagSubIFDs:
				w.res.Layout.RawSubIFD = w.res.Layout.RawSubIFD || w.sub.raw(w.res.Width, w.res.Height)
			}
		}
	}
	return w.res, nil
}

// enter marks the IFD at off as visited, failing on a second visit or when
// the work cap is reached. from is where the pointer to it lies: the
// header's IFD0 offset (4), the previous IFD's next-IFD field, or the entry
// of a sub-IFD pointer tag. A loop is reported there, since that pointer is
// the one that should not be followed.
func (w *walker) enter(off uint32, from int64) error {
	for _, v := range w.visited[:w.nvis] {
		if v == off {
			return fail(KindLoop, from, "IFD at "+itoa(int64(off))+" reached twice")
		}
	}
	if w.nvis == len(w.visited) {
		return fail(KindTooMuch, int64(off), "more than "+itoa(MaxIFDs)+" IFDs")
	}
	w.visited[w.nvis] = off
	w.nvis++
	return nil
}

// readIFD checks and reads the IFD at off and returns the offset of the
// next IFD in the chain (0 when the table has no room for one) and where
// that offset is stored.
func (w *walker) readIFD(off uint32, kind ifdKind, idx int) (uint32, int64, error) {
	b, o := w.b, uint64(off)
	if o < 8 || o+2 > uint64(len(b)) {
		return 0, 0, fail(KindOutOfRange, int64(off), "IFD offset outside the "+itoa(int64(len(b)))+"-byte block")
	}
	n := uint64(w.order.Uint16(b[o:]))
	end := o + 2 + 12*n
	if end > uint64(len(b)) {
		return 0, 0, fail(KindOutOfRange, int64(off), itoa(int64(n))+" entries do not fit in the block")
	}
	w.entries += int(n)
	if w.entries > MaxEntries {
		return 0, 0, fail(KindTooMuch, int64(off), "more than "+itoa(MaxEntries)+" IFD entries")
	}
	for e := o + 2; e < end; e += 12 {
		if err := w.readEntry(b[e:e+12], int64(e), kind, idx); err != nil {
			return 0, 0, err
		}
	}
	if kind != mainIFD || end+4 > uint64(len(b)) {
		return 0, 0, nil
	}
	return w.order.Uint32(b[end:]), int64(end), nil
}

func (w *walker) readEntry(e []byte, at int64, kind ifdKind, idx int) error {
	tag, typ, count := w.order.Uint16(e), w.order.Uint16(e[2:]), w.order.Uint32(e[4:])
	size := typeSize(typ)
	if size == 0 {
		return nil
	}
	total := size * uint64(count) // cannot overflow: both below 2^32
	if total > 4 {
		voff := uint64(w.order.Uint32(e[8:]))
		if voff+total > uint64(len(w.b)) {
			return fail(KindOutOfRange, at, "tag "+itoa(int64(tag))+": "+itoa(int64(total))+" bytes at offset "+itoa(int64(voff))+" run past the block")
		}
	}
	v, isInt := w.firstInt(e, typ, count)
	switch tag {
	case tagExifIFD, tagGPSIFD, tagInteropIFD:
		// Followed wherever they appear, a superset of what any decoder
		// follows, so that every IFD a decoder may read has been checked.
		if isInt && v > 0 && v <= 1<<32-1 {
			if w.nqueue == len(w.queue) {
				return fail(KindTooMuch, at, "too many sub-IFD pointers")
			}
			w.queue[w.nqueue] = pending{off: uint32(v), tag: tag, from: at}
			w.nqueue++
		}
		return nil
	}
	if kind == imageSubIFD {
		w.readSubImage(tag, v, isInt)
	}
	if kind != mainIFD {
		return nil
	}
	if idx == 1 && (tag == tagJPEGInterchange || tag == tagStripOffsets) && count > 0 {
		w.res.Thumbnail = true
	}
	if idx != 0 {
		return nil
	}
	if err := w.readLayout(e, at, tag, typ, count, v, isInt); err != nil {
		return err
	}
	switch tag {
	case tagOrientation:
		if isInt {
			w.res.Orientation = clampInt(v)
		}
	case tagImageWidth:
		if isInt && v >= 0 && v <= 1<<32-1 {
			w.res.Width = uint32(v)
		}
	case tagImageLength:
		if isInt && v >= 0 && v <= 1<<32-1 {
			w.res.Height = uint32(v)
		}
	case tagPhotometric:
		if isInt {
			w.res.Photometric = clampInt(v)
		}
	case tagExtraSamples:
		w.res.ExtraSamples = int(min(count, 1<<16))
	case tagXMP:
		w.res.XMP = count > 0
	case tagICC:
		w.res.ICC = count > 0
		if n := typeSize(typ) * uint64(count); n > 4 {
			w.res.ICCOffset, w.res.ICCLength = w.order.Uint32(e[8:]), uint32(n)
		}
	}
	return nil
}

// firstInt returns the first value of an integer entry (BYTE, SHORT, LONG,
// their signed forms, or IFD). The value is checked to lie in the block.
func (w *walker) firstInt(e []byte, typ uint16, count uint32) (int64, bool) {
	if count == 0 {
		return 0, false
	}
	val := e[8:12]
	if total := typeSize(typ) * uint64(count); total > 4 {
		// Bounds were checked by the caller.
		off := w.order.Uint32(val)
		val = w.b[off : uint64(off)+total]
	}
	switch typ {
	case 1: // BYTE
		return int64(val[0]), true
	case 6: // SBYTE
		return int64(int8(val[0])), true
	case 3: // SHORT
		return int64(w.order.Uint16(val)), true
	case 8: // SSHORT
		return int64(int16(w.order.Uint16(val))), true
	case 4, 13: // LONG, IFD
		return int64(w.order.Uint32(val)), true
	case 9: // SLONG
		return int64(int32(w.order.Uint32(val))), true
	}
	return 0, false
}

func clampInt(v int64) int {
	return int(max(min(v, 1<<31-1), -1<<31))
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

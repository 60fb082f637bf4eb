package exif_test

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/profileimage/profileimage/internal/exif"
	"github.com/profileimage/profileimage/internal/exif/exiftest"
)

type E = exiftest.Entry
type D = exiftest.IFD

var le, be = binary.LittleEndian, binary.BigEndian

func orientation(o uint32) E { return E{Tag: 274, Type: 3, Count: 1, Value: o} }

func TestWalk(t *testing.T) {
	// Two IFDs and a GPS IFD: a typical camera block.
	camera := []D{
		{Entries: []E{orientation(6), {Tag: 34853, Type: 4, Count: 1}}},
		{Entries: []E{{Tag: 513, Type: 4, Count: 1, Value: 0}, {Tag: 514, Type: 4, Count: 1, Value: 0}}},
		{Entries: []E{{Tag: 1, Type: 2, Count: 2, Value: 0x4e000000}}},
	}
	camera[0].Next = exiftest.Offset(camera, 1)
	camera[0].Entries[1].Value = exiftest.Offset(camera, 2)

	selfSub := []D{{Entries: []E{orientation(8), {Tag: 34665, Type: 4, Count: 1, Value: 8}}}}

	tests := []struct {
		name    string
		block   []byte
		orient  int
		ifd0    bool
		gps     bool
		thumb   bool
		wantErr error
	}{
		{"little endian", exiftest.Block(le, []D{{Entries: []E{orientation(6)}}}, nil), 6, true, false, false, nil},
		{"big endian", exiftest.Orientation(8), 8, true, false, false, nil},
		{"camera", exiftest.Block(be, camera, nil), 6, true, true, true, nil},
		{"no header", []byte("JUNKJUNKJUNK"), 0, false, false, false, exif.ErrHeader},
		{"short", []byte("II*\x00\x08"), 0, false, false, false, exif.ErrHeader},
		{"IFD0 out of range", append([]byte("II*\x00\xff\x00\x00\x00"), make([]byte, 8)...), 0, false, false, false, exif.ErrOutOfRange},
		{"IFD0 inside header", []byte("II*\x00\x02\x00\x00\x00\x00\x00"), 0, false, false, false, exif.ErrOutOfRange},
		{"entry count overflow", []byte("MM\x00*\x00\x00\x00\x08\xff\xff\x00\x00"), 0, false, false, false, exif.ErrOutOfRange},
		{"value count overflow", exiftest.Block(be, []D{{Entries: []E{orientation(2), {Tag: 270, Type: 5, Count: 0x20000001, Value: 8}}}}, nil), 0, false, false, false, exif.ErrOutOfRange},
		{"short count wraps 32 bits", exiftest.Block(be, []D{{Entries: []E{orientation(2), {Tag: 270, Type: 3, Count: 0x80000002, Value: 8}}}}, nil), 0, false, false, false, exif.ErrOutOfRange},
		{"max count", exiftest.Block(le, []D{{Entries: []E{{Tag: 270, Type: 2, Count: 0xffffffff, Value: 8}}}}, nil), 0, false, false, false, exif.ErrOutOfRange},
		{"chain loop keeps IFD0", exiftest.Loop(le, 3), 3, true, false, false, exif.ErrLoop},
		{"sub-IFD points at IFD0", exiftest.Block(le, selfSub, nil), 8, true, false, false, exif.ErrLoop},
		{"GPS pointer out of range", exiftest.Block(le, []D{{Entries: []E{orientation(7), {Tag: 34853, Type: 4, Count: 1, Value: 1 << 30}}}}, nil), 7, true, false, false, exif.ErrOutOfRange},
		{"unknown type skipped", exiftest.Block(le, []D{{Entries: []E{{Tag: 9, Type: 99, Count: 0xffffffff, Value: 0xffffffff}, orientation(4)}}}, nil), 4, true, false, false, nil},
		{"orientation 0 as stored", exiftest.Orientation(0), 0, true, false, false, nil},
		{"orientation as LONG", exiftest.Block(le, []D{{Entries: []E{{Tag: 274, Type: 4, Count: 1, Value: 5}}}}, nil), 5, true, false, false, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := exif.Walk(tc.block)
			if tc.wantErr == nil && err != nil || tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if r.IFD0 != tc.ifd0 || (r.IFD0 && r.Orientation != tc.orient) || r.GPS != tc.gps || r.Thumbnail != tc.thumb {
				t.Errorf("got IFD0=%v orientation=%d gps=%v thumb=%v, want %v %d %v %v", r.IFD0, r.Orientation, r.GPS, r.Thumbnail, tc.ifd0, tc.orient, tc.gps, tc.thumb)
			}
		})
	}
}

// TestWalkWorkCap builds the longest chains and widest IFDs the caps allow
// and one more.
func TestWalkWorkCap(t *testing.T) {
	chain := make([]D, exif.MaxIFDs+1)
	for i := range chain[:len(chain)-1] {
		chain[i].Next = exiftest.Offset(chain, i+1)
	}
	if _, err := exif.Walk(exiftest.Block(le, chain, nil)); !errors.Is(err, exif.ErrTooMuch) {
		t.Errorf("%d IFDs: err = %v, want ErrTooMuch", len(chain), err)
	}
	most := append([]D(nil), chain[:exif.MaxIFDs]...)
	most[len(most)-1].Next = 0
	if _, err := exif.Walk(exiftest.Block(le, most, nil)); err != nil {
		t.Errorf("%d IFDs: %v", exif.MaxIFDs, err)
	}
	wide := make([]D, 3)
	for i := range wide {
		wide[i].Entries = make([]E, exif.MaxEntries/2)
		if i < 2 {
			wide[i].Next = exiftest.Offset(wide, i+1)
		}
	}
	if _, err := exif.Walk(exiftest.Block(le, wide, nil)); !errors.Is(err, exif.ErrTooMuch) {
		t.Errorf("%d entries: err = %v, want ErrTooMuch", 3*exif.MaxEntries/2, err)
	}
}

// TestWalkAllocs: a walk allocates nothing when the block is sound.
func TestWalkAllocs(t *testing.T) {
	block := exiftest.Orientation(6)
	if n := testing.AllocsPerRun(100, func() { exif.Walk(block) }); n != 0 {
		t.Errorf("Walk allocates %v times", n)
	}
}

// TestWalkLoopOffset: a loop is reported at the pointer that closes it,
// whichever IFD holds that pointer.
func TestWalkLoopOffset(t *testing.T) {
	// IFD0 (at 8, one entry), IFD1 (26) and IFD2 (32), both empty; IFD2's
	// next-IFD field, at 34, points back at IFD1.
	chain := []D{{Entries: []E{orientation(1)}}, {}, {}}
	chain[0].Next = exiftest.Offset(chain, 1)
	chain[1].Next = exiftest.Offset(chain, 2)
	chain[2].Next = exiftest.Offset(chain, 1)
	// A GPS pointer in IFD0's second entry (at 8+2+12) back at IFD0.
	sub := []D{{Entries: []E{orientation(1), {Tag: 34853, Type: 4, Count: 1, Value: 8}}}}
	tests := []struct {
		name  string
		block []byte
		want  int64
	}{
		{"IFD1 back to IFD0, little endian", exiftest.Loop(le, 6), 28},
		{"IFD1 back to IFD0, big endian", exiftest.Loop(be, 6), 28},
		{"IFD2 back to IFD1", exiftest.Block(le, chain, nil), 34},
		{"sub-IFD pointer to IFD0", exiftest.Block(be, sub, nil), 22},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := exif.Walk(tc.block)
			var e *exif.Error
			if !errors.As(err, &e) || e.Kind != exif.KindLoop {
				t.Fatalf("err = %v, want an IFD loop", err)
			}
			if e.Offset != tc.want {
				t.Errorf("loop reported at offset %d, want %d (%v)", e.Offset, tc.want, err)
			}
		})
	}
}

// TestWalkLayout reads the IFD0 tags that say how a TIFF stores its
// image, and the sub-IFDs that hold a camera's raw data.
func TestWalkLayout(t *testing.T) {
	shorts := func(order binary.AppendByteOrder, vs ...uint16) []byte {
		var b []byte
		for _, v := range vs {
			b = order.AppendUint16(b, v)
		}
		return b
	}
	// IFD0: RGB 8,8,8 (values after the IFDs), deflate, planar 2,
	// predictor 2, unsigned and float samples, Make "NIKON\0", a reduced
	// image, and a SubIFD holding CFA data of 4000x3000.
	ifds := []D{
		{Entries: []E{
			{Tag: 254, Type: 4, Count: 1, Value: 1},
			{Tag: 256, Type: 4, Count: 1, Value: 160},
			{Tag: 257, Type: 4, Count: 1, Value: 120},
			{Tag: 258, Type: 3, Count: 3},
			{Tag: 259, Type: 3, Count: 1, Value: 8},
			{Tag: 262, Type: 3, Count: 1, Value: 2},
			{Tag: 271, Type: 2, Count: 6},
			{Tag: 277, Type: 3, Count: 1, Value: 3},
			{Tag: 284, Type: 3, Count: 1, Value: 2},
			{Tag: 317, Type: 3, Count: 1, Value: 2},
			{Tag: 330, Type: 4, Count: 1},
			{Tag: 339, Type: 3, Count: 2, Value: 1 | 3<<16},
		}},
		{Entries: []E{
			{Tag: 254, Type: 4, Count: 1, Value: 0},
			{Tag: 256, Type: 4, Count: 1, Value: 4000},
			{Tag: 257, Type: 4, Count: 1, Value: 3000},
			{Tag: 262, Type: 3, Count: 1, Value: 32803},
		}},
	}
	tail := exiftest.Offset(ifds, 2)
	ifds[0].Entries[3].Value = tail
	ifds[0].Entries[6].Value = tail + 6
	ifds[0].Entries[10].Value = exiftest.Offset(ifds, 1)
	block := exiftest.Block(le, ifds, append(shorts(le, 8, 8, 8), "NIKON\x00"...))
	r, err := exif.Walk(block)
	if err != nil {
		t.Fatal(err)
	}
	want := exif.Layout{Compression: 8, Predictor: 2, Planar: 2, SamplesTag: 3, BitsCount: 3, Bits: 8,
		SampleFormat: 3, Reduced: true, Make: []byte("NIKON"), SubIFDs: 1, RawSubIFD: true}
	if got := r.Layout; got.Compression != want.Compression || got.Predictor != want.Predictor || got.Planar != want.Planar ||
		got.SamplesTag != want.SamplesTag || got.BitsCount != want.BitsCount || got.Bits != want.Bits || got.MixedBits ||
		got.SampleFormat != want.SampleFormat || got.Reduced != want.Reduced || string(got.Make) != "NIKON" ||
		got.SubIFDs != want.SubIFDs || got.RawSubIFD != want.RawSubIFD || got.DNG {
		t.Errorf("layout %+v\nwant   %+v", got, want)
	}

	// Mixed bits (5,6,5), a DNG version, a sub-IFD that is a smaller
	// preview (not raw), big endian.
	small := []D{
		{Entries: []E{
			{Tag: 256, Type: 4, Count: 1, Value: 256},
			{Tag: 257, Type: 4, Count: 1, Value: 171},
			{Tag: 258, Type: 3, Count: 3},
			{Tag: 330, Type: 4, Count: 1},
			{Tag: 50706, Type: 1, Count: 4, Value: 0x01040000},
		}},
		{Entries: []E{{Tag: 254, Type: 4, Count: 1, Value: 1}, {Tag: 256, Type: 4, Count: 1, Value: 1024}, {Tag: 257, Type: 4, Count: 1, Value: 768}}},
	}
	small[0].Entries[2].Value = exiftest.Offset(small, 2)
	small[0].Entries[3].Value = exiftest.Offset(small, 1)
	r, err = exif.Walk(exiftest.Block(be, small, shorts(be, 5, 6, 5)))
	if err != nil {
		t.Fatal(err)
	}
	if l := r.Layout; !l.MixedBits || l.Bits != 5 || !l.DNG || l.RawSubIFD || l.Reduced || l.SampleFormat != 0 {
		t.Errorf("layout %+v", l)
	}

	// A SubIFD pointer out of range is a walk error after IFD0.
	bad := []D{{Entries: []E{{Tag: 256, Type: 4, Count: 1, Value: 8}, {Tag: 330, Type: 4, Count: 1, Value: 1 << 20}}}}
	if r, err := exif.Walk(exiftest.Block(le, bad, nil)); !errors.Is(err, exif.ErrOutOfRange) || !r.IFD0 || r.Layout.SubIFDs != 1 {
		t.Errorf("bad SubIFD: %v, %+v", err, r)
	}
}

// Package exiftest builds EXIF blocks and JPEG segments for tests,
// including hostile ones (loops, bad counts, offsets out of range).
package exiftest

import "encoding/binary"

// Entry is one IFD entry, written as given: Value is the 4-byte value or
// offset field.
type Entry struct {
	Tag, Type uint16
	Count     uint32
	Value     uint32
}

// IFD is a directory; Next is the offset of the next IFD (0 ends the
// chain).
type IFD struct {
	Entries []Entry
	Next    uint32
}

// Offset returns where Block places ifds[i]: right after the 8-byte header
// and the IFDs before it.
func Offset(ifds []IFD, i int) uint32 {
	off := uint32(8)
	for _, d := range ifds[:i] {
		off += 2 + 12*uint32(len(d.Entries)) + 4
	}
	return off
}

// Block returns a TIFF structure ("II*\0" or "MM\0*" header, IFD0 at
// offset 8) holding ifds one after another, followed by tail (for values
// that entries point to, at Offset(ifds, len(ifds))).
func Block(order binary.AppendByteOrder, ifds []IFD, tail []byte) []byte {
	b := make([]byte, 8, 64)
	if order.String() == binary.LittleEndian.String() {
		copy(b, "II*\x00")
	} else {
		copy(b, "MM\x00*")
	}
	b = order.AppendUint32(b[:4], 8)
	for _, d := range ifds {
		b = order.AppendUint16(b, uint16(len(d.Entries)))
		for _, e := range d.Entries {
			b = order.AppendUint16(b, e.Tag)
			b = order.AppendUint16(b, e.Type)
			b = order.AppendUint32(b, e.Count)
			if e.Type == 3 && e.Count == 1 {
				// A single SHORT sits in the first two bytes.
				b = order.AppendUint16(b, uint16(e.Value))
				b = append(b, 0, 0)
			} else {
				b = order.AppendUint32(b, e.Value)
			}
		}
		b = order.AppendUint32(b, d.Next)
	}
	return append(b, tail...)
}

// Loop returns an EXIF block whose IFD chain is a loop: IFD0, at offset 8,
// holds only the Orientation tag with value o; IFD1, at offset 26, is
// empty, and its next-IFD pointer, at offset 28, leads back to IFD0. The
// walk reads IFD0 in full before it finds the loop.
func Loop(order binary.AppendByteOrder, o uint16) []byte {
	ifds := []IFD{{Entries: []Entry{{Tag: 274, Type: 3, Count: 1, Value: uint32(o)}}}, {}}
	ifds[0].Next = Offset(ifds, 1)
	ifds[1].Next = Offset(ifds, 0)
	return Block(order, ifds, nil)
}

// Orientation returns a minimal big-endian EXIF block whose IFD0 holds only
// the Orientation tag with value o.
func Orientation(o uint16) []byte {
	return Block(binary.BigEndian, []IFD{{Entries: []Entry{{Tag: 274, Type: 3, Count: 1, Value: uint32(o)}}}}, nil)
}

// APP1 wraps an EXIF block in a JPEG APP1 segment with the "Exif\0\0"
// identifier. payload must be at most 65527 bytes.
func APP1(block []byte) []byte {
	return Segment(0xe1, append([]byte("Exif\x00\x00"), block...))
}

// Segment returns a JPEG marker segment: 0xff, marker, length, payload.
func Segment(marker byte, payload []byte) []byte {
	seg := binary.BigEndian.AppendUint16([]byte{0xff, marker}, uint16(len(payload)+2))
	return append(seg, payload...)
}

// Splice returns a copy of the JPEG file jpeg with segs inserted right
// after its SOI marker.
func Splice(jpeg []byte, segs ...[]byte) []byte {
	out := append([]byte(nil), jpeg[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, jpeg[2:]...)
}

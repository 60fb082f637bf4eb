package validate

import (
	"encoding/binary"
	"strconv"

	"github.com/profileimage/profileimage/vendors"
)

// vp8xAlpha is the VP8X feature flag for an alpha channel.
const vp8xAlpha = 1 << 4

// webpState is what the chunk walk has seen so far.
type webpState struct {
	vp8x    bool
	canvasW int
	canvasH int
	image   bool // a VP8 or VP8L chunk at the top level
	frames  int  // ANMF chunks
	exif    firstEXIF
}

// inspectWebP walks the chunks of a RIFF WebP file: the RIFF size must fit
// the file, each chunk must fit the RIFF payload, the VP8X canvas must
// match the VP8/VP8L bitstream header, and each animation frame (ANMF) must
// lie inside the canvas.
func inspectWebP(b []byte, in *Info) (int, *Error) {
	riff := uint64(binary.LittleEndian.Uint32(b[4:])) + 8
	if riff > uint64(len(b)) {
		webpClaimedSize(b, in)
		return 0, corrupt(vendors.WebP, "truncated: RIFF size "+strconv.Itoa(int(min(riff, 1<<40)))+" exceeds the file")
	}
	b = b[:riff]
	var st webpState
	for p, chunks := 12, 0; p < len(b); chunks++ {
		if chunks > maxWebPChunks {
			return 0, corrupt(vendors.WebP, "more than "+strconv.Itoa(maxWebPChunks)+" chunks")
		}
		if p+8 > len(b) {
			return 0, corrupt(vendors.WebP, "truncated chunk header")
		}
		n := uint64(binary.LittleEndian.Uint32(b[p+4:]))
		end := uint64(p) + 8 + n
		if end > uint64(len(b)) {
			return 0, corrupt(vendors.WebP, "chunk "+printable(b[p:p+4])+" runs past the RIFF payload")
		}
		if err := webpChunk(string(b[p:p+4]), b[p+8:end], &st, in); err != nil {
			return 0, err
		}
		p = int(end + end&1) // chunks are padded to even sizes
	}
	switch {
	case st.vp8x && st.frames > 0:
		in.Width, in.Height, in.Frames = st.canvasW, st.canvasH, st.frames
	case !st.image:
		return 0, corrupt(vendors.WebP, "no VP8, VP8L or ANMF image chunk")
	}
	return st.exif.orientation, nil
}

// webpClaimedSize reads the size of a file cut short from its first chunk
// (VP8X, VP8 or VP8L), when that chunk is whole, so that the size the
// header claims is known (see Inspect).
func webpClaimedSize(b []byte, in *Info) {
	if len(b) < 20 {
		return
	}
	end := 20 + uint64(binary.LittleEndian.Uint32(b[16:]))
	if end <= uint64(len(b)) {
		var st webpState
		webpChunk(string(b[12:16]), b[20:end], &st, in)
	}
}

func webpChunk(id string, d []byte, st *webpState, in *Info) *Error {
	switch id {
	case "VP8X":
		if st.vp8x || st.image {
			return corrupt(vendors.WebP, "misplaced VP8X chunk")
		}
		if len(d) != 10 {
			return corrupt(vendors.WebP, "VP8X chunk of "+strconv.Itoa(len(d))+" bytes")
		}
		st.vp8x = true
		st.canvasW, st.canvasH = le24(d[4:])+1, le24(d[7:])+1
		in.Width, in.Height = st.canvasW, st.canvasH
		in.ColorModel = ColorYCbCr
		in.HasAlpha = d[0]&vp8xAlpha != 0
		if uint64(st.canvasW)*uint64(st.canvasH) > 1<<32-1 {
			return corrupt(vendors.WebP, "canvas "+dims(st.canvasW, st.canvasH)+" above 2^32-1 pixels")
		}
	case "VP8 ", "VP8L":
		if st.image || st.frames > 0 {
			return corrupt(vendors.WebP, "more than one image chunk")
		}
		st.image = true
		w, h, err := webpBitstream(id, d, in)
		if err != nil {
			return err
		}
		if st.vp8x && (w != st.canvasW || h != st.canvasH) {
			return corrupt(vendors.WebP, "bitstream "+dims(w, h)+" differs from the "+dims(st.canvasW, st.canvasH)+" canvas")
		}
		in.Width, in.Height = w, h
	case "ALPH":
		in.HasAlpha = true
	case "ANMF":
		if !st.vp8x || st.image {
			return corrupt(vendors.WebP, "animation frame without a VP8X canvas")
		}
		if len(d) < 16 {
			return corrupt(vendors.WebP, "short ANMF chunk")
		}
		x, y := 2*le24(d), 2*le24(d[3:])
		w, h := le24(d[6:])+1, le24(d[9:])+1
		if x+w > st.canvasW || y+h > st.canvasH {
			return corrupt(vendors.WebP, "frame "+strconv.Itoa(st.frames)+" ("+dims(w, h)+" at "+strconv.Itoa(x)+","+strconv.Itoa(y)+") lies outside the "+dims(st.canvasW, st.canvasH)+" canvas")
		}
		st.frames++
	case "EXIF":
		st.exif.read(d, &in.Metadata)
	case "XMP ":
		in.Metadata.XMP = true
	case "ICCP":
		in.Metadata.ICC = true
	}
	return nil
}

// webpBitstream reads the size from a VP8 (lossy) or VP8L (lossless)
// bitstream header.
func webpBitstream(id string, d []byte, in *Info) (int, int, *Error) {
	if id == "VP8L" {
		if len(d) < 5 || d[0] != 0x2f {
			return 0, 0, corrupt(vendors.WebP, "bad VP8L header")
		}
		bits := binary.LittleEndian.Uint32(d[1:])
		if bits>>29 != 0 {
			return 0, 0, corrupt(vendors.WebP, "unknown VP8L version")
		}
		in.ColorModel = ColorRGB
		if bits>>28&1 != 0 {
			in.HasAlpha = true
		}
		return int(bits&0x3fff) + 1, int(bits>>14&0x3fff) + 1, nil
	}
	if len(d) < 10 {
		return 0, 0, corrupt(vendors.WebP, "short VP8 header")
	}
	if d[0]&1 != 0 {
		return 0, 0, corrupt(vendors.WebP, "VP8 frame is not a key frame")
	}
	if d[3] != 0x9d || d[4] != 0x01 || d[5] != 0x2a {
		return 0, 0, corrupt(vendors.WebP, "bad VP8 start code")
	}
	if in.ColorModel == "" {
		in.ColorModel = ColorYCbCr
	}
	return le16(d[6:]) & 0x3fff, le16(d[8:]) & 0x3fff, nil
}

package jpeg

import (
	"math/rand/v2"
	"testing"
)

// TestBitReaderMatchesByteByByte reads random entropy-coded segments (with
// 0xFF00 stuffing, often several 0xFF bytes close together, and ending at
// a marker or at the end of the data) in random bit counts, and compares
// every value, the padding and the position with a plain byte-by-byte
// reading of the same segment.
func TestBitReaderMatchesByteByByte(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var seg, plain []byte // the coded bytes, and what they decode to
		for range rng.IntN(64) {
			if rng.IntN(6) == 0 {
				seg, plain = append(seg, 0xff, 0), append(plain, 0xff)
				continue
			}
			b := byte(rng.IntN(255)) // never 0xFF here
			seg, plain = append(seg, b), append(plain, b)
		}
		end := len(seg) // a marker follows, or the data just ends
		if rng.IntN(2) == 0 {
			seg = append(seg, 0xff, 0xd0+byte(rng.IntN(8)), byte(rng.IntN(256)), 0xff)
		}
		br := bitReader{data: seg}
		consumed := 0
		for consumed < 8*len(plain)+40 {
			n := 1 + rng.IntN(16)
			got := br.bits(n)
			var want uint32
			for i := range n {
				bit := uint32(0)
				if k := consumed + i; k < 8*len(plain) {
					bit = uint32(plain[k/8]>>(7-k%8)) & 1
				}
				want = want<<1 | bit
			}
			if got != want {
				t.Fatalf("segment % x: bits %d..%d = %b, want %b", seg, consumed, consumed+n, got, want)
			}
			consumed += n
		}
		if br.pos != end || !br.overrun() {
			t.Fatalf("segment % x: stopped at %d (overrun %v), want %d and an overrun", seg, br.pos, br.overrun(), end)
		}
	}
}

// TestBitReaderPosition reads random segments (as above) in random bit
// counts with two readers that load ahead differently (one is topped up
// at random moments), and checks at every step that at gives both the
// same position, that it counts the bits consumed (a stuffed pair holding
// one byte), that a reader made by readerAt there reads on exactly as the
// first does, and that end is the first byte with no bit consumed.
func TestBitReaderPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var seg []byte
		var raw []int // the offset in seg of each decoded byte
		for range 1 + rng.IntN(64) {
			raw = append(raw, len(seg))
			if rng.IntN(6) == 0 {
				seg = append(seg, 0xff, 0)
			} else {
				seg = append(seg, byte(rng.IntN(255)))
			}
		}
		bits := 8 * len(raw)
		raw = append(raw, len(seg))
		if rng.IntN(2) == 0 {
			seg = append(seg, 0xff, 0xd9)
		}
		a, b := bitReader{data: seg}, bitReader{data: seg}
		for consumed := 0; consumed < bits; {
			if rng.IntN(3) == 0 {
				b.fill()
			}
			want := int64(raw[consumed/8])<<3 + int64(consumed%8)
			if a.at() != want || b.at() != want {
				t.Fatalf("segment % x after %d bits: at %d and %d, want %d", seg, consumed, a.at(), b.at(), want)
			}
			end := raw[(consumed+7)/8]
			if a.end() != end {
				t.Fatalf("segment % x after %d bits: end %d, want %d", seg, consumed, a.end(), end)
			}
			c := readerAt(seg, want)
			n := 1 + rng.IntN(min(16, bits-consumed))
			if va, vb, vc := a.bits(n), b.bits(n), c.bits(n); va != vb || va != vc {
				t.Fatalf("segment % x after %d bits: %d bits read %b, %b and %b", seg, consumed, n, va, vb, vc)
			}
			consumed += n
		}
	}
}

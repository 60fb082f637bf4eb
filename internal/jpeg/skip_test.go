package jpeg

import (
	"math/rand/v2"
	"testing"
)

// TestSkipACMatchesDecodeAC decodes random entropy-coded data (with 0xFF00
// stuffing, ending at a marker or at the end of the data) as runs of AC
// blocks, once with decodeAC and once with skipAC, with the typical
// tables and with a table too small to decode every code: after each
// block both must have consumed the same bits, topped up their window at
// the same points (same position, padding and marker state) and left the
// same end-of-band run, or failed with the same error.
func TestSkipACMatchesDecodeAC(t *testing.T) {
	small := huffSpec{[16]uint8{0, 2, 2, 2}, []uint8{0x00, 0x01, 0x11, 0xf0, 0x20, 0x32}} // with an EOB2, and codes 111x missing
	specs := []huffSpec{stdHuff[1], stdHuff[3], small}
	var tables [3]huffTable
	for i, s := range specs {
		if err := tables[i].build(&s.counts, s.vals, true); err != nil {
			t.Fatal(err)
		}
	}
	var q [64]int32
	for i := range q {
		q[i] = 1
	}
	rng := rand.New(rand.NewPCG(3, 4))
	blocks, runs := 0, 0
	for trial := range 3000 {
		var seg []byte
		for range rng.IntN(400) {
			b := byte(rng.Uint32())
			if rng.IntN(3) == 0 {
				b &= 0x3f // more short codes
			}
			seg = append(seg, b)
			if b == 0xff {
				seg = append(seg, 0)
			}
		}
		if rng.IntN(2) == 0 {
			seg = append(seg, 0xff, 0xd0+byte(rng.IntN(8)))
		}
		tab := &tables[trial%len(tables)]
		da, db := &decoder{}, &decoder{}
		a, b := &bitReader{data: seg}, &bitReader{data: seg}
		for range 64 {
			var blk [64]int32
			_, errA := da.decodeAC(a, tab, &q, &blk)
			errB := db.skipAC(b, tab)
			blocks++
			if errA != errB || a.acc != b.acc || a.n != b.n || a.pos != b.pos || a.pad != b.pad ||
				a.marker != b.marker || a.eod != b.eod || da.eobRun != db.eobRun {
				t.Fatalf("trial %d block %d: decodeAC %v %x %d %d %d eob %d, skipAC %v %x %d %d %d eob %d", trial, blocks,
					errA, a.acc, a.n, a.pos, a.pad, da.eobRun, errB, b.acc, b.n, b.pos, b.pad, db.eobRun)
			}
			if errA != nil || a.overrun() {
				break
			}
			if da.eobRun > 0 {
				runs++
				da.eobRun, db.eobRun = 0, 0
			}
		}
	}
	if blocks < 10000 || runs == 0 {
		t.Errorf("%d blocks, %d end-of-band runs: the data does not exercise skipAC", blocks, runs)
	}
}

package jpeg

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// TestScoutFallsInStep starts a scout at every 7th byte of the first 60%
// of the entropy-coded data of real photos without restart markers, and
// checks that each notes a state at which the serial decode starts an
// MCU: Huffman codes resynchronise by themselves, which the split decode
// (split.go) relies on for its speed. It logs how many MCUs that takes.
func TestScoutFallsInStep(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.jpg"))
	tried := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, s, pos := scanOf(t, data)
		if d.ri != 0 {
			continue
		}
		w, h, _ := d.mcuGrid(&s)
		starts := map[int64]int{} // the serial decode's MCU starts
		br := &bitReader{data: data, pos: pos, origin: pos}
		var pred [4]int32
		for m := range w * h {
			starts[br.at()] = m
			if err := d.decodeMCU(br, &s, d.dcBlock, m%w, m/w, &pred, nil); err != nil {
				t.Fatal(err)
			}
		}
		end := dataEnd(data, pos)
		worst, runs := 0, 0
		for mid := pos + 16; mid < pos+(end-pos)*6/10; mid += 7 {
			if data[mid-1] == 0xff {
				continue
			}
			tried++
			sd := *d
			k := &kept{}
			sd.store = k
			sd.scoutScan(k, new(atomic.Bool), &bitReader{data: data, pos: mid, origin: mid}, &s, w*h-1)
			found := false
			for i, st := range k.states {
				if _, ok := starts[st.at]; ok && i < len(k.states)-1 {
					found = true
					worst, runs = max(worst, int(st.mcu)), max(runs, int(st.run)+1)
					break
				}
			}
			if !found {
				t.Errorf("%s: a scout from byte %d of %d..%d never fell in step", f, mid, pos, end)
			}
		}
		t.Logf("%s: %d MCUs; a scout's first state in step is at most %d MCUs from its start (states are %d apart), in its run %d at most", f, w*h, worst, scoutEvery, runs)
	}
	if tried < 5000 {
		t.Errorf("%d starts tried: fixtures missing", tried)
	}
}

// TestScoutOnGarbage: a scout over random bytes, where it meets errors,
// stops after scoutMaxRuns runs, noting a state per scoutEvery MCUs it
// decoded and one more per run.
func TestScoutOnGarbage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "real", "canon-422.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	d, s, pos := scanOf(t, data)
	rng := rand.New(rand.NewPCG(5, 6))
	garbage := append([]byte(nil), data[:pos]...)
	for range 1 << 20 {
		b := byte(rng.IntN(256))
		if b == 0xff {
			b = 0
		}
		garbage = append(garbage, b)
	}
	k := &kept{}
	d.store = k
	d.scoutScan(k, new(atomic.Bool), &bitReader{data: garbage, pos: pos, origin: pos}, &s, 1<<30)
	last := k.states[len(k.states)-1]
	if last.run >= scoutMaxRuns || len(k.states) > int(last.mcu)/scoutEvery+2*scoutMaxRuns {
		t.Errorf("%d states for %d MCUs, the last in run %d: want at most %d runs", len(k.states), last.mcu, last.run, scoutMaxRuns)
	}
	if last.run < scoutMaxRuns-1 {
		t.Errorf("stopped in run %d before the bound on runs: the garbage did not stop it", last.run)
	}
}

// scanOf reads the segments of data up to its first scan, with decoder d
// at 1/8 scale, and returns the scan and where its data starts.
func scanOf(t *testing.T, data []byte) (d *decoder, s scanParams, pos int) {
	d = &decoder{opts: &DecodeOptions{ScaleDenom: 8}, scale: 8, bs: 1, ctx: t.Context()}
	d.r = reader{data: data}
	if err := d.r.soi(); err != nil {
		t.Fatal(err)
	}
	for {
		m, seg, err := d.r.nextSegment()
		if err != nil {
			t.Fatal(err)
		}
		if m == markerSOS {
			if s, err = d.parseSOS(seg); err != nil {
				t.Fatal(err)
			}
			d.out = newPlanes(&d.frame, d.bs, d.scale)
			return d, s, d.r.pos
		}
		if err := d.segment(m, seg); err != nil {
			t.Fatal(err)
		}
	}
}

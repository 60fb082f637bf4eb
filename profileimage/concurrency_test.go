package profileimage

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/vendors"
)

// TestResampleWhileDecodingChangesNothing makes the same outputs with one
// goroutine and with two, which resample while the JPEG decodes, for every
// orientation, with and without shrink-on-load, for one size and for all.
func TestResampleWhileDecodingChangesNothing(t *testing.T) {
	photo := testimage.Photo(1600, 1200, 9)
	for o := range uint16(8) {
		data := testimage.JPEG(photo, 85)
		if o > 0 {
			data = exiftest.Splice(data, exiftest.APP1(exiftest.Orientation(o+1)))
		}
		for _, v := range []string{"smartsheet", "ringcentral", "github"} {
			p := vendors.MustLookup(v)
			original := vendors.Size{Name: vendors.OriginalSize}
			j, err := load(context.Background(), data, p, newSettings([]Option{Concurrency(2)}), []vendors.Size{original})
			if err != nil {
				t.Fatal(err)
			}
			// A plan that only turns the image is written turned by the
			// encoder: nothing to resample.
			if turns := j.outputs[0].turnsOnly; (j.upload.early == nil) != turns {
				t.Errorf("orientation %d, %s: resample while decoding %v, plan only turns %v", o+1, v, j.upload.early != nil, turns)
			}
			one, err1 := ScaleAll(context.Background(), data, p, Concurrency(1))
			two, err2 := ScaleAll(context.Background(), data, p, Concurrency(2))
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			for i := range one {
				if !bytes.Equal(one[i].Data, two[i].Data) {
					t.Errorf("orientation %d, %s %s: one and two goroutines differ", o+1, v, one[i].Size)
				}
			}
		}
	}
}

// TestNormalizePeakHeap bounds the bytes a 12 MP JPEG normalization
// allocates: all of it, so the peak too, stays under 1.5x the decoded
// source.
func TestNormalizePeakHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 12 MP JPEG")
	}
	const w, h = 4000, 3000
	data := testimage.JPEG(testimage.Photo(w, h, 1), 90)
	decoded := float64(w * h * 3 / 2) // Y'CbCr 4:2:0
	p := vendors.MustLookup("smartsheet")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := Normalize(context.Background(), data, p, Concurrency(1))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	allocated := float64(after.TotalAlloc - before.TotalAlloc)
	t.Logf("Normalize of %.0f MP to %dx%d allocated %.1f MB (%.2fx the decoded source)", w*h/1e6, res.Width, res.Height, allocated/1e6, allocated/decoded)
	if allocated > 1.5*decoded {
		t.Errorf("allocated %.1f MB, more than 1.5x the decoded source (%.1f MB)", allocated/1e6, decoded/1e6)
	}
}

// TestConcurrentUse runs Normalize and ScaleAll from several goroutines at
// once (the -race run checks them for data races) and expects the same
// bytes as a lone call.
func TestConcurrentUse(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("ringcentral")
	want, err := ScaleAll(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			got, err := ScaleAll(context.Background(), data, p)
			if err != nil {
				t.Error(err)
				return
			}
			for i := range got {
				if got[i].Hash != want[i].Hash {
					t.Errorf("%s: concurrent call gave other bytes", got[i].Size)
				}
			}
		})
	}
	wg.Wait()
}

package validate

import (
	"errors"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"github.com/profileimage/profileimage/internal/exif/exiftest"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/vendors"
)

// propertySeeds are valid files of every format, with metadata.
func propertySeeds() [][]byte {
	jpeg := exiftest.Splice(testimage.JPEG(testimage.Photo(64, 48, 1), 80), exiftest.APP1(exiftest.Orientation(6)))
	return [][]byte{
		jpeg,
		pngFile(8, 8, 8, 6, mkChunk("eXIf", exiftest.Orientation(3)), mkChunk("iTXt", []byte("XML:com.adobe.xmp\x00"))),
		pngFile(8, 8, 8, 2, mkChunk("acTL", make([]byte, 8)), fcTL(0, 8, 8, 0, 0), fcTL(1, 4, 4, 4, 4)),
		gifFile(10, 10, [4]int{0, 0, 10, 10}, [4]int{1, 1, 5, 5}),
		webpFile(vp8x(0x02|0x08, 40, 40), riffChunk("EXIF", exiftest.Orientation(6)), anmf(0, 0, 40, 40), anmf(2, 2, 10, 10)),
		bmpFile(4, 4, 24, 0, 48),
		tiffFile(100, 50, exiftest.Entry{Tag: 274, Type: 3, Count: 1, Value: 6}),
	}
}

// checkInvariants is what every Inspect result must satisfy.
func checkInvariants(data []byte, info Info, err error) bool {
	if err != nil {
		var e *Error
		return errors.As(err, &e) && e.Reason.Known() && len(e.Violations) == 1 && info.Bytes == int64(len(data))
	}
	return info.Format.Known() && info.Width > 0 && info.Height > 0 && info.Frames >= 1 &&
		info.Orientation >= 1 && info.Orientation <= 8 &&
		info.OrientedWidth*info.OrientedHeight == info.Width*info.Height && info.Bytes == int64(len(data))
}

func TestPropertyInspectPrefixAndFlip(t *testing.T) {
	seeds := propertySeeds()
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 20000
	properties := gopter.NewProperties(params)
	properties.Property("every prefix inspects without panic, with a typed error or a sane Info",
		prop.ForAll(func(seed int, cut float64) bool {
			data := seeds[seed]
			data = data[:int(cut*float64(len(data)))]
			info, err := Inspect(data)
			return checkInvariants(data, info, err)
		}, gen.IntRange(0, len(seeds)-1), gen.Float64Range(0, 1)))
	properties.Property("every byte flip inspects without panic, with a typed error or a sane Info",
		prop.ForAll(func(seed int, at float64, xor uint8, at2 float64, xor2 uint8) bool {
			data := append([]byte(nil), seeds[seed]...)
			data[int(at*float64(len(data)-1))] ^= xor
			data[int(at2*float64(len(data)-1))] ^= xor2
			info, err := Inspect(data)
			return checkInvariants(data, info, err)
		}, gen.IntRange(0, len(seeds)-1), gen.Float64Range(0, 1), gen.UInt8(), gen.Float64Range(0, 1), gen.UInt8()))
	properties.TestingRun(t)
}

// TestPropertyCheckMonotonic: raising any limit, of the profile or of the
// library, never turns an accepted upload into a rejected one, and never
// adds a violation.
func TestPropertyCheckMonotonic(t *testing.T) {
	properties := gopter.NewProperties(gopter.DefaultTestParameters())
	reasons := func(err error) map[vendors.Reason]bool {
		m := map[vendors.Reason]bool{}
		var e *Error
		if errors.As(err, &e) {
			for _, v := range e.Violations {
				m[v.Reason] = true
			}
		}
		return m
	}
	// Each limit is drawn within the range of the value it caps (bytes,
	// pixels, width, height, frames; then the library's pixels, bytes,
	// frames, frame area and scans), so that every one of them binds in
	// some runs; seen proves it.
	span := [10]int64{1 << 28, 9e8, 30000, 30000, 3000, 9e8, 1 << 28, 3000, 27e11, 300}
	seen := map[vendors.Reason]bool{}
	properties.Property("Check is monotonic in the limits",
		prop.ForAll(func(w, h, frames, scans int, bytes int64, lo []int64, raise []int64) bool {
			for i := range lo {
				lo[i] = 1 + lo[i]%span[i]
				raise[i] %= span[i]
			}
			info := still(vendors.GIF, w, h, bytes)
			info.Frames, info.Scans = frames, scans
			p := vendors.MustLookup("smartsheet")
			p.MaxBytes, p.MaxPixels, p.MaxWidth, p.MaxHeight = lo[0], lo[1], int(lo[2]), int(lo[3])
			p.Animation.MaxFrames = int(lo[4])
			lim := Limits{MaxPixels: lo[5], MaxBytes: lo[6], MaxFrames: int(lo[7]), MaxFrameArea: lo[8], MaxScans: int(lo[9])}
			before := reasons(Check(info, p, WithLimits(lim)))
			for r := range before {
				seen[r] = true
			}

			p.MaxBytes += raise[0]
			p.MaxPixels += raise[1]
			p.MaxWidth += int(raise[2])
			p.MaxHeight += int(raise[3])
			p.Animation.MaxFrames += int(raise[4])
			lim.MaxPixels += raise[5]
			lim.MaxBytes += raise[6]
			lim.MaxFrames += int(raise[7])
			lim.MaxFrameArea += raise[8]
			lim.MaxScans += int(raise[9])
			for r := range reasons(Check(info, p, WithLimits(lim))) {
				if !before[r] {
					return false
				}
			}
			return true
		},
			gen.IntRange(1, 30000), gen.IntRange(1, 30000), gen.IntRange(1, 3000), gen.IntRange(0, 300), gen.Int64Range(1, 1<<28),
			gen.SliceOfN(10, gen.Int64Range(1, 1<<42)), gen.SliceOfN(10, gen.Int64Range(0, 1<<42))))
	properties.TestingRun(t)
	for _, r := range []vendors.Reason{vendors.ReasonTooManyBytes, vendors.ReasonTooManyPixels, vendors.ReasonTooLarge, vendors.ReasonAnimated, vendors.ReasonCorrupt} {
		if !seen[r] {
			t.Errorf("no run was rejected for %s: the property did not exercise that limit", r)
		}
	}
}

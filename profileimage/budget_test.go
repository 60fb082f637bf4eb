package profileimage

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	stdjpeg "image/jpeg"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/vendors"
)

// bisectWithin is the byte budget as it was before largestFitting, the
// reference: the quality out.Quality, then a bisection of [out.MinQuality,
// out.Quality-1], each try a whole encode.
func bisectWithin(img image.Image, out vendors.Output, maxBytes int64, enc encoding) ([]byte, int, error) {
	fits := func(d []byte) bool { return int64(len(d)) <= maxBytes }
	data, err := encode(img, vendors.JPEG, out.Quality, enc)
	if err != nil || fits(data) {
		return data, out.Quality, err
	}
	var best []byte
	bestQ := 0
	for lo, hi := out.MinQuality, out.Quality-1; lo <= hi; {
		q := (lo + hi) / 2
		d, err := encode(img, vendors.JPEG, q, enc)
		if err != nil {
			return nil, 0, err
		}
		if fits(d) {
			best, bestQ, lo = d, q, q+1
		} else {
			hi = q - 1
		}
	}
	if best == nil {
		return nil, 0, errOverBudget
	}
	return best, bestQ, nil
}

// bisectionTries is how many qualities bisectWithin tries when the answer
// is q in [lo, hi] (lo-1: none fits).
func bisectionTries(lo, hi, q int) int {
	if q == hi {
		return 1
	}
	n := 1
	for l, h := lo, hi-1; l <= h; n++ {
		m := (l + h) / 2
		if m <= q {
			l = m + 1
		} else {
			h = m - 1
		}
	}
	return n
}

// TestLargestFittingSizes: on sizes that grow with the quality (by
// random steps, some flat, some in jumps, or as a photo's do), for random
// ranges and limits, from the size at the top or an estimate 20% either
// side of it, largestFitting returns the largest quality that fits
// (errOverBudget when none does) and its bytes, as bisection does; on
// photo-like sizes in few tries, and never more than twice bisection's
// tries plus two.
func TestLargestFittingSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 3))
	for i := range 3000 {
		size := make([]int, 101)
		photo := i%3 == 0
		gamma := 0.4 + rng.Float64()
		base := 1000 + rng.IntN(20_000)
		for q := 1; q <= 100; q++ {
			switch {
			case photo:
				size[q] = int(float64(base) * math.Pow(qualityScale(q)/20, -gamma) * (1 + 0.01*rng.Float64()))
				size[q] = max(size[q], size[q-1])
			case rng.IntN(4) == 0:
				size[q] = size[q-1]
			default:
				size[q] = size[q-1] + rng.IntN(1+rng.IntN(5000))
			}
		}
		lo := 1 + rng.IntN(99)
		hi := lo + rng.IntN(101-lo)
		limit := int64(size[lo] - 50 + rng.IntN(size[hi]-size[lo]+100))
		if limit <= 0 {
			limit = 1
		}
		want := lo - 1
		for q := lo; q <= hi; q++ {
			if int64(size[q]) <= limit {
				want = q
			}
		}
		// encodeWithin's two ways: from the size at hi, encoded first and
		// over the limit, or from an estimate of it over the limit.
		top, ref, tries := hi-1, size[hi], 1
		estimate := i%2 == 1
		if estimate {
			top, ref, tries = hi, max(size[hi]*(80+rng.IntN(41))/100, int(limit)+1), 0
		} else if int64(size[hi]) <= limit {
			continue // encodeWithin does not search
		}
		data, q, err := largestFitting(lo, top, limit, hi, ref, func(q int) ([]byte, error) {
			tries++
			return make([]byte, size[q]), nil
		})
		if want < lo {
			if !errors.Is(err, errOverBudget) {
				t.Fatalf("case %d: none fits, got quality %d, %v", i, q, err)
			}
			continue
		}
		if err != nil || q != want || len(data) != size[want] {
			t.Fatalf("case %d (lo %d hi %d limit %d): quality %d (%d bytes) %v, want %d", i, lo, hi, limit, q, len(data), err, want)
		}
		bound, photoBound := 2*bisectionTries(lo, hi, want)+2, 5
		if estimate {
			bound, photoBound = 2*bits.Len(uint(hi-lo+1))+3, 7
		}
		if tries > bound {
			t.Errorf("case %d: %d tries, more than %d", i, tries, bound)
		}
		if photo && tries > photoBound {
			t.Errorf("case %d (photo-like, γ %.2f, lo %d hi %d limit %d, answer %d): %d tries, more than %d", i, gamma, lo, hi, limit, want, tries, photoBound)
		}
	}
}

// budgetImages are the images of TestEncodeWithinAsBisection: the two real
// photographs of the test data (1800x1200 and 1200x1800, decoded as
// image/jpeg decodes them, 4:2:0) and crops of them, a synthetic photo,
// the same as NRGBA (colour conversion in the encoder), and gray.
func budgetImages(t *testing.T) map[string]image.Image {
	imgs := map[string]image.Image{}
	for _, name := range []string{"Portrait_1", "Portrait_6"} {
		data, err := os.ReadFile("testdata/" + name + ".jpg")
		if err != nil {
			t.Fatal(err)
		}
		img, err := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		imgs[name] = img
		imgs[name+"-crop"] = img.(*image.YCbCr).SubImage(image.Rect(101, 77, 701, 577))
	}
	photo := testimage.Photo(640, 480, 9)
	imgs["synthetic"] = photo
	imgs["synthetic-nrgba"] = testimage.NRGBA(photo)
	gray := image.NewGray(image.Rect(0, 0, 333, 251))
	draw.Draw(gray, gray.Rect, photo, image.Point{}, draw.Src)
	imgs["gray"] = gray
	return imgs
}

// TestEncodeWithinAsBisection: on real photographs, crops of them and
// synthetic images, two of them also turned, for limits that land on qualities
// across the range (a byte either side of the size at each), below the
// floor and above the profile's quality, encodeWithin writes the bytes an
// encode writes at a quality that fits whose next does not: where the
// sizes grow with the quality, the largest that fits (by brute force),
// which bisection of whole encodes picks too (checked for one limit of
// each), in at most three tries more than bisection.
func TestEncodeWithinAsBisection(t *testing.T) {
	out := vendors.Output{Formats: []vendors.Format{vendors.JPEG}, Quality: 90, MinQuality: 50}
	for name, img := range budgetImages(t) {
		if testing.Short() && name != "Portrait_6-crop" && name != "synthetic-nrgba" {
			continue
		}
		orientations := []int{1}
		if name == "Portrait_6" || name == "synthetic-nrgba" {
			orientations = append(orientations, 6)
		}
		for _, orientation := range orientations {
			enc := encoding{concurrency: 2, orientation: orientation}
			encoded := map[int][]byte{}
			for q := out.MinQuality; q <= out.Quality; q++ {
				d, err := encode(img, vendors.JPEG, q, enc)
				if err != nil {
					t.Fatal(err)
				}
				encoded[q] = d
			}
			var limits []int64
			for _, q := range []int{50, 57, 66, 75, 79, 84, 88, 89, 90} {
				n := int64(len(encoded[q]))
				limits = append(limits, n, n-1, n+1)
			}
			limits = append(limits, 1, int64(3*len(encoded[90])))
			for i, limit := range limits {
				t.Run(fmt.Sprintf("%s/%d/%d", name, orientation, limit), func(t *testing.T) {
					fits := func(q int) bool { return int64(len(encoded[q])) <= limit }
					want := out.MinQuality - 1
					for q := out.MinQuality; q <= out.Quality; q++ {
						if fits(q) {
							want = q
						}
					}
					data, q, err := encodeWithin(img, vendors.JPEG, out, limit, enc)
					if i == 10 {
						refData, refQ, refErr := bisectWithin(img, out, limit, enc)
						if refQ != q || !bytes.Equal(refData, data) || (refErr == nil) != (err == nil) {
							t.Fatalf("quality %d (%d bytes, %v), bisection %d (%d bytes, %v)", q, len(data), err, refQ, len(refData), refErr)
						}
					}
					if !fits(out.MinQuality) {
						if !errors.Is(err, errOverBudget) {
							t.Fatalf("none fits: got quality %d (%v)", q, err)
						}
						return
					}
					if err != nil || !bytes.Equal(data, encoded[q]) || !fits(q) || q < out.Quality && fits(q+1) {
						t.Fatalf("quality %d (%d bytes, %v): not the bytes at a quality that fits with the next not fitting", q, len(data), err)
					}
					if q != want {
						// The sizes fall somewhere as the quality grows (as
						// bisection, largestFitting takes them not to):
						// then it finds a quality that fits below one that
						// does not, maybe not the largest.
						if monotone(encoded, out.MinQuality, out.Quality) {
							t.Fatalf("quality %d, want %d", q, want)
						}
						_, refQ, _ := bisectWithin(img, out, limit, enc)
						t.Logf("sizes not monotone: quality %d, bisection %d, the largest that fits %d", q, refQ, want)
					}
					tries := 1
					if !fits(out.Quality) {
						largestFitting(out.MinQuality, out.Quality-1, limit, out.Quality, len(encoded[out.Quality]), func(q int) ([]byte, error) {
							tries++
							return encoded[q], nil
						})
					}
					if bound := bisectionTries(out.MinQuality, out.Quality, q) + 3; tries > bound {
						t.Errorf("quality %d found in %d tries, more than %d", q, tries, bound)
					}
				})
			}
		}
	}
}

// monotone reports whether the sizes of encoded do not fall from quality
// lo to hi.
func monotone(encoded map[int][]byte, lo, hi int) bool {
	for q := lo; q < hi; q++ {
		if len(encoded[q+1]) < len(encoded[q]) {
			return false
		}
	}
	return true
}

// BenchmarkBudgetEncode times the byte budget alone on the real 12 MP
// iPhone photo of the bench package (bimg's test_exif_full.jpg, from the
// module cache; decoded by image/jpeg, written turned as its EXIF says):
// encodeWithin under Zoom's 2,000,000 bytes, which picks quality 84,
// against one plain encode at quality 90. Compare with benchstat -col
// /impl.
func BenchmarkBudgetEncode(b *testing.B) {
	data, err := testimage.CameraFile(testimage.IPhone12MP)
	if err != nil {
		b.Fatal(err)
	}
	img, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	p := vendors.MustLookup("zoom")
	enc := encoding{orientation: 6}
	d, q, err := encodeWithin(img, vendors.JPEG, p.Output, p.MaxBytes, enc)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("budget: quality %d, %d bytes", q, len(d))
	b.Run("impl=budget/job=zoom-2000000/src=iphone-12mp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := encodeWithin(img, vendors.JPEG, p.Output, p.MaxBytes, enc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=plain/job=zoom-2000000/src=iphone-12mp", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := encode(img, vendors.JPEG, p.Output.Quality, enc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

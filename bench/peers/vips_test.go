//go:build vips

// The libvips comparison needs cgo and libvips (apt-get install
// libvips-dev), so it is built only with -tags vips and never in CI:
//
//	VIPS_CONCURRENCY=1 go test -tags vips -run=none -bench Vips -cpu 1 -count 5
//	VIPS_CONCURRENCY=2 go test -tags vips -run=none -bench Vips -cpu 2 -count 5

package peers

import (
	"context"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/davidbyttow/govips/v2/vips"

	"github.com/profileimage/profileimage/bench"
	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

var startVips = sync.OnceFunc(func() {
	n, _ := strconv.Atoi(os.Getenv("VIPS_CONCURRENCY"))
	vips.LoggingSettings(nil, vips.LogLevelError)
	vips.Startup(&vips.Config{ConcurrencyLevel: max(n, 1)})
})

// BenchmarkVips times libvips' thumbnail (shrink-on-load, auto-rotate,
// Lanczos3 reduce, JPEG at quality 90 without metadata) next to ours on
// the same upload, in the same run: a real iPhone photo (src=photo-12mp,
// restart markers), a real Canon photo (src=canon-10mp, 3840x2560, 4:2:2,
// no restart markers) and the synthetic one (src=synthetic-12mp). libvips' fit-1050 does not
// pad to a square; ours does (the Smartsheet rule), which costs us a little more.
func BenchmarkVips(b *testing.B) {
	startVips()
	canon, err := testimage.CameraFile(testimage.Canon10MP)
	if err != nil {
		b.Fatal(err)
	}
	uploads := []struct {
		name string
		data []byte
	}{{"photo-12mp", bench.PhotoUpload12MP(b)}, {"canon-10mp", canon}, {"synthetic-12mp", bench.Upload12MP()}}
	ctx := context.Background()
	jobs := []struct {
		name     string
		w, h     int
		crop     vips.Interesting
		ours     vendors.Profile
		oursSize string
	}{
		{"fit-1050", 1050, 1050, vips.InterestingNone, vendors.MustLookup("smartsheet"), vendors.OriginalSize},
		{"square-584x584", 584, 584, vips.InterestingCentre, vendors.MustLookup("ringcentral"), "584x584"},
		{"square-90x90", 90, 90, vips.InterestingCentre, vendors.MustLookup("ringcentral"), "90x90"},
	}
	for _, u := range uploads {
		for _, j := range jobs {
			name := "/job=" + j.name + "/src=" + u.name
			data := u.data
			b.Run("impl=profileimage"+name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := profileimage.Scale(ctx, data, j.ours, j.oursSize); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("impl=libvips-thumbnail"+name, func(b *testing.B) {
				params := vips.NewJpegExportParams()
				params.Quality = 90
				params.StripMetadata = true
				for b.Loop() {
					img, err := vips.NewThumbnailFromBuffer(data, j.w, j.h, j.crop)
					if err != nil {
						b.Fatal(err)
					}
					if _, _, err := img.ExportJpeg(params); err != nil {
						b.Fatal(err)
					}
					img.Close()
				}
			})
		}
	}
}

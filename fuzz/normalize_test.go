package fuzz

import (
	"bytes"
	"context"
	"errors"
	"image"
	"testing"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// FuzzNormalize runs any bytes through Normalize for a vendor chosen by the
// input, with the safety caps lowered so each run stays small. It checks
// that Normalize never panics, rejects only with a *validate.Error that
// carries the vendor's answer, and that an accepted image decodes to the
// size the result reports, in a format the vendor takes, within its fit
// box and byte limit.
func FuzzNormalize(f *testing.F) {
	for i, s := range imageSeeds(f, 16<<10) {
		f.Add(s, uint8(i))
	}
	all := vendors.All()
	small := smallLimits()
	f.Fuzz(func(t *testing.T, data []byte, pick uint8) {
		p := all[int(pick)%len(all)]
		res, err := profileimage.Normalize(context.Background(), data, p, small, profileimage.Concurrency(1))
		if err != nil {
			mustBeVendorRejection(t, p, err)
			return
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(res.Data))
		switch {
		case err != nil:
			t.Fatalf("%s: output does not decode: %v", p.Name, err)
		case vendors.Format(format) != res.Format || !p.Accepts(res.Format):
			t.Fatalf("%s: output format %s, result says %s", p.Name, format, res.Format)
		case cfg.Width != res.Width || cfg.Height != res.Height:
			t.Fatalf("%s: output %dx%d, result says %dx%d", p.Name, cfg.Width, cfg.Height, res.Width, res.Height)
		case p.Fit.MaxWidth > 0 && (res.Width > p.Fit.MaxWidth || res.Height > p.Fit.MaxHeight):
			t.Fatalf("%s: %dx%d outside the fit box", p.Name, res.Width, res.Height)
		case p.MaxBytes > 0 && int64(len(res.Data)) > p.MaxBytes:
			t.Fatalf("%s: %d bytes over the limit", p.Name, len(res.Data))
		}
	})
}

// smallLimits lowers the safety caps so that each fuzz run stays small.
func smallLimits() profileimage.Option {
	return profileimage.WithLimits(profileimage.Limits{MaxPixels: 1 << 16, MaxBytes: 1 << 20, MaxFrames: 8, MaxFrameArea: 1 << 18})
}

// mustBeVendorRejection fails t unless err is a *validate.Error carrying a
// known reason and p's answer for it.
func mustBeVendorRejection(t *testing.T, p vendors.Profile, err error) {
	t.Helper()
	var e *validate.Error
	if !errors.As(err, &e) || !e.Reason.Known() || e.Vendor.Status < 400 || e.Vendor.Message == "" {
		t.Fatalf("%s: not a vendor rejection: %#v", p.Name, err)
	}
}

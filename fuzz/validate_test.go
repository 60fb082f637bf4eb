package fuzz

import (
	"context"
	"testing"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

// FuzzValidate checks profileimage.Validate's promise for any bytes and a
// vendor chosen by the input, with the safety caps lowered so each run
// stays small: it rejects only with a *validate.Error carrying the
// vendor's answer, and whatever it accepts, Normalize accepts too.
func FuzzValidate(f *testing.F) {
	for i, s := range imageSeeds(f, 16<<10) {
		f.Add(s, uint8(i))
	}
	all := vendors.All()
	small := smallLimits()
	f.Fuzz(func(t *testing.T, data []byte, pick uint8) {
		p := all[int(pick)%len(all)]
		ctx := context.Background()
		_, err := profileimage.Validate(ctx, data, p, small)
		if err != nil {
			mustBeVendorRejection(t, p, err)
			return
		}
		if _, err := profileimage.Normalize(ctx, data, p, small, profileimage.Concurrency(1)); err != nil {
			t.Fatalf("%s: Validate accepts it, Normalize says %v", p.Name, err)
		}
	})
}

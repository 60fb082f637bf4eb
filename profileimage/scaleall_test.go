package profileimage

import (
	"bytes"
	"context"
	"errors"
	"image"
	"os"
	"testing"

	"github.com/profileimage/profileimage/scale/scaletest"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

func TestScaleUnknownSizeIsTheVendorsError(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_1.jpg")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Scale(context.Background(), data, vendors.MustLookup("ringcentral"), "92")
	var ve *validate.Error
	if !errors.Is(err, validate.ErrUnknownSize) || !errors.As(err, &ve) {
		t.Fatalf("got %v, want ErrUnknownSize", err)
	}
	if ve.Vendor.Status != 404 || ve.Vendor.Code != "ACT-333" || ve.Vendor.Message != "Profile image is not found for scale size [92]" {
		t.Errorf("vendor error %+v, want 404 ACT-333 with the size filled in", ve.Vendor)
	}
}

func TestScaleAllRingCentral(t *testing.T) {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("ringcentral")
	all, err := ScaleAll(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(p.Sizes) {
		t.Fatalf("got %d results, want %d", len(all), len(p.Sizes))
	}
	for i, res := range all {
		sz := p.Sizes[i]
		if res.Size != sz.Name {
			t.Errorf("result %d is size %q, want %q", i, res.Size, sz.Name)
		}
		assertWithinProfile(t, res, p, sz)
		one, err := Scale(context.Background(), data, p, sz.Name)
		if err != nil {
			t.Fatal(err)
		}
		if one.Width != res.Width || one.Height != res.Height || one.Format != res.Format {
			t.Fatalf("Scale(%s) gives %s %dx%d, ScaleAll %s %dx%d", sz.Name, one.Format, one.Width, one.Height, res.Format, res.Width, res.Height)
		}
		// ScaleAll makes the small sizes from the 584x584: they must look
		// the same as when made from the whole upload.
		if db := psnr(t, one.Data, res.Data); db < 40 {
			t.Errorf("%s: ScaleAll and Scale differ: PSNR %.1f dB, want >= 40", sz.Name, db)
		} else {
			t.Logf("%s: ScaleAll vs Scale PSNR %.1f dB", sz.Name, db)
		}
	}
	if all[0].Width != 1200 || all[0].Height != 1800 {
		t.Errorf("original is %dx%d, want the upright 1200x1800", all[0].Width, all[0].Height)
	}
}

// psnr decodes two same-size images and returns scaletest.PSNR of them.
func psnr(t *testing.T, a, b []byte) float64 {
	t.Helper()
	ia, _, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	db, err := scaletest.PSNR(ia, ib)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

package profileimage

import (
	"context"
	"errors"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/vendors"
)

// TestOptionsCheckedWhenApplied: an option that cannot apply to any image
// is ErrBadOption from every function, naming the option, before the upload
// is read; an option a function cannot honour is ErrBadOption too.
func TestOptionsCheckedWhenApplied(t *testing.T) {
	ctx := context.Background()
	data := readSample(t)
	p := vendors.MustLookup("ringcentral")
	calls := map[string]func(...Option) error{
		"Validate":  func(o ...Option) error { _, err := Validate(ctx, data, p, o...); return err },
		"Normalize": func(o ...Option) error { _, err := Normalize(ctx, data, p, o...); return err },
		"Scale":     func(o ...Option) error { _, err := Scale(ctx, data, p, "90x90", o...); return err },
		"ScaleAll":  func(o ...Option) error { _, err := ScaleAll(ctx, data, p, o...); return err },
	}
	for name, call := range calls {
		for _, c := range []struct {
			opt  Option
			name string
		}{
			{Concurrency(-1), "Concurrency -1"},
			{Crop(image.Rect(10, 10, 10, 50)), "Crop"},
			{Crop(image.Rectangle{Min: image.Pt(50, 10), Max: image.Pt(10, 50)}), "Crop"},
			{FitBox(0, 10), "FitBox"},
			{CropSquare(0, 0, 0), "CropSquare"},
		} {
			err := call(c.opt)
			if !errors.Is(err, ErrBadOption) || !strings.Contains(err.Error(), c.name) {
				t.Errorf("%s with %s: %v, want ErrBadOption naming it", name, c.name, err)
			}
			var e *Error
			if errors.As(err, &e) {
				t.Errorf("%s with %s: a vendor rejection %v, want a bad option", name, c.name, err)
			}
		}
		if err := call(nil, Concurrency(1), nil); err != nil {
			t.Errorf("%s with nil options: %v, want them skipped", name, err)
		}
	}

	shaping := map[string]Option{
		"Crop": Crop(image.Rect(0, 0, 600, 600)), "CropSquare": CropSquare(0, 0, 600),
		"FitBox": FitBox(500, 500), "PadColor": PadColor(color.Black),
	}
	for name, opt := range shaping {
		err := calls["Validate"](opt)
		if !errors.Is(err, ErrBadOption) || !strings.Contains(err.Error(), name) {
			t.Errorf("Validate with %s: %v, want ErrBadOption naming it", name, err)
		}
		for _, f := range []string{"Normalize", "Scale", "ScaleAll"} {
			if err := calls[f](opt); err != nil {
				t.Errorf("%s with %s: %v, want it applied", f, name, err)
			}
		}
	}
	for _, f := range []string{"Normalize", "Scale", "ScaleAll"} {
		if err := calls[f](HeaderOnly()); !errors.Is(err, ErrBadOption) || !strings.Contains(err.Error(), "HeaderOnly") {
			t.Errorf("%s with HeaderOnly: %v, want ErrBadOption naming it", f, err)
		}
	}
	if err := calls["Validate"](HeaderOnly(), Concurrency(2)); err != nil {
		t.Errorf("Validate with HeaderOnly and Concurrency: %v", err)
	}
	// The zero Rectangle is no crop: the profile's applies.
	if err := calls["Normalize"](Crop(image.Rectangle{})); err != nil {
		t.Errorf("Normalize with the zero Crop: %v", err)
	}
}

package profileimage

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/vendors"
)

func readSample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/Portrait_6.jpg") // 1200x1800 once oriented
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFitBoxReplacesTheProfilesBox(t *testing.T) {
	data := readSample(t)
	ctx := context.Background()
	smartsheet := vendors.MustLookup("smartsheet")
	small := vendors.MustLookup("smartsheet")
	small.MaxWidth = 400 // a hard limit that a fit box must not lift
	enlarging := vendors.MustLookup("mattermost")
	var tiny bytes.Buffer
	if err := png.Encode(&tiny, testimage.Photo(50, 40, 1)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		data   []byte
		p      vendors.Profile
		opts   []Option
		w, h   int
		padded string // the "padded" step's detail, "" for none
	}{
		{"no box: the profile's 1050x1050", data, smartsheet, nil, 1050, 1050, "700x1050 inside 1050x1050"},
		{"a smaller box", data, smartsheet, []Option{FitBox(500, 500)}, 500, 500, "333x500 inside 500x500"},
		{"a larger box", data, smartsheet, []Option{FitBox(1500, 1500)}, 1500, 1500, "1000x1500 inside 1500x1500"},
		{"a wide box keeps the square", data, smartsheet, []Option{FitBox(900, 600)}, 600, 600, "400x600 inside 600x600"},
		{"the profile's maxWidth still binds", data, small, []Option{FitBox(500, 500)}, 400, 400, "267x400 inside 400x400"},
		{"the last box wins", data, smartsheet, []Option{FitBox(500, 500), FitBox(300, 300)}, 300, 300, "200x300 inside 300x300"},
		{"the profile's enlarge is kept", tiny.Bytes(), enlarging, []Option{FitBox(200, 200)}, 200, 200, ""},
		{"a box far above the image does not enlarge", data, smartsheet, []Option{FitBox(16384, 16384)}, 1800, 1800, "1200x1800 inside 1800x1800"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Normalize(ctx, c.data, c.p, c.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if res.Width != c.w || res.Height != c.h {
				t.Errorf("got %dx%d, want %dx%d", res.Width, res.Height, c.w, c.h)
			}
			padded := ""
			for _, s := range res.Steps {
				if s.Op == "padded" {
					padded = s.Detail
				}
			}
			if padded != c.padded {
				t.Errorf("padded step %q, want %q (steps %v)", padded, c.padded, res.Steps)
			}
			p := c.p
			if s := newSettings(c.opts); s.fit != nil {
				p.Fit.MaxWidth, p.Fit.MaxHeight = s.fit.MaxWidth, s.fit.MaxHeight
			}
			assertWithinProfile(t, res, p, vendors.Size{Name: vendors.OriginalSize})
		})
	}
}

func TestFitBoxAppliesToTheOriginalOnly(t *testing.T) {
	data := readSample(t)
	ctx := context.Background()
	rc := vendors.MustLookup("ringcentral")
	all, err := ScaleAll(ctx, data, rc, FitBox(300, 300))
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range all {
		want := [2]int{200, 300} // the original, fitted in the box
		if sz, _ := rc.Size(res.Size); sz.Width > 0 {
			want = [2]int{sz.Width, sz.Height}
		}
		if got := [2]int{res.Width, res.Height}; got != want {
			t.Errorf("%s: got %v, want %v", res.Size, got, want)
		}
	}
	one, err := Scale(ctx, data, rc, vendors.OriginalSize, FitBox(300, 300))
	if err != nil || one.Width != 200 || one.Height != 300 {
		t.Errorf("Scale original: %v, %+v", err, one)
	}
	named, err := Scale(ctx, data, rc, "90x90", FitBox(10, 10))
	if err != nil || named.Width != 90 || named.Height != 90 {
		t.Errorf("Scale 90x90 with a 10x10 box: %v, %+v", err, named)
	}
}

func TestFitBoxIsValidated(t *testing.T) {
	data := readSample(t)
	ctx := context.Background()
	p := vendors.MustLookup("smartsheet")
	for _, box := range [][2]int{{0, 500}, {500, 0}, {-1, 500}, {500, -3}, {16385, 500}, {500, 1 << 30}} {
		opt := FitBox(box[0], box[1])
		if _, err := Normalize(ctx, data, p, opt); !errors.Is(err, ErrBadOption) {
			t.Errorf("Normalize with FitBox%v: got %v, want ErrBadOption", box, err)
		}
		if _, err := Scale(ctx, data, p, vendors.OriginalSize, opt); !errors.Is(err, ErrBadOption) {
			t.Errorf("Scale with FitBox%v: got %v, want ErrBadOption", box, err)
		}
		if _, err := ScaleAll(ctx, data, p, opt); !errors.Is(err, ErrBadOption) {
			t.Errorf("ScaleAll with FitBox%v: got %v, want ErrBadOption", box, err)
		}
		// A good box given after a bad one does not hide it.
		if _, err := Normalize(ctx, data, p, opt, FitBox(500, 500)); !errors.Is(err, ErrBadOption) {
			t.Errorf("FitBox%v then a good box: got %v, want ErrBadOption", box, err)
		}
	}
	for _, box := range [][2]int{{1, 1}, {16384, 1}, {1, 16384}} {
		if res, err := Normalize(ctx, data, p, FitBox(box[0], box[1])); err != nil || res.Width > box[0] || res.Height > box[1] {
			t.Errorf("FitBox%v: %v, %+v", box, err, res)
		}
	}
}

func TestFitBoxDoesNotChangeTheCallersProfile(t *testing.T) {
	p := vendors.MustLookup("smartsheet")
	if _, err := Normalize(context.Background(), readSample(t), p, FitBox(100, 100)); err != nil {
		t.Fatal(err)
	}
	if p.Fit != (vendors.Fit{MaxWidth: 1050, MaxHeight: 1050}) || vendors.MustLookup("smartsheet").Fit != p.Fit {
		t.Errorf("profile's fit changed to %+v", p.Fit)
	}
}

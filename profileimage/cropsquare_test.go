package profileimage

import (
	"context"
	"errors"
	"image"
	"math"
	"slices"
	"testing"

	"github.com/profileimage/profileimage/vendors"
)

func TestCropSquareIsJirasCrop(t *testing.T) {
	data := readSample(t) // 1200x1800 once oriented
	ctx := context.Background()
	jira := vendors.MustLookup("jira")

	// Jira's default (no crop parameters) is the largest square at the
	// top-left corner, which CropSquare(0, 0, min(w, h)) names. Each size
	// is made on its own: ScaleAll makes the small sizes from the larger
	// ones only without a caller's crop, so its bytes would differ.
	for _, name := range jira.SizeNames() {
		byDefault, err := Scale(ctx, data, jira, name)
		if err != nil {
			t.Fatal(err)
		}
		named, err := Scale(ctx, data, jira, name, CropSquare(0, 0, 1200))
		if err != nil {
			t.Fatal(err)
		}
		if byDefault.Hash != named.Hash {
			t.Errorf("%s: CropSquare(0, 0, 1200) differs from Jira's default crop", name)
		}

		// x, y and size: the same bytes as the crop box they stand for,
		// and not the default's.
		square, err := Scale(ctx, data, jira, name, CropSquare(100, 500, 600))
		if err != nil {
			t.Fatal(err)
		}
		box, err := Scale(ctx, data, jira, name, Crop(image.Rect(100, 500, 700, 1100)))
		if err != nil {
			t.Fatal(err)
		}
		if square.Hash != box.Hash {
			t.Errorf("%s: CropSquare(100, 500, 600) differs from Crop(100,500-700,1100)", name)
		}
		if square.Hash == byDefault.Hash {
			t.Errorf("%s: CropSquare(100, 500, 600) made the default crop", name)
		}
		want := 600 // the original keeps the crop's size (Jira's profile has no fit box)
		if sz, _ := jira.Size(name); sz.Width > 0 {
			want = sz.Width
		}
		if square.Width != want || square.Height != want {
			t.Errorf("%s is %dx%d, want %dx%d", name, square.Width, square.Height, want, want)
		}
		if !slices.Contains(square.Steps, Step{"cropped", "600x600 at (100,500)"}) {
			t.Errorf("%s: steps %v do not say the crop", name, square.Steps)
		}
	}
}

func TestCropSquareIsValidated(t *testing.T) {
	data := readSample(t) // 1200x1800 once oriented
	ctx := context.Background()
	jira := vendors.MustLookup("jira")
	for _, c := range []struct {
		name       string
		x, y, size int
	}{
		{"zero side", 0, 0, 0},
		{"negative side", 700, 700, -600}, // image.Rect would turn it into 100..700
		{"negative x", -1, 0, 100},
		{"negative y", 0, -1, 100},
		{"past the right edge", 1101, 0, 100},
		{"past the bottom edge", 0, 1701, 100},
		{"larger than the image", 0, 0, 1201},
		{"overflowing x", math.MaxInt - 5, 0, 10},
		{"overflowing y", 0, math.MaxInt - 5, 10},
		{"overflowing side", 1, 1, math.MaxInt},
	} {
		t.Run(c.name, func(t *testing.T) {
			opt := CropSquare(c.x, c.y, c.size)
			if _, err := Normalize(ctx, data, jira, opt); !errors.Is(err, ErrBadOption) {
				t.Errorf("Normalize: got %v, want ErrBadOption", err)
			}
			if _, err := Scale(ctx, data, jira, "48x48", opt); !errors.Is(err, ErrBadOption) {
				t.Errorf("Scale: got %v, want ErrBadOption", err)
			}
			if _, err := ScaleAll(ctx, data, jira, opt); !errors.Is(err, ErrBadOption) {
				t.Errorf("ScaleAll: got %v, want ErrBadOption", err)
			}
		})
	}
	// The largest squares that fit, at each edge.
	for _, c := range [][3]int{{0, 600, 1200}, {1199, 1799, 1}, {0, 0, 1}} {
		if res, err := Scale(ctx, data, jira, "16x16", CropSquare(c[0], c[1], c[2])); err != nil || res.Width != 16 {
			t.Errorf("CropSquare%v: %v", c, err)
		}
	}
}

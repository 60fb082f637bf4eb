package profileimage

import (
	"image"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/vendors"
)

// planInput is one generated case: an oriented image size and a target.
type planInput struct {
	w, h int
	t    target
}

func genPlanInput() gopter.Gen {
	modes := []vendors.SquareMode{vendors.SquareNone, vendors.SquareCrop, vendors.SquarePad}
	return gopter.CombineGens(
		gen.IntRange(1, 6000), gen.IntRange(1, 6000),
		gen.IntRange(0, 2), gen.IntRange(0, 2000), gen.IntRange(0, 2000),
		gen.Bool(), gen.Int64Range(0, 20_000_000), gen.Bool(),
	).Map(func(v []any) planInput {
		t := target{mode: modes[v[2].(int)], boxW: v[3].(int), boxH: v[4].(int), enlarge: v[5].(bool), maxPixels: v[6].(int64)}
		if v[7].(bool) {
			t.anchor = vendors.AnchorTopLeft
		}
		return planInput{v[0].(int), v[1].(int), t}
	})
}

func TestPlanProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 2000
	props := gopter.NewProperties(params)

	props.Property("output within the box and the pixel limit", prop.ForAll(func(in planInput) bool {
		pl, err := makePlan(in.w, in.h, in.t, image.Rectangle{})
		return err == nil && pl.width >= 1 && pl.height >= 1 &&
			(in.t.boxW == 0 || pl.width <= in.t.boxW) && (in.t.boxH == 0 || pl.height <= in.t.boxH) &&
			(in.t.maxPixels == 0 || int64(pl.width)*int64(pl.height) <= in.t.maxPixels || pl.width*pl.height == 1)
	}, genPlanInput()))

	props.Property("square modes give exactly square outputs", prop.ForAll(func(in planInput) bool {
		pl, err := makePlan(in.w, in.h, in.t, image.Rectangle{})
		return err == nil && (in.t.mode == vendors.SquareNone || pl.width == pl.height)
	}, genPlanInput()))

	props.Property("crop inside the image, pad inside the output", prop.ForAll(func(in planInput) bool {
		pl, err := makePlan(in.w, in.h, in.t, image.Rectangle{})
		return err == nil && !pl.crop.Empty() && pl.crop.In(image.Rect(0, 0, in.w, in.h)) &&
			!pl.pad.Empty() && pl.pad.In(image.Rect(0, 0, pl.width, pl.height))
	}, genPlanInput()))

	props.Property("never enlarged unless the target says so", prop.ForAll(func(in planInput) bool {
		pl, err := makePlan(in.w, in.h, in.t, image.Rectangle{})
		return err == nil && (in.t.enlarge || (pl.pad.Dx() <= pl.crop.Dx() && pl.pad.Dy() <= pl.crop.Dy()))
	}, genPlanInput()))

	props.Property("aspect ratio kept within one pixel when fitting", prop.ForAll(func(in planInput) bool {
		in.t.mode = vendors.SquareNone
		pl, err := makePlan(in.w, in.h, in.t, image.Rectangle{})
		if err != nil {
			return false
		}
		// The height the output width implies, and the width the height
		// implies: the output may differ from either by at most one pixel
		// (or be clamped to 1 for extreme aspect ratios).
		wantH := float64(pl.width) * float64(in.h) / float64(in.w)
		wantW := float64(pl.height) * float64(in.w) / float64(in.h)
		return (abs(float64(pl.height)-wantH) <= 1 || pl.height == 1) || (abs(float64(pl.width)-wantW) <= 1 || pl.width == 1)
	}, genPlanInput()))

	props.Property("named sizes are exact", prop.ForAll(func(in planInput, w, h int) bool {
		for _, mode := range []vendors.SquareMode{vendors.SquareCrop, vendors.SquarePad} {
			pl, err := makePlan(in.w, in.h, target{mode: mode, exactW: w, exactH: h}, image.Rectangle{})
			if err != nil || pl.width != w || pl.height != h || !pl.pad.In(image.Rect(0, 0, w, h)) {
				return false
			}
		}
		return true
	}, genPlanInput(), gen.IntRange(1, 700), gen.IntRange(1, 700)))

	props.TestingRun(t)
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestPlanCases(t *testing.T) {
	ss := normalizeTarget(vendors.MustLookup("smartsheet"))
	rc := sizeTarget(vendors.MustLookup("ringcentral"), vendors.Size{Name: "90x90", Width: 90, Height: 90})
	jira := normalizeTarget(vendors.MustLookup("jira"))
	cases := []struct {
		name       string
		w, h       int
		t          target
		crop       image.Rectangle
		wantCrop   image.Rectangle
		wantW      int
		wantH      int
		wantPad    image.Rectangle
		wantErrBad bool
	}{
		{"smartsheet pads a 4000x3000 photo into 1050x1050", 4000, 3000, ss, image.Rectangle{},
			image.Rect(0, 0, 4000, 3000), 1050, 1050, image.Rect(0, 131, 1050, 919), false},
		{"smartsheet keeps a small square as is", 500, 500, ss, image.Rectangle{},
			image.Rect(0, 0, 500, 500), 500, 500, image.Rect(0, 0, 500, 500), false},
		{"ringcentral 90x90 crops the centre square", 4000, 3000, rc, image.Rectangle{},
			image.Rect(500, 0, 3500, 3000), 90, 90, image.Rect(0, 0, 90, 90), false},
		{"jira crops from the top-left", 300, 200, jira, image.Rectangle{},
			image.Rect(0, 0, 200, 200), 200, 200, image.Rect(0, 0, 200, 200), false},
		{"a caller's crop box wins", 4000, 3000, rc, image.Rect(10, 20, 1010, 1020),
			image.Rect(10, 20, 1010, 1020), 90, 90, image.Rect(0, 0, 90, 90), false},
		{"a crop box outside the image is refused", 100, 100, rc, image.Rect(50, 50, 150, 150),
			image.Rectangle{}, 0, 0, image.Rectangle{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pl, err := makePlan(c.w, c.h, c.t, c.crop)
			if c.wantErrBad {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if pl.crop != c.wantCrop || pl.width != c.wantW || pl.height != c.wantH || pl.pad != c.wantPad {
				t.Errorf("got crop %v, %dx%d, pad %v; want crop %v, %dx%d, pad %v",
					pl.crop, pl.width, pl.height, pl.pad, c.wantCrop, c.wantW, c.wantH, c.wantPad)
			}
		})
	}
}

package profileimage

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color/palette"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

func TestNormalizeMeetsTheByteCap(t *testing.T) {
	// A noisy 2000x2000 photo at quality 100 is far above Zoom's 2,000,000
	// bytes; at the profile's quality it is not, so make the budget bite
	// with a caller's profile that has a tight limit.
	p := vendors.MustLookup("zoom")
	p.MaxBytes = 60_000
	data := testimage.JPEG(testimage.Photo(1600, 1200, 3), 100)
	res, err := Normalize(context.Background(), data, p)
	if err != nil {
		t.Fatal(err)
	}
	assertWithinProfile(t, res, p, vendors.Size{Name: vendors.OriginalSize})
	if res.Steps[len(res.Steps)-1].Detail == "jpeg quality 90" && res.Width == 1600 {
		t.Errorf("the byte budget did not change anything: %v", res.Steps)
	}
	// A limit no image can meet is the vendor's too-many-bytes.
	p.MaxBytes = 100
	_, err = Normalize(context.Background(), data, p)
	if !errors.Is(err, validate.ErrTooManyBytes) {
		t.Errorf("got %v, want ErrTooManyBytes", err)
	}
}

func TestNormalizeKeepsTransparencyOrFlattensIt(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, testimage.PhotoWithAlpha(300, 200, 5)); err != nil {
		t.Fatal(err)
	}
	zoom, err := Normalize(context.Background(), buf.Bytes(), vendors.MustLookup("zoom"))
	if err != nil {
		t.Fatal(err)
	}
	if zoom.Format != vendors.PNG {
		t.Errorf("transparent image for a vendor that takes PNG: got %s, want png", zoom.Format)
	}
	graph, err := Normalize(context.Background(), buf.Bytes(), vendors.MustLookup("microsoft-graph"))
	if err != nil {
		t.Fatal(err)
	}
	if graph.Format != vendors.JPEG || !slices.ContainsFunc(graph.Steps, func(s Step) bool { return s.Op == "flattened" }) {
		t.Errorf("JPEG-only vendor: got %s with steps %v, want a flattened jpeg", graph.Format, graph.Steps)
	}
}

func TestAnimationFollowsTheProfile(t *testing.T) {
	frames := &gif.GIF{}
	for _, c := range []uint8{40, 200} {
		img := image.NewPaletted(image.Rect(0, 0, 40, 30), palette.Plan9)
		for i := range img.Pix {
			img.Pix[i] = c
		}
		frames.Image = append(frames.Image, img)
		frames.Delay = append(frames.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, frames); err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("smartsheet") // first-frame
	res, err := Normalize(context.Background(), buf.Bytes(), p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Steps[0].Op != "first-frame" || res.Source.Frames != 2 {
		t.Errorf("steps %v, frames %d: want the first frame kept", res.Steps, res.Source.Frames)
	}
	p.Animation = vendors.Animation{Mode: vendors.AnimationReject}
	p.Errors[vendors.ReasonAnimated] = vendors.VendorError{Status: 400, Code: "NO-GIFS", Message: "no animation"}
	_, err = Normalize(context.Background(), buf.Bytes(), p)
	var ve *validate.Error
	if !errors.Is(err, validate.ErrAnimated) || !errors.As(err, &ve) || ve.Vendor.Code != "NO-GIFS" {
		t.Errorf("got %v, want the profile's animated error", err)
	}
}

// TestScanCapIsCheckedOnce: the scan cap a caller sets is the one that
// decides (the JPEG decoder is given what Check approved, never its own,
// possibly stricter, default): exactly the file's scans pass, one fewer is
// the vendor's corrupt.
func TestScanCapIsCheckedOnce(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testimage.GoTestdata(), "video-001.progressive.jpeg"))
	if err != nil {
		t.Fatal(err)
	}
	info, err := validate.Inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	p := vendors.MustLookup("zoom")
	lim := validate.Limits{MaxScans: info.Scans}
	if _, err := Normalize(context.Background(), data, p, WithLimits(lim)); err != nil {
		t.Fatalf("%d scans, cap %d: %v", info.Scans, lim.MaxScans, err)
	}
	lim.MaxScans = info.Scans - 1
	if _, err := Normalize(context.Background(), data, p, WithLimits(lim)); !errors.Is(err, validate.ErrCorrupt) {
		t.Errorf("cap below the scans: got %v, want ErrCorrupt", err)
	}
}

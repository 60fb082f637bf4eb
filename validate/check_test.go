package validate

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/profileimage/profileimage/vendors"
)

func still(f vendors.Format, w, h int, bytes int64) Info {
	return Info{Format: f, Width: w, Height: h, OrientedWidth: w, OrientedHeight: h, Orientation: 1, Frames: 1, Bytes: bytes}
}

type ruleCase struct {
	rule   string
	info   Info
	opts   []Option
	reason vendors.Reason // "" = accepted
	status int
	code   string
	msg    string // the filled message, when it has placeholders
}

// TestVendorRules names every RingCentral, Zoom and Smartsheet rule that
// can be judged from the header, and the vendor code it yields.
func TestVendorRules(t *testing.T) {
	anim := still(vendors.GIF, 100, 100, 1000)
	anim.Frames = 12
	groups := []struct {
		profile string
		cases   []ruleCase
	}{
		{"ringcentral", []ruleCase{
			{rule: "PNG/JPEG/GIF accepted", info: still(vendors.PNG, 1000, 1000, 5000)},
			{rule: "empty part is an invalid image parameter", info: Info{}, reason: vendors.ReasonEmpty, status: 400, code: "CMN-101"},
			{rule: "other formats: unsupported image content type", info: still(vendors.WebP, 10, 10, 100), reason: vendors.ReasonUnsupportedFormat, status: 415, code: "ACT-330"},
			{rule: "unknown bytes: unsupported image content type", info: Info{Bytes: 10}, reason: vendors.ReasonUnsupportedFormat, status: 415, code: "ACT-330"},
			{rule: "part content type must match: ACT-330", info: still(vendors.PNG, 10, 10, 100), opts: []Option{ContentType("image/jpeg")}, reason: vendors.ReasonContentTypeMismatch, status: 415, code: "ACT-330"},
			{rule: "trusting the bytes accepts a wrong part type", info: still(vendors.PNG, 10, 10, 100), opts: []Option{ContentType("image/jpeg"), TrustBytes()}},
			{rule: "12 megapixel exactly is accepted", info: still(vendors.JPEG, 4000, 3000, 5000)},
			{rule: "more than 12 megapixel: ACT-334", info: still(vendors.JPEG, 4001, 3000, 5000), reason: vendors.ReasonTooManyPixels, status: 400, code: "ACT-334"},
			{rule: "10m request body", info: still(vendors.JPEG, 100, 100, 10_000_001), reason: vendors.ReasonTooManyBytes, status: 413},
			{rule: "too many scans is an invalid image: ACT-331", info: func() Info { i := still(vendors.JPEG, 10, 10, 100); i.Scans = 1000; return i }(), reason: vendors.ReasonCorrupt, status: 400, code: "ACT-331"},
			{rule: "animated GIF keeps its first frame", info: anim},
		}},
		{"zoom", []ruleCase{
			{rule: "jpeg and png accepted", info: still(vendors.JPEG, 1000, 1000, 5000)},
			{rule: "File is empty: 120", info: Info{}, reason: vendors.ReasonEmpty, status: 400, code: "120", msg: "File is empty."},
			{rule: "only jpg/jpeg or png: 120", info: still(vendors.GIF, 10, 10, 100), reason: vendors.ReasonUnsupportedFormat, status: 400, code: "120"},
			{rule: "File size cannot exceed 2M: 120", info: still(vendors.PNG, 10, 10, 2_000_001), reason: vendors.ReasonTooManyBytes, status: 400, code: "120", msg: "File size cannot exceed 2M."},
			{rule: "2M exactly is accepted", info: still(vendors.PNG, 10, 10, 2_000_000)},
			{rule: "invalid picture: 300", info: func() Info { i := still(vendors.JPEG, 10, 10, 100); i.Scans = 101; return i }(), reason: vendors.ReasonCorrupt, status: 400, code: "300"},
			{rule: "no pixel cap, but the library's 100 MP safety cap", info: still(vendors.JPEG, 20000, 20000, 1000), reason: vendors.ReasonTooManyPixels, status: 400},
		}},
		{"smartsheet", []ruleCase{
			{rule: "gif, jpg, png accepted", info: still(vendors.GIF, 1000, 1000, 5000)},
			{rule: "body required: 1024", info: Info{}, reason: vendors.ReasonEmpty, status: 400, code: "1024"},
			{rule: "media type not supported: 1124", info: still(vendors.BMP, 10, 10, 100), reason: vendors.ReasonUnsupportedFormat, status: 415, code: "1124"},
			{rule: "Invalid Content-Type: 1091", info: still(vendors.PNG, 10, 10, 100), opts: []Option{ContentType("image/gif")}, reason: vendors.ReasonContentTypeMismatch, status: 400, code: "1091", msg: "Invalid Content-Type: image/gif."},
			{rule: "unable to parse: 1008", info: func() Info { i := still(vendors.JPEG, 10, 10, 100); i.Scans = 500; return i }(), reason: vendors.ReasonCorrupt, status: 400, code: "1008"},
			{rule: "no byte cap, but the library's 64 MiB safety cap: 1074", info: still(vendors.PNG, 10, 10, 64<<20+1), reason: vendors.ReasonTooManyBytes, status: 400, code: "1074",
				msg: "You are trying to upload a file of 67108865 bytes, but the API currently only supports 67108864 bytes."},
			{rule: "no pixel cap, but the library's safety cap: 1018", info: still(vendors.PNG, 20000, 20000, 1000), reason: vendors.ReasonTooManyPixels, status: 400, code: "1018",
				msg: "The value 20000x20000 was not valid for the parameter image."},
			{rule: "frames over the library's cap: 1018", info: func() Info { i := anim; i.Frames = 1001; return i }(), reason: vendors.ReasonAnimated, status: 400, code: "1018"},
		}},
	}
	for _, g := range groups {
		p := vendors.MustLookup(g.profile)
		for i, tc := range g.cases {
			t.Run(fmt.Sprintf("%s:%d:%s", g.profile, i, tc.rule), func(t *testing.T) {
				err := Check(tc.info, p, tc.opts...)
				if tc.reason == "" {
					if err != nil {
						t.Fatalf("Check: %v", err)
					}
					return
				}
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Check = %v, want %s", err, tc.reason)
				}
				if e.Reason != tc.reason || e.Vendor.Status != tc.status || e.Vendor.Code != tc.code {
					t.Errorf("got %s %d %q (%s), want %s %d %q", e.Reason, e.Vendor.Status, e.Vendor.Code, e.Detail, tc.reason, tc.status, tc.code)
				}
				if tc.msg != "" && e.Vendor.Message != tc.msg {
					t.Errorf("message %q, want %q", e.Vendor.Message, tc.msg)
				}
				if !errors.Is(err, sentinel(tc.reason)) || e.Violations[0].Reason != e.Reason {
					t.Errorf("errors.Is or Violations inconsistent: %#v", e)
				}
			})
		}
	}
}

// TestCheckAllViolations: every broken rule is listed, in priority order.
func TestCheckAllViolations(t *testing.T) {
	p := vendors.MustLookup("slack") // 512..1024 per side
	info := still(vendors.WebP, 20000, 300, 70<<20)
	info.Frames = 3
	err := Check(info, p, ContentType("image/png"))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	want := []vendors.Reason{vendors.ReasonUnsupportedFormat, vendors.ReasonContentTypeMismatch, vendors.ReasonTooManyBytes,
		vendors.ReasonTooLarge, vendors.ReasonTooSmall}
	var got []vendors.Reason
	for _, v := range e.Violations {
		got = append(got, v.Reason)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("violations %v, want %v", got, want)
	}
	if !errors.Is(err, ErrUnsupportedFormat) || errors.Is(err, ErrTooLarge) {
		t.Errorf("errors.Is matches the first violation only")
	}
}

func TestCheckLimitsOption(t *testing.T) {
	p := vendors.MustLookup("smartsheet")
	big := still(vendors.PNG, 20000, 20000, 1000)
	if err := Check(big, p, WithLimits(Limits{MaxPixels: -1})); err != nil {
		t.Errorf("no pixel cap: %v", err)
	}
	if err := Check(still(vendors.PNG, 100, 100, 1000), p, WithLimits(Limits{MaxPixels: 9999})); !errors.Is(err, ErrTooManyPixels) {
		t.Errorf("pixel cap 9999: %v", err)
	}
	anim := still(vendors.GIF, 1000, 1000, 1000)
	anim.Frames = 500 // 500 MP over all frames
	if err := Check(anim, p); err != nil {
		t.Errorf("frame area of a first-frame profile: %v", err)
	}
	allFrames := p
	allFrames.Animation = vendors.Animation{Mode: vendors.AnimationReject}
	if err := Check(anim, allFrames); !errors.Is(err, ErrTooManyPixels) {
		t.Errorf("frame area: %v", err)
	}
	slack := vendors.MustLookup("slack")
	rot := still(vendors.PNG, 2000, 600, 1000) // stored too wide...
	rot.OrientedWidth, rot.OrientedHeight = 600, 2000
	if err := Check(rot, slack); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oriented size: %v", err)
	}
}

// TestDetailsNameTheProfileByTitle: a detail names the profile whose rule
// the upload breaks by its title (by its name when it has none), and the
// library's caps as the library's.
func TestDetailsNameTheProfileByTitle(t *testing.T) {
	untitled := vendors.MustLookup("zoom")
	untitled.Title = ""
	twoFrames, still1 := vendors.MustLookup("slack"), vendors.MustLookup("slack")
	twoFrames.Animation.MaxFrames = 2
	still1.Animation.Mode = vendors.AnimationReject
	anim := still(vendors.GIF, 600, 600, 1000)
	anim.Frames = 3
	for _, tc := range []struct {
		p      vendors.Profile
		info   Info
		detail string
	}{
		{vendors.MustLookup("zoom"), still(vendors.BMP, 100, 100, 1000), "bmp is not accepted; Zoom user profile picture takes jpeg, png"},
		{vendors.MustLookup("zoom"), still(vendors.JPEG, 100, 100, 3_000_000), "3000000 bytes, more than Zoom user profile picture's limit of 2000000"},
		{untitled, still(vendors.JPEG, 100, 100, 3_000_000), "3000000 bytes, more than zoom's limit of 2000000"},
		{vendors.MustLookup("discord"), still(vendors.PNG, 20000, 20000, 1000), "20000x20000 is 400000000 pixels, more than the library's cap of 100000000"},
		{vendors.MustLookup("slack"), still(vendors.PNG, 2000, 600, 1000), "2000x600 is larger than Slack users.setPhoto's maximum of 1024x1024"},
		{vendors.MustLookup("slack"), still(vendors.PNG, 600, 100, 1000), "600x100 is smaller than Slack users.setPhoto's minimum of 512x512"},
		{twoFrames, anim, "3 frames, more than Slack users.setPhoto's limit of 2"},
		{still1, anim, "the image is animated (3 frames) and Slack users.setPhoto takes still images only"},
		{vendors.Profile{Accept: []vendors.Format{vendors.PNG}}, still(vendors.JPEG, 1, 1, 1), "jpeg is not accepted; the profile takes png"},
	} {
		var e *Error
		if err := Check(tc.info, tc.p); !errors.As(err, &e) || e.Detail != tc.detail {
			t.Errorf("%s: %v, want the detail %q", tc.p.Name, err, tc.detail)
		}
	}
}

// TestCheckSkipsNilOptions: a nil option is skipped, as the facade skips
// one, and the options around it still apply.
func TestCheckSkipsNilOptions(t *testing.T) {
	p := vendors.MustLookup("ringcentral")
	info := still(vendors.JPEG, 100, 100, 1000)
	if err := Check(info, p, nil); err != nil {
		t.Errorf("a nil option: %v", err)
	}
	if err := Check(info, p, nil, ContentType("image/png"), nil); !errors.Is(err, ErrContentTypeMismatch) {
		t.Errorf("nil options around ContentType: %v, want content-type-mismatch", err)
	}
}

// TestCheckAnimationPixels: for a profile that keeps the first frame, the
// pixel caps judge the frame that is decoded, whatever the format and
// however many frames follow it; the frame count is judged on its own.
func TestCheckAnimationPixels(t *testing.T) {
	p := vendors.MustLookup("ringcentral") // 12,000,000 pixels
	p.Accept = append(p.Accept, vendors.WebP)
	for _, f := range []vendors.Format{vendors.GIF, vendors.PNG, vendors.WebP} {
		anim := still(f, 2000, 2000, 1<<20)
		anim.Frames = 200 // 800 MP over all frames, twice MaxFrameArea
		if err := Check(anim, p); err != nil {
			t.Errorf("%s: 200 frames of 2000x2000: %v", f, err)
		}
		anim.Width, anim.Height, anim.OrientedWidth, anim.OrientedHeight = 4000, 4000, 4000, 4000
		var e *Error
		if err := Check(anim, p); !errors.As(err, &e) || e.Reason != vendors.ReasonTooManyPixels || len(e.Violations) != 1 ||
			!strings.Contains(e.Detail, "16000000 pixels, more than RingCentral extension profile image's limit of 12000000") {
			t.Errorf("%s: 200 frames of 4000x4000: %v, want the one frame above RingCentral's limit", f, err)
		}
		anim = still(f, 100, 100, 1<<20)
		anim.Frames = 1001
		if err := Check(anim, p); !errors.Is(err, ErrAnimated) {
			t.Errorf("%s: 1001 frames: %v, want animated", f, err)
		}
	}
}

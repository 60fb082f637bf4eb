package vendors

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestEmbeddedProfilesParseAndListEveryReason(t *testing.T) {
	if _, err := embedded(); err != nil {
		t.Fatal(err)
	}
	all := All()
	if len(all) < 12 {
		t.Fatalf("got %d profiles, want the 12 backed by vendor-rules.md", len(all))
	}
	for i, p := range all {
		if i > 0 && all[i-1].Name >= p.Name {
			t.Errorf("All is not sorted by name: %q before %q", all[i-1].Name, p.Name)
		}
		if err := p.Validate(); err != nil {
			t.Error(err)
		}
		for _, r := range Reasons() {
			if _, ok := p.Errors[r]; !ok {
				t.Errorf("%s: no entry for reason %q: an embedded profile must say which answer applies", p.Name, r)
			}
		}
	}
}

// ruleCase pins one number or error of a vendor to the value in
// shared/vendor-rules.md.
type ruleCase struct {
	rule string
	got  func(Profile) any
	want any
}

func vendorError(r Reason) func(Profile) any {
	return func(p Profile) any {
		e := p.VendorError(r)
		return fmt.Sprintf("%d %s %s", e.Status, e.Code, e.Message)
	}
}

func otherError(name string) func(Profile) any {
	return func(p Profile) any {
		e := p.OtherErrors[name]
		return fmt.Sprintf("%d %s %s", e.Status, e.Code, e.Message)
	}
}

func TestVendorRules(t *testing.T) {
	groups := []struct {
		vendor string
		cases  []ruleCase
	}{
		{"ringcentral", []ruleCase{
			{"12 megapixel read as 12,000,000 pixels", func(p Profile) any { return p.MaxPixels }, int64(12_000_000)},
			{"10m body read as 10,000,000 bytes", func(p Profile) any { return p.MaxBytes }, int64(10_000_000)},
			{"PNG, JPEG and GIF accepted", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[jpeg png gif]"},
			{"no minimum dimensions", func(p Profile) any { return [2]int{p.MinWidth, p.MinHeight} }, [2]int{}},
			{"scaleSize enum", func(p Profile) any { return strings.Join(p.SizeNames(), ",") }, "original,90x90,195x195,584x584"},
			{"scaled copies are JPEG", func(p Profile) any { s, _ := p.Size("90x90"); return s.Format }, JPEG},
			{"wrong type is 415 ACT-330", vendorError(ReasonUnsupportedFormat), "415 ACT-330 Unsupported image content type"},
			{"invalid image is 400 ACT-331", vendorError(ReasonCorrupt), "400 ACT-331 Profile image not valid"},
			{"over 12 MP is 400 ACT-334", vendorError(ReasonTooManyPixels), "400 ACT-334 Profile image file is more than 12 megapixel"},
			{"unknown scale size is 404 ACT-333", vendorError(ReasonUnknownSize), "404 ACT-333 Profile image is not found for scale size [92]"},
			{"missing image part is 400 CMN-101", vendorError(ReasonEmpty), "400 CMN-101 Parameter [image] value is invalid."},
		}},
		{"ringcentral-meeting", []ruleCase{
			{"the meeting endpoint", func(p Profile) any { return fmt.Sprint(p.Endpoints) },
				"[POST /restapi/v1.0/account/{accountId}/extension/{extensionId}/meeting-configuration/profile-image]"},
			{"2Mb read as 2,000,000 bytes", func(p Profile) any { return p.MaxBytes }, int64(2_000_000)},
			{"the reading is noted", func(p Profile) any { return noted(p, "2Mb", "2,000,000 bytes", "megabits", "2 MiB") }, true},
			{"JPG/JPEG, GIF and PNG", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[jpeg gif png]"},
			{"no pixel limit documented", func(p Profile) any { return p.MaxPixels }, int64(0)},
			{"no scaled sizes", func(p Profile) any { return strings.Join(p.SizeNames(), ",") }, "original"},
			{"part profilePic, 204, noted", func(p Profile) any { return noted(p, `"profilePic"`, "204 No Content") }, true},
			{"no codes documented: generic", func(p Profile) any { return codes(p) }, "generic only"},
			{"over 2Mb is the generic 413", vendorError(ReasonTooManyBytes), "413  The image file is too large."},
			{"rate limit CMN-301", otherError("rate-limit"), "429 CMN-301 Request rate exceeded"},
			{"cites RC-146 and RC-148", func(p Profile) any { return cites(p, "ringcentral_openapi3.json", "rc-platform.yaml") }, true},
		}},
		{"zoom", []ruleCase{
			{"JPEG and PNG only", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[jpeg png]"},
			{"2M read as 2,000,000 bytes", func(p Profile) any { return p.MaxBytes }, int64(2_000_000)},
			{"no pixel limit documented", func(p Profile) any { return p.MaxPixels }, int64(0)},
			{"empty file is 400/120", vendorError(ReasonEmpty), "400 120 File is empty."},
			{"over 2M is 400/120", vendorError(ReasonTooManyBytes), "400 120 File size cannot exceed 2M."},
			{"other format is 400/120", vendorError(ReasonUnsupportedFormat), "400 120 Only jpg/jpeg or png image file can be uploaded."},
			{"invalid picture is 400/300", vendorError(ReasonCorrupt), "400 300 Your request was not accepted because the profile picture contains invalid or explicit content."},
			{"unknown user is 404/1001", func(p Profile) any { e := p.OtherErrors["user-not-found"]; return fmt.Sprint(e.Status, " ", e.Code) }, "404 1001"},
		}},
		{"smartsheet", []ruleCase{
			{"custom size is the caller's FitBox", func(p Profile) any { return noted(p, "custom size", "profileimage.FitBox") }, true},
			{"success shape noted", func(p Profile) any { return noted(p, "200", "{message, resultCode, data}") }, true},
			{"gif, jpg and png", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[gif jpeg png]"},
			{"larger than 1050x1050 scaled down", func(p Profile) any { return p.Fit }, Fit{MaxWidth: 1050, MaxHeight: 1050}},
			{"non-square padded with a solid colour", func(p Profile) any { return p.Square }, Square{Mode: SquarePad, Color: "#FFFFFF"}},
			{"no byte cap stated", func(p Profile) any { return p.MaxBytes }, int64(0)},
			{"empty body is 400/1024", vendorError(ReasonEmpty), "400 1024 The HTTP request body is required for this Method."},
			{"unsupported media type is 415/1124", vendorError(ReasonUnsupportedFormat), "415 1124 Invalid Content-Type header. Media type not supported."},
			{"invalid content type is 400/1091", vendorError(ReasonContentTypeMismatch), "400 1091 Invalid Content-Type: {0}."},
			{"unparseable body is 400/1008", vendorError(ReasonCorrupt), "400 1008 Unable to parse request. The following error occurred: {0}"},
			{"too large upload is 400/1074", vendorError(ReasonTooManyBytes), "400 1074 You are trying to upload a file of {0}, but the API currently only supports {1}."},
			{"invalid value is 400/1018", vendorError(ReasonTooManyPixels), "400 1018 The value {0} was not valid for the parameter {1}."},
		}},
		{"slack", []ruleCase{
			{"512x512 minimum", func(p Profile) any { return [2]int{p.MinWidth, p.MinHeight} }, [2]int{512, 512}},
			{"1024x1024 maximum", func(p Profile) any { return [2]int{p.MaxWidth, p.MaxHeight} }, [2]int{1024, 1024}},
			{"excessive dimensions is too_large", vendorError(ReasonTooLarge), "400 too_large The uploaded image had excessive dimensions."},
		}},
		{"microsoft-graph", []ruleCase{
			{"4 MB read as 4,000,000 bytes", func(p Profile) any { return p.MaxBytes }, int64(4_000_000)},
			{"JPEG only", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[jpeg]"},
			{"HD sizes", func(p Profile) any { return len(p.Sizes) - 1 }, 9},
		}},
		{"google-directory", []ruleCase{
			{"downsized to 96x96", func(p Profile) any { return p.Fit }, Fit{MaxWidth: 96, MaxHeight: 96}},
			{"JPEG, PNG, GIF, BMP, TIFF", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[jpeg png gif bmp tiff]"},
			{"photoData padding quoted", func(p Profile) any {
				return noted(p, `"The equals sign (=) character is replaced with the asterisk (*)"`, `"For padding, the period (.) character is used`, "WebSafeBase64")
			}, true},
			{"the current reference cited", func(p Profile) any {
				return cites(p, "https://developers.google.com/workspace/admin/directory/reference/rest/v1/UserPhoto")
			}, true},
		}},
		{"github", []ruleCase{
			{"less than 1 MB", func(p Profile) any { return p.MaxBytes }, int64(999_999)},
			{"smaller than 3000x3000", func(p Profile) any { return [2]int{p.MaxWidth, p.MaxHeight} }, [2]int{2999, 2999}},
			{"the moved help page", func(p Profile) any { return strings.Join(p.Sources, " ") },
				"https://github.com/github/docs/blob/697a57204434dcea82424fa8d2b43f8e60e07651/content/account-and-profile/reference/profile-reference.md"},
			{"its wording quoted", func(p Profile) any {
				return noted(p, "Profile picture requirements", "less than 1 MB in size and smaller than 3000 by 3000 pixels")
			}, true},
		}},
		{"gravatar", []ruleCase{
			{"default 80, at most 2048", func(p Profile) any { return strings.Join(p.SizeNames(), ",") }, "original,80x80,2048x2048"},
			{"the v3 upload", func(p Profile) any { return p.Endpoints[0] }, "POST https://api.gravatar.com/v3/me/avatars"},
			{"the GET URL", func(p Profile) any { return p.Endpoints[1] }, "GET https://gravatar.com/avatar/{hash}?s={size}"},
			{"its hash is SHA-256", func(p Profile) any { return noted(p, "https://gravatar.com/avatar/{hash}", "SHA-256", "lower-cased") }, true},
			{"upload part image, 200", func(p Profile) any { return noted(p, `"image"`, "200 with an Avatar") }, true},
			{"no upload limits documented", func(p Profile) any { return [3]int64{p.MaxBytes, p.MaxPixels, int64(p.MaxWidth)} }, [3]int64{}},
			{"unsupported type is 400 unsupported_image", vendorError(ReasonUnsupportedFormat), "400 unsupported_image Unsupported image type"},
			{"only square images", otherError("uncropped-image"), "400 uncropped_image Only square images are accepted"},
			{"normalized output is square", func(p Profile) any { return p.Square.Mode }, SquareCrop},
			{"cites the OpenAPI document", func(p Profile) any { return cites(p, "openapi.json") }, true},
		}},
		{"mattermost", []ruleCase{
			{"MaxImageResolution 7680*4320", func(p Profile) any { return p.MaxPixels }, int64(7680 * 4320)},
			{"MaxFileSize 100 MiB", func(p Profile) any { return p.MaxBytes }, int64(104857600)},
			{"128x128 fill, PNG", func(p Profile) any { return fmt.Sprint(p.Fit, " ", p.Square.Mode, " ", p.Output.Formats) }, "{128 128 true} crop [png]"},
			{"too large is 413", func(p Profile) any { return p.VendorError(ReasonTooManyBytes).Status }, 413},
			{"the decoders app/imaging registers", func(p Profile) any { return fmt.Sprint(p.Accept) }, "[jpeg png gif bmp tiff webp]"},
			{"cites app/imaging/decode.go", func(p Profile) any { return cites(p, "server/channels/app/imaging/decode.go") }, true},
		}},
		{"discord", []ruleCase{
			{"powers of two 16..4096", func(p Profile) any { return fmt.Sprint(p.SizeNames()[1], " ", p.SizeNames()[len(p.Sizes)-1]) }, "16x16 4096x4096"},
		}},
		{"jira", []ruleCase{
			{"square from the top-left", func(p Profile) any { return p.Square }, Square{Mode: SquareCrop, Anchor: AnchorTopLeft}},
			{"16, 24, 32, 48", func(p Profile) any { return strings.Join(p.SizeNames(), ",") }, "original,16x16,24x24,32x32,48x48"},
			{"x, y and size are CropSquare", func(p Profile) any { return noted(p, "profileimage.CropSquare(x, y, size)", "required") }, true},
			{"a crop past the edge is 400", otherError("crop-outside-image"), "400  The crop parameters extend the crop area beyond the edge of the image."},
			{"an unsupported type is 400", func(p Profile) any { return p.VendorError(ReasonUnsupportedFormat).Status }, 400},
		}},
	}
	for _, g := range groups {
		p, ok := Lookup(g.vendor)
		if !ok {
			t.Errorf("no profile %q", g.vendor)
			continue
		}
		for i, c := range g.cases {
			t.Run(fmt.Sprintf("%s:%d:%s", g.vendor, i, c.rule), func(t *testing.T) {
				if got := c.got(p); got != c.want {
					t.Errorf("got %v, want %v", got, c.want)
				}
			})
		}
	}
}

// noted reports whether one of p's notes holds every one of the phrases.
func noted(p Profile, phrases ...string) bool {
	return slices.ContainsFunc(p.Notes, func(n string) bool {
		return !slices.ContainsFunc(phrases, func(ph string) bool { return !strings.Contains(n, ph) })
	})
}

// cites reports whether each of the fragments is in one of p's sources.
func cites(p Profile, fragments ...string) bool {
	for _, f := range fragments {
		if !slices.ContainsFunc(p.Sources, func(s string) bool { return strings.Contains(s, f) }) {
			return false
		}
	}
	return true
}

func TestParseRejectsWithTheFieldNamed(t *testing.T) {
	valid := func(edit func(string) string) string {
		return edit(`{"name":"mine","title":"Mine","sources":["https://example.com/docs"],
			"accept":["jpeg","png"],"maxBytes":1000,"animation":{"mode":"reject"},"square":{"mode":"none"},"fit":{},
			"output":{"formats":["jpeg"],"quality":85,"minQuality":50},
			"errors":{"corrupt":{"status":400,"code":"E1","message":"bad image {0}","fill":{"{0}":"detail"}}}}`)
	}
	same := func(s string) string { return s }
	if _, err := Parse(strings.NewReader(valid(same))); err != nil {
		t.Fatalf("the valid base profile is rejected: %v", err)
	}
	cases := []struct {
		name, field string
		edit        func(string) string
	}{
		{"unknown field", "maxByte", func(s string) string { return strings.Replace(s, `"maxBytes"`, `"maxByte"`, 1) }},
		{"negative limit", "maxBytes", func(s string) string { return strings.Replace(s, `1000`, `-1`, 1) }},
		{"unknown reason", "errors.too-big", func(s string) string { return strings.Replace(s, `"corrupt"`, `"too-big"`, 1) }},
		{"unknown format", "accept[1]", func(s string) string { return strings.Replace(s, `"jpeg","png"`, `"jpeg","heic"`, 1) }},
		{"output not accepted", "output.formats[0]", func(s string) string {
			return strings.Replace(strings.Replace(s, `"jpeg","png"`, `"jpeg"`, 1), `"formats":["jpeg"]`, `"formats":["png"]`, 1)
		}},
		{"output not encodable", "output.formats[1]", func(s string) string {
			return strings.Replace(strings.Replace(s, `"jpeg","png"`, `"jpeg","gif"`, 1), `"formats":["jpeg"]`, `"formats":["jpeg","gif"]`, 1)
		}},
		{"quality out of range", "output.quality", func(s string) string { return strings.Replace(s, `85`, `101`, 1) }},
		{"bad square mode", "square.mode", func(s string) string { return strings.Replace(s, `"none"`, `"circle"`, 1) }},
		{"pad without colour", "square.color", func(s string) string { return strings.Replace(s, `"none"`, `"pad"`, 1) }},
		{"placeholder not in message", "errors.corrupt.fill", func(s string) string { return strings.Replace(s, `"{0}":"detail"`, `"{1}":"detail"`, 1) }},
		{"unknown parameter", "errors.corrupt.fill", func(s string) string { return strings.Replace(s, `"detail"`, `"colour"`, 1) }},
		{"not an error status", "errors.corrupt.status", func(s string) string { return strings.Replace(s, `400`, `200`, 1) }},
		{"missing code", "errors.corrupt.code", func(s string) string { return strings.Replace(s, `"code":"E1",`, ``, 1) }},
		{"wrong type", "maxBytes", func(s string) string { return strings.Replace(s, `1000`, `"1000"`, 1) }},
		{"bad animation mode", "animation.mode", func(s string) string { return strings.Replace(s, `"reject"`, `"loop"`, 1) }},
		{"size name disagrees", "sizes[0]", func(s string) string {
			return strings.Replace(s, `"errors"`, `"sizes":[{"name":"90x90","width":90,"height":80}],"errors"`, 1)
		}},
		{"no sources", "sources", func(s string) string { return strings.Replace(s, `"https://example.com/docs"`, ``, 1) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(valid(c.edit)))
			var pe *ProfileError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ProfileError", err)
			}
			if pe.Field != c.field {
				t.Errorf("error names field %q, want %q (%v)", pe.Field, c.field, err)
			}
			if !strings.Contains(err.Error(), c.field) {
				t.Errorf("message %q does not name the field", err)
			}
		})
	}
}

func TestParseFallsBackToGenericErrors(t *testing.T) {
	p, err := Parse(strings.NewReader(`{"name":"mine","title":"Mine","sources":["x"],"accept":["png"],
		"animation":{"mode":"reject"},"square":{"mode":"none"},"fit":{},"output":{"formats":["png"],"quality":90,"minQuality":90},"errors":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	for r, status := range map[Reason]int{ReasonUnsupportedFormat: 415, ReasonTooManyBytes: 413, ReasonUnknownSize: 404, ReasonCorrupt: 400} {
		if e := p.VendorError(r); e.Status != status || !e.Generic || e.Code != "" || e.Message == "" {
			t.Errorf("%s: got %+v, want a generic %d", r, e, status)
		}
	}
}

func TestCallersCannotChangeSharedProfiles(t *testing.T) {
	p := MustLookup("ringcentral")
	p.MaxPixels = 1
	p.Accept[0] = PNG
	p.Sizes[1].Width = 1
	p.Notes[0] = "changed"
	e := p.Errors[ReasonUnknownSize]
	e.Fill["92"] = "changed"
	p.Errors[ReasonCorrupt] = VendorError{Status: 500}
	for _, q := range []Profile{MustLookup("ringcentral"), All()[slicesIndex(Names(), "ringcentral")]} {
		if q.MaxPixels != 12_000_000 || q.Accept[0] != JPEG || q.Sizes[1].Width != 90 || q.Notes[0] == "changed" ||
			q.Errors[ReasonUnknownSize].Fill["92"] != ParamSize || q.Errors[ReasonCorrupt].Status != 400 {
			t.Fatal("a change to a looked-up profile reached the shared one")
		}
	}
}

func slicesIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestFilled(t *testing.T) {
	rc := MustLookup("ringcentral").VendorError(ReasonUnknownSize).Filled(map[string]string{ParamSize: "100x100"})
	if rc.Message != "Profile image is not found for scale size [100x100]" || rc.Fill != nil {
		t.Errorf("RingCentral ACT-333: %+v", rc)
	}
	zoom := MustLookup("zoom").OtherErrors["user-not-found"].Filled(map[string]string{ParamUserID: "me"})
	if zoom.Message != "User does not exist: me." {
		t.Errorf("Zoom 1001: %q", zoom.Message)
	}
	ss := MustLookup("smartsheet").VendorError(ReasonTooManyBytes)
	got := ss.Filled(map[string]string{ParamValue: "{1} bytes", ParamLimit: "10 bytes"}).Message
	if got != "You are trying to upload a file of {1} bytes, but the API currently only supports 10 bytes." {
		t.Errorf("a value containing a placeholder was replaced again: %q", got)
	}
	if kept := ss.Filled(nil).Message; kept != ss.Message {
		t.Errorf("placeholders without values must stay: %q", kept)
	}
}

func TestLookupUnknown(t *testing.T) {
	if _, ok := Lookup("myspace"); ok {
		t.Error("Lookup of an unknown name succeeded")
	}
	defer func() {
		if recover() == nil {
			t.Error("MustLookup of an unknown name did not panic")
		}
	}()
	MustLookup("myspace")
}

// TestCallersCannotChangeSharedLists: Formats and Reasons hand out their
// own slices, so a caller who writes into one changes no other caller's
// answer, nor Known, nor what Parse accepts.
func TestCallersCannotChangeSharedLists(t *testing.T) {
	formats, reasons := Formats(), Reasons()
	formats[0], reasons[0] = "x", "x"
	if !JPEG.Known() || Format("x").Known() || Formats()[0] != JPEG {
		t.Errorf("a change to Formats() reached the library: Formats() = %v", Formats())
	}
	if !ReasonEmpty.Known() || Reason("x").Known() || Reasons()[0] != ReasonEmpty {
		t.Errorf("a change to Reasons() reached the library: Reasons() = %v", Reasons())
	}
	if JPEG.ContentType() != "image/jpeg" {
		t.Errorf("JPEG.ContentType() = %q", JPEG.ContentType())
	}
	if _, err := Parse(strings.NewReader(`{"name":"mine","title":"Mine","sources":["x"],"accept":["jpeg"],
		"animation":{"mode":"reject"},"square":{"mode":"none"},"fit":{},"output":{"formats":["jpeg"],"quality":90,"minQuality":90},
		"errors":{"empty":{"status":400,"message":"empty","generic":true}}}`)); err != nil {
		t.Errorf("after the changes, a profile naming jpeg and empty is rejected: %v", err)
	}
	names := Names()
	names[0] = "x"
	if Names()[0] == "x" {
		t.Error("a change to Names() reached the library")
	}
}

// TestValidateReportsTheSameFirstError: a profile with several bad map
// entries (unknown reasons, bad other-error names, bad fill entries)
// reports the same one on every call, the first in sorted key order.
func TestValidateReportsTheSameFirstError(t *testing.T) {
	fill := map[string]string{"{a}": ParamDetail, "{b}": ParamDetail, "{c}": ParamDetail, "{d}": ParamDetail}
	bad := VendorError{Status: 400, Code: "E", Message: "no placeholders", Fill: fill}
	p := Profile{
		Name: "mine", Title: "Mine", Sources: []string{"x"}, Accept: []Format{JPEG},
		Animation: Animation{Mode: AnimationReject}, Square: Square{Mode: SquareNone},
		Output: Output{Formats: []Format{JPEG}, Quality: 90, MinQuality: 90},
		Errors: map[Reason]VendorError{
			ReasonTooSmall: bad, ReasonCorrupt: bad, ReasonEmpty: bad, ReasonAnimated: bad,
			"zz-unknown": bad, "aa-unknown": bad,
		},
		OtherErrors: map[string]VendorError{"Bad Name": bad, "worse name": bad, "ok": bad},
	}
	const want = "vendors: profile mine: field errors.aa-unknown: unknown reason"
	for i := range 200 {
		if err := p.Validate(); err == nil || err.Error() != want {
			t.Fatalf("call %d: %v, want %s", i, err, want)
		}
	}
	delete(p.Errors, "aa-unknown")
	delete(p.Errors, "zz-unknown")
	const wantFill = `vendors: profile mine: field errors.animated.fill: placeholder "{a}" is not in the message`
	for i := range 200 {
		if err := p.Validate(); err == nil || err.Error() != wantFill {
			t.Fatalf("call %d without unknown reasons: %v, want %s", i, err, wantFill)
		}
	}
	p.Errors = nil
	const wantOther = "vendors: profile mine: field otherErrors.Bad Name: not a lower-case name of letters, digits and dashes"
	for i := range 200 {
		if err := p.Validate(); err == nil || err.Error() != wantOther {
			t.Fatalf("call %d with other errors only: %v, want %s", i, err, wantOther)
		}
	}
}

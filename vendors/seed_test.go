package vendors

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// numbers writes out every number and code of p that decides what an
// upload may be and what is made of it: everything but the prose (title,
// endpoints, sources, notes, messages).
func numbers(p Profile) string {
	var b strings.Builder
	fmt.Fprintf(&b, "accept %v bytes %d pixels %d min %dx%d max %dx%d animation %+v\n",
		p.Accept, p.MaxBytes, p.MaxPixels, p.MinWidth, p.MinHeight, p.MaxWidth, p.MaxHeight, p.Animation)
	fmt.Fprintf(&b, "square %+v fit %+v output %+v\n", p.Square, p.Fit, p.Output)
	for _, s := range p.Sizes {
		fmt.Fprintf(&b, "size %+v\n", s)
	}
	for _, r := range Reasons() {
		e := p.VendorError(r)
		fmt.Fprintf(&b, "%s %d %q generic=%v\n", r, e.Status, e.Code, e.Generic)
	}
	for _, k := range slices.Sorted(maps.Keys(p.OtherErrors)) {
		e := p.OtherErrors[k]
		fmt.Fprintf(&b, "other %s %d %q\n", k, e.Status, e.Code)
	}
	return b.String()
}

// TestSeedVendorNumbersUnchanged pins the numbers of the three vendors the
// library was built for, written out from the data of commit f4eae94
// (before the data of issue 14): a change of sources or notes must not move
// them.
func TestSeedVendorNumbersUnchanged(t *testing.T) {
	want := map[string]string{
		"ringcentral": `accept [jpeg png gif] bytes 10000000 pixels 12000000 min 0x0 max 0x0 animation {Mode:first-frame MaxFrames:0}
square {Mode:none Color: Anchor:} fit {MaxWidth:0 MaxHeight:0 Enlarge:false} output {Formats:[jpeg png] Quality:90 MinQuality:60}
size {Name:original Width:0 Height:0 Mode: Format:}
size {Name:90x90 Width:90 Height:90 Mode:crop Format:jpeg}
size {Name:195x195 Width:195 Height:195 Mode:crop Format:jpeg}
size {Name:584x584 Width:584 Height:584 Mode:crop Format:jpeg}
empty 400 "CMN-101" generic=false
unsupported-format 415 "ACT-330" generic=false
content-type-mismatch 415 "ACT-330" generic=false
corrupt 400 "ACT-331" generic=false
too-many-pixels 400 "ACT-334" generic=false
too-many-bytes 413 "" generic=true
too-small 400 "ACT-331" generic=false
too-large 400 "ACT-331" generic=false
animated 400 "ACT-331" generic=false
unknown-size 404 "ACT-333" generic=false
other app-permission 403 "CMN-401"
other feature-unavailable 403 "CMN-109"
other rate-limit 429 "CMN-301"
other resource-not-found 404 "CMN-102"
other unassigned-extension 403 "ACT-332"
other user-permission 403 "CMN-419"
`,
		"zoom": `accept [jpeg png] bytes 2000000 pixels 0 min 0x0 max 0x0 animation {Mode:first-frame MaxFrames:0}
square {Mode:none Color: Anchor:} fit {MaxWidth:0 MaxHeight:0 Enlarge:false} output {Formats:[jpeg png] Quality:90 MinQuality:50}
size {Name:original Width:0 Height:0 Mode: Format:}
empty 400 "120" generic=false
unsupported-format 400 "120" generic=false
content-type-mismatch 400 "120" generic=false
corrupt 400 "300" generic=false
too-many-pixels 400 "" generic=true
too-many-bytes 400 "120" generic=false
too-small 400 "" generic=true
too-large 400 "" generic=true
animated 400 "" generic=true
unknown-size 404 "" generic=true
other not-admin 400 "200"
other rate-limit 429 ""
other user-not-found 404 "1001"
`,
		"smartsheet": `accept [gif jpeg png] bytes 0 pixels 0 min 0x0 max 0x0 animation {Mode:first-frame MaxFrames:0}
square {Mode:pad Color:#FFFFFF Anchor:} fit {MaxWidth:1050 MaxHeight:1050 Enlarge:false} output {Formats:[jpeg png] Quality:90 MinQuality:60}
size {Name:original Width:0 Height:0 Mode: Format:}
empty 400 "1024" generic=false
unsupported-format 415 "1124" generic=false
content-type-mismatch 400 "1091" generic=false
corrupt 400 "1008" generic=false
too-many-pixels 400 "1018" generic=false
too-many-bytes 400 "1074" generic=false
too-small 400 "1018" generic=false
too-large 400 "1018" generic=false
animated 400 "1018" generic=false
unknown-size 404 "1006" generic=false
other header-invalid 400 "1011"
other not-authorized 403 "1004"
other rate-limit 429 "4003"
other token-expired 401 "1003"
other token-invalid 401 "1002"
other token-required 401 "1001"
other user-not-found 404 "1020"
`,
	}
	for name, w := range want {
		if got := numbers(MustLookup(name)); got != w {
			t.Errorf("%s's numbers changed:\n got: %s\nwant: %s", name, got, w)
		}
	}
}

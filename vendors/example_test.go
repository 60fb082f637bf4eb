package vendors_test

import (
	"fmt"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

func ExampleLookup() {
	p, ok := vendors.Lookup("ringcentral")
	if !ok {
		return
	}
	fmt.Println(p.Title)
	fmt.Println("accepts:", p.Accept, "max pixels:", p.MaxPixels)
	fmt.Println("sizes:", p.SizeNames())
	e := p.VendorError(vendors.ReasonTooManyPixels)
	fmt.Println(e.Status, e.Code, e.Message)
	// Output:
	// RingCentral extension profile image
	// accepts: [jpeg png gif] max pixels: 12000000
	// sizes: [original 90x90 195x195 584x584]
	// 400 ACT-334 Profile image file is more than 12 megapixel
}

func ExampleParse() {
	const mine = `{
		"name": "intranet",
		"title": "Our intranet avatar",
		"sources": ["https://intranet.example/avatar-rules"],
		"accept": ["jpeg", "png"],
		"maxBytes": 500000,
		"animation": {"mode": "reject"},
		"square": {"mode": "crop"},
		"fit": {"maxWidth": 256, "maxHeight": 256},
		"output": {"formats": ["jpeg"], "quality": 85, "minQuality": 60},
		"errors": {"too-many-bytes": {"status": 413, "code": "AV-2", "message": "Avatar is over {0}.", "fill": {"{0}": "limit"}}}
	}`
	p, err := vendors.Parse(strings.NewReader(mine))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := p.VendorError(vendors.ReasonTooManyBytes).Filled(map[string]string{vendors.ParamLimit: "500 kB"})
	fmt.Println(e.Status, e.Code, e.Message)
	fmt.Println(p.VendorError(vendors.ReasonCorrupt).Status, "(generic)")

	_, err = vendors.Parse(strings.NewReader(strings.Replace(mine, "500000", "-1", 1)))
	fmt.Println(err)
	// Output:
	// 413 AV-2 Avatar is over 500 kB.
	// 400 (generic)
	// vendors: profile intranet: field maxBytes: must not be negative, got -1
}

func ExampleVendorError_Filled() {
	e := vendors.MustLookup("ringcentral").VendorError(vendors.ReasonUnknownSize)
	fmt.Println(e.Filled(map[string]string{vendors.ParamSize: "100x100"}).Message)
	// Output: Profile image is not found for scale size [100x100]
}

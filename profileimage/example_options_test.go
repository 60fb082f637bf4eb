package profileimage_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

func ExampleFitBox() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	// Smartsheet scales down to 1050x1050 unless a custom size is defined;
	// this caller's custom size is 500x500.
	res, err := profileimage.Normalize(context.Background(), data, vendors.MustLookup("smartsheet"),
		profileimage.FitBox(500, 500))
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Width, res.Height)
	for _, s := range res.Steps {
		if s.Op == profileimage.OpPadded || s.Op == profileimage.OpScaled {
			fmt.Println(s)
		}
	}

	_, err = profileimage.Normalize(context.Background(), data, vendors.MustLookup("smartsheet"),
		profileimage.FitBox(0, 500))
	fmt.Println(errors.Is(err, profileimage.ErrBadOption))
	// Output:
	// 500 500
	// padded (333x500 inside 500x500)
	// scaled (1200x1800 to 333x500)
	// true
}

func ExampleCropSquare() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg") // 1200x1800 upright
	if err != nil {
		panic(err)
	}
	jira := vendors.MustLookup("jira")
	// POST .../universal_avatar/type/project/owner/10000?x=100&y=500&size=600
	res, err := profileimage.Scale(context.Background(), data, jira, "48x48", profileimage.CropSquare(100, 500, 600))
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Size, res.Width, res.Height)
	for _, s := range res.Steps {
		if s.Op == profileimage.OpCropped {
			fmt.Println(s)
		}
	}

	// ?x=700&y=0&size=600 reaches past the right edge: Jira answers 400.
	_, err = profileimage.Scale(context.Background(), data, jira, "48x48", profileimage.CropSquare(700, 0, 600))
	fmt.Println(errors.Is(err, profileimage.ErrBadOption), jira.OtherErrors["crop-outside-image"].Status)
	// Output:
	// 48x48 48 48
	// cropped (600x600 at (100,500))
	// true 400
}

func ExampleResult_WebSafeBase64() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	res, err := profileimage.Normalize(context.Background(), data, vendors.MustLookup("google-directory"))
	if err != nil {
		panic(err)
	}
	// The body of PUT admin/directory/v1/users/{userKey}/photos/thumbnail.
	photo := map[string]any{"photoData": res.WebSafeBase64(), "mimeType": "JPEG", "width": res.Width, "height": res.Height}
	fmt.Println(photo["width"], photo["height"], photo["photoData"].(string)[:4])

	fmt.Println((&profileimage.Result{Data: []byte{0xfb, 0xff}}).WebSafeBase64())
	// Output:
	// 64 96 _9j_
	// -_8.
}

func ExampleContentType() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	p := vendors.MustLookup("ringcentral")
	// The multipart part said image/jpeg: the bytes agree.
	_, err = profileimage.Validate(context.Background(), data, p, profileimage.ContentType("image/jpeg"))
	fmt.Println(err)

	// It said image/png: RingCentral answers 415.
	_, err = profileimage.Validate(context.Background(), data, p, profileimage.ContentType("image/png"))
	var e *profileimage.Error
	if errors.As(err, &e) {
		fmt.Println(e.Reason, e.Vendor.Status, e.Vendor.Code)
	}
	// Output:
	// <nil>
	// content-type-mismatch 415 ACT-330
}

func ExampleTrustBytes() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	// A client that labels every upload image/png: the sniffed JPEG wins.
	res, err := profileimage.Normalize(context.Background(), data, vendors.MustLookup("ringcentral"),
		profileimage.ContentType("image/png"), profileimage.TrustBytes())
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Source.Format, res.Format)
	// Output: jpeg jpeg
}

func ExampleWithLimits() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg") // 1800x1200: 2.16 MP
	if err != nil {
		panic(err)
	}
	// A service that takes no upload above 2 MP, whatever the vendor allows.
	caps := profileimage.Limits{MaxPixels: 2_000_000}
	_, err = profileimage.Normalize(context.Background(), data, vendors.MustLookup("smartsheet"), profileimage.WithLimits(caps))
	fmt.Println(errors.Is(err, profileimage.ErrTooManyPixels))
	fmt.Println(profileimage.DefaultLimits().MaxPixels)
	// Output:
	// true
	// 100000000
}

func ExampleHeaderOnly() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	cut := data[:len(data)/2] // an upload cut short: the header is whole
	p := vendors.MustLookup("zoom")
	_, err = profileimage.Validate(context.Background(), cut, p, profileimage.HeaderOnly())
	fmt.Println("header only:", err)
	_, err = profileimage.Validate(context.Background(), cut, p)
	fmt.Println("pixels:", errors.Is(err, profileimage.ErrCorrupt))

	// Normalize must decode the pixels: it cannot honour HeaderOnly.
	_, err = profileimage.Normalize(context.Background(), data, p, profileimage.HeaderOnly())
	fmt.Println(errors.Is(err, profileimage.ErrBadOption))
	// Output:
	// header only: <nil>
	// pixels: true
	// true
}

func ExampleCrop() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg") // 1200x1800 upright
	if err != nil {
		panic(err)
	}
	p := vendors.MustLookup("smartsheet")
	res, err := profileimage.Normalize(context.Background(), data, p, profileimage.Crop(image.Rect(100, 300, 1100, 1300)))
	if err != nil {
		panic(err)
	}
	for _, s := range res.Steps {
		fmt.Println(s)
	}

	// An empty box is no crop at all; Validate makes no image to crop.
	_, err = profileimage.Normalize(context.Background(), data, p, profileimage.Crop(image.Rect(100, 300, 100, 900)))
	fmt.Println(errors.Is(err, profileimage.ErrBadOption))
	_, err = profileimage.Validate(context.Background(), data, p, profileimage.Crop(image.Rect(100, 300, 1100, 1300)))
	fmt.Println(err)
	// Output:
	// oriented (orientation 6)
	// cropped (1000x1000 at (100,300))
	// encoded (jpeg quality 90)
	// true
	// profileimage: bad option: Crop shapes an output, and Validate makes none
}

func ExamplePadColor() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	// Smartsheet pads with white; this caller wants black bars.
	res, err := profileimage.Normalize(context.Background(), data, vendors.MustLookup("smartsheet"),
		profileimage.PadColor(color.Black))
	if err != nil {
		panic(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(res.Data))
	if err != nil {
		panic(err)
	}
	r, g, b, _ := img.At(5, 5).RGBA() // in the left bar
	fmt.Println(res.Width, res.Height, r>>8 < 8 && g>>8 < 8 && b>>8 < 8)
	// Output: 1050 1050 true
}

func ExampleConcurrency() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	p := vendors.MustLookup("smartsheet")
	// A batch job that runs one upload per core: each call on one goroutine.
	one, err := profileimage.Normalize(context.Background(), data, p, profileimage.Concurrency(1))
	if err != nil {
		panic(err)
	}
	all, err := profileimage.Normalize(context.Background(), data, p) // 0: GOMAXPROCS
	if err != nil {
		panic(err)
	}
	fmt.Println(one.Hash == all.Hash)

	_, err = profileimage.Normalize(context.Background(), data, p, profileimage.Concurrency(-1))
	fmt.Println(err)
	// Output:
	// true
	// profileimage: bad option: Concurrency -1: must be 0 (GOMAXPROCS) or more
}

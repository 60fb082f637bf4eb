package profileimage_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/vendors"
)

func ExampleValidate() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	p := vendors.MustLookup("ringcentral")
	info, err := profileimage.Validate(context.Background(), data, p, profileimage.ContentType("image/png"))
	fmt.Println(info.Format, info.Width, info.Height, "orientation", info.Orientation)

	var e *profileimage.Error
	if errors.As(err, &e) {
		fmt.Println(e.Reason, errors.Is(err, profileimage.ErrContentTypeMismatch))
		fmt.Println(e.Vendor.Status, e.Vendor.Code, e.Vendor.Message)
	}
	// Output:
	// jpeg 1800 1200 orientation 6
	// content-type-mismatch true
	// 415 ACT-330 Unsupported image content type
}

func ExampleNormalize() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	res, err := profileimage.Normalize(context.Background(), data, vendors.MustLookup("smartsheet"))
	if err != nil {
		panic(err)
	}
	fmt.Println(res.ContentType, res.Width, res.Height)
	for _, s := range res.Steps {
		fmt.Println(s)
	}
	// Output:
	// image/jpeg 1050 1050
	// oriented (orientation 6)
	// padded (700x1050 inside 1050x1050)
	// scaled (1200x1800 to 700x1050)
	// encoded (jpeg quality 90)
}

func ExampleScale() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	p := vendors.MustLookup("ringcentral")
	res, err := profileimage.Scale(context.Background(), data, p, "90x90")
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Size, res.Format, res.Width, res.Height)

	_, err = profileimage.Scale(context.Background(), data, p, "92")
	var e *profileimage.Error
	if errors.As(err, &e) {
		fmt.Println(e.Vendor.Status, e.Vendor.Code, e.Vendor.Message)
	}
	// Output:
	// 90x90 jpeg 90 90
	// 404 ACT-333 Profile image is not found for scale size [92]
}

func ExampleScaleAll() {
	data, err := os.ReadFile("testdata/Portrait_6.jpg")
	if err != nil {
		panic(err)
	}
	all, err := profileimage.ScaleAll(context.Background(), data, vendors.MustLookup("ringcentral"))
	if err != nil {
		panic(err)
	}
	for _, res := range all {
		fmt.Println(res.Size, res.Width, res.Height)
	}
	// Output:
	// original 1200 1800
	// 90x90 90 90
	// 195x195 195 195
	// 584x584 584 584
}

// A service that serves the scaled sizes answers a GET for a size it does
// not have as the vendor does.
func ExampleReject() {
	e := profileimage.Reject(vendors.MustLookup("ringcentral"), profileimage.ReasonUnknownSize,
		"no scaled size 92", map[string]string{vendors.ParamSize: "92"})
	fmt.Println(e.Vendor.Status, e.Vendor.Code, e.Vendor.Message)
	fmt.Println(errors.Is(e, profileimage.ErrUnknownSize), e)
	// Output:
	// 404 ACT-333 Profile image is not found for scale size [92]
	// true validate: unknown-size: no scaled size 92
}

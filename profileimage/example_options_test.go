package profileimage_test

import (
	"context"
	"errors"
	"fmt"
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
		if s.Op == "padded" || s.Op == "scaled" {
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
		if s.Op == "cropped" {
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

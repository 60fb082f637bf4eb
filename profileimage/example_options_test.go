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

package validate_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"

	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

func pngBytes(w, h int) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)))
	return buf.Bytes()
}

func ExampleInspect() {
	info, err := validate.Inspect(pngBytes(640, 480))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.Format, info.Width, info.Height, info.Orientation, info.ColorModel, info.Frames)

	_, err = validate.Inspect([]byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`))
	fmt.Println(err)
	// Output:
	// png 640 480 1 gray 1
	// validate: unsupported-format: SVG is not a supported format
}

func ExampleInspectReader() {
	info, data, err := validate.InspectReader(bytes.NewReader(pngBytes(64, 64)), 1<<20)
	fmt.Println(info.Format, len(data) == int(info.Bytes), err)
	// Output: png true <nil>
}

func ExampleCheck() {
	info, _ := validate.Inspect(pngBytes(5000, 4000))
	err := validate.Check(info, vendors.MustLookup("ringcentral"), validate.ContentType("image/png"))
	var e *validate.Error
	if errors.As(err, &e) {
		fmt.Println(e.Reason, e.Vendor.Status, e.Vendor.Code, e.Vendor.Message)
	}
	fmt.Println(errors.Is(err, validate.ErrTooManyPixels))
	// Output:
	// too-many-pixels 400 ACT-334 Profile image file is more than 12 megapixel
	// true
}

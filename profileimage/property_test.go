package profileimage

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/profileimage/profileimage/internal/testimage"
	"github.com/profileimage/profileimage/vendors"
)

// upload is one generated input: a small image, encoded, and a profile.
type upload struct {
	data    []byte
	w, h    int
	profile vendors.Profile
	uniform color.NRGBA
}

// genUpload makes PNG or JPEG uploads of a photo or of one colour, for any
// embedded profile whose rules such an image can meet.
func genUpload(uniform bool) gopter.Gen {
	all := vendors.All()
	return gopter.CombineGens(
		gen.IntRange(1, 300), gen.IntRange(1, 300), gen.IntRange(0, len(all)-1),
		gen.UInt8(), gen.UInt8(), gen.UInt8(), gen.Bool(), gen.UInt64(),
	).Map(func(v []any) upload {
		u := upload{w: v[0].(int), h: v[1].(int), profile: all[v[2].(int)]}
		u.uniform = color.NRGBA{v[3].(uint8), v[4].(uint8), v[5].(uint8), 255}
		var img image.Image = testimage.Photo(u.w, u.h, v[7].(uint64))
		if uniform {
			img = testimage.Uniform(u.w, u.h, u.uniform)
		}
		if v[6].(bool) || uniform {
			var buf bytes.Buffer
			_ = png.Encode(&buf, img)
			u.data = buf.Bytes()
		} else {
			u.data = testimage.JPEG(img, 90)
		}
		// Profiles with a minimum size reject small images; a caller's
		// copy without it checks everything else.
		u.profile.MinWidth, u.profile.MinHeight = 0, 0
		return u
	}).WithShrinker(nil)
}

func TestNormalizeProperties(t *testing.T) {
	params := gopter.DefaultTestParameters()
	params.MinSuccessfulTests = 60
	props := gopter.NewProperties(params)
	ctx := context.Background()

	props.Property("output within every limit of the profile", prop.ForAll(func(u upload) bool {
		res, err := Normalize(ctx, u.data, u.profile)
		if err != nil {
			t.Log(err)
			return false
		}
		if v := profileViolation(res, u.profile, vendors.Size{Name: vendors.OriginalSize}); v != "" {
			t.Log(v)
			return false
		}
		return true
	}, genUpload(false)))

	props.Property("a one-colour image stays that colour", prop.ForAll(func(u upload) bool {
		u.profile.Square.Mode = vendors.SquareCrop // no pad colour in the output
		u.profile.Square.Color = ""
		res, err := Normalize(ctx, u.data, u.profile)
		if err != nil {
			return false
		}
		img, _, err := image.Decode(bytes.NewReader(res.Data))
		if err != nil {
			return false
		}
		// JPEG's 4:2:0 chroma and quantisation move a flat colour by a
		// few levels; PNG keeps it exactly.
		tol := 0
		if res.Format == vendors.JPEG {
			tol = 6
		}
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				if absInt(int(c.R)-int(u.uniform.R)) > tol || absInt(int(c.G)-int(u.uniform.G)) > tol || absInt(int(c.B)-int(u.uniform.B)) > tol {
					t.Logf("%s %dx%d: pixel (%d,%d) is %v, want %v", res.Format, u.w, u.h, x, y, c, u.uniform)
					return false
				}
			}
		}
		return true
	}, genUpload(true)))

	props.Property("idempotent: a second pass keeps size and format", prop.ForAll(func(u upload) bool {
		first, err := Normalize(ctx, u.data, u.profile)
		if err != nil {
			return false
		}
		second, err := Normalize(ctx, first.Data, u.profile)
		return err == nil && second.Width == first.Width && second.Height == first.Height && second.Format == first.Format
	}, genUpload(false)))

	props.TestingRun(t)
}

func absInt(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

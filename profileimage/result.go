package profileimage

import (
	"crypto/sha256"
	"encoding/hex"
)

// Result is one image made right for a vendor.
type Result struct {
	// Data is the encoded image. It carries no metadata at all (no EXIF,
	// GPS, XMP, ICC profile, thumbnail or comment).
	Data []byte
	// Format and ContentType name Data's format.
	Format      Format
	ContentType string
	// Width and Height are the image's dimensions.
	Width, Height int
	// Size is the name of the profile size this is ([OriginalSize] for
	// Normalize).
	Size string
	// Hash is the hex SHA-256 of Data, usable as an ETag or an image id.
	Hash string
	// Source describes the upload the image was made from.
	Source Info
	// Steps lists what was done, in order.
	Steps []Step
}

// Step is one thing Normalize or Scale did to an image.
type Step struct {
	// Op says what was done.
	Op StepOp
	// Detail says how, for example "orientation 6" or "jpeg quality 85".
	// Its wording is for people and may change.
	Detail string
}

// String returns the step as "op (detail)".
func (s Step) String() string { return string(s.Op) + " (" + s.Detail + ")" }

// StepOp names what a [Step] did. The names are a public contract, as the
// command line prints them. Result.Steps lists the steps in the order they
// were done; a colour conversion may come before or after the resample
// (it is made where it costs least), and OpEncoded is always last.
type StepOp string

// The steps.
const (
	// OpDecoded: a JPEG was decoded at 1/2, 1/4 or 1/8 of its size,
	// straight from its DCT coefficients, since every output is that much
	// smaller (Detail "at 1/8 size"). Absent for a full-size decode.
	OpDecoded StepOp = "decoded"
	// OpFirstFrame: an animation was reduced to its first frame.
	OpFirstFrame StepOp = "first-frame"
	// OpConverted: the colours were converted to sRGB, from the upload's
	// embedded profile (or as FOGRA39 for CMYK without one).
	OpConverted StepOp = "converted"
	// OpProfileIgnored: a colour profile could not be used; Detail says
	// why. Never a rejection.
	OpProfileIgnored StepOp = "profile-ignored"
	// OpOriented: the EXIF orientation was applied.
	OpOriented StepOp = "oriented"
	// OpCropped: part of the image was cut away (a square crop, a named
	// size's aspect ratio, the caller's Crop).
	OpCropped StepOp = "cropped"
	// OpPadded: the image was placed inside a larger canvas of the pad
	// colour.
	OpPadded StepOp = "padded"
	// OpScaled: the image was resampled to another size.
	OpScaled StepOp = "scaled"
	// OpFlattened: transparency was composited onto the pad colour, for
	// an output format without alpha.
	OpFlattened StepOp = "flattened"
	// OpEncoded: the image was written; always the last step.
	OpEncoded StepOp = "encoded"
)

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

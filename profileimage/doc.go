// Package profileimage is the facade of the library: bytes that a person
// uploaded go in, together with the vendor profile of the service they are
// for; out comes either a typed rejection carrying that service's own error or
// an image that satisfies every rule of the service, plus its scaled copies.
//
// [Validate] answers whether the vendor takes the upload as it is,
// [Normalize] makes it right for the vendor, [Scale] and [ScaleAll] make
// the vendor's scaled sizes. Each takes [Option] values, checked when they
// are applied. A rejection is an *[Error] with a [Reason], a sentinel for
// errors.Is ([ErrTooManyPixels], ...) and the vendor's own status, code and
// message; an image made is a [Result], in a [Format], with the steps
// ([Step]) that made it. All of these are in this package; the profiles
// come from package vendors (vendors.MustLookup("zoom"), or vendors.Parse
// for a profile of your own).
package profileimage

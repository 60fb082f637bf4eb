// Package vendors holds what each service accepts for a user's profile image
// and what it does with it, as data: one [Profile] per vendor, embedded from
// JSON files in data/ and cited to the vendor's own documentation.
//
// Code elsewhere in the library never names a vendor; it reads a Profile.
// [Lookup] and [All] return copies of the embedded profiles, so no caller can
// change the rules another caller sees. [Parse] reads a caller's own profile
// with the same strict checks that the embedded ones pass at test time.
//
// Every rejection has a vendor-neutral [Reason] (the public contract used by
// callers and by the command line's JSON) and, through
// [Profile.VendorError], the vendor's own HTTP status, code and message for
// it. Messages keep the vendor's wording and placeholders;
// [VendorError.Filled] fills them.
//
// Package vendors does not inspect or change images.
package vendors

// Package icc reads ICC colour profiles (versions 2 and 4) and converts
// pixels described by them to sRGB.
//
// [Parse] reads the header, the tag table, the description (desc or
// mluc), the media white point (wtpt), the adaptation matrix (chad), the
// matrix/TRC tags (rXYZ gXYZ bXYZ, rTRC gTRC bTRC, kTRC for gray) with
// their curv (gamma or table) and para (types 0 to 4) curves, and the LUT
// tags A2B0 and A2B1 as mft1, mft2 or mAB (curves, matrix and a CLUT of up
// to four inputs). Every count and offset is checked against the profile's
// bytes before it is used, and nothing is copied out of them except what a
// conversion precomputes, so that a hostile profile costs at most a pass
// over its own bytes.
//
// [New] builds a [Transform] to sRGB with the relative colorimetric intent
// (libvips' and lcms' default) through the D50 profile connection space:
// matrix/TRC profiles become three per-channel lookup tables and one 3x3
// fixed-point matrix; LUT profiles are sampled once onto a grid that is
// interpolated tetrahedrally per pixel; gray profiles become one table.
package icc

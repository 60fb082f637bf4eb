// Package fuzz holds the fuzz targets for every entry point of the library
// that reads untrusted bytes. Each target is seeded from real images and
// checks invariants, not only the absence of panics. Run one with
//
//	go test -run=none -fuzz='^FuzzInspect$' -fuzztime=30s ./fuzz
package fuzz

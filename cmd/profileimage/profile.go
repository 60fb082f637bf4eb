package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/profileimage/profileimage/vendors"
)

// chooseProfile is the profile of a command that takes one: the embedded
// profile named by -vendor or the caller's profile in the -profile file,
// exactly one of the two.
func chooseProfile(name, file string) (vendors.Profile, error) {
	switch {
	case name != "" && file != "":
		return vendors.Profile{}, fmt.Errorf("-vendor and -profile are mutually exclusive: give one")
	case file != "":
		return loadProfile(file)
	}
	p, ok := vendors.Lookup(name)
	if !ok {
		return vendors.Profile{}, fmt.Errorf("-vendor must be one of: %s (or give -profile FILE.json)", strings.Join(vendors.Names(), ", "))
	}
	return p, nil
}

// loadProfile reads a caller's profile from a JSON file, with the strict
// checks of [vendors.Parse]: a malformed profile is an error naming the
// file and the offending field.
func loadProfile(file string) (vendors.Profile, error) {
	f, err := os.Open(file)
	if err != nil {
		return vendors.Profile{}, err
	}
	defer f.Close()
	p, err := vendors.Parse(f)
	if err != nil {
		return vendors.Profile{}, fmt.Errorf("%s: %w", file, err)
	}
	return p, nil
}

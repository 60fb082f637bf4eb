package vendors

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

//go:embed data/*.json
var dataFS embed.FS

// embedded parses every profile in data/ once. The slice is sorted by name
// and never handed out: callers get deep copies. Its error is nil in every
// build whose tests pass; [Lookup] and [All] treat a failure as "no
// profiles".
var embedded = sync.OnceValues(func() ([]Profile, error) {
	files, err := fs.Glob(dataFS, "data/*.json")
	if err != nil {
		return nil, err
	}
	var all []Profile
	for _, file := range files {
		data, err := dataFS.ReadFile(file)
		if err != nil {
			return nil, err
		}
		p, err := Parse(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if want := strings.TrimSuffix(path.Base(file), ".json"); p.Name != want {
			return nil, fmt.Errorf("%s: profile is named %q, want %q", file, p.Name, want)
		}
		all = append(all, p)
	}
	slices.SortFunc(all, func(a, b Profile) int { return strings.Compare(a.Name, b.Name) })
	return all, nil
})

// Lookup returns a copy of the embedded profile with the given name, such
// as "ringcentral", "zoom" or "smartsheet".
func Lookup(name string) (Profile, bool) {
	all, _ := embedded()
	i := slices.IndexFunc(all, func(p Profile) bool { return p.Name == name })
	if i < 0 {
		return Profile{}, false
	}
	return all[i].clone(), true
}

// MustLookup is like [Lookup] but panics when there is no such profile. It
// is meant for program initialisation with a constant name.
func MustLookup(name string) Profile {
	p, ok := Lookup(name)
	if !ok {
		panic("vendors: no profile named " + name)
	}
	return p
}

// All returns copies of every embedded profile, sorted by name.
func All() []Profile {
	all, _ := embedded()
	out := make([]Profile, len(all))
	for i, p := range all {
		out[i] = p.clone()
	}
	return out
}

// Names returns the names of the embedded profiles, sorted.
func Names() []string {
	all, _ := embedded()
	names := make([]string, len(all))
	for i, p := range all {
		names[i] = p.Name
	}
	return names
}

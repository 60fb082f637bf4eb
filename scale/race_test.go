//go:build race

package scale_test

// raceEnabled: the race detector makes sync.Pool drop items on purpose, so
// pooled scratch is allocated again and allocation counts do not hold.
const raceEnabled = true

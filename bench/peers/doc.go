// Package peers benchmarks the library's resampler side by side with the
// pure-Go peer libraries on the same jobs, in a module of its own so that
// the library's go.mod stays free of them. Run
//
//	go test -run=none -bench=. -count=6 -cpu=1,2 . > new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest -col /impl new.txt
//
// TestPeersPSNR prints every implementation's PSNR against the float64
// Lanczos3 reference of scale/scaletest.
package peers

// Package bench holds the benchmarks of the library's hot paths on realistic
// inputs. It has no exported API; run it with
//
//	go test -run=none -bench=. -benchmem ./bench
//
// The comparison with peer libraries lives in bench/peers, a separate Go
// module, so that the library's own go.mod stays free of them.
package bench

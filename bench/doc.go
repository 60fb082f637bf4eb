// Package bench holds the benchmarks of the library's hot paths on realistic
// inputs. Its only exported names are the jobs and inputs it shares with
// bench/peers, so that both time exactly the same work. Run it with
//
//	go test -run=none -bench=. -benchmem ./bench
//
// The comparison with peer libraries lives in bench/peers, a separate Go
// module, so that the library's own go.mod stays free of them.
package bench

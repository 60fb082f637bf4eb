package jpeg

// OnParallel has f told, after each parallel decode, how many of its
// chunks of restart intervals were taken; the returned func undoes it.
func OnParallel(f func(taken, chunks int)) (restore func()) {
	parallelHook = f
	return func() { parallelHook = nil }
}

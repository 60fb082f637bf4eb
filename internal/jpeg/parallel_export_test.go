package jpeg

// OnParallel has f told, after each parallel decode, how many of its
// chunks of restart intervals were taken; the returned func undoes it.
func OnParallel(f func(taken, chunks int)) (restore func()) {
	parallelHook = f
	return func() { parallelHook = nil }
}

// OnSplit has f told, at the end of each scan decoded with a scout
// (split.go), whether the scout's work was used, and with wait the
// serial decode waits for the scout before its first MCU, so that they
// meet whatever the scheduling; the returned func undoes it.
func OnSplit(f func(joined bool), wait bool) (restore func()) {
	splitHook, splitWait = f, wait
	return func() { splitHook, splitWait = nil, false }
}

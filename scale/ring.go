package scale

// ringWindow tracks which box rows a band's ring of horizontally resampled
// rows holds: rows [lo, next), row r in slot r%size.
//
// The window of source rows that an output row reads usually moves forward,
// but not always: an output row that falls exactly on a source row may read
// that row alone (the kernel is zero at the other integers, and the zero
// weights are trimmed) and the next output row start before it. So the ring
// is refilled from scratch whenever a window starts before the rows it
// holds; refilling gives the same values, so bands never change pixels.
type ringWindow struct{ lo, next, size int }

// need returns the rows [from, to) to resample into the ring so that it
// holds rows [ys, ys+yc), with yc at most size.
func (w *ringWindow) need(ys, yc int) (from, to int) {
	if ys < w.lo || ys > w.next {
		w.lo, w.next = ys, ys
	}
	from, to = w.next, max(w.next, ys+yc)
	w.next = to
	w.lo = max(w.lo, to-w.size)
	return from, to
}

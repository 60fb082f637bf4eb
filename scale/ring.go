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
//
// The horizontal passes are fastest on rowBatch rows at a time, so the
// ring reads ahead: it resamples whole batches of rows, up to rowBatch-1
// rows beyond those the output row reads (never beyond limit, the number
// of box rows), and has rowBatch-1 slots more than an output row reads.
type ringWindow struct{ lo, next, size, limit int }

// rowBatch is how many rows the ring resamples at a time when it can (see
// hsums4).
const rowBatch = 4

// ringSlots returns the slots of a ring whose output rows read at most
// most rows.
func ringSlots(most int) int { return most + rowBatch - 1 }

// need returns the rows [from, to) to resample into the ring so that it
// holds rows [ys, ys+yc), with yc at most size-(rowBatch-1).
func (w *ringWindow) need(ys, yc int) (from, to int) {
	if ys < w.lo || ys > w.next {
		w.lo, w.next = ys, ys
	}
	from, to = w.next, max(w.next, ys+yc)
	if to > from {
		to = min(from+(to-from+rowBatch-1)/rowBatch*rowBatch, max(to, w.limit))
	}
	w.next = to
	w.lo = max(w.lo, to-w.size)
	return from, to
}

// rows is the loop of every band, whatever its samples: for each output
// row ty in [t0, t1) of the stored y axis, it makes the ring hold the box
// rows the row reads (waiting for them while the source arrives),
// resampling the missing box rows [from, to) along x into ring slots
// r%ringRows with hrows, then has vrow combine rows [ys, ys+yc) of the ring down y into
// output row ty and place it. stop is asked every 32 rows.
func (p *planePlan) rows(t0, t1 int, arrive arrival, stop func() error,
	hrows func(from, to int), vrow func(ty, ys, yc int)) error {
	win := ringWindow{size: p.ringRows, limit: p.y.blocks}
	for ty := t0; ty < t1; ty++ {
		if (ty-t0)&31 == 31 {
			if err := stop(); err != nil {
				return err
			}
		}
		ys, yc := int(p.y.start[ty]), int(p.y.count[ty])
		from, to := win.need(ys, yc)
		if err := arrive.wait(p, to); err != nil {
			return err
		}
		if from < to {
			hrows(from, to)
		}
		vrow(ty, ys, yc)
	}
	return nil
}

package orient

import (
	"testing"

	"github.com/profileimage/profileimage/internal/orient/orienttest"
)

func TestStoredIsTheTable(t *testing.T) {
	for exif := 0; exif <= 8; exif++ {
		o, ok := Of(exif)
		if !ok {
			t.Fatalf("Of(%d) refused", exif)
		}
		for _, s := range [][2]int{{1, 1}, {5, 3}, {4, 7}} {
			W, H := s[0], s[1]
			ow, oh := o.Size(W, H)
			seen := map[[2]int]bool{}
			for y := range oh {
				for x := range ow {
					sx, sy := o.Stored(x, y, W, H)
					if wx, wy := orienttest.Table(exif, x, y, W, H); sx != wx || sy != wy {
						t.Errorf("orientation %d, %dx%d, (%d,%d): stored (%d,%d), the table says (%d,%d)", exif, W, H, x, y, sx, sy, wx, wy)
					}
					seen[[2]int{sx, sy}] = true
				}
			}
			if len(seen) != W*H {
				t.Errorf("orientation %d, %dx%d: %d stored pixels reached, want all %d", exif, W, H, len(seen), W*H)
			}
		}
	}
	for _, bad := range []int{-1, 9} {
		if _, ok := Of(bad); ok {
			t.Errorf("Of(%d) accepted", bad)
		}
	}
}

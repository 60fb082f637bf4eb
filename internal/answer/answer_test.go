package answer

import (
	"testing"

	"github.com/profileimage/profileimage/vendors"
)

func TestFor(t *testing.T) {
	p := vendors.MustLookup("ringcentral")
	e := For(p, vendors.ReasonUnknownSize, "no scaled size 92", "", "", map[string]string{vendors.ParamSize: "92"})
	if e.Status != 404 || e.Code != "ACT-333" || e.Message != "Profile image is not found for scale size [92]" || e.Fill != nil {
		t.Errorf("unknown size: %+v", e)
	}
}

package profileimage

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// TestWebSafeBase64Examples checks the encoding against Google's rules for
// UserPhoto.photoData applied by hand to RFC 4648's test vectors and to
// bytes whose standard Base64 has every character the rules replace.
func TestWebSafeBase64Examples(t *testing.T) {
	for _, c := range []struct {
		data []byte
		std  string // RFC 4648 Base64, for the reader
		want string // "/" -> "_", "+" -> "-", each padding "=" -> "."
	}{
		{nil, "", ""},
		{[]byte("f"), "Zg==", "Zg.."},
		{[]byte("fo"), "Zm8=", "Zm8."},
		{[]byte("foo"), "Zm9v", "Zm9v"},
		{[]byte("foob"), "Zm9vYg==", "Zm9vYg.."},
		{[]byte("fooba"), "Zm9vYmE=", "Zm9vYmE."},
		{[]byte("foobar"), "Zm9vYmFy", "Zm9vYmFy"},
		{[]byte{0xfb, 0xef, 0xbe}, "++++", "----"},
		{[]byte{0xff, 0xff, 0xff}, "////", "____"},
		{[]byte{0xfb, 0xff}, "+/8=", "-_8."},
		{[]byte{0xff, 0xd8, 0xff, 0xe0}, "/9j/4A==", "_9j_4A.."}, // a JPEG's first bytes
	} {
		res := &Result{Data: c.data}
		if got := res.WebSafeBase64(); got != c.want {
			t.Errorf("%x (standard %s): got %q, want %q", c.data, c.std, got, c.want)
		}
		if std := base64.StdEncoding.EncodeToString(c.data); std != c.std {
			t.Fatalf("the table's standard Base64 of %x is wrong: %s, not %s", c.data, c.std, std)
		}
	}
	var none *Result
	if got := none.WebSafeBase64(); got != "" {
		t.Errorf("nil Result: got %q", got)
	}
}

// TestWebSafeBase64Property checks that undoing the documented replacements
// gives the standard Base64 of the data, for any data.
func TestWebSafeBase64Property(t *testing.T) {
	undo := strings.NewReplacer("_", "/", "-", "+", ".", "=")
	props := gopter.NewProperties(gopter.DefaultTestParameters())
	props.Property("web-safe is standard Base64 with three characters replaced", prop.ForAll(func(data []byte) bool {
		got := (&Result{Data: data}).WebSafeBase64()
		return !strings.ContainsAny(got, "+/=") && undo.Replace(got) == base64.StdEncoding.EncodeToString(data)
	}, gen.SliceOf(gen.UInt8())))
	props.TestingRun(t)
}

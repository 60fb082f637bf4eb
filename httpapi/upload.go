package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// upload answers an upload or update: the body is read within the byte
// limit, the image is judged as the vendor would (Validate), normalized
// and scaled (ScaleAll) once there is memory for its pixels, and every
// size is stored.
func (a *api) upload(w http.ResponseWriter, r *http.Request, e vendors.HTTPEndpoint, ids []string, values map[string]string) {
	ctx := r.Context()
	limit := a.bodyLimit()
	if r.ContentLength > limit {
		a.fail(w, a.tooManyBytes(strconv.FormatInt(r.ContentLength, 10)+" bytes"))
		return
	}
	adm := a.svc.admission
	reserved := min(limit, adm.bodies.size)
	if r.ContentLength >= 0 {
		reserved = min(r.ContentLength, reserved)
	}
	if err := adm.bodies.acquire(ctx, reserved, adm.wait); err != nil {
		discardBody(r, limit)
		a.busy(w)
		return
	}
	defer func() { adm.bodies.release(reserved) }()

	r.Body = http.MaxBytesReader(w, r.Body, limit)
	data, declared, rejection := a.readImage(r)
	if rejection != nil {
		a.fail(w, *rejection)
		return
	}
	if n := int64(cap(data)); n < reserved { // hand back what the body did not need
		adm.bodies.release(reserved - n)
		reserved = n
	}

	opts := append(slices.Clone(a.svc.options), profileimage.ContentType(declared))
	info, err := profileimage.Validate(ctx, data, a.p, opts...)
	if err != nil {
		a.failUpload(w, err)
		return
	}
	cost := decodeCost(info, a.p)
	if cost > adm.pixels.size {
		a.fail(w, profileimage.Reject(a.p, vendors.ReasonTooManyPixels,
			fmt.Sprintf("%dx%d needs more memory than this server admits for one upload", info.Width, info.Height),
			map[string]string{vendors.ParamValue: fmt.Sprintf("%dx%d", info.OrientedWidth, info.OrientedHeight)}).Vendor)
		return
	}
	if err := adm.pixels.acquire(ctx, cost, adm.wait); err != nil {
		a.busy(w)
		return
	}
	results, err := profileimage.ScaleAll(ctx, data, a.p, opts...)
	adm.pixels.release(cost) // the decoded pixels are freed; the encoded outputs held until stored are not counted
	if err != nil {
		a.failUpload(w, err)
		return
	}
	original := results[0]
	for _, res := range results {
		if res.Size == vendors.OriginalSize {
			original = res
		}
	}
	// The original last: a reader that finds the new original finds the
	// new scaled sizes too.
	slices.SortStableFunc(results, func(x, y *profileimage.Result) int {
		return boolRank(x == original) - boolRank(y == original)
	})
	if err := a.svc.writes.lock(ctx, a.key(ids, "")); err != nil {
		a.busy(w)
		return
	}
	defer a.svc.writes.unlock(a.key(ids, ""))
	for _, res := range results {
		obj := Object{Data: res.Data, ContentType: res.ContentType, Hash: res.Hash}
		if err := a.svc.store.Put(ctx, a.key(ids, res.Size), obj); err != nil {
			a.storeFailed(ctx, w, err)
			return
		}
	}
	vars := map[string]any{
		vendors.VarImageID: original.Hash, vendors.VarWidth: original.Width, vendors.VarHeight: original.Height,
		vendors.VarContentType: original.ContentType,
	}
	for k, v := range values {
		vars[k] = v
	}
	a.succeed(w, e, vars)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// failUpload answers an error of Validate or ScaleAll: the vendor's own
// answer for a rejection, 503 when the client went away or the work was
// cut short, 500 otherwise.
func (a *api) failUpload(w http.ResponseWriter, err error) {
	var e *validate.Error
	switch {
	case errors.As(err, &e):
		a.fail(w, e.Vendor)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		a.busy(w)
	default:
		a.internal(w, fmt.Errorf("%s: %w", a.p.Name, err))
	}
}

func (a *api) storeFailed(ctx context.Context, w http.ResponseWriter, err error) {
	if ctx.Err() != nil {
		a.busy(w)
		return
	}
	a.internal(w, fmt.Errorf("%s: storing: %w", a.p.Name, err))
}

// readImage reads the image and its declared media type from the body, as
// the profile's upload says it arrives. A body it cannot take is answered
// with the returned vendor error.
func (a *api) readImage(r *http.Request) ([]byte, string, *vendors.VendorError) {
	up := a.p.HTTP.Upload
	if up.Body == vendors.BodyRaw {
		data, err := a.readAtMost(r.Body, r.ContentLength)
		if err != nil {
			return nil, "", a.bodyError(err)
		}
		return data, r.Header.Get("Content-Type"), nil
	}
	invalid := func(format string, args ...any) *vendors.VendorError {
		e := profileimage.Reject(a.p, up.Invalid, fmt.Sprintf(format, args...), nil).Vendor
		return &e
	}
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/form-data" || params["boundary"] == "" {
		return nil, "", invalid("the body is not multipart/form-data")
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var (
		data     []byte
		declared string
		found    bool
	)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", a.bodyError(err)
		}
		if name := part.FormName(); name != up.Part || found {
			part.Close()
			return nil, "", invalid("the form has a part %q besides the one part %q", shorten(name), up.Part)
		}
		found = true
		declared = part.Header.Get("Content-Type")
		data, err = a.readAtMost(part, r.ContentLength)
		part.Close()
		if err != nil {
			return nil, "", a.bodyError(err)
		}
	}
	if !found {
		return nil, "", invalid("the form has no part %q", up.Part)
	}
	return data, declared, nil
}

// errOverCap: an image longer than the byte cap.
var errOverCap = errors.New("httpapi: the image is over the byte cap")

// readAtMost reads all of r unless it holds more than the byte cap. hint,
// the body's length when known, sizes the buffer once; without it the
// buffer starts small and doubles.
func (a *api) readAtMost(r io.Reader, hint int64) ([]byte, error) {
	n := a.byteCap + 1 // one byte more tells a body over the cap
	size := int64(64 << 10)
	if hint >= 0 {
		size = hint + 1 // room for the read that finds the end
	}
	buf := make([]byte, 0, min(size, n))
	lr := io.LimitReader(r, n)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, int(min(int64(cap(buf)), n-int64(len(buf)))))
		}
		m, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > a.byteCap {
		return nil, errOverCap
	}
	return buf, nil
}

// Answers for a body that did not arrive whole, which no vendor documents.
var (
	bodyTimeout = vendors.VendorError{Status: http.StatusRequestTimeout, Message: "The request body did not arrive in time.", Generic: true}
)

// bodyError is the answer for an error reading the body: the vendor's
// too-many-bytes answer past the limit, 408 when the read timed out, and
// the vendor's corrupt answer for a body cut short or malformed.
func (a *api) bodyError(err error) *vendors.VendorError {
	var e vendors.VendorError
	var tooLarge *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.Is(err, errOverCap) || errors.As(err, &tooLarge):
		e = a.tooManyBytes("more than " + strconv.FormatInt(a.byteCap, 10) + " bytes")
	case errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()):
		e = bodyTimeout
	default:
		e = profileimage.Reject(a.p, vendors.ReasonCorrupt, "the request body is malformed: "+err.Error(), nil).Vendor
	}
	return &e
}

// tooManyBytes is the vendor's answer for an upload over the byte cap;
// value is its size as far as it is known.
func (a *api) tooManyBytes(value string) vendors.VendorError {
	limit := strconv.FormatInt(a.byteCap, 10) + " bytes"
	return profileimage.Reject(a.p, vendors.ReasonTooManyBytes, value+", more than the limit of "+limit,
		map[string]string{vendors.ParamValue: value, vendors.ParamLimit: limit}).Vendor
}

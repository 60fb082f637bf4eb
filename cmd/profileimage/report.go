package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/validate"
)

// report is one file's verdict, printed as one JSON object with -json.
type report struct {
	OK      bool         `json:"ok"`
	File    string       `json:"file,omitempty"`
	Info    *infoJSON    `json:"info,omitempty"`
	Error   *errorJSON   `json:"error,omitempty"`
	Outputs []outputJSON `json:"outputs,omitempty"`
}

type infoJSON struct {
	Format      string `json:"format"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	Orientation int    `json:"orientation"`
	Frames      int    `json:"frames"`
	Bytes       int64  `json:"bytes"`
	// ColorProfile names the embedded colour profile, if any.
	ColorProfile string `json:"colorProfile,omitempty"`
}

type errorJSON struct {
	Reason  string `json:"reason,omitempty"`
	Detail  string `json:"detail"`
	Status  int    `json:"status,omitempty"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
}

type outputJSON struct {
	Path   string `json:"path"`
	Size   string `json:"size"`
	Format string `json:"format"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
}

func newReport(file string, info validate.Info, err error) *report {
	r := &report{OK: err == nil, File: file}
	if info.Format != "" {
		r.Info = &infoJSON{string(info.Format), info.Width, info.Height, info.Orientation, info.Frames, info.Bytes, colorProfile(info.ColorProfile)}
	}
	var ve *validate.Error
	switch {
	case errors.As(err, &ve):
		r.Error = &errorJSON{string(ve.Reason), ve.Detail, ve.Vendor.Status, ve.Vendor.Code, ve.Vendor.Message}
	case err != nil:
		r.Error = &errorJSON{Detail: err.Error()}
	}
	return r
}

func (r *report) add(path string, res *profileimage.Result) {
	r.Outputs = append(r.Outputs, outputJSON{path, res.Size, string(res.Format), res.Width, res.Height, len(res.Data), res.Hash})
	if r.Info == nil {
		r.Info = newReport("", res.Source, nil).Info
	}
}

// exitCode is 0 for an accepted file, 1 for a rejection by the vendor's
// rules and 2 for anything else (I/O, usage).
func (r *report) exitCode() int {
	switch {
	case r.OK:
		return exitOK
	case r.Error.Reason != "":
		return exitRejected
	}
	return exitUsage
}

// print writes r as one JSON line, or as text for a person.
func (r *report) print(w io.Writer, asJSON bool) {
	if asJSON {
		data, _ := json.Marshal(r)
		fmt.Fprintf(w, "%s\n", data)
		return
	}
	name := r.File
	if name == "" {
		name = "input"
	}
	if r.Info != nil {
		i := r.Info
		fmt.Fprintf(w, "%s: %s %dx%d, orientation %d, %d frame(s), %d bytes", name, i.Format, i.Width, i.Height, i.Orientation, i.Frames, i.Bytes)
		if i.ColorProfile != "" {
			fmt.Fprintf(w, ", colour profile %s", i.ColorProfile)
		}
		fmt.Fprintln(w)
	}
	if e := r.Error; e != nil {
		if e.Reason == "" {
			fmt.Fprintf(w, "%s: error: %s\n", name, e.Detail)
			return
		}
		fmt.Fprintf(w, "%s: rejected: %s: %s\n  vendor answers %d %s %q\n", name, e.Reason, e.Detail, e.Status, e.Code, e.Message)
		return
	}
	for _, o := range r.Outputs {
		fmt.Fprintf(w, "  %s -> %s: %s %dx%d, %d bytes, sha256 %s\n", o.Size, o.Path, o.Format, o.Width, o.Height, o.Bytes, o.SHA256[:16])
	}
	if len(r.Outputs) == 0 {
		fmt.Fprintf(w, "%s: ok\n", name)
	}
}

// colorProfile describes an embedded colour profile for a person:
// `"Display P3" (RGB display 4.3)`, or "" when there is none.
func colorProfile(cp validate.ColorProfile) string {
	switch {
	case cp.Source == "":
		return ""
	case cp.Err != nil:
		return "unusable (" + cp.Err.Error() + ")"
	case cp.Source == "png":
		return cp.Name + " (PNG chunks)"
	}
	return strings.TrimSpace(fmt.Sprintf("%q (%s %s %s)", cp.Name, cp.Space, cp.Class, cp.Version))
}

// stepsLine describes what was done to make a result, for a person.
func stepsLine(res *profileimage.Result) string {
	parts := make([]string, len(res.Steps))
	for i, s := range res.Steps {
		parts[i] = s.String()
	}
	return strings.Join(parts, ", ")
}

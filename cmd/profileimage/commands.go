package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// flags is the set of flags every command shares, parsed from args.
type flags struct {
	fs          *flag.FlagSet
	json        bool
	vendor      string
	profile     string
	contentType string
	headerOnly  bool
	out         string
	size        string
	all         bool
}

func (e *env) parse(name string, args []string, setup func(*flags)) (*flags, []string, bool) {
	f := &flags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	f.fs.SetOutput(e.stderr)
	f.fs.BoolVar(&f.json, "json", false, "print one JSON object per file")
	if setup != nil {
		setup(f)
	}
	if err := f.fs.Parse(args); err != nil {
		return nil, nil, false
	}
	return f, f.fs.Args(), true
}

func withOutput(f *flags) {
	f.fs.StringVar(&f.out, "o", "", "output `path`: a file, - for standard output, or a directory")
}

// parseProfile is parse for the commands that take a profile, by -vendor
// NAME or -profile FILE.json: it also finds or reads the profile, and
// reports on standard error when there is none or it is malformed.
func (e *env) parseProfile(name string, args []string, setup func(*flags)) (*flags, []string, vendors.Profile, bool) {
	f, files, ok := e.parse(name, args, func(f *flags) {
		f.fs.StringVar(&f.vendor, "vendor", "", "embedded vendor profile `name` (see: profileimage vendors)")
		f.fs.StringVar(&f.profile, "profile", "", "the caller's own profile, read from `FILE.json` (instead of -vendor)")
		if setup != nil {
			setup(f)
		}
	})
	if !ok {
		return nil, nil, vendors.Profile{}, false
	}
	p, err := chooseProfile(f.vendor, f.profile)
	if err != nil {
		fmt.Fprintf(e.stderr, "profileimage: %v\n", err)
		return nil, nil, vendors.Profile{}, false
	}
	return f, files, p, true
}

func (e *env) usageError(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "profileimage: "+format+"\n", args...)
	return exitUsage
}

func (e *env) vendors(args []string) int {
	f, rest, ok := e.parse("vendors", args, nil)
	if !ok || len(rest) > 0 {
		return exitUsage
	}
	all := vendors.All()
	if f.json {
		data, _ := json.Marshal(map[string]any{"ok": true, "vendors": all})
		fmt.Fprintf(e.stdout, "%s\n", data)
		return exitOK
	}
	for _, p := range all {
		fmt.Fprintf(e.stdout, "%s: %s\n", p.Name, p.Title)
		fmt.Fprintf(e.stdout, "  accepts %v; max bytes %s; max pixels %s; dimensions %s\n",
			p.Accept, limit(p.MaxBytes), limit(p.MaxPixels), dimensionRule(p))
		fmt.Fprintf(e.stdout, "  output %v, square %s, fit %s; sizes %s\n",
			p.Output.Formats, p.Square.Mode, fitRule(p.Fit), strings.Join(p.SizeNames(), ", "))
	}
	return exitOK
}

func limit(n int64) string {
	if n == 0 {
		return "none"
	}
	return fmt.Sprint(n)
}

func dimensionRule(p vendors.Profile) string {
	if p.MinWidth == 0 && p.MinHeight == 0 && p.MaxWidth == 0 && p.MaxHeight == 0 {
		return "any"
	}
	return fmt.Sprintf("%dx%d to %dx%d (0 = none)", p.MinWidth, p.MinHeight, p.MaxWidth, p.MaxHeight)
}

func fitRule(f vendors.Fit) string {
	if f.MaxWidth == 0 && f.MaxHeight == 0 {
		return "none"
	}
	s := fmt.Sprintf("%dx%d", f.MaxWidth, f.MaxHeight)
	if f.Enlarge {
		s += " (enlarge)"
	}
	return s
}

func (e *env) inspect(args []string) int {
	f, files, ok := e.parse("inspect", args, nil)
	if !ok {
		return exitUsage
	}
	if len(files) != 1 {
		return e.usageError("inspect takes one FILE")
	}
	u, err := e.read(files[0])
	if err == nil {
		err = u.err
	}
	r := newReport(files[0], u.info, err)
	r.print(e.stdout, f.json)
	return r.exitCode()
}

func (e *env) validate(args []string) int {
	f, files, p, ok := e.parseProfile("validate", args, func(f *flags) {
		f.fs.StringVar(&f.contentType, "content-type", "", "the declared media `type` of the upload")
		f.fs.BoolVar(&f.headerOnly, "header-only", false, "judge from the header alone, without decoding the pixels")
	})
	if !ok {
		return exitUsage
	}
	if len(files) != 1 {
		return e.usageError("validate takes one FILE")
	}
	var opts []profileimage.Option
	if f.contentType != "" {
		opts = append(opts, profileimage.ContentType(f.contentType))
	}
	if f.headerOnly {
		opts = append(opts, profileimage.HeaderOnly())
	}
	u, err := e.read(files[0])
	var info validate.Info
	if err == nil {
		info, err = profileimage.Validate(e.ctx, u.data, p, opts...)
	}
	r := newReport(files[0], info, err)
	r.print(e.stdout, f.json)
	return r.exitCode()
}

func (e *env) normalize(args []string) int {
	f, files, p, ok := e.parseProfile("normalize", args, withOutput)
	switch {
	case !ok:
		return exitUsage
	case len(files) == 0 || f.out == "":
		return e.usageError("normalize needs -o OUT and at least one FILE")
	case len(files) > 1 && f.out == "-":
		return e.usageError("-o - takes one FILE; give a directory for several")
	}
	dirMode := len(files) > 1 || isDir(f.out)
	if dirMode {
		if err := os.MkdirAll(f.out, 0o755); err != nil {
			return e.usageError("%v", err)
		}
	}
	concurrency := 0
	if len(files) > 1 {
		concurrency = 1 // files run in parallel; each uses one core
	}
	return e.each(files, f.json, e.reportWriter(f), func(file string) *report {
		u, err := e.read(file)
		if err != nil {
			return newReport(file, validate.Info{}, err)
		}
		res, err := profileimage.Normalize(e.ctx, u.data, p, profileimage.Concurrency(concurrency))
		if err != nil {
			return newReport(file, u.info, err)
		}
		path := f.out
		if dirMode {
			path = filepath.Join(f.out, baseName(file)+"."+extension(res.Format))
		}
		return e.write(file, path, res)
	})
}

func (e *env) scale(args []string) int {
	f, files, p, ok := e.parseProfile("scale", args, func(f *flags) {
		withOutput(f)
		f.fs.StringVar(&f.size, "size", "", "the vendor's size `name`, such as 90x90")
		f.fs.BoolVar(&f.all, "all", false, "make every size of the vendor; -o is then a directory")
	})
	switch {
	case !ok:
		return exitUsage
	case len(files) != 1 || f.out == "":
		return e.usageError("scale needs -o OUT and one FILE")
	case f.all == (f.size != ""):
		return e.usageError("scale needs exactly one of -size S and -all")
	case f.all && f.out == "-":
		return e.usageError("scale -all writes several files: -o must be a directory")
	}
	file, w := files[0], e.reportWriter(f)
	u, err := e.read(file)
	if err != nil {
		r := newReport(file, validate.Info{}, err)
		r.print(w, f.json)
		return r.exitCode()
	}
	var results []*profileimage.Result
	if f.all {
		results, err = profileimage.ScaleAll(e.ctx, u.data, p)
	} else {
		var res *profileimage.Result
		res, err = profileimage.Scale(e.ctx, u.data, p, f.size)
		results = []*profileimage.Result{res}
	}
	if err != nil {
		r := newReport(file, u.info, err)
		r.print(w, f.json)
		return r.exitCode()
	}
	if f.all {
		if err := os.MkdirAll(f.out, 0o755); err != nil {
			return e.usageError("%v", err)
		}
	}
	var r *report
	for _, res := range results {
		path := f.out
		if f.all || isDir(f.out) {
			path = filepath.Join(f.out, baseName(file)+"-"+res.Size+"."+extension(res.Format))
		}
		one := e.write(file, path, res)
		if r == nil || !one.OK {
			r = one
		} else {
			r.Outputs = append(r.Outputs, one.Outputs...)
		}
	}
	r.print(w, f.json)
	return r.exitCode()
}

// reportWriter is where verdicts go: standard output, unless the image
// itself goes there.
func (e *env) reportWriter(f *flags) io.Writer {
	if f.out == "-" {
		return e.stderr
	}
	return e.stdout
}

// each runs job on every file, in parallel when there are several, prints
// the reports in input order, shows progress on a terminal and ends with a
// summary. It returns the worst exit code.
func (e *env) each(files []string, asJSON bool, w io.Writer, job func(string) *report) int {
	reports := make([]*report, len(files))
	var (
		mu      sync.Mutex
		printed int
		wg      sync.WaitGroup
	)
	progress := len(files) > 1 && e.terminal
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, file := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			r := job(file)
			mu.Lock()
			defer mu.Unlock()
			reports[i] = r
			for printed < len(reports) && reports[printed] != nil {
				reports[printed].print(w, asJSON)
				printed++
			}
			if progress {
				fmt.Fprintf(e.stderr, "\r%d/%d done", printed, len(files))
			}
		}()
	}
	wg.Wait()
	worst, counts := exitOK, [3]int{}
	for _, r := range reports {
		code := r.exitCode()
		counts[code]++
		worst = max(worst, code)
	}
	if len(files) > 1 {
		if progress {
			fmt.Fprintln(e.stderr)
		}
		fmt.Fprintf(e.stderr, "%d accepted, %d rejected, %d failed\n", counts[exitOK], counts[exitRejected], counts[exitUsage])
	}
	return worst
}

// upload is one file as read: its bytes and what [validate.Inspect] made
// of them.
type upload struct {
	data []byte
	info validate.Info
	err  error // Inspect's rejection of the bytes; nil for an image it read
}

// read reads one upload, a file or standard input for "-", with
// [validate.InspectReader], which holds no more than the library's byte
// cap and stops after the first block of bytes that are no image the
// library decodes (enough for the facade to say so again). The error is
// an I/O error or, for an upload above the cap, a too-many-bytes
// rejection; what else Inspect finds wrong is in the upload, for the
// command to judge.
func (e *env) read(path string) (upload, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return upload{}, err
		}
		defer file.Close()
		r = file
	}
	maxBytes := validate.DefaultLimits().MaxBytes
	info, data, err := validate.InspectReader(r, maxBytes)
	var ve *validate.Error
	switch {
	case err == nil:
	case !errors.As(err, &ve):
		return upload{}, err
	case ve.Reason == vendors.ReasonTooManyBytes:
		return upload{}, profileimage.Reject(vendors.Profile{}, vendors.ReasonTooManyBytes,
			fmt.Sprintf("more than the safety cap of %d bytes", maxBytes), nil)
	}
	return upload{data: data, info: info, err: err}, nil
}

// write stores one result at path ("-": standard output) and reports it.
func (e *env) write(file, path string, res *profileimage.Result) *report {
	var err error
	if path == "-" {
		_, err = e.stdout.Write(res.Data)
	} else {
		err = os.WriteFile(path, res.Data, 0o644)
	}
	if err != nil {
		return newReport(file, res.Source, err)
	}
	r := newReport(file, res.Source, nil)
	r.add(path, res)
	if path != "-" {
		fmt.Fprintf(e.stderr, "%s: %s\n", path, stepsLine(res))
	}
	return r
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func baseName(file string) string {
	if file == "-" {
		return "stdin"
	}
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func extension(f vendors.Format) string {
	if f == vendors.JPEG {
		return "jpg"
	}
	return string(f)
}

// Command profileimage checks, fixes and scales profile images for the
// services in the vendors package.
//
// Usage:
//
//	profileimage vendors [-json]
//	profileimage inspect [-json] FILE
//	profileimage validate PROFILE [-content-type T] [-header-only] [-json] FILE
//	profileimage normalize PROFILE -o OUT [-json] FILE...
//	profileimage scale PROFILE (-size S | -all) -o OUT [-json] FILE
//	profileimage serve [-addr A] [-dir D] [-token T] [-vendor V]... [-profile FILE.json]...
//
// PROFILE is -vendor V, one of the embedded profiles (profileimage vendors
// lists them), or -profile FILE.json, a profile of the caller's own, read
// with the strict checks of vendors.Parse: a malformed one is refused with
// a message naming the field. The two are mutually exclusive.
//
// FILE "-" reads standard input; OUT "-" writes one image to standard
// output. With several files, or with scale -all, OUT is a directory. With
// -json each file's verdict is one JSON object on its own line:
//
//	{"ok":bool,"info":{...},"error":{"reason","detail","status","code","message"},"outputs":[...]}
//
// The exit status is 0 when every file was accepted, 1 when a file was
// rejected by the vendor's rules, and 2 for bad usage or an I/O error.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
)

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program, with its streams passed in so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	env := &env{ctx: ctx, stdin: stdin, stdout: &syncWriter{w: stdout}, stderr: &syncWriter{w: stderr},
		terminal: isTerminal(stderr)}
	switch args[0] {
	case "vendors":
		return env.vendors(args[1:])
	case "inspect":
		return env.inspect(args[1:])
	case "validate":
		return env.validate(args[1:])
	case "normalize":
		return env.normalize(args[1:])
	case "scale":
		return env.scale(args[1:])
	case "serve":
		return env.serve(args[1:])
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "profileimage: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  profileimage vendors [-json]                                    list the vendor profiles and their rules
  profileimage inspect [-json] FILE                               what the file is, from its header
  profileimage validate PROFILE [-content-type T] [-header-only] [-json] FILE
                                                                  would the vendor take the file as it is?
  profileimage normalize PROFILE -o OUT [-json] FILE...           make the file right for the vendor
  profileimage scale PROFILE (-size S | -all) -o OUT [-json] FILE
                                                                  make the vendor's scaled copies
  profileimage serve [-addr A] [-dir D] [-token T] [-vendor V]... [-profile FILE.json]...
                                                                  serve the vendors' APIs over HTTP
PROFILE is -vendor V, an embedded profile (see profileimage vendors), or -profile
FILE.json, a profile of your own, checked as strictly as the embedded ones; not both.
FILE "-" reads standard input; OUT "-" writes to standard output; with several
outputs OUT is a directory. Exit status: 0 accepted, 1 rejected, 2 usage or I/O error.
`)
}

// env is what every command needs: the context and the streams.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer // safe for the goroutines that handle many files
	terminal       bool      // stderr is a terminal: show progress
}

// syncWriter lets many goroutines write to one stream, a whole Write (a
// line, a report) at a time.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p to the stream while no other Write does.
func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

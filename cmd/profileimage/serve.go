package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/profileimage/profileimage/httpapi"
	"github.com/profileimage/profileimage/vendors"
)

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds one value.
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// serve runs `profileimage serve`: every profile with an HTTP description
// (or the ones named) at the vendor's paths, over a directory store, until
// SIGINT or SIGTERM, then lets the requests in flight finish.
func (e *env) serve(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port`")
	dir := fs.String("dir", "profile-images", "keep the images in `directory`")
	token := fs.String("token", os.Getenv("PROFILEIMAGE_TOKEN"), "require \"Authorization: Bearer `T`\" (default $PROFILEIMAGE_TOKEN; empty: no authentication)")
	memory := fs.Int64("memory-mib", httpapi.DefaultMemoryBudget>>20, "memory budget of the uploads in flight, in `MiB`")
	readTimeout := fs.Duration("read-timeout", time.Minute, "longest time to read a request, body included")
	writeTimeout := fs.Duration("write-timeout", 2*time.Minute, "longest time from the end of a request's headers to the end of its answer")
	var names, files listFlag
	fs.Var(&names, "vendor", "serve vendor `V` (repeatable; default: every profile with an http description)")
	fs.Var(&files, "profile", "serve the profile in `FILE.json` (repeatable)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 || *memory <= 0 {
		return e.usageError("serve takes flags only, and a positive -memory-mib")
	}
	profiles, err := servedProfiles(names, files)
	if err != nil {
		return e.usageError("%v", err)
	}
	logger := log.New(e.stderr, "", log.LstdFlags)
	store, err := httpapi.OpenDirStore(*dir)
	if err != nil {
		return e.usageError("%v", err)
	}
	defer store.Close()
	if n, err := store.RemoveTemporary(e.ctx, time.Minute); err != nil || n > 0 {
		logger.Printf("removed %d temporary files left by an earlier run (%v)", n, err)
	}
	opts := httpapi.Options{Store: store, MemoryBudget: *memory << 20, ErrorLog: logger}
	if *token != "" {
		opts.Auth = httpapi.BearerToken(*token)
	}
	h, err := httpapi.NewService(opts).Handler(profiles...)
	if err != nil {
		return e.usageError("%v", err)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// The budget bounds what uploads hold; the limit makes the
		// collector free their garbage before the heap grows far past it.
		old := debug.SetMemoryLimit(opts.MemoryBudget*3/2 + 64<<20)
		defer debug.SetMemoryLimit(old)
	}
	// Signals are caught before the server says it listens.
	ctx, stop := signal.NotifyContext(e.ctx, syscall.SIGTERM) // SIGINT ends e.ctx already
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return e.usageError("%v", err)
	}
	srv := &http.Server{
		Handler:           logRequests(h, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          logger,
	}
	logger.Printf("listening on http://%s, images in %s, authentication %s", ln.Addr(), *dir, map[bool]string{true: "by bearer token", false: "off"}[opts.Auth != nil])
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() && opts.Auth == nil {
		logger.Printf("warning: no -token, and %s is reachable from other machines: anyone there can upload and delete", ln.Addr())
	}
	for _, p := range profiles {
		for _, ep := range p.HTTP.Endpoints {
			logger.Printf("  %-6s %s  (%s %s)", ep.Method, ep.Path, p.Name, ep.Role)
		}
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		logger.Printf("serve: %v", err)
		return exitUsage
	case <-ctx.Done():
	}
	logger.Printf("shutting down: waiting for the requests in flight")
	shutdown, cancel := context.WithTimeout(context.Background(), *writeTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		logger.Printf("shutdown: %v", err)
		return exitUsage
	}
	logger.Printf("stopped")
	return exitOK
}

// servedProfiles are the named embedded profiles and those in files, or
// every embedded profile with an HTTP description when none is named.
func servedProfiles(names, files []string) ([]vendors.Profile, error) {
	var out []vendors.Profile
	for _, name := range names {
		p, ok := vendors.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("-vendor must be one of: %s", strings.Join(vendors.Names(), ", "))
		}
		out = append(out, p)
	}
	for _, file := range files {
		p, err := loadProfile(file)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if len(names)+len(files) == 0 {
		for _, p := range vendors.All() {
			if p.HTTP != nil {
				out = append(out, p)
			}
		}
	}
	for _, p := range out {
		if p.HTTP == nil {
			return nil, errors.New("profile " + p.Name + " has no http description, so it cannot be served")
		}
	}
	return out, nil
}

// logRequests writes one line per request: client, method, path, status,
// bytes of the answer and time taken.
func logRequests(h http.Handler, logger *log.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		path := r.URL.EscapedPath()
		if len(path) > 200 {
			path = path[:200] + "..."
		}
		logger.Printf("%s %s %s %d %dB %s", r.RemoteAddr, r.Method, path, rec.status, rec.bytes, time.Since(start).Round(time.Millisecond))
	})
}

// statusRecorder remembers the status and size of an answer.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// WriteHeader records the status and sends it.
func (s *statusRecorder) WriteHeader(status int) {
	s.status = status
	s.ResponseWriter.WriteHeader(status)
}

// Write counts the bytes and sends them.
func (s *statusRecorder) Write(p []byte) (int, error) {
	n, err := s.ResponseWriter.Write(p)
	s.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

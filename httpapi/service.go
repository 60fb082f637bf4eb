package httpapi

import (
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/profileimage/profileimage/profileimage"
	"github.com/profileimage/profileimage/validate"
	"github.com/profileimage/profileimage/vendors"
)

// The defaults of [Options].
const (
	DefaultMemoryBudget = 512 << 20
	DefaultMaxWait      = 10 * time.Second
	DefaultCacheControl = "private, no-cache"
)

// Options configure a [Service]. The zero value serves from memory with no
// authentication and the defaults above.
type Options struct {
	// Store keeps the images; nil means a new [MemStore].
	Store Store
	// Auth authenticates every request before anything else is done;
	// nil lets every request through. [BearerToken] is the simple one.
	Auth Authenticator
	// MemoryBudget bounds the memory that uploads in flight hold, in
	// bytes: a quarter for their bodies, the rest for decoding, scaling
	// and encoding, estimated from each upload's pixels (see the package
	// documentation). 0 means DefaultMemoryBudget.
	MemoryBudget int64
	// MaxWait is how long an upload may wait for memory before it is
	// answered 503 with Retry-After. 0 means DefaultMaxWait.
	MaxWait time.Duration
	// CacheControl is sent with every image; "" means
	// DefaultCacheControl (caches may keep the image but revalidate it,
	// which the ETag makes cheap).
	CacheControl string
	// Limits replaces the library's safety caps, as [profileimage.WithLimits].
	// The byte cap also bounds the body of a profile without a byte limit
	// of its own.
	Limits validate.Limits
	// Concurrency bounds the goroutines of one upload, as
	// [profileimage.Concurrency].
	Concurrency int
	// ErrorLog receives the errors a client is not told about (a store
	// that fails); nil means log.Default().
	ErrorLog *log.Logger
}

// Service holds what the handlers of all profiles share: the store, the
// authentication and the memory budget. It is safe for concurrent use.
type Service struct {
	store        Store
	auth         Authenticator
	admission    *admission
	writes       keyLocks
	cacheControl string
	limits       validate.Limits
	options      []profileimage.Option
	errorLog     *log.Logger
}

// NewService returns a Service with opts.
func NewService(opts Options) *Service {
	s := &Service{
		store: opts.Store, auth: opts.Auth, cacheControl: opts.CacheControl,
		limits: opts.Limits, errorLog: opts.ErrorLog,
	}
	if s.store == nil {
		s.store = &MemStore{}
	}
	if s.cacheControl == "" {
		s.cacheControl = DefaultCacheControl
	}
	if s.errorLog == nil {
		s.errorLog = log.Default()
	}
	budget, wait := opts.MemoryBudget, opts.MaxWait
	if budget <= 0 {
		budget = DefaultMemoryBudget
	}
	if wait <= 0 {
		wait = DefaultMaxWait
	}
	s.admission = newAdmission(budget, wait)
	s.options = []profileimage.Option{profileimage.WithLimits(opts.Limits), profileimage.Concurrency(opts.Concurrency)}
	return s
}

// Handler returns one http.Handler that serves the endpoints of every
// profile in profiles at the vendor's paths, each as its profile's HTTP
// description says. A request for any other path is answered 404, and one
// with another method 405. It fails for a profile without HTTP, one that
// does not validate, two profiles of one name (their images would share
// keys), or two endpoints that would match the same request.
func (s *Service) Handler(profiles ...vendors.Profile) (http.Handler, error) {
	rt := &router{}
	names := map[string]bool{}
	for _, p := range profiles {
		if err := p.Validate(); err != nil {
			return nil, err
		}
		if names[p.Name] {
			return nil, fmt.Errorf("httpapi: two profiles named %s would share their images", p.Name)
		}
		names[p.Name] = true
		if p.HTTP == nil {
			return nil, fmt.Errorf("httpapi: profile %s has no http description", p.Name)
		}
		a, err := newAPI(s, p)
		if err != nil {
			return nil, err
		}
		for _, e := range p.HTTP.Endpoints {
			if err := rt.add(a, e); err != nil {
				return nil, err
			}
		}
	}
	return rt, nil
}

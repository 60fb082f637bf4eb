// Package httpapi serves vendor profiles as HTTP APIs: the vendor's own
// paths, multipart part names, success statuses and bodies, and error
// envelopes, all read from the profile's [vendors.HTTP] description, so a
// caller's own JSON profile gets a working API too. It is a profile-image
// service in a few lines, and a faithful stand-in for RingCentral, Zoom
// or Smartsheet in a test suite:
//
//	svc := httpapi.NewService(httpapi.Options{Store: store, Auth: httpapi.BearerToken(token)})
//	h, err := svc.Handler(vendors.MustLookup("ringcentral"), vendors.MustLookup("zoom"))
//
// An upload is first judged as the vendor would judge it
// (profileimage.Validate: the vendor's status, code and message in its
// envelope), then normalized and scaled (profileimage.ScaleAll), and the
// original and every scaled size are stored. A GET serves a stored size
// with its media type, a strong ETag (the SHA-256 of its bytes),
// Cache-Control, and 304 for a matching If-None-Match; an unknown size
// gets the vendor's answer with the size filled in (RingCentral's 404
// ACT-333). DELETE removes every size.
//
// # Protection
//
// A public endpoint must survive what clients send. Authentication runs
// before the body is read ([Authenticator]; [BearerToken] is the built-in
// one). Ids in the path become store keys only after they pass the key
// rules ([ValidKey]); anything else ("../", NUL, 10 KB of characters) gets
// the vendor's not-found answer for the id, and nothing is read or
// written. The body is read through http.MaxBytesReader at the image's
// byte cap (the profile's, else the library's) plus 64 KiB of multipart
// envelope; more is the vendor's too-many-bytes answer. A multipart form
// must hold exactly the vendor's one part.
//
// Memory is admitted, not hoped for: [Options.MemoryBudget] (512 MiB by
// default) is split between the bodies being held (a quarter) and the
// decoding, scaling and encoding of uploads (the rest), each a weighted
// semaphore that admits in arrival order. An upload reserves its body's
// length before it is read, then, once its header has been validated, the
// bytes its pixels will take (measured per colour model: 6 per pixel for
// a Y'CbCr JPEG, 4 for grey, 16 for the rest, plus 1 MiB). One that waits
// longer than [Options.MaxWait], or whose client goes away, is answered
// 503 with Retry-After; one whose pixels alone exceed the decoding share
// gets the vendor's too-many-pixels answer. The request's context reaches
// the decoder, so a client that leaves stops the work. The budget bounds
// the memory that uploads hold; the Go heap also holds garbage not yet
// collected, which a memory limit (GOMEMLIMIT, or what `profileimage
// serve` sets) keeps close to it.
//
// # Stores
//
// A [Store] puts, gets and deletes whole objects by key, nothing else: no
// listing, no rename, no transactions. [DirStore] keeps them in a
// directory (atomic replacement through a synced temporary file and a
// rename; a reader never sees half an image), [MemStore] in memory. The
// same interface fits an object store such as S3 or GCS (a PUT of an
// object replaces it atomically, a GET reads it whole), so a service that
// outgrows one machine can run many stateless servers behind a load
// balancer over one bucket: the servers keep nothing between requests but
// the images in the store. Within one process the writes of one image are
// serialized, so two uploads of it at once leave one upload's sizes; across
// servers the last writer of each size wins, and a store with conditional
// writes would be needed for more.
package httpapi

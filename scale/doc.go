// Package scale resamples images: high-quality separable filters, EXIF
// orientation, cropping and padding fused into one pass, with fast paths for
// the concrete image types that decoders return.
//
// Package scale knows nothing about vendors, file formats or bytes; it only
// turns one [image.Image] into another.
package scale

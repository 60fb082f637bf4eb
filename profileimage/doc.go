// Package profileimage is the facade of the library: bytes that a person
// uploaded go in, together with the vendor profile of the service they are
// for; out comes either a typed rejection carrying that service's own error or
// an image that satisfies every rule of the service, plus its scaled copies.
package profileimage

// Package validate answers "what is this file, and may this vendor take it?"
// from the file's header alone: it never decodes pixels.
//
// Package validate does not decode, resize or encode images; see package
// scale and package profileimage for that.
package validate

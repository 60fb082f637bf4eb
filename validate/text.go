package validate

import (
	"bytes"
	"encoding/binary"
)

// textSniffLimit is how many leading characters of a text file are read to
// find its root element. An SVG whose root comes later is reported as an
// unknown format, which is rejected all the same.
const textSniffLimit = 8 << 10

// textKind names XML-like text files: SVG (whatever the encoding, with or
// without a BOM, an XML prologue, comments or a DOCTYPE before the root),
// HTML, or another XML document.
func textKind(data []byte) (string, bool) {
	text := asciiView(data)
	if text == nil {
		return "", false
	}
	root, ok := rootElement(text)
	if !ok {
		return "", false
	}
	name := bytes.ToLower(root)
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:] // a namespace prefix, as in <svg:svg>
	}
	switch string(name) {
	case "svg":
		return "SVG", true
	case "html":
		return "HTML", true
	}
	return "XML document", true
}

// asciiView returns the first characters of data as one byte each, decoding
// UTF-8, UTF-16 and UTF-32 (by BOM, or by the zero bytes around a leading
// ASCII character). Characters above 0x7f become '?'. It returns nil when
// data does not look like text in any of these encodings.
func asciiView(data []byte) []byte {
	data = data[:min(len(data), 4*textSniffLimit)]
	unit, order := 1, binary.ByteOrder(nil)
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")):
		unit, order, data = 4, binary.LittleEndian, data[4:]
	case bytes.HasPrefix(data, []byte("\x00\x00\xfe\xff")):
		unit, order, data = 4, binary.BigEndian, data[4:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		unit, order, data = 2, binary.LittleEndian, data[2:]
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		unit, order, data = 2, binary.BigEndian, data[2:]
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] == 0 && data[3] == 0:
		unit, order = 4, binary.LittleEndian
	case len(data) >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0 && data[3] != 0:
		unit, order = 4, binary.BigEndian
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		unit, order = 2, binary.LittleEndian
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		unit, order = 2, binary.BigEndian
	}
	if unit == 1 {
		return data[:min(len(data), textSniffLimit)]
	}
	n := min(len(data)/unit, textSniffLimit)
	out := make([]byte, n)
	for i := range out {
		var c uint32
		if unit == 2 {
			c = uint32(order.Uint16(data[2*i:]))
		} else {
			c = order.Uint32(data[4*i:])
		}
		if c == 0 {
			return nil // NUL: not text
		}
		if c > 0x7f {
			c = '?'
		}
		out[i] = byte(c)
	}
	return out
}

// rootElement skips white space, XML declarations and processing
// instructions, comments and DOCTYPEs, and returns the name of the first
// element. Each skip moves forward, so the loop ends within len(text)
// steps.
func rootElement(text []byte) ([]byte, bool) {
	for {
		text = bytes.TrimLeft(text, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(text, []byte("<?")):
			text = skipPast(text[2:], "?>")
		case bytes.HasPrefix(text, []byte("<!--")):
			text = skipPast(text[4:], "-->")
		case len(text) >= 9 && bytes.EqualFold(text[:9], []byte("<!doctype")):
			text = skipDoctype(text[9:])
		case len(text) >= 2 && text[0] == '<' && isNameStart(text[1]):
			end := 1
			for end < len(text) && isNameChar(text[end]) {
				end++
			}
			return text[1:end], true
		default:
			return nil, false
		}
		if text == nil {
			return nil, false
		}
	}
}

// skipPast returns text after the first occurrence of end, or nil.
func skipPast(text []byte, end string) []byte {
	i := bytes.Index(text, []byte(end))
	if i < 0 {
		return nil
	}
	return text[i+len(end):]
}

// skipDoctype skips a DOCTYPE body, including an internal subset in [ ].
func skipDoctype(text []byte) []byte {
	gt := bytes.IndexByte(text, '>')
	if br := bytes.IndexByte(text, '['); br >= 0 && (gt < 0 || br < gt) {
		return skipPast(text[br:], "]>")
	}
	if gt < 0 {
		return nil
	}
	return text[gt+1:]
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
}

func isNameChar(c byte) bool {
	return isNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.'
}

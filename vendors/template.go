package vendors

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// Template is a JSON value in which strings may hold variables written
// {name}. A string that is exactly one variable becomes the variable's
// value with its JSON type (a number stays a number); an object member or
// array element whose whole value is a variable without a value is left
// out. A variable inside a longer string is replaced by its text, or by
// nothing when it has no value. Everything else is written as it stands,
// in order.
type Template []byte

// MarshalJSON returns the template's JSON, or null when it is empty.
func (t Template) MarshalJSON() ([]byte, error) {
	if len(t) == 0 {
		return []byte("null"), nil
	}
	return t, nil
}

// UnmarshalJSON keeps a copy of the JSON value.
func (t *Template) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*t = nil
		return nil
	}
	*t = bytes.Clone(data)
	return nil
}

// maxTemplateDepth bounds how deeply a template's arrays and objects nest.
const maxTemplateDepth = 16

var placeholderPattern = regexp.MustCompile(`\{[A-Za-z][A-Za-z0-9]*\}`)

// Render writes the template with vars, whose values are strings or
// integers.
func (t Template) Render(vars map[string]any) ([]byte, error) {
	var out bytes.Buffer
	lookup := func(name string) (any, bool) {
		v, ok := vars[name]
		return v, ok
	}
	if err := t.walk(&out, lookup); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Variables returns the names of the variables the template uses, each
// once, in order of first use.
func (t Template) Variables() ([]string, error) {
	var names []string
	seen := map[string]bool{}
	lookup := func(name string) (any, bool) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
		return "", true
	}
	return names, t.walk(io.Discard, lookup)
}

// Expand replaces each {name} in s by the text of its value in vars, or by
// nothing when it has none.
func Expand(s string, vars map[string]any) string {
	return expand(s, func(name string) (any, bool) {
		v, ok := vars[name]
		return v, ok
	})
}

func expand(s string, lookup func(string) (any, bool)) string {
	return placeholderPattern.ReplaceAllStringFunc(s, func(ph string) string {
		v, ok := lookup(ph[1 : len(ph)-1])
		if !ok {
			return ""
		}
		return fmt.Sprint(v)
	})
}

// placeholders returns the variable names in s.
func placeholders(s string) []string {
	var names []string
	for _, ph := range placeholderPattern.FindAllString(s, -1) {
		names = append(names, ph[1:len(ph)-1])
	}
	return names
}

// walk reads the template's one JSON value and writes it to w with the
// variables replaced.
func (t Template) walk(w io.Writer, lookup func(string) (any, bool)) error {
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.UseNumber()
	var out bytes.Buffer
	if _, err := walkValue(dec, &out, lookup, 0); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("template: more than one JSON value")
	}
	_, err := w.Write(out.Bytes())
	return err
}

// walkValue renders the next value; it reports false when the value is a
// variable without a value, which the caller leaves out.
func walkValue(dec *json.Decoder, out *bytes.Buffer, lookup func(string) (any, bool), depth int) (bool, error) {
	tok, err := dec.Token()
	if err != nil {
		return false, fmt.Errorf("template: %w", err)
	}
	switch v := tok.(type) {
	case json.Delim:
		if depth >= maxTemplateDepth {
			return false, fmt.Errorf("template: nested more than %d deep", maxTemplateDepth)
		}
		return true, walkContainer(dec, out, v, lookup, depth+1)
	case string:
		if len(v) > 2 && placeholderPattern.FindString(v) == v {
			val, ok := lookup(v[1 : len(v)-1])
			if !ok {
				return false, nil
			}
			return true, writeValue(out, val)
		}
		return true, writeValue(out, expand(v, lookup))
	case json.Number:
		out.WriteString(v.String())
	case bool:
		out.WriteString(strconv.FormatBool(v))
	case nil:
		out.WriteString("null")
	}
	return true, nil
}

func walkContainer(dec *json.Decoder, out *bytes.Buffer, open json.Delim, lookup func(string) (any, bool), depth int) error {
	isObject := open == '{'
	out.WriteByte(byte(open))
	first := true
	for dec.More() {
		var key string
		if isObject {
			tok, err := dec.Token()
			if err != nil {
				return fmt.Errorf("template: %w", err)
			}
			key, _ = tok.(string)
		}
		var item bytes.Buffer
		ok, err := walkValue(dec, &item, lookup, depth)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if !first {
			out.WriteByte(',')
		}
		first = false
		if isObject {
			if err := writeValue(out, key); err != nil {
				return err
			}
			out.WriteByte(':')
		}
		out.Write(item.Bytes())
	}
	_, err := dec.Token() // the closing delimiter
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if isObject {
		out.WriteByte('}')
	} else {
		out.WriteByte(']')
	}
	return nil
}

// writeValue writes a string or an integer as JSON, without HTML escapes.
func writeValue(out *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case int:
		out.WriteString(strconv.Itoa(v))
	case int64:
		out.WriteString(strconv.FormatInt(v, 10))
	case string:
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		out.Truncate(out.Len() - 1) // Encode's newline
	default:
		return fmt.Errorf("template: a value of type %T", v)
	}
	return nil
}

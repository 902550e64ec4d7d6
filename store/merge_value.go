package store

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// decodeValue turns a change's JSON value into the Go value SQLite stores
// in a column of type typ, the reverse of how the journal encodes it.
func decodeValue(raw json.RawMessage, typ string) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("the value is not valid: %w", err)
	}
	switch x := v.(type) {
	case nil:
		return nil, fmt.Errorf("the value is empty (null)")
	case bool:
		if x {
			return int64(1), nil
		}
		return int64(0), nil
	case json.Number:
		switch typ {
		case "INTEGER", "INT":
			n, err := x.Int64()
			if err != nil {
				return nil, fmt.Errorf("%s is not a whole number", x)
			}
			return n, nil
		case "TEXT":
			return x.String(), nil
		}
		if n, err := x.Int64(); err == nil {
			return n, nil
		}
		f, err := x.Float64()
		if err != nil {
			return nil, fmt.Errorf("%s is not a number", x)
		}
		return f, nil
	case string:
		if typ == "BLOB" {
			b, err := base64.StdEncoding.DecodeString(x)
			if err != nil {
				return nil, fmt.Errorf("binary value is not base64: %w", err)
			}
			return b, nil
		}
		if typ == "INTEGER" || typ == "INT" || typ == "REAL" {
			return nil, fmt.Errorf("%q is not a number", x)
		}
		return x, nil
	}
	return nil, fmt.Errorf("the value is a list or object, which no field holds")
}

// longTextMinRunes is the length from which any text counts as long.
const longTextMinRunes = 60

var (
	longMu     sync.RWMutex
	longFields = map[string]bool{}
)

// longNames are field names that hold prose whatever their table.
var longNames = []string{"text", "notes", "body", "description", "details", "comment", "summary", "communication_needs", "address"}

func init() {
	for _, f := range ProfileFields {
		if f.Long {
			MarkLongText("profile", f.Key)
		}
	}
}

// MarkLongText marks table.field as text people compose (a plan section,
// notes): when two people change it at once, the losing text is kept as
// a conflict to resolve instead of being replaced.
func MarkLongText(table, field string) {
	longMu.Lock()
	defer longMu.Unlock()
	longFields[table+"."+field] = true
}

// IsLongText reports whether concurrent values a and b of table.field
// are text that someone composed, so losing one would lose their work.
// A field counts when it is marked with MarkLongText, has a prose name
// (notes, text, description, ...), or either value has several lines or
// at least 60 characters. Short values (names, dates, amounts, choices)
// are not: the later one is simply the right one.
func IsLongText(table, field, a, b string) bool {
	longMu.RLock()
	marked := longFields[table+"."+field]
	longMu.RUnlock()
	if marked {
		return true
	}
	for _, n := range longNames {
		if field == n || strings.HasSuffix(field, "_"+n) {
			return true
		}
	}
	for _, s := range []string{a, b} {
		if strings.Contains(s, "\n") || utf8.RuneCountInString(s) >= longTextMinRunes {
			return true
		}
	}
	return false
}

package bankimport

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds Parse, Detect and Preview arbitrary files: they must
// never panic, every error must be one of the package's plain-English
// errors, and every statement must be oldest first with distinct keys.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*"))
	shared, _ := filepath.Glob(filepath.Join(fixtures, "*.csv"))
	for _, p := range append(paths, shared...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, filepath.Ext(p))
		}
	}
	for _, s := range []string{
		"", "Date,Amount\n", "01/02/2026,X,1.00\n", "Date;Amount\n31/12/2026;(1.00)\n",
		"\"Date\",\"Amount\"\r\n\"01 Jan 2026\",\"1.00 CR\"\r\n", "OFXHEADER:100\n<OFX>", "\xFF\xFE1\x00/\x00",
	} {
		f.Add([]byte(s), ".csv")
	}
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		ctx := context.Background()
		st, err := Parse(ctx, strings.NewReader(string(data)), "statement"+ext)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg == "" || e.Kind == nil {
				t.Fatalf("error %#v is not an *Error with a message", err)
			}
		} else {
			checkInvariants(t, st)
		}
		lay, err := Detect(ctx, strings.NewReader(string(data)))
		if err == nil && !lay.Sure && len(lay.Reasons) == 0 {
			t.Fatal("unsure without a reason")
		}
		if _, err := Preview(ctx, strings.NewReader(string(data)), nil, 10); err != nil && !errors.Is(err, ErrNotStatement) {
			t.Fatalf("Preview: %v", err)
		}
	})
}

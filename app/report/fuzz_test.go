package report

import (
	"io"
	"strings"
	"testing"
)

// FuzzClean checks that any text at all comes out of clean drawable,
// stays drawable, and wraps and renders without a panic.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "Zoë Ó Briain", oddText, "\xff\xfe", "👨‍👩‍👧‍👦🏳️‍🌈", "a\r\n\r\nb", strings.Repeat("W", 300)} {
		f.Add(s)
	}
	fs := mustFonts(f)
	f.Fuzz(func(t *testing.T, s string) {
		c := fs.clean(s)
		if !fs.isClean(c) {
			t.Fatalf("clean(%q) = %q, which is not clean", s, c)
		}
		if fs.clean(c) != c {
			t.Fatalf("clean is not idempotent on %q", s)
		}
		fs.wrap(bold, 16, c, 100)
		if len(s) < 200 {
			d := &Document{Title: s, Person: s, Generated: sampleDate}
			d.Add(Heading{Level: 1, Text: s}, Paragraph{Text: s}, Table{Columns: []Column{{Header: s}}, Rows: [][]string{{s}}})
			if err := d.Render(io.Discard); err != nil {
				t.Fatal(err)
			}
		}
	})
}

package doctext

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds any bytes to every reader. Whatever the input,
// Extract must return (never panic or hang), give valid UTF-8 within the
// text limit, and be consistent: searchable results have text, others
// none, and anything not searchable says why.
//
//	go test ./app/doctext/ -run '^$' -fuzz FuzzExtract -fuzztime 60s
func FuzzExtract(f *testing.F) {
	if b, err := os.ReadFile("../../../shared/fixtures/ot-report.pdf"); err == nil {
		f.Add(b)
	}
	f.Add(letterPDF(f, nil))
	f.Add(docx(f, `<w:p><w:r><w:t>Care Act</w:t><w:tab/></w:r></w:p>`))
	f.Add([]byte(sampleEmail))
	f.Add([]byte("caf\xe9 notes\r\n"))
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n"))
	f.Add([]byte("<html><p>x</p>"))
	f.Add(odt(f, `<text:p>Direct payment<text:s text:c="2"/>agreement</text:p>`))
	f.Add(mailWith("See attached.", [3]string{"a.docx", "application/octet-stream", string(docx(f, `<w:p><w:r><w:t>Budget</w:t></w:r></w:p>`))}))
	lim := Limits{Time: 2 * time.Second, Text: 1 << 16, Inflate: 1 << 20, Pages: 50, Ops: 200000}
	types := []string{"", PDF, DOCX, ODT, Email, Text, "text/html"}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, mt := range types {
			r := ExtractWithLimits(context.Background(), bytes.NewReader(b), int64(len(b)), mt, lim)
			if !utf8.ValidString(r.Text) || len(r.Text) > lim.Text {
				t.Fatalf("%q: text not UTF-8 or over the limit (%d bytes)", mt, len(r.Text))
			}
			switch r.State {
			case Searchable:
				if strings.TrimSpace(r.Text) == "" {
					t.Fatalf("%q: searchable without text", mt)
				}
			case NoText, NotSearchable:
				if r.Text != "" || r.Note == "" {
					t.Fatalf("%q: %s with text %q and note %q", mt, r.State, r.Text, r.Note)
				}
			default:
				t.Fatalf("%q: unknown state %q", mt, r.State)
			}
			if r.MediaType == "" {
				t.Fatalf("%q: no media type", mt)
			}
		}
	})
}

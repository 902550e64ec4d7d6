package report

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden layout dumps in testdata")

// dump writes the laid-out pages of d as text, one drawing operation a
// line, with positions rounded to 0.01 pt.
func dump(t *testing.T, d *Document) string {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	l, err := d.layout(fs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "pages %d, body %.0f pt\n", len(l.pages), l.st.body)
	for n, p := range l.pages {
		fmt.Fprintf(&b, "\npage %d cover=%v\n", n+1, p.cover)
		for _, o := range p.ops {
			switch o.kind {
			case opText:
				fmt.Fprintf(&b, "text %-2s %4.1f %7.2f %7.2f %s\n", o.style.fpdfStyle(), o.size, o.x, o.y, o.text)
			case opPageRef:
				fmt.Fprintf(&b, "pageref %7.2f %7.2f -> %q page %d\n", o.x, o.y, l.heads[o.ref].text, l.heads[o.ref].page)
			case opLine, opDotted, opFill, opBox:
				kind := map[opKind]string{opLine: "line", opDotted: "dotted", opFill: "fill", opBox: "box"}[o.kind]
				fmt.Fprintf(&b, "%s %7.2f %7.2f %7.2f %7.2f lw=%.2f gray=%d\n", kind, o.x, o.y, o.w, o.h, o.lw, o.gray)
			case opLink:
				fmt.Fprintf(&b, "link %7.2f %7.2f %7.2f %7.2f -> %q\n", o.x, o.y, o.w, o.h, l.heads[o.ref].text)
			case opBookmark:
				fmt.Fprintf(&b, "bookmark level %d %7.2f %s\n", l.heads[o.ref].level, o.y, l.heads[o.ref].text)
			}
		}
	}
	return b.String()
}

// TestGoldenLayout compares the sample document's layout with the dumps
// in testdata, to catch layout regressions. After a deliberate change,
// look at the rendered pages and run "go test ./app/report -update".
func TestGoldenLayout(t *testing.T) {
	docs := map[string]*Document{
		"sample.golden":       sampleDocument(false),
		"sample-large.golden": sampleDocument(true),
	}
	// The three real documents, from the sample inputs, in both sizes.
	for _, large := range []bool{false, true} {
		for name, d := range sampleDocs(t) {
			d.LargePrint = large
			if large {
				name += "-large"
			}
			docs[name+".golden"] = d
		}
	}
	for name, d := range docs {
		got := dump(t, d)
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if got != string(want) {
			gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
			for i := range max(len(gl), len(wl)) {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("%s: layout changed at line %d:\n got %q\nwant %q\n(if intended, check the pages and run with -update)", path, i+1, g, w)
					break
				}
			}
		}
	}
}

package report

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/ownplan/ownplan/app/money"
)

func TestAccentsAndMoneyComeBack(t *testing.T) {
	pdf := render(t, sampleDocument(false))
	text := strings.Join(pageTexts(t, pdf), "\f")
	for _, want := range []string{"Zoë Ó Briain", "Łukasz Nowak", money.Format(1820000), "£18,200.00", "Mary O'Neill", "14 January 2027", "Generated on 23 November 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

func TestPageXOfY(t *testing.T) {
	for _, large := range []bool{false, true} {
		pdf := render(t, sampleDocument(large))
		n := pageCount(t, pdf)
		pages := pageTexts(t, pdf)
		if len(pages) != n {
			t.Fatalf("large=%v: pdftotext found %d pages, pdfinfo %d", large, len(pages), n)
		}
		for i, p := range pages {
			if want := fmt.Sprintf("Page %d of %d", i+1, n); !strings.Contains(p, want) {
				t.Errorf("large=%v: page %d lacks %q", large, i+1, want)
			}
			if !strings.Contains(p, "Generated on 23 November 2026") {
				t.Errorf("large=%v: page %d lacks the date generated", large, i+1)
			}
			if header := strings.Contains(p, samplePerson+" ") || strings.Contains(p, samplePerson+"\n"); i > 0 && !header {
				t.Errorf("large=%v: page %d lacks the person's name in the header", large, i+1)
			}
		}
	}
}

func TestMetadata(t *testing.T) {
	info := runTool(t, render(t, sampleDocument(false)), "pdfinfo")
	for _, want := range []string{
		"Title:           Support plan: Zoë Ó Briain",
		"Author:          Zoë Ó Briain",
		"Subject:         Support plan for Zoë Ó Briain to send to the council",
		"Creator:         OwnPlan",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want+"\n") {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// -isodates prints the stored date itself, not converted to the
	// zone of the machine running the test.
	dates := runTool(t, render(t, sampleDocument(false)), "pdfinfo", "-isodates")
	if !regexp.MustCompile(`CreationDate:\s+2026-11-23T00:00:00Z`).MatchString(dates) {
		t.Errorf("creation date is not the generated date:\n%s", dates)
	}
}

func TestFontsEmbedded(t *testing.T) {
	out := runTool(t, render(t, sampleDocument(false)), "pdffonts")
	rows := lines(out)[2:] // skip the two header lines
	if len(rows) < 3 {
		t.Fatalf("want at least regular, bold and italic fonts, pdffonts says:\n%s", out)
	}
	for _, r := range rows {
		f := strings.Fields(r)
		// name type... encoding emb sub uni object ID
		name, emb, uni := f[0], f[len(f)-5], f[len(f)-3]
		if !strings.Contains(strings.ToLower(name), "notosans") || emb != "yes" || uni != "yes" {
			t.Errorf("font not embedded as Noto Sans with a Unicode map: %s", r)
		}
	}
}

// contentsEntry is one line of the contents page as read back.
type contentsEntry struct {
	text string
	page int
}

// readContents reads the contents entries from the page that has them.
func readContents(t *testing.T, pdf []byte, page int) []contentsEntry {
	t.Helper()
	text := runTool(t, pdf, "pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	re := regexp.MustCompile(`^\s*(\S.*?)\s{2,}(\d+)\s*$`)
	var entries []contentsEntry
	for l := range strings.SplitSeq(text, "\n") {
		if m := re.FindStringSubmatch(l); m != nil && !strings.HasPrefix(m[1], "Generated on") {
			n, _ := strconv.Atoi(m[2])
			entries = append(entries, contentsEntry{m[1], n})
		}
	}
	return entries
}

func TestContentsPageNumbersAreReal(t *testing.T) {
	for _, large := range []bool{false, true} {
		d := sampleDocument(large)
		pdf := render(t, d)
		pages := pageTexts(t, pdf)
		entries := readContents(t, pdf, 2)
		want := []string{"About me", "What is important to me", "How best to communicate with me", "My support", "Budget", "Payments this year", "Names and other languages", "Agreement"}
		var got []string
		for _, e := range entries {
			got = append(got, e.text)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("large=%v: contents entries\n got %q\nwant %q", large, got, want)
		}
		for _, e := range entries {
			landed := 0
			for i, p := range pages {
				if i != 1 && slices.Contains(lines(p), e.text) {
					landed = i + 1
					break
				}
			}
			if landed != e.page {
				t.Errorf("large=%v: contents says %q is on page %d; it is on page %d", large, e.text, e.page, landed)
			}
		}
		// The bookmarks agree, and nest level 2 under level 1.
		outline := runTool(t, pdf, "pdftohtml", "-xml", "-stdout", "-i", "-q")
		for _, e := range entries {
			if item := fmt.Sprintf(`<item page="%d">%s</item>`, e.page, e.text); !strings.Contains(outline, item) {
				t.Errorf("large=%v: no bookmark %s", large, item)
			}
		}
		if !strings.Contains(outline, "<item page=\"3\">About me</item>\n<outline>\n<item page=\"3\">What is important to me</item>") {
			t.Errorf("large=%v: level 2 bookmarks are not nested:\n%s", large, outline)
		}
	}
}

func TestTableHeaderRepeatsOnEveryPage(t *testing.T) {
	d := &Document{Title: "Budget statement", Person: samplePerson, Generated: sampleDate}
	d.Add(Heading{Level: 1, Text: "Payments"}, paymentsTable(120))
	pdf := render(t, d)
	pages := pageTexts(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("a 120-row table should span at least 3 pages, got %d", len(pages))
	}
	rows := 0
	for i, p := range pages {
		ls := lines(p)
		for _, h := range []string{"Date", "Paid to", "What for", "Amount"} {
			if !slices.Contains(ls, h) {
				t.Errorf("page %d lacks the header cell %q", i+1, h)
			}
		}
		if i > 0 && !slices.Contains(ls, "Payments (continued)") {
			t.Errorf("page %d lacks the continued caption", i+1)
		}
		rows += strings.Count(p, "Personal assistant ")
	}
	if rows != 120 {
		t.Errorf("found %d rows, want 120", rows)
	}
}

func TestTallRowSplitsWithoutLosingLines(t *testing.T) {
	var cell strings.Builder
	for i := range 150 {
		fmt.Fprintf(&cell, "line%03d\n", i)
	}
	d := &Document{Title: "Evidence", Generated: sampleDate}
	d.Add(Table{
		Caption: "Notes",
		Columns: []Column{{Header: "When"}, {Header: "What happened", Width: 3}},
		Rows:    [][]string{{"Monday", cell.String()}, {"Tuesday", "short"}},
	})
	pdf := render(t, d)
	text := strings.Join(pageTexts(t, pdf), "")
	for i := range 150 {
		if w := fmt.Sprintf("line%03d", i); strings.Count(text, w) != 1 {
			t.Errorf("%s appears %d times", w, strings.Count(text, w))
		}
	}
	if pageCount(t, pdf) < 3 {
		t.Errorf("150 lines should need 3 pages")
	}
}

func TestLargePrintReflows(t *testing.T) {
	normal, large := sampleDocument(false), sampleDocument(true)
	np, lp := pageCount(t, render(t, normal)), pageCount(t, render(t, large))
	if lp <= np {
		t.Errorf("large print has %d pages, normal %d; want more", lp, np)
	}
	for _, c := range []struct {
		d   *Document
		min float64
	}{{normal, 12}, {large, 16}} {
		fs, _ := loadFonts()
		l, err := c.d.layout(fs)
		if err != nil {
			t.Fatal(err)
		}
		for n, p := range l.pages {
			for _, o := range p.ops {
				if o.kind == opText && o.size < c.min {
					t.Errorf("large=%v page %d: %q is %.1f pt, under %.0f", c.d.LargePrint, n+1, o.text, o.size, c.min)
				}
				if o.kind == opText && o.x+fs.width(o.style, o.size, o.text) > l.st.right()+0.01 {
					t.Errorf("large=%v page %d: %q runs into the right margin", c.d.LargePrint, n+1, o.text)
				}
			}
		}
		if l.st.body < c.min || l.st.meta < c.min || l.st.leading < 1.5 {
			t.Errorf("large=%v: body %.0f pt, header %.0f pt, leading %.1f", c.d.LargePrint, l.st.body, l.st.meta, l.st.leading)
		}
	}
	// The PDF itself says so too: pdftotext's word boxes are taller.
	height := func(pdf []byte) float64 {
		html := runTool(t, pdf, "pdftotext", "-bbox", "-f", "3", "-l", "3")
		m := regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">powered<`).FindStringSubmatch(html)
		if m == nil {
			t.Fatal("no word 'powered' on page 3")
		}
		a, _ := strconv.ParseFloat(m[1], 64)
		b, _ := strconv.ParseFloat(m[2], 64)
		return b - a
	}
	if hn, hl := height(render(t, normal)), height(render(t, large)); hl < hn*16/12-0.5 {
		t.Errorf("body word box %.1f pt tall in large print, %.1f in normal: not 16/12 bigger", hl, hn)
	}
}

func TestLongParagraphKeepsEveryWord(t *testing.T) {
	var b strings.Builder
	b.WriteString("Firstword ")
	for i := range 3000 {
		if i%10 == 0 {
			b.WriteString("kestrel ")
		}
		b.WriteString("support plan words flowing across many pages ")
		if i%500 == 499 {
			b.WriteString("\n\n") // paragraph breaks are kept too
		}
	}
	b.WriteString("Lastword")
	d := &Document{Title: "Long", Generated: sampleDate}
	d.Add(Paragraph{Text: b.String()})
	pages := pageTexts(t, render(t, d))
	text := strings.Join(pages, "")
	if len(pages) < 10 {
		t.Errorf("only %d pages", len(pages))
	}
	if !strings.Contains(pages[0], "Firstword") || !strings.Contains(pages[len(pages)-1], "Lastword") {
		t.Error("first or last word lost")
	}
	if n := strings.Count(text, "kestrel"); n != 300 {
		t.Errorf("sentinel appears %d times, want 300", n)
	}
	if n := strings.Count(text, "flowing"); n != 3000 {
		t.Errorf("'flowing' appears %d times, want 3000", n)
	}
}

func TestEmojiAndRightToLeftDoNotBreak(t *testing.T) {
	d := oddDocument()
	pdf := render(t, d)
	text := strings.Join(pageTexts(t, pdf), "")
	if !strings.Contains(text, "Zoë [emoji] [Arabic text] [Hebrew text] RTL override tab here �") {
		t.Errorf("emoji and right-to-left text are not labelled; text starts:\n%.300s", text)
	}
	// The last page explains the labels.
	pages := pageTexts(t, pdf)
	if last := flat(pages[len(pages)-1]); !strings.Contains(last, "About the labels in square brackets") ||
		!strings.Contains(last, "saying what was there: [emoji], [Arabic text] and [Hebrew text].") {
		t.Errorf("the last page does not explain the labels:\n%s", last)
	}
	// A document with nothing to label has no note.
	if strings.Contains(flatText(t, render(t, longDocument(2, 10))), "About the labels") {
		t.Error("a document the font can print has the note on labels")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	want := render(t, sampleDocument(false))
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := sampleDocument(false).Render(&buf); err != nil {
				t.Error(err)
			}
			results[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, got := range results {
		if !bytes.Equal(got, want) {
			t.Errorf("render %d differs from the first (%d bytes, want %d)", i+2, len(got), len(want))
		}
	}
	other := sampleDocument(false)
	other.Generated = other.Generated.AddDays(1)
	if bytes.Equal(render(t, other), want) {
		t.Error("a different generated date gave the same bytes")
	}
}

func TestEmptyDocuments(t *testing.T) {
	for name, d := range map[string]*Document{
		"no blocks":       {},
		"contents only":   {Title: "Plan", Blocks: []Block{Contents{}}},
		"page breaks":     {Title: "Plan", Blocks: []Block{PageBreak{}, Paragraph{Text: "x"}, PageBreak{}}},
		"empty strings":   {Title: "Plan", Blocks: []Block{Paragraph{}, Bullets{}, Facts{}, Heading{Level: 2}}},
		"cover not first": {Title: "Plan", Blocks: []Block{Paragraph{Text: "x"}, Cover{}}},
	} {
		t.Run(name, func(t *testing.T) {
			pdf := render(t, d)
			n := pageCount(t, pdf)
			want := map[string]int{"no blocks": 1, "contents only": 1, "page breaks": 1, "empty strings": 1, "cover not first": 2}[name]
			if n != want {
				t.Errorf("%d pages, want %d", n, want)
			}
			text := strings.Join(pageTexts(t, pdf), "")
			if name == "contents only" && !strings.Contains(text, "This document has no sections yet.") {
				t.Error("empty contents does not say so")
			}
			if name == "empty strings" && !strings.Contains(text, untitled) {
				t.Error("empty heading not named")
			}
		})
	}
}

func TestInvalidBlocks(t *testing.T) {
	for _, c := range []struct {
		block Block
		want  string
	}{
		{Heading{Level: 3, Text: "Deep"}, `heading "Deep" has level 3; use 1 or 2`},
		{Table{Caption: "T", Columns: []Column{{Header: "A"}}, Rows: [][]string{{"1", "2"}}}, `table "T" row 1 has 2 cells; the table has 1 columns`},
		{Table{Caption: "T"}, `table "T" has no columns`},
		{Table{Caption: "T", Columns: []Column{{Header: "A", Width: -1}}}, `table "T" column 1 ("A") has width -1; use a positive number, or 0 for the default`},
		{Table{Caption: "T", Columns: []Column{{Header: "A", Width: math.NaN()}}}, `table "T" column 1 ("A") has width NaN`},
		{Table{Caption: "T", Columns: []Column{{Header: "A"}}, Footer: []string{}}, `table "T" footer has 0 cells; the table has 1 columns`},
		{Paragraph{Text: "x", Style: 9}, "unknown text style 9"},
		{nil, "a block is nil"},
	} {
		d := &Document{Title: "Plan", Generated: sampleDate, Blocks: []Block{c.block}}
		err := d.Render(&bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%#v: error %v, want one containing %q", c.block, err, c.want)
		}
	}
}

func TestTableHeaderNeverAlone(t *testing.T) {
	// A first row of 20 lines that does not fit under the header at the
	// foot of a page is split there, not moved on with the header left
	// behind. The filler before it varies so the table starts at many
	// heights.
	fs := mustFonts(t)
	for n := 100; n < 200; n += 2 {
		d := &Document{Title: "Plan", Generated: sampleDate}
		d.Add(Paragraph{Text: strings.Repeat("Filler text for the first page. ", n)})
		d.Add(Table{Caption: "Notes", Columns: []Column{{Header: "Note"}}, Rows: [][]string{{strings.Repeat("tall\n", 19) + "end"}}})
		l, err := d.layout(fs)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range l.pages {
			var header, rows int
			for _, o := range p.ops {
				switch {
				case o.kind == opText && o.text == "Note":
					header++
				case o.kind == opText && (o.text == "tall" || o.text == "end"):
					rows++
				}
			}
			if header > 0 && rows == 0 {
				t.Errorf("filler %d: page %d has the table header but no rows", n, i+1)
			}
		}
	}
}

func TestLayoutInvariants(t *testing.T) {
	fs := mustFonts(t)
	docs := map[string]*Document{
		"sample":       sampleDocument(false),
		"large sample": sampleDocument(true),
		"long":         longDocument(20, 300),
		"odd":          oddDocument(),
	}
	for _, large := range []bool{false, true} {
		for name, d := range sampleDocs(t) {
			d.LargePrint = large
			docs[fmt.Sprintf("%s large=%v", name, large)] = d
		}
	}
	for name, d := range docs {
		l, err := d.layout(fs)
		if err != nil {
			t.Fatal(err)
		}
		for n, p := range l.pages {
			for i, o := range p.ops {
				if o.kind == opText && (o.y > l.st.bottom() || o.y < l.st.top()) {
					t.Errorf("%s page %d: %q at y=%.1f is outside the content area", name, n+1, o.text, o.y)
				}
				if o.kind == opText && (o.x < l.st.left()-0.01 || o.x+fs.width(o.style, o.size, o.text) > l.st.right()+0.01) {
					t.Errorf("%s page %d: %q at x=%.1f runs outside the text column", name, n+1, o.text, o.x)
				}
				if o.kind != opBookmark || p.cover {
					continue
				}
				// A heading is followed on its page by something other
				// than its own lines and rule.
				size := 0.0
				after := 0
				for _, q := range p.ops[i+1:] {
					if q.kind == opText && size == 0 {
						size = q.size
					}
					if q.kind == opText && q.size != size {
						after++
					}
				}
				if after == 0 {
					t.Errorf("%s page %d: heading %q is last on its page", name, n+1, l.heads[o.ref].text)
				}
			}
		}
	}
}

func TestIntroductionsStayWithWhatTheyIntroduce(t *testing.T) {
	// Whatever the height the filler leaves, a table's introduction is
	// on the page where the table starts, with at least three of its
	// rows, and a heading's short facts are on the page of the notice
	// under them.
	fs := mustFonts(t)
	rows := [][]string{{"one"}, {"two"}, {"three"}, {"four"}, {"five"}}
	for n := 100; n < 260; n += 3 {
		d := &Document{Title: "Plan", Generated: sampleDate}
		d.Add(
			Paragraph{Text: strings.Repeat("Filler text for the first page. ", n)},
			Heading{Level: 1, Text: "Payments"},
			Paragraph{Text: "Every payment, in date order.", KeepWithNext: true},
			Table{Columns: []Column{{Header: "Payment"}}, Rows: rows},
			Heading{Level: 2, Text: "Using the toilet"},
			Facts{Items: []Fact{{"In the regulations", "managing toilet needs"}}},
			StillToWrite{Title: "Not answered yet", Text: "This is about getting to the toilet in time."},
		)
		l, err := d.layout(fs)
		if err != nil {
			t.Fatal(err)
		}
		page := func(text string) (int, int) {
			first, count := 0, 0
			for i, p := range l.pages {
				for _, o := range p.ops {
					if o.kind == opText && o.text == text {
						if first == 0 {
							first = i + 1
						}
						count++
					}
				}
			}
			return first, count
		}
		intro, _ := page("Every payment, in date order.")
		header, _ := page("Payment")
		three, _ := page("three")
		if intro != header || header != three {
			t.Errorf("filler %d: the introduction is on page %d, the header on %d and the third row on %d", n, intro, header, three)
		}
		heading, _ := page("Using the toilet")
		facts, _ := page("In the regulations")
		notice, _ := page("Not answered yet")
		if heading != facts || facts != notice {
			t.Errorf("filler %d: the heading is on page %d, its facts on %d and the notice on %d", n, heading, facts, notice)
		}
	}
}

func TestLongContentsSaysContinued(t *testing.T) {
	d := &Document{Title: "Support plan", Person: samplePerson, Generated: sampleDate, LargePrint: true}
	d.Add(Cover{}, Contents{})
	for i := range 40 {
		d.Add(Heading{Level: 1, Text: fmt.Sprintf("Section %d", i+1)}, Paragraph{Text: "Some text."})
	}
	pages := pageTexts(t, render(t, d))
	if !strings.Contains(pages[2], "Contents (continued)") {
		t.Fatalf("the contents' second page does not say it continues:\n%s", pages[2])
	}
	if strings.Contains(pages[1], "(continued)") {
		t.Error("the contents' first page says it continues")
	}
	pdf := render(t, d)
	for _, page := range []int{2, 3} {
		for _, e := range readContents(t, pdf, page) {
			if !strings.HasPrefix(e.text, "Section ") {
				continue
			}
			if !slices.Contains(lines(pages[e.page-1]), e.text) {
				t.Errorf("contents page %d says %q is on page %d; it is not", page, e.text, e.page)
			}
		}
	}
}

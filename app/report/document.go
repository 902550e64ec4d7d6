package report

import (
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/store"
)

// Document is a PDF document made of blocks laid out one after another on
// A4 pages. Every page but the cover has a running header with the
// person's name and the title; every page has a footer with the date the
// document was made and "Page X of Y".
//
// The same Document and Generated date always give byte-identical PDFs.
type Document struct {
	// Title is the document's title, such as "Support plan". It appears
	// on the cover, in the running header and, followed by the person's
	// name, in the PDF's metadata.
	Title string
	// Subject is a one-line description stored in the PDF's metadata.
	Subject string
	// Person is the name of the person the document is about. It is
	// shown in the running header and stored as the PDF's author.
	Person string
	// Generated is the date the document was made, shown in the footer
	// and stored as the PDF's creation date. The zero Date means today,
	// which makes the output depend on the clock.
	Generated store.Date
	// LargePrint sets body text at 16 point instead of 12, with headings
	// scaled to match. The text reflows onto more pages.
	LargePrint bool
	// Blocks is the content, in order.
	Blocks []Block
}

// Add appends blocks to the document.
func (d *Document) Add(blocks ...Block) {
	d.Blocks = append(d.Blocks, blocks...)
}

// generated returns the date to print: Generated, or today.
func (d *Document) generated() store.Date {
	if d.Generated.IsZero() {
		return store.Today()
	}
	return d.Generated
}

// layout lays the whole document out.
func (d *Document) layout(fs *fontSet) (*layout, error) {
	l := &layout{st: newStyle(d.LargePrint), fs: fs, blocks: d.Blocks}
	l.title = oneLine(l.clean(d.Title))
	if l.title == "" {
		l.title = "Untitled document"
	}
	l.person = oneLine(l.clean(d.Person))
	var facts []Fact
	for _, b := range d.Blocks {
		if b == nil {
			return nil, fmt.Errorf("document %q: a block is nil", d.Title)
		}
		l.heads = append(l.heads, b.headings(l)...)
		if f, ok := b.(Facts); ok {
			facts = append(facts, f.Items...)
		}
	}
	l.factsLabelW = l.factLabelWidth(facts)
	l.tables = make(map[int]*tableGeometry)
	for i, b := range d.Blocks {
		l.block, l.keep = i, l.startHeight(d.Blocks, i+1)
		if err := b.layout(l); err != nil {
			return nil, fmt.Errorf("document %q, block %d (%T): %w", d.Title, i+1, b, err)
		}
	}
	if l.nextHead != len(l.heads) {
		return nil, fmt.Errorf("document %q: laid out %d headings but expected %d", d.Title, l.nextHead, len(l.heads))
	}
	if len(l.unprintable) > 0 {
		l.block, l.keep = len(d.Blocks), 0
		if err := unprintableNote(l.unprintable).layout(l); err != nil {
			return nil, fmt.Errorf("document %q, the note on labels: %w", d.Title, err)
		}
	}
	l.cur() // a document always has at least one page
	return l, nil
}

// unprintableNote explains the labels, such as "[Arabic text]", put in
// place of text the font cannot draw. It ends a document that has any,
// so that no reader wonders what is missing or why.
func unprintableNote(labels []string) Block {
	return StillToWrite{
		Title: "About the labels in square brackets",
		Text: "Some of what was written could not be printed in this PDF, because its font has no letters for it. " +
			"In its place is a label in square brackets saying what was there: " + joinAnd(labels) + ". " +
			"OwnPlan keeps everything exactly as it was typed.",
	}
}

// oneLine joins the lines of cleaned text with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

package report

import "slices"

// The engine works in two steps. Layout walks the blocks once, breaks
// text into lines, decides where every page ends and records what to draw
// as a list of drawing operations per page. Only then is the PDF drawn
// (see render.go), when the total number of pages and the page of every
// heading are known, so the contents page, the bookmarks and
// "Page X of Y" all carry real numbers. Nothing drawn after layout changes
// the size of anything laid out, so one layout pass is enough.

// opKind says what a drawing operation draws.
type opKind uint8

const (
	opText     opKind = iota // text with its left end at (x, y), y being the baseline
	opLine                   // a line from (x, y) to (x+w, y+h), lw thick
	opDotted                 // a dotted line from (x, y) to (x+w, y)
	opFill                   // a rectangle filled with grey level gray
	opBox                    // a rectangle outlined lw thick
	opPageRef                // the page number of heading ref, right-aligned at x
	opLink                   // a clickable area that goes to heading ref
	opBookmark               // the PDF outline entry of heading ref, at y
)

// op is one drawing operation.
type op struct {
	kind  opKind
	style fontStyle
	size  float64
	x, y  float64
	w, h  float64
	lw    float64
	gray  uint8
	ref   int
	text  string
}

// page is one laid-out page.
type page struct {
	ops   []op
	cover bool // a cover page has no running header
}

// heading is a heading's entry in the contents and the bookmarks.
type heading struct {
	level  int
	text   string // cleaned
	listed bool   // shown in the contents, not only as a bookmark
	page   int    // 1-based, set when the heading is laid out
	y      float64
}

// layout is the state of laying out one document.
type layout struct {
	st     style
	fs     *fontSet
	blocks []Block // the document's blocks
	title  string  // the document's title, cleaned, on one line
	person string  // the person's name, cleaned, on one line
	pages  []*page
	y      float64 // top of the next line on the last page
	// breakPending asks for a new page before the next block, so that a
	// page break at the very end of a document leaves no blank page.
	breakPending bool
	heads        []heading // every heading in the document, in order
	nextHead     int       // index in heads of the next heading to lay out
	used         [numStyles]bool

	// block is the index of the block being laid out, and keep is how
	// much of the block after it must fit on the same page for a heading
	// not to be left alone at the foot of a page.
	block int
	keep  float64
	// tables caches the measured geometry of tables by block index, so a
	// table is measured once though its start height is asked for first.
	tables map[int]*tableGeometry
	// factsLabelW is the width of the label column of every Facts block.
	factsLabelW float64
	// unprintable holds the labels put in place of text the font cannot
	// draw, such as "[Arabic text]", in the order first met.
	unprintable []string
}

// clean cleans text for the font and notes any label put in place of
// text the font cannot draw.
func (l *layout) clean(s string) string {
	return l.fs.cleanNoting(s, l.noteUnprintable)
}

// noteUnprintable records a label put in place of text the font cannot
// draw.
func (l *layout) noteUnprintable(label string) {
	if !slices.Contains(l.unprintable, label) {
		l.unprintable = append(l.unprintable, label)
	}
}

// keeper is a block that knows how much of its start must stay with a
// heading above it. Other blocks need two lines of body text.
type keeper interface {
	startHeight(l *layout, block int) float64
}

// startHeight returns how much of block i must fit below a heading for
// the heading to stay on the same page, or 0 if there is no block i.
//
// A list of one or two facts, such as what the law says about an outcome,
// is kept with the start of the block after it too, so that a heading,
// its facts and the notice or text under them are not split up.
func (l *layout) startHeight(blocks []Block, i int) float64 {
	if i >= len(blocks) {
		return 0
	}
	h := l.st.body*0.75 + 2*l.st.line()
	if k, ok := blocks[i].(keeper); ok {
		h = k.startHeight(l, i)
	}
	if f, ok := blocks[i].(Facts); ok && len(f.Items) <= 2 && i+1 < len(blocks) {
		switch blocks[i+1].(type) {
		case Paragraph, Bullets, Table, StillToWrite:
			h = min(h+l.startHeight(blocks, i+1), l.full()/2)
		}
	}
	return h
}

// cur returns the page being filled, starting the first one if need be.
func (l *layout) cur() *page {
	if len(l.pages) == 0 {
		l.newPage()
	}
	return l.pages[len(l.pages)-1]
}

// newPage starts a new page and puts the cursor at the top of its content
// area.
func (l *layout) newPage() {
	l.pages = append(l.pages, &page{})
	l.y = l.st.top()
	l.breakPending = false
}

// begin starts a block: it honours a pending page break and otherwise
// leaves space points of room above the block, unless the block starts a
// page.
func (l *layout) begin(space float64) {
	if l.breakPending || len(l.pages) == 0 {
		l.newPage()
		return
	}
	if !l.atTop() {
		l.y += space
	}
}

// atTop reports whether nothing has been laid out yet on the current page.
func (l *layout) atTop() bool { return l.y <= l.st.top() }

// room returns the height left on the current page.
func (l *layout) room() float64 { return l.st.bottom() - l.y }

// full returns the height of a whole page's content area.
func (l *layout) full() float64 { return l.st.bottom() - l.st.top() }

// need starts a new page unless h points fit below the cursor. A new page
// is never started from the top of a page, so something taller than a
// page starts where it is and must split itself.
func (l *layout) need(h float64) {
	const slack = 0.01
	l.cur()
	if h > l.room()+slack && !l.atTop() {
		l.newPage()
	}
}

// add appends an operation to the current page.
func (l *layout) add(o op) {
	if o.kind == opText || o.kind == opPageRef {
		l.used[o.style] = true
	}
	p := l.cur()
	p.ops = append(p.ops, o)
}

// text draws one line of cleaned text in a line box of height h whose top
// is at y.
func (l *layout) text(s fontStyle, size, x, y, h float64, t string) {
	if t == "" {
		return
	}
	l.add(op{kind: opText, style: s, size: size, x: x, y: baseline(y, h, size), text: t})
}

// textRight is text with the right end of the line at x.
func (l *layout) textRight(s fontStyle, size, x, y, h float64, t string) {
	l.text(s, size, x-l.fs.width(s, size, t), y, h, t)
}

// line draws a straight line lw points thick.
func (l *layout) line(x1, y1, x2, y2, lw float64) {
	l.add(op{kind: opLine, x: x1, y: y1, w: x2 - x1, h: y2 - y1, lw: lw})
}

// fill paints a rectangle in a pale grey; gray is 0 (black) to 255 (white).
func (l *layout) fill(x, y, w, h float64, gray uint8) {
	l.add(op{kind: opFill, x: x, y: y, w: w, h: h, gray: gray})
}

// box outlines a rectangle.
func (l *layout) box(x, y, w, h, lw float64) {
	l.add(op{kind: opBox, x: x, y: y, w: w, h: h, lw: lw})
}

// wrap cleans and wraps text to width.
func (l *layout) wrap(s fontStyle, size float64, text string, width float64) []string {
	return l.fs.wrap(s, size, l.clean(text), width)
}

// lines lays out already-wrapped lines one under the other at x, each h
// high, breaking the page between lines wherever needed.
func (l *layout) lines(s fontStyle, size, x, h float64, lines []string) {
	for _, t := range lines {
		l.need(h)
		l.text(s, size, x, l.y, h, t)
		l.y += h
	}
}

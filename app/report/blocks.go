package report

import (
	"fmt"
	"strings"
)

// Block is one part of a document: a heading, a paragraph, a table and so
// on. The blocks are the types in this package that implement it; a
// document lays them out one after another, in order.
type Block interface {
	// headings returns the headings the block will place, in the order it
	// places them, for the contents and the bookmarks.
	headings(l *layout) []heading
	// layout lays the block out at the cursor.
	layout(l *layout) error
}

// TextStyle is the style of a paragraph's text.
type TextStyle uint8

// The text styles. Use Bold and Italic sparingly: long passages are easiest
// to read in Regular.
const (
	Regular TextStyle = iota
	Bold
	Italic
	BoldItalic
)

// face returns the font face for the style.
func (s TextStyle) face() (fontStyle, error) {
	if s > BoldItalic {
		return regular, fmt.Errorf("unknown text style %d", s)
	}
	return fontStyle(s), nil
}

// Heading is a section heading. A level 1 heading is large and bold with
// a rule under it; a level 2 heading is smaller. Every heading is listed in
// the contents and becomes a PDF bookmark. A heading is kept on the same
// page as the start of what follows it.
type Heading struct {
	Level int // 1 or 2
	Text  string
}

// untitled replaces an empty heading, so the contents has no blank entry.
const untitled = "Untitled section"

func (h Heading) headings(l *layout) []heading {
	text := l.clean(strings.TrimSpace(h.Text))
	if text == "" {
		text = untitled
	}
	return []heading{{level: min(max(h.Level, 1), 2), text: text, listed: true}}
}

func (h Heading) layout(l *layout) error {
	if h.Level != 1 && h.Level != 2 {
		return fmt.Errorf("heading %q has level %d; use 1 or 2", h.Text, h.Level)
	}
	l.heading(h.Level, l.heads[l.nextHead].text)
	return nil
}

func (h Heading) startHeight(l *layout, _ int) float64 {
	m := l.headingMetrics(h.Level, l.clean(h.Text))
	return m.before + m.height + 2*l.st.line()
}

// headingMetrics is the measured shape of a heading.
type headingMetrics struct {
	size, lh float64
	lines    []string
	before   float64 // space above, unless at the top of a page
	rule     float64 // space taken by the rule under a level 1 heading
	height   float64 // everything but before
}

func (l *layout) headingMetrics(level int, text string) headingMetrics {
	m := headingMetrics{size: l.st.h1, before: l.st.body * 1.5, rule: 4}
	if level == 2 {
		m.size, m.before, m.rule = l.st.h2, l.st.body, 0
	}
	m.lh = m.size * l.st.tight
	m.lines = l.fs.wrap(bold, m.size, text, l.st.contentW())
	m.height = float64(len(m.lines))*m.lh + m.rule + l.st.body*0.5
	return m
}

// heading lays out the next heading in l.heads, with the text given.
func (l *layout) heading(level int, text string) {
	m := l.headingMetrics(level, text)
	l.begin(m.before)
	// Keep the heading with the start of what follows.
	l.need(m.height + max(l.keep, 2*l.st.line()))
	l.placeHeading()
	l.lines(bold, m.size, l.st.left(), m.lh, m.lines)
	if level == 1 {
		l.line(l.st.left(), l.y+2, l.st.right(), l.y+2, 1.5)
	}
	l.y += m.rule + l.st.body*0.5
}

// placeHeading records that the next heading starts at the cursor and
// adds its bookmark.
func (l *layout) placeHeading() {
	l.cur()
	i := l.nextHead
	l.nextHead++
	l.heads[i].page = len(l.pages)
	l.heads[i].y = l.y
	l.add(op{kind: opBookmark, ref: i, y: l.y})
}

// Paragraph is body text. Long text wraps and flows onto as many pages as
// it needs. A blank line in Text starts a new paragraph; a single line
// break is kept as a line break.
type Paragraph struct {
	Text  string
	Style TextStyle
	// KeepWithNext keeps the whole of the text on the same page as the
	// start of the block after it, as an introduction to a table or a
	// list should be. Use it only for short text.
	KeepWithNext bool
}

func (Paragraph) headings(*layout) []heading { return nil }

// wrapped returns the text's paragraphs, each wrapped into lines.
func (p Paragraph) wrapped(l *layout, face fontStyle) [][]string {
	paras := splitParagraphs(l.clean(p.Text))
	out := make([][]string, len(paras))
	for i, para := range paras {
		out[i] = l.fs.wrap(face, l.st.body, para, l.st.contentW())
	}
	return out
}

// paragraphsHeight returns the height of wrapped paragraphs on one page.
func (l *layout) paragraphsHeight(paras [][]string) float64 {
	h := 0.0
	for i, lines := range paras {
		if i > 0 {
			h += l.st.body * 0.75
		}
		h += float64(len(lines)) * l.st.line()
	}
	return h
}

func (p Paragraph) startHeight(l *layout, block int) float64 {
	face, err := p.Style.face()
	if !p.KeepWithNext || err != nil {
		return l.st.body*0.75 + 2*l.st.line()
	}
	h := l.st.body*0.75 + l.paragraphsHeight(p.wrapped(l, face)) + l.startHeight(l.blocks, block+1)
	return min(h, l.full()/2)
}

func (p Paragraph) layout(l *layout) error {
	face, err := p.Style.face()
	if err != nil {
		return err
	}
	lh := l.st.line()
	paras := p.wrapped(l, face)
	if len(paras) == 0 {
		return nil
	}
	l.begin(l.st.body * 0.75)
	if p.KeepWithNext {
		if h := l.paragraphsHeight(paras) + l.keep; h <= l.full() {
			l.need(h)
		}
	}
	for i, lines := range paras {
		if i > 0 && !l.atTop() {
			l.y += l.st.body * 0.75
		}
		l.need(float64(min(len(lines), 2)) * lh) // no lone first line at the foot of a page
		l.lines(face, l.st.body, l.st.left(), lh, lines)
	}
	return nil
}

// Bullets is a bulleted list. Each item wraps with a hanging indent.
type Bullets struct {
	Items []string
}

func (Bullets) headings(*layout) []heading { return nil }

func (b Bullets) layout(l *layout) error {
	if len(b.Items) == 0 {
		return nil
	}
	lh := l.st.line()
	indent := l.st.body * 1.6
	l.begin(l.st.body * 0.75)
	for i, item := range b.Items {
		lines := l.wrap(regular, l.st.body, strings.TrimSpace(item), l.st.contentW()-indent)
		if i > 0 {
			l.y += lh * 0.25
		}
		l.need(float64(min(len(lines), 2)) * lh)
		l.text(bold, l.st.body, l.st.left()+l.st.body*0.4, l.y, lh, "•")
		l.lines(regular, l.st.body, l.st.left()+indent, lh, lines)
	}
	return nil
}

// Fact is one label and value in a list of facts, such as
// "Council reference" and "ASC-123456".
type Fact struct {
	Label string
	Value string
}

// Facts is a list of labels, in bold, with their values beside them.
// Every list of facts in a document but the cover's lines its values up
// in one column, wide enough for the longest label.
type Facts struct {
	Items []Fact
}

func (Facts) headings(*layout) []heading { return nil }

func (f Facts) layout(l *layout) error {
	if len(f.Items) == 0 {
		return nil
	}
	l.begin(l.st.body * 0.75)
	l.facts(f.Items, l.factsLabelW)
	return nil
}

// startHeight keeps a heading above with the first two facts, or as
// much of them as a third of a page holds.
func (f Facts) startHeight(l *layout, _ int) float64 {
	labelW := l.factsLabelW
	h := 0.0
	for i, it := range f.Items[:min(len(f.Items), 2)] {
		if i > 0 {
			h += l.st.line() * 0.35
		}
		h += float64(l.factLines(it, labelW)) * l.st.line()
	}
	return l.st.body*0.75 + min(h, l.full()/3)
}

// factLabelWidth returns the width of the label column of a list of
// facts: wide enough for the longest label, between a quarter and two
// fifths of the text column.
func (l *layout) factLabelWidth(items []Fact) float64 {
	w := l.st.contentW()
	labelW := 0.0
	for _, it := range items {
		labelW = max(labelW, l.fs.width(bold, l.st.body, l.clean(it.Label)))
	}
	return min(max(labelW+l.st.body*1.5, w*0.25), w*0.4)
}

// factLines returns the number of lines one fact takes.
func (l *layout) factLines(it Fact, labelW float64) int {
	labels := l.wrap(bold, l.st.body, it.Label, labelW-l.st.body)
	values := l.wrap(regular, l.st.body, it.Value, l.st.contentW()-labelW)
	return max(len(labels), len(values))
}

// facts lays out label and value pairs in two columns, the labels
// labelW wide.
func (l *layout) facts(items []Fact, labelW float64) {
	lh := l.st.line()
	w := l.st.contentW()
	for i, it := range items {
		labels := l.wrap(bold, l.st.body, it.Label, labelW-l.st.body)
		values := l.wrap(regular, l.st.body, it.Value, w-labelW)
		n := max(len(labels), len(values))
		if i > 0 {
			l.y += lh * 0.35
		}
		l.need(float64(min(n, 2)) * lh)
		for j := range n {
			l.need(lh)
			if j < len(labels) {
				l.text(bold, l.st.body, l.st.left(), l.y, lh, labels[j])
			}
			if j < len(values) {
				l.text(regular, l.st.body, l.st.left()+labelW, l.y, lh, values[j])
			}
			l.y += lh
		}
	}
}

// PageBreak makes the next block start on a new page.
type PageBreak struct{}

func (PageBreak) headings(*layout) []heading { return nil }

func (PageBreak) layout(l *layout) error {
	if len(l.pages) > 0 {
		l.breakPending = true
	}
	return nil
}

package report

import "strings"

// StillToWrite is a boxed notice that marks a part of the document that
// has not been written yet, so that the reader (and the council) can see
// the gap is known rather than forgotten.
type StillToWrite struct {
	// Title is the notice's first line, in bold. It defaults to
	// "Still to write".
	Title string
	// Text says what is missing. It defaults to
	// "This part has not been written yet."
	Text string
}

func (StillToWrite) headings(*layout) []heading { return nil }

func (n StillToWrite) startHeight(l *layout, _ int) float64 {
	lines, pad, _ := n.lines(l)
	return l.st.body + min(float64(len(lines))*l.st.line()+2*pad, l.full()/3)
}

func (n StillToWrite) layout(l *layout) error {
	lines, pad, bar := n.lines(l)
	l.begin(l.st.body)
	l.boxed(lines, pad, bar)
	return nil
}

// lines returns the notice's wrapped lines, its padding and the width of
// the bar down its side.
func (n StillToWrite) lines(l *layout) (lines []styledLine, pad, bar float64) {
	title := strings.TrimSpace(n.Title)
	if title == "" {
		title = "Still to write"
	}
	text := strings.TrimSpace(n.Text)
	if text == "" {
		text = "This part has not been written yet."
	}
	pad, bar = l.st.body*0.75, l.st.body*0.4
	inner := l.st.contentW() - bar - 2*pad
	for _, t := range l.wrap(bold, l.st.body, title, inner) {
		lines = append(lines, styledLine{bold, t})
	}
	for _, t := range l.wrap(regular, l.st.body, text, inner) {
		lines = append(lines, styledLine{regular, t})
	}
	return lines, pad, bar
}

// styledLine is one wrapped line of body text and its face.
type styledLine struct {
	style fontStyle
	text  string
}

// boxed lays out lines of body text in a pale box with a black bar down
// its left side. A box that fits on a page is never split; a longer one
// is split between lines, each part boxed on its own page.
func (l *layout) boxed(lines []styledLine, pad, bar float64) {
	lh := l.st.line()
	if total := float64(len(lines))*lh + 2*pad; total <= l.full() {
		l.need(total)
	}
	for i := 0; i < len(lines); {
		l.need(2*pad + lh)
		k := min(max(int((l.room()+0.01-2*pad)/lh), 1), len(lines)-i)
		top, h := l.y, 2*pad+float64(k)*lh
		l.fill(l.st.left(), top, l.st.contentW(), h, 242)
		l.fill(l.st.left(), top, bar, h, 0)
		l.box(l.st.left(), top, l.st.contentW(), h, 1)
		y := top + pad
		for _, ln := range lines[i : i+k] {
			l.text(ln.style, l.st.body, l.st.left()+bar+pad, y, lh, ln.text)
			y += lh
		}
		l.y = top + h
		i += k
	}
}

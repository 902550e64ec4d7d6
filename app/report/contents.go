package report

import "strings"

// Contents is the table of contents: the title (as a level 1 heading)
// followed by every heading in the document, level 2 headings indented,
// each with the number of the page it starts on. Each entry is a link to
// its page. The numbers are the real page numbers, the same ones the
// running footer shows, because the whole document is laid out before
// anything is drawn.
type Contents struct {
	// Title defaults to "Contents".
	Title string
}

func (c Contents) title(l *layout) string {
	t := l.clean(strings.TrimSpace(c.Title))
	if t == "" {
		t = "Contents"
	}
	return t
}

func (c Contents) headings(l *layout) []heading {
	return []heading{{level: 1, text: c.title(l)}}
}

func (c Contents) layout(l *layout) error {
	l.keep = 0 // the title need only stay with the first entries
	title := c.title(l)
	l.heading(1, title)
	lh := l.st.line()
	numW := l.fs.width(regular, l.st.body, "000")
	gap := l.st.body
	listed := 0
	for i, h := range l.heads {
		if !h.listed {
			continue
		}
		listed++
		face, indent := bold, 0.0
		if h.level == 2 {
			face, indent = regular, l.st.body*1.6
		}
		x := l.st.left() + indent
		lines := l.fs.wrap(face, l.st.body, h.text, l.st.right()-numW-gap-x)
		if h.level == 1 && listed > 1 {
			l.y += lh * 0.4
		}
		if need := float64(len(lines)) * lh; need > l.room()+0.01 && !l.atTop() {
			// The contents runs onto another page: say so at its top.
			l.newPage()
			l.lines(bold, l.st.body, l.st.left(), lh, l.fs.wrap(bold, l.st.body, title+" (continued)", l.st.contentW()))
			l.y += lh * 0.4
		}
		l.need(float64(len(lines)) * lh)
		top, page := l.y, len(l.pages)
		l.lines(face, l.st.body, x, lh, lines)
		last := l.y - lh
		base := baseline(last, lh, l.st.body)
		from := x + l.fs.width(face, l.st.body, lines[len(lines)-1]) + gap/2
		if to := l.st.right() - numW - gap/3; to-from > gap {
			l.add(op{kind: opDotted, x: from, y: base, w: to - from})
		}
		l.add(op{kind: opPageRef, style: regular, size: l.st.body, x: l.st.right(), y: base, ref: i})
		if len(l.pages) == page { // as need arranged, unless the entry is longer than a page
			l.add(op{kind: opLink, x: l.st.left(), y: top, w: l.st.contentW(), h: l.y - top, ref: i})
		}
	}
	if listed == 0 {
		l.lines(regular, l.st.body, l.st.left(), lh, l.wrap(regular, l.st.body, "This document has no sections yet.", l.st.contentW()))
	}
	l.breakPending = true
	return nil
}

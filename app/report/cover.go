package report

import "strings"

// Cover is the title page. It shows the document's title in large bold
// type, the subtitle lines under it and then a list of facts, such as the
// person's name, council reference, status, dates and who helped write
// the document. The cover has no running header, and the next block
// always starts on a new page. A cover belongs first in a document; one
// placed later starts a page of its own.
type Cover struct {
	Subtitle []string
	Facts    []Fact
}

func (Cover) headings(l *layout) []heading {
	return []heading{{level: 1, text: l.title}}
}

func (c Cover) layout(l *layout) error {
	if len(l.pages) > 0 {
		l.newPage()
	}
	l.cur().cover = true
	l.y = l.st.top() + l.st.body*2
	l.placeHeading()
	lh := l.st.title * l.st.tight
	l.lines(bold, l.st.title, l.st.left(), lh, l.fs.wrap(bold, l.st.title, l.title, l.st.contentW()))
	l.y += l.st.body * 0.5
	for _, sub := range c.Subtitle {
		sub = strings.TrimSpace(sub)
		lh := l.st.subtitle * l.st.tight
		l.lines(regular, l.st.subtitle, l.st.left(), lh, l.wrap(regular, l.st.subtitle, sub, l.st.contentW()))
	}
	l.y += l.st.body
	l.need(3 + 2*l.st.line())
	l.line(l.st.left(), l.y, l.st.right(), l.y, 3)
	l.y += 3 + l.st.body*1.5
	l.facts(c.Facts)
	l.breakPending = true
	return nil
}

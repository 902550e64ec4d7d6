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
	l.titleBlock(c.Subtitle)
	l.facts(c.Facts, l.factLabelWidth(c.Facts))
	l.breakPending = true
	return nil
}

// Banner is the document's title in large bold type, with subtitle lines
// under it and a rule, at the top of the first page: the title of a short
// document, such as a statement, that needs no cover page. Unlike a
// Cover, what follows starts on the same page, under the running header.
type Banner struct {
	Subtitle []string
}

func (Banner) headings(l *layout) []heading {
	return []heading{{level: 1, text: l.title}}
}

func (b Banner) layout(l *layout) error {
	l.begin(l.st.body * 1.5)
	l.titleBlock(b.Subtitle)
	return nil
}

// titleBlock lays out the document's title, the subtitle lines and a
// thick rule at the cursor, and places the title's bookmark.
func (l *layout) titleBlock(subtitle []string) {
	l.placeHeading()
	lh := l.st.title * l.st.tight
	l.lines(bold, l.st.title, l.st.left(), lh, l.fs.wrap(bold, l.st.title, l.title, l.st.contentW()))
	l.y += l.st.body * 0.5
	for _, sub := range subtitle {
		sub = strings.TrimSpace(sub)
		lh := l.st.subtitle * l.st.tight
		l.lines(regular, l.st.subtitle, l.st.left(), lh, l.wrap(regular, l.st.subtitle, sub, l.st.contentW()))
	}
	l.y += l.st.body
	l.need(3 + 2*l.st.line())
	l.line(l.st.left(), l.y, l.st.right(), l.y, 3)
	l.y += 3 + l.st.body*1.5
}

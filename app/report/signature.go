package report

import (
	"strings"

	"github.com/ownplan/ownplan/store"
)

// Signature is a place to sign a printed copy by hand: an optional
// statement of what is being signed, a line saying who signs, the
// signer's printed name, a signature line and a date line. The block is
// never split across pages, so the words signed stay with the signature.
type Signature struct {
	// Text, if set, is what the signer confirms, such as a declaration,
	// in regular type above the label. It is kept on the same page as
	// the signature, so keep it short.
	Text string
	// Label says who signs and what it means, such as "Signed by the
	// person this plan is about". It may be empty.
	Label string
	// Name is the signer's name, printed. If empty, a line is left for it.
	Name string
	// JobTitle adds a line for the signer's job title, as an officer
	// signing for an organisation gives it.
	JobTitle bool
	// Date, if set, is printed; otherwise a line is left for the date.
	Date store.Date
}

func (Signature) headings(*layout) []heading { return nil }

// The rows of a signature block.
const (
	sigName = iota
	sigJobTitle
	sigSignature
	sigDate
	sigRows
)

// signatureRows are the labels of a signature block's rows.
var signatureRows = [sigRows]string{"Name", "Job title", "Signature", "Date"}

// signatureMetrics is the measured shape of a signature block.
type signatureMetrics struct {
	text    []string         // the wrapped statement
	intro   []string         // the wrapped label
	name    []string         // the wrapped name, or nil for a line
	date    string           // the formatted date, or "" for a line
	rowH    [sigRows]float64 // the height of each row, 0 if left out; text sits at the bottom
	labelW  float64          // the width of the label column
	lineEnd float64          // where the lines to write on end
	total   float64
}

func (s Signature) measure(l *layout) signatureMetrics {
	lh := l.st.line()
	var m signatureMetrics
	for i, t := range signatureRows {
		if i != sigJobTitle || s.JobTitle {
			m.labelW = max(m.labelW, l.fs.width(bold, l.st.body, t))
		}
	}
	m.labelW += l.st.body * 1.5
	m.lineEnd = min(l.st.right(), l.st.left()+m.labelW+l.st.contentW()*0.55)
	for _, p := range splitParagraphs(l.clean(s.Text)) {
		if len(m.text) > 0 {
			m.text = append(m.text, "")
		}
		m.text = append(m.text, l.fs.wrap(regular, l.st.body, p, l.st.contentW())...)
	}
	if label := strings.TrimSpace(s.Label); label != "" {
		m.intro = l.wrap(bold, l.st.body, label, l.st.contentW())
	}
	if name := strings.TrimSpace(s.Name); name != "" {
		m.name = l.wrap(regular, l.st.body, name, l.st.right()-l.st.left()-m.labelW)
	}
	m.date = FormatDate(s.Date)
	// Room to write a name, a job title and a date, and more to sign.
	m.rowH = [sigRows]float64{max(lh*1.6, float64(len(m.name))*lh), 0, lh * 2.6, lh * 1.6}
	if s.JobTitle {
		m.rowH[sigJobTitle] = lh * 1.6
	}
	m.total = float64(len(m.text)+len(m.intro))*lh + lh*0.5
	if len(m.text) > 0 {
		m.total += lh * 0.5
	}
	for _, h := range m.rowH {
		m.total += h
	}
	return m
}

func (s Signature) startHeight(l *layout, _ int) float64 {
	return l.st.body*1.5 + s.measure(l).total
}

func (s Signature) layout(l *layout) error {
	lh := l.st.line()
	m := s.measure(l)
	if len(m.text) > 0 {
		l.begin(l.st.body * 0.75) // like a paragraph
	} else {
		l.begin(l.st.body * 1.5)
	}
	l.need(m.total)
	if len(m.text) > 0 {
		l.lines(regular, l.st.body, l.st.left(), lh, m.text)
		l.y += lh * 0.5
	}
	l.lines(bold, l.st.body, l.st.left(), lh, m.intro)
	l.y += lh * 0.5
	x := l.st.left() + m.labelW
	for i, label := range signatureRows {
		top, h := l.y, m.rowH[i]
		if h == 0 {
			continue
		}
		last := top + h - lh // the top of the row's last line
		l.text(bold, l.st.body, l.st.left(), last, lh, label)
		switch {
		case i == sigName && m.name != nil:
			for j, t := range m.name {
				l.text(regular, l.st.body, x, last-float64(len(m.name)-1-j)*lh, lh, t)
			}
		case i == sigDate && m.date != "":
			l.text(regular, l.st.body, x, last, lh, m.date)
		default:
			base := baseline(last, lh, l.st.body) + 2
			l.line(x, base, m.lineEnd, base, 0.75)
		}
		l.y += h
	}
	return nil
}

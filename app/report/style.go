package report

// style is the typography and page geometry of one document. Every length
// is in PDF points (1/72 inch). Text is black on white throughout; the only
// tints are very pale fills behind black text, which keep a contrast ratio
// above 15:1.
type style struct {
	pageW, pageH float64 // A4
	marginX      float64 // left and right margins
	marginY      float64 // from the paper's edge to the running header and footer

	body     float64 // paragraphs, lists, tables, contents
	meta     float64 // running header and footer; never smaller than body
	h1, h2   float64 // headings
	title    float64 // cover page title
	subtitle float64 // cover page subtitle lines

	leading float64 // body line height as a multiple of the font size
	tight   float64 // line height in tables, headings and the cover title
}

// newStyle returns the typography for normal print (body 12 pt) or large
// print (body 16 pt). Large print keeps the page size and margins and lets
// the bigger text reflow onto more pages.
func newStyle(large bool) style {
	s := style{
		pageW:   595.28,
		pageH:   841.89,
		marginX: 56.69, // 20 mm
		marginY: 34,    // 12 mm
		leading: 1.5,
		tight:   1.3,
	}
	if large {
		s.body, s.meta, s.h1, s.h2, s.title, s.subtitle = 16, 16, 26, 21, 36, 21
	} else {
		s.body, s.meta, s.h1, s.h2, s.title, s.subtitle = 12, 12, 20, 16, 30, 16
	}
	return s
}

// line returns the height of one line of body text.
func (s style) line() float64 { return s.body * s.leading }

// contentW returns the width of the text column.
func (s style) contentW() float64 { return s.pageW - 2*s.marginX }

// left and right return the edges of the text column.
func (s style) left() float64  { return s.marginX }
func (s style) right() float64 { return s.pageW - s.marginX }

// headerRule and footerRule return the y of the rules under the running
// header and above the running footer.
func (s style) headerRule() float64 { return s.marginY + s.meta*1.6 }
func (s style) footerRule() float64 { return s.pageH - s.marginY - s.meta*1.6 }

// top and bottom return the limits of the page's content area.
func (s style) top() float64    { return s.headerRule() + s.body*1.5 }
func (s style) bottom() float64 { return s.footerRule() - s.body }

// baseline returns the baseline of text at size points centred in a line
// box of height h whose top is at y. 0.36 em is half of Noto Sans's
// capital height, so capitals sit in the middle of the box.
func baseline(y, h, size float64) float64 { return y + h/2 + 0.36*size }

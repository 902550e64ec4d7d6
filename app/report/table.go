package report

import (
	"fmt"
	"math"
	"strings"
)

// Align is the horizontal alignment of the text in a table column.
type Align uint8

// The alignments. Right-align columns of money so the pence line up.
const (
	AlignLeft Align = iota
	AlignRight
)

// Column describes one column of a [Table].
type Column struct {
	Header string
	// Width is the column's share of the table's width relative to the
	// other columns: widths 2, 1 and 1 give the first column half the
	// table. Zero counts as 1, so columns with no widths are equal.
	Width float64
	Align Align
}

// Table is a grid of text with a header row. The table is as wide as the
// text column; cells wrap inside their column. When a table runs onto
// another page, its header row is repeated at the top of that page, under
// the caption marked "(continued)". A row that fits on a page is never
// split; a row taller than a page is split between lines.
type Table struct {
	// Caption, if set, is printed in bold above the table.
	Caption string
	Columns []Column
	// Rows holds the cells, one string per column in each row.
	Rows [][]string
	// Footer, if set, is a last row in bold, such as totals. It has one
	// string per column.
	Footer []string
	// Empty is shown in place of the rows when there are none. It
	// defaults to "Nothing recorded yet."
	Empty string
}

func (Table) headings(*layout) []heading { return nil }

// keepRows is how many rows a table starts with on the page of its
// header, room allowing, so a header is never left at the foot of a page
// with a single row under it.
const keepRows = 3

// tableGeometry is the measured shape of one table.
type tableGeometry struct {
	x, w      []float64 // left edge and width of each column
	align     []Align
	padX      float64 // space between a cell's border and its text
	padY      float64
	lh        float64 // line height inside cells
	captionLH float64 // line height of the caption
	caption   []string
	continued []string       // the caption with "(continued)"
	header    [][]string     // wrapped header cells
	headerH   float64        // height of the header row
	span      *tableGeometry // one column across the whole table, for the Empty text
	first     [][]string     // the first row, wrapped
	footer    [][]string     // the footer row, wrapped, or nil
	// startH is the height of the caption, the header and the first
	// keepRows rows (or as much of them as a third of a page holds),
	// which are kept together on one page.
	startH float64
	// headerEnd is the y just below the header row last drawn. A page
	// whose cursor is there holds no rows yet, so a row is split there
	// rather than moved on, which would leave the header alone.
	headerEnd float64
}

// onlyHeader reports whether the current page has the header and no rows.
func (g *tableGeometry) onlyHeader(l *layout) bool { return l.y <= g.headerEnd+0.01 }

func (t Table) check() error {
	if len(t.Columns) == 0 {
		return fmt.Errorf("table %q has no columns", t.Caption)
	}
	for i, c := range t.Columns {
		if !(c.Width >= 0) || math.IsInf(c.Width, 1) {
			return fmt.Errorf("table %q column %d (%q) has width %v; use a positive number, or 0 for the default", t.Caption, i+1, c.Header, c.Width)
		}
		if c.Align > AlignRight {
			return fmt.Errorf("table %q column %d (%q) has an unknown alignment %d", t.Caption, i+1, c.Header, c.Align)
		}
	}
	for i, r := range t.Rows {
		if len(r) != len(t.Columns) {
			return fmt.Errorf("table %q row %d has %d cells; the table has %d columns", t.Caption, i+1, len(r), len(t.Columns))
		}
	}
	if t.Footer != nil && len(t.Footer) != len(t.Columns) {
		return fmt.Errorf("table %q footer has %d cells; the table has %d columns", t.Caption, len(t.Footer), len(t.Columns))
	}
	return nil
}

func (t Table) startHeight(l *layout, block int) float64 {
	if t.check() != nil {
		return 0
	}
	g := t.cachedGeometry(l, block)
	return l.st.body + g.startH
}

// cachedGeometry returns the geometry of the table that is block number
// block, measuring it the first time.
func (t Table) cachedGeometry(l *layout, block int) *tableGeometry {
	g := l.tables[block]
	if g == nil {
		g = t.geometry(l)
		l.tables[block] = g
	}
	return g
}

func (t Table) layout(l *layout) error {
	if err := t.check(); err != nil {
		return err
	}
	g := t.cachedGeometry(l, l.block)
	l.begin(l.st.body)
	l.need(g.startH)
	l.lines(bold, l.st.body, l.st.left(), g.captionLH, g.caption)
	g.drawHeader(l)
	if len(t.Rows) == 0 {
		empty := strings.TrimSpace(t.Empty)
		if empty == "" {
			empty = "Nothing recorded yet."
		}
		s := g.span
		g.row(l, s, s.wrapRow(l, italic, []string{empty}), italic, 255)
	}
	footer := g.footer
	for i, r := range t.Rows {
		cells := g.first
		if i > 0 {
			cells = g.wrapRow(l, regular, r)
		}
		if i == len(t.Rows)-1 && footer != nil {
			// Keep the last row with the footer when they fit on a page.
			if h := g.rowHeight(cells) + g.rowHeight(footer); h > l.room() && h <= l.full()-g.continuedH() && !g.onlyHeader(l) {
				g.continuePage(l)
			}
		}
		g.row(l, g, cells, regular, 255)
	}
	if footer != nil {
		g.row(l, g, footer, bold, 235)
	}
	return nil
}

// geometry measures the table's columns, caption and header.
func (t Table) geometry(l *layout) *tableGeometry {
	g := &tableGeometry{
		padX:      l.st.body * 0.45,
		padY:      l.st.body * 0.3,
		lh:        l.st.body * 1.35,
		captionLH: l.st.line(),
	}
	x := l.st.left()
	for i, w := range t.widths(l, g.padX) {
		g.x, g.w, g.align = append(g.x, x), append(g.w, w), append(g.align, t.Columns[i].Align)
		x += w
	}
	if caption := strings.TrimSpace(t.Caption); caption != "" {
		g.caption = l.wrap(bold, l.st.body, caption, l.st.contentW())
		g.continued = l.wrap(bold, l.st.body, caption+" (continued)", l.st.contentW())
	}
	headers := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headers[i] = c.Header
	}
	g.header = g.wrapRow(l, bold, headers)
	g.headerH = g.rowHeight(g.header)
	g.span = &tableGeometry{
		x: []float64{l.st.left()}, w: []float64{l.st.contentW()}, align: []Align{AlignLeft},
		padX: g.padX, padY: g.padY, lh: g.lh,
	}
	firstH := g.headerH // the Empty row is about as tall
	if len(t.Rows) > 0 {
		g.first = g.wrapRow(l, regular, t.Rows[0])
		firstH = g.rowHeight(g.first)
		for _, r := range t.Rows[1:min(len(t.Rows), keepRows)] {
			firstH += g.rowHeight(g.wrapRow(l, regular, r))
		}
	}
	if t.Footer != nil {
		g.footer = g.wrapRow(l, bold, t.Footer)
		if len(t.Rows) <= keepRows {
			firstH += g.rowHeight(g.footer)
		}
	}
	g.startH = float64(len(g.caption))*l.st.line() + g.headerH + min(firstH, l.full()/3)
	return g
}

// continuedH returns the height the caption and header take at the top of
// each continuation page.
func (g *tableGeometry) continuedH() float64 {
	return float64(len(g.continued))*g.captionLH + g.headerH
}

// widths shares the text column's width among the columns in proportion
// to their Width, but widens any column too narrow for its longest word
// (such as "September" in a column of dates, in large print) at the
// expense of the others, so words are only broken when the table cannot
// fit them at all.
func (t Table) widths(l *layout, padX float64) []float64 {
	total := l.st.contentW()
	n := len(t.Columns)
	least := make([]float64, n) // width the longest word needs
	measure := func(s fontStyle, i int, cell string) {
		// Words as wrap breaks them: at spaces and line breaks only, so
		// a no-break space holds a date or an amount together.
		for word := range strings.FieldsFuncSeq(l.clean(cell), isBreak) {
			least[i] = max(least[i], l.fs.width(s, l.st.body, word))
		}
	}
	for i, c := range t.Columns {
		measure(bold, i, c.Header)
		for _, r := range t.Rows {
			measure(regular, i, r[i])
		}
		if t.Footer != nil {
			measure(bold, i, t.Footer[i])
		}
		least[i] = min(least[i]+2*padX+0.5, total/2)
	}
	sum := 0.0
	for _, w := range least {
		sum += w
	}
	if sum >= total { // no room to spare: each column gets its share of what there is
		for i := range least {
			least[i] *= total / sum
		}
		return least
	}
	w := make([]float64, n)
	fixed := make([]bool, n)
	for {
		rest, weights := total, 0.0
		for i, c := range t.Columns {
			if fixed[i] {
				rest -= w[i]
			} else {
				weights += colWeight(c)
			}
		}
		changed := false
		for i, c := range t.Columns {
			if fixed[i] {
				continue
			}
			w[i] = rest * colWeight(c) / weights
			if w[i] < least[i] {
				w[i], fixed[i], changed = least[i], true, true
			}
		}
		if !changed {
			return w
		}
	}
}

// isBreak reports whether wrap may break a line at r.
func isBreak(r rune) bool { return r == ' ' || r == '\n' }

func colWeight(c Column) float64 {
	if c.Width == 0 {
		return 1
	}
	return c.Width
}

// wrapRow cleans and wraps each cell of a row to its column.
func (g *tableGeometry) wrapRow(l *layout, s fontStyle, cells []string) [][]string {
	out := make([][]string, len(cells))
	for i, c := range cells {
		out[i] = l.wrap(s, l.st.body, strings.TrimSpace(c), g.w[i]-2*g.padX)
	}
	return out
}

// rows returns the number of lines in the row's tallest cell.
func (g *tableGeometry) rows(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// rowHeight returns the height of a whole row.
func (g *tableGeometry) rowHeight(cells [][]string) float64 {
	if cells == nil {
		return 0
	}
	return float64(g.rows(cells))*g.lh + 2*g.padY
}

// continuePage starts a new page and repeats the caption and header row.
func (g *tableGeometry) continuePage(l *layout) {
	l.newPage()
	l.lines(bold, l.st.body, l.st.left(), g.captionLH, g.continued)
	g.drawHeader(l)
}

// drawHeader draws the header row at the cursor.
func (g *tableGeometry) drawHeader(l *layout) {
	g.drawRow(l, g.header, 0, g.rows(g.header), bold, 225)
	g.headerEnd = l.y
}

// row lays out one body row with the columns of c (the table's own, or
// the single spanning column), moving to a new page as needed.
func (g *tableGeometry) row(l *layout, c *tableGeometry, cells [][]string, s fontStyle, gray uint8) {
	n := c.rows(cells)
	if h := c.rowHeight(cells); h > l.room() && h <= l.full()-g.continuedH() && !g.onlyHeader(l) {
		g.continuePage(l) // the whole row fits on the next page
	}
	for from := 0; from < n; {
		fit := int((l.room() + 0.01 - 2*c.padY) / c.lh)
		if fit < 1 {
			if l.y > l.st.top()+g.continuedH()+0.01 {
				g.continuePage(l)
				continue
			}
			fit = 1 // a page with nothing but the header: draw a line regardless
		}
		to := min(n, from+fit)
		c.drawRow(l, cells, from, to, s, gray)
		if from = to; from < n {
			g.continuePage(l)
		}
	}
}

// drawRow draws lines [from, to) of a row's cells at the cursor, with
// borders, on a background of grey level gray, and moves the cursor below.
func (g *tableGeometry) drawRow(l *layout, cells [][]string, from, to int, s fontStyle, gray uint8) {
	top := l.y
	h := float64(to-from)*g.lh + 2*g.padY
	if gray != 255 {
		l.fill(g.x[0], top, g.x[len(g.x)-1]+g.w[len(g.w)-1]-g.x[0], h, gray)
	}
	for i, lines := range cells {
		for j := from; j < to && j < len(lines); j++ {
			y := top + g.padY + float64(j-from)*g.lh
			if g.align[i] == AlignRight {
				l.textRight(s, l.st.body, g.x[i]+g.w[i]-g.padX, y, g.lh, lines[j])
			} else {
				l.text(s, l.st.body, g.x[i]+g.padX, y, g.lh, lines[j])
			}
		}
		l.box(g.x[i], top, g.w[i], h, 0.5)
	}
	l.y = top + h
}

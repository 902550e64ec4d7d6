package bankimport

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// skipKind says why a CSV row was not read as a transaction.
type skipKind int

const (
	notSkipped   skipKind = iota
	skipBlank             // every cell is empty
	skipNoAmount          // no amount: a pending payment, a balance line or a note
	skipNoDate            // no date: a total, a note or a repeated header
	numSkipKinds
)

// skipNotes are the warnings for skipped rows; %d is the count and %s the lines.
var skipNotes = [numSkipKinds]string{
	skipNoAmount: "Left out %d rows with no amount (for example a pending payment or a balance line): %s.",
	skipNoDate:   "Left out %d rows without a date (for example a total or a note): %s.",
}

// row is one CSV row read with a Mapping: a transaction whose date is
// not yet resolved, because that needs the whole date column.
type row struct {
	tx     Transaction
	date   datePending
	badBal bool
}

// datePending is a transaction's date as written and as split up.
type datePending struct {
	raw  rawDate
	text string
	line int
}

// readRow reads the cells of one CSV record with m. It returns the row, or
// why the row is skipped, or an error naming the line. chosen says whether
// a person chose the columns, which changes the advice in errors.
func readRow(cells []string, line int, m *Mapping, chosen bool) (row, skipKind, error) {
	r := row{date: datePending{text: cell(cells, m.Date), line: line}}
	amount, empty, bad := readMoney(cells, m)
	var okDate bool
	r.date.raw, okDate = parseRawDate(r.date.text)
	if !okDate {
		text := r.date.text
		switch {
		case allEmpty(cells):
			return r, skipBlank, nil
		case text == "" && empty:
			return r, skipNoAmount, nil
		case text == "", !hasDigit(text), isSummary(cells):
			return r, skipNoDate, nil
		}
		return r, notSkipped, dateError(r.date, chosen)
	}
	if bad != "" {
		if !hasDigit(bad) {
			return r, skipNoAmount, nil
		}
		return r, notSkipped, newError(ErrAmount, line, "%s is not an amount of money we recognise. %s", quote(bad), rowAdvice(chosen))
	}
	if empty {
		return r, skipNoAmount, nil
	}
	r.tx = Transaction{
		AmountPence: amount,
		Description: tidy(cell(cells, m.Description)),
		Type:        tidy(cell(cells, m.Type)),
		Reference:   tidy(cell(cells, m.Reference)),
		Line:        line,
	}
	if b := cell(cells, m.Balance); b != "" {
		v, empty, ok := parseAmount(b)
		switch {
		case ok && !empty:
			r.tx.BalancePence, r.tx.HasBalance = v, true
		case !ok && hasDigit(b):
			r.badBal = true
		}
	}
	return r, notSkipped, nil
}

// readMoney returns a row's amount in pence, whether the amount cells are
// empty, and the text of a cell that is not an amount ("" when all is well).
func readMoney(cells []string, m *Mapping) (pence int64, empty bool, bad string) {
	if m.Amount != 0 {
		s := cell(cells, m.Amount)
		p, empty, ok := parseAmount(s)
		if !ok {
			return 0, false, s
		}
		if m.Negate {
			p = -p
		}
		return p, empty, ""
	}
	in, out := cell(cells, m.In), cell(cells, m.Out)
	pin, emptyIn, okIn := parseAmount(in)
	pout, emptyOut, okOut := parseAmount(out)
	switch {
	case !okIn:
		return 0, false, in
	case !okOut:
		return 0, false, out
	}
	return abs(pin) - abs(pout), emptyIn && emptyOut, ""
}

// cell returns the trimmed text of column col (counting from 1), or "".
func cell(cells []string, col int) string {
	if col <= 0 || col > len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[col-1])
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// isSummary reports whether a row reads like a total or a balance line
// rather than a payment.
func isSummary(cells []string) bool {
	for _, c := range cells {
		c = strings.ToLower(c)
		for _, w := range [...]string{"total", "balance", "brought forward", "carried forward", "summary", "closing", "opening", "end of statement"} {
			if strings.Contains(c, w) {
				return true
			}
		}
	}
	return false
}

// tidy trims s and collapses runs of white space inside it, as banks pad
// descriptions to a fixed width.
func tidy(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\r\n") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// quote quotes a cell for a message, shortening it if it is long.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// notes collects warnings about skipped or doubtful rows, grouped so that
// a file with a thousand pending rows gives one sentence, not a thousand.
type notes struct {
	skipped [numSkipKinds][]int
	counts  [numSkipKinds]int
	badBal  []int
	nBadBal int
}

func (n *notes) skip(k skipKind, line int) {
	if k == skipBlank || k == notSkipped {
		return
	}
	n.counts[k]++
	if len(n.skipped[k]) < maxLinesListed {
		n.skipped[k] = append(n.skipped[k], line)
	}
}

func (n *notes) badBalance(line int) {
	n.nBadBal++
	if len(n.badBal) < maxLinesListed {
		n.badBal = append(n.badBal, line)
	}
}

// total is the number of rows skipped.
func (n *notes) total() int {
	t := 0
	for _, c := range n.counts {
		t += c
	}
	return t
}

func (n *notes) warnings() []string {
	var w []string
	for k, f := range skipNotes {
		if n.counts[k] > 0 {
			w = append(w, singular(fmt.Sprintf(f, n.counts[k], lineList(n.skipped[k], n.counts[k])), n.counts[k]))
		}
	}
	if n.nBadBal > 0 {
		w = append(w, singular(fmt.Sprintf("Ignored the balance on %d rows because it is not an amount of money: %s.", n.nBadBal, lineList(n.badBal, n.nBadBal)), n.nBadBal))
	}
	return w
}

const maxLinesListed = 10

// lineList writes "lines 3, 9 and 12", listing at most maxLinesListed.
func lineList(lines []int, count int) string {
	if len(lines) == 1 && count == 1 {
		return fmt.Sprintf("line %d", lines[0])
	}
	var b strings.Builder
	b.WriteString("lines ")
	for i, l := range lines {
		switch {
		case i == 0:
		case i == len(lines)-1 && count == len(lines):
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		fmt.Fprint(&b, l)
	}
	if count > len(lines) {
		fmt.Fprintf(&b, " and %d more", count-len(lines))
	}
	return b.String()
}

// singular mends "1 rows" into "1 row".
func singular(s string, n int) string {
	if n != 1 {
		return s
	}
	return strings.Replace(s, " 1 rows", " 1 row", 1)
}

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
	skipSummary           // a dated balance or total line, such as "BALANCE BROUGHT FORWARD"
	numSkipKinds
)

// skipNotes are the warnings for skipped rows; %d is the count and %s the lines.
var skipNotes = [numSkipKinds]string{
	skipNoAmount: "Left out %d rows with no amount (for example a pending payment or a balance line): %s.",
	skipNoDate:   "Left out %d rows without a date (for example a total or a note): %s.",
	skipSummary:  "Left out %d rows that are balances or totals, not payments (such as \"balance brought forward\"): %s.",
}

// row is one CSV row read with a Mapping: a transaction whose date is
// not yet resolved, because that needs the whole date column, and whose
// sign may not be settled, because that needs the whole in and out
// columns (see settleSigns).
type row struct {
	tx     Transaction
	date   datePending
	money  rowMoney
	badBal bool
}

// datePending is a transaction's date as written and as split up.
type datePending struct {
	raw  rawDate
	text string
	line int
}

// rowMoney is what a row's money in and money out cells held, for
// settling the meaning of a minus sign in those columns.
type rowMoney struct {
	inPos, outPos bool  // the cell holds an amount above zero
	inNeg, outNeg int64 // the size of an amount below zero in the cell, or 0
}

// rowReader reads CSV records as transactions with a Mapping.
type rowReader struct {
	m      *Mapping
	chosen bool // a person chose the columns, which changes the advice in errors
	comma  bool // amounts are written with a decimal comma: "1.400,00"
}

// read reads the cells of one CSV record. It returns the row, or why the
// row is skipped, or an error naming the line.
func (rr rowReader) read(cells []string, line int) (row, skipKind, error) {
	m := rr.m
	r := row{date: datePending{text: cell(cells, m.Date), line: line}}
	amount, empty, bad := rr.readMoney(cells, &r.money)
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
		return r, notSkipped, dateError(r.date, rr.chosen)
	}
	if bad != "" {
		return r, notSkipped, rr.amountError(bad, line)
	}
	if empty {
		return r, skipNoAmount, nil
	}
	r.tx = Transaction{
		AmountPence: amount,
		Type:        tidy(cell(cells, m.Type)),
		Reference:   tidy(cell(cells, m.Reference)),
		Line:        line,
	}
	r.tx.Description, r.tx.Reference = describe(cells, m, r.tx.Reference)
	if r.tx.Description == "" {
		// Nothing says who was paid; the bank's type ("Interest",
		// "Cash withdrawal") is better than a blank.
		r.tx.Description = r.tx.Type
	}
	if isSummaryLine(r.tx.Description) {
		return r, skipSummary, nil
	}
	if b := cell(cells, m.Balance); b != "" {
		v, empty, ok := parseAmountStyle(b, rr.comma)
		switch {
		case ok && !empty:
			r.tx.BalancePence, r.tx.HasBalance = v, true
		case !ok && hasDigit(b):
			r.badBal = true
		}
	}
	return r, notSkipped, nil
}

// amountError explains why the cell bad is not an amount.
func (rr rowReader) amountError(bad string, line int) *Error {
	if otherStyle(bad, rr.comma) {
		style, other := "a full stop", "a comma"
		if rr.comma {
			style, other = other, style
		}
		return newError(ErrAmount, line,
			"%s is written with %s before the pence, but the other amounts in this file use %s, so OwnPlan cannot be sure what it means. "+
				"Download the statement from your bank again, or correct this line in a spreadsheet program and save the file as CSV.",
			quote(bad), other, style)
	}
	return newError(ErrAmount, line, "%s is not an amount of money we recognise. %s", quote(bad), rowAdvice(rr.chosen))
}

// describe returns a row's description and reference: the description
// column or, where it is empty (as Monzo's is on card payments), the first
// of the fallback columns and then the reference that is not. When the
// reference is empty it takes a fallback column that says something the
// description does not.
func describe(cells []string, m *Mapping, ref string) (desc, reference string) {
	desc = tidy(cell(cells, m.Description))
	rest := m.DescriptionFallback[:]
	for desc == "" && len(rest) > 0 {
		desc, rest = tidy(cell(cells, rest[0])), rest[1:]
	}
	if desc == "" {
		return ref, ""
	}
	for ref == "" && len(rest) > 0 {
		if c := tidy(cell(cells, rest[0])); !sameText(c, desc) {
			ref = c
		}
		rest = rest[1:]
	}
	if sameText(ref, desc) {
		ref = ""
	}
	return desc, ref
}

// sameText reports whether a and b say the same, ignoring case, spacing
// and punctuation.
func sameText(a, b string) bool {
	return string(appendNormalised(nil, a)) == string(appendNormalised(nil, b))
}

// readMoney returns a row's amount in pence, whether the amount cells are
// empty, and the text of a cell that is not an amount ("" when all is
// well). For money in and money out columns the amount is money in less
// money out, whatever their signs; rm records the signs for settleSigns.
func (rr rowReader) readMoney(cells []string, rm *rowMoney) (pence int64, empty bool, bad string) {
	m := rr.m
	if m.Amount != 0 {
		s := cell(cells, m.Amount)
		p, empty, ok := parseAmountStyle(s, rr.comma)
		if !ok {
			return 0, false, s
		}
		if m.Negate {
			p = -p
		}
		return p, empty, ""
	}
	in, out := cell(cells, m.In), cell(cells, m.Out)
	pin, emptyIn, okIn := parseAmountStyle(in, rr.comma)
	pout, emptyOut, okOut := parseAmountStyle(out, rr.comma)
	switch {
	case !okIn:
		return 0, false, in
	case !okOut:
		return 0, false, out
	}
	rm.inPos, rm.outPos = pin > 0, pout > 0
	if pin < 0 {
		rm.inNeg = -pin
	}
	if pout < 0 {
		rm.outNeg = -pout
	}
	return abs(pin) - abs(pout), emptyIn && emptyOut, ""
}

// settleSigns decides what a minus sign (or brackets) in a money in or
// money out column means. Some banks write every amount in the money out
// column with a minus sign; then it means nothing. Others write payments
// out as plain amounts, and a minus in the money out column is a refund or
// a reversed payment: money in. So in a column that also holds plain
// amounts, a minus turns the amount round. Each such transaction keeps in
// flip the change the other reading would make, so that arrange can
// follow the running balance where the file has one.
func settleSigns(txs []Transaction, ms []rowMoney) {
	var inPos, outPos bool
	for _, rm := range ms {
		inPos = inPos || rm.inPos
		outPos = outPos || rm.outPos
	}
	for i, rm := range ms {
		t := &txs[i]
		t.flip = 2*rm.outNeg - 2*rm.inNeg
		if (rm.outNeg > 0 && outPos) || (rm.inNeg > 0 && inPos) {
			t.turn()
		}
	}
}

// turn reads the doubtful sign of t the other way.
func (t *Transaction) turn() {
	t.AmountPence += t.flip
	t.flip = -t.flip
	t.turned = !t.turned
}

// cell returns the trimmed text of column col (counting from 1), or "".
func cell(cells []string, col int) string {
	if col <= 0 || col > len(cells) {
		return ""
	}
	return clean(cells[col-1])
}

// clean trims a cell and drops the apostrophe some banks (NatWest, Lloyds)
// put before text so that spreadsheet programs do not read it as a
// formula or a number: "'KENT COUNTY COUNCIL".
func clean(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "'") {
		s = strings.TrimSpace(s[1:])
	}
	return s
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

// summaryLines are the descriptions of rows that banks date and give an
// amount but that are not payments, normalised as by appendNormalised.
var summaryLines = map[string]bool{
	"BALANCE BROUGHT FORWARD": true, "BALANCE CARRIED FORWARD": true, "BROUGHT FORWARD": true, "CARRIED FORWARD": true,
	"BALANCE B F": true, "BALANCE C F": true, "B F": true, "C F": true, "BFWD": true, "CFWD": true,
	"OPENING BALANCE": true, "CLOSING BALANCE": true, "START BALANCE": true, "END BALANCE": true, "BALANCE": true,
	"STARTING BALANCE": true, "ENDING BALANCE": true, "PREVIOUS BALANCE": true, "NEW BALANCE": true,
	"TOTAL": true, "TOTALS": true, "SUBTOTAL": true, "SUB TOTAL": true, "GRAND TOTAL": true,
	"TOTAL PAID IN": true, "TOTAL PAID OUT": true, "TOTAL MONEY IN": true, "TOTAL MONEY OUT": true,
	"TOTAL IN": true, "TOTAL OUT": true, "TOTAL CREDITS": true, "TOTAL DEBITS": true,
}

// isSummaryLine reports whether a row's description says it is a balance
// or a total rather than a payment. Only whole descriptions count, so
// that "TOTAL FITNESS" and "BALANCE TRANSFER" are payments.
func isSummaryLine(desc string) bool {
	return len(desc) <= 30 && summaryLines[string(appendNormalised(nil, desc))]
}

// tidy trims s and collapses runs of white space inside it, as banks pad
// descriptions to a fixed width.
func tidy(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\r\n") {
		s = strings.TrimSpace(s)
	} else {
		s = strings.Join(strings.Fields(s), " ")
	}
	if strings.Contains(s, " ,") {
		s = strings.ReplaceAll(s, " ,", ",")
	}
	return s
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

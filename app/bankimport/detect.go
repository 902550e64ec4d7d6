package bankimport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Layout is what Detect found out about a CSV statement: how to split it
// into rows and cells, where its column names are, which column holds
// what, and how sure it is.
type Layout struct {
	// Mapping is the best reading of the columns. It may be incomplete
	// (Mapping.Validate fails) when Sure is false.
	Mapping Mapping
	// Delimiter separates cells: ',', ';', '\t' or '|'.
	Delimiter rune
	// HeaderLine is the line of the column names, counting from 1, or 0
	// when the file has none. Lines before it (account details, balances)
	// are not read as payments.
	HeaderLine int
	// Header is the column names as written, or nil.
	Header []string
	// Columns is the number of columns in the widest row seen.
	Columns int
	// DecimalComma is true when the amounts are written with a decimal
	// comma and full stops between the thousands ("1.400,00"), as
	// spreadsheet programs set up for much of Europe save them. It is
	// worked out from the file, whoever chose the columns.
	DecimalComma bool

	// Sure is true when every needed column was recognised by name and the
	// first rows read cleanly with them. When it is false, Reasons says
	// why in plain English and the application should show a Preview and
	// let the person choose the columns.
	Sure    bool
	Reasons []string

	// Fingerprint identifies the bank's layout: a hash of the normalised
	// column names (or, for files without them, of the number and kinds of
	// columns). It does not change with the rows, the period or the
	// account, so the application can remember a person's Mapping for it.
	Fingerprint string
}

// Detect reads the start of a CSV statement and works out its layout.
// It returns an error only when the file cannot be read or is plainly not
// a statement; a file whose columns it cannot place gives a Layout with
// Sure false.
func Detect(ctx context.Context, r io.Reader) (*Layout, error) {
	in, err := openInput(ctx, r)
	if err == nil {
		in, err = csvInput(in)
	}
	if err != nil {
		return nil, err
	}
	sample, err := peekSample(in)
	if err != nil {
		return nil, err
	}
	d := detect(sample)
	return &d.layout, nil
}

// record is one CSV record and the line it starts on.
type record struct {
	line  int
	cells []string
}

// detection is a Layout and the sample records it was found from.
type detection struct {
	layout  Layout
	records []record // every record in the sample
	data    int      // index in records of the first row after the header
	noDates bool     // no cell in the sample is a date
	// columnReasons is how many of layout.Reasons are about the columns;
	// the rest are about the running balance, which a full read checks
	// again.
	columnReasons int
}

// Limits on how much of the sample detection looks at.
const (
	maxSampleRecords = 2000
	maxHeaderSearch  = 50
	maxDataCheck     = 200
)

func detect(sample []byte) detection {
	delim := chooseDelimiter(sample)
	d := detection{records: readRecords(sample, delim, maxSampleRecords)}
	lay := &d.layout
	lay.Delimiter = delim
	lay.DecimalComma = decimalComma(d.records)
	for _, rec := range d.records {
		lay.Columns = max(lay.Columns, len(rec.cells))
	}
	for i, rec := range d.records[:min(len(d.records), maxHeaderSearch)] {
		if m, ok := headerMapping(rec.cells); ok {
			lay.Mapping, lay.HeaderLine, d.data = m, rec.line, i+1
			lay.Header = make([]string, len(rec.cells))
			for j, c := range rec.cells {
				lay.Header[j] = strings.TrimSpace(c)
			}
			break
		}
	}
	var kinds string
	if lay.HeaderLine != 0 {
		lay.Reasons = checkColumns(lay, d.records[d.data:])
	} else {
		lay.Mapping, kinds, lay.Reasons, d.noDates = inferColumns(d.records, lay.DecimalComma)
	}
	d.columnReasons = len(lay.Reasons)
	if lay.Mapping.Validate() == nil {
		lay.Reasons = append(lay.Reasons, checkBalance(lay, d.records[d.data:])...)
	}
	lay.Sure = lay.HeaderLine != 0 && len(lay.Reasons) == 0
	lay.Fingerprint = fingerprint(lay.Header, lay.Columns, kinds)
	return d
}

// chooseDelimiter picks the delimiter that splits the most of the first
// lines into the same number of cells (more than one). Commas win ties.
func chooseDelimiter(sample []byte) rune {
	best, bestScore := ',', 0
	for _, delim := range []rune{',', ';', '\t', '|'} {
		counts := map[int]int{}
		for _, rec := range readRecords(sample, delim, 60) {
			if len(rec.cells) > 1 {
				counts[len(rec.cells)]++
			}
		}
		score := 0
		for _, c := range counts {
			score = max(score, c)
		}
		if score > bestScore {
			best, bestScore = delim, score
		}
	}
	return best
}

// newCSVReader returns a csv.Reader set up for bank statements: any number
// of cells per row, forgiving about stray quotes.
func newCSVReader(r io.Reader, delim rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	// Leading spaces are trimmed so that `, "A2B TAXIS, IPSWICH"` stays
	// one cell, but not when the delimiter is itself white space.
	cr.TrimLeadingSpace = delim != '\t'
	return cr
}

// readRecords splits the sample into at most limit records, stopping
// quietly at the first malformed one: the full read reports it.
func readRecords(sample []byte, delim rune, limit int) []record {
	cr := newCSVReader(bytes.NewReader(sample), delim)
	var recs []record
	for len(recs) < limit {
		cells, err := cr.Read()
		if err != nil {
			break
		}
		line, _ := cr.FieldPos(0)
		recs = append(recs, record{line: line, cells: cells})
	}
	return recs
}

// checkColumns checks that the columns named in the header hold what
// their names say in the first rows, and returns reasons for doubt.
func checkColumns(lay *Layout, data []record) []string {
	m := lay.Mapping
	var reasons []string
	name := func(col int) string {
		if col <= len(lay.Header) && lay.Header[col-1] != "" {
			return strconv.Quote(lay.Header[col-1])
		}
		return fmt.Sprintf("number %d", col)
	}
	rows := 0
	for _, rec := range data[:min(len(data), maxDataCheck)] {
		if len(rec.cells) > 1 {
			rows++
		}
	}
	if rows == 0 {
		return []string{"There are no statement rows under the column names."}
	}
	check := func(col int, what string, ok func(string) bool) {
		if col == 0 {
			return
		}
		seen, good, example := 0, 0, ""
		for _, rec := range data[:min(len(data), maxDataCheck)] {
			c := cell(rec.cells, col)
			if !hasDigit(c) {
				continue
			}
			seen++
			if ok(c) {
				good++
			} else if example == "" {
				example = c
			}
		}
		if good*5 < seen*4 {
			reasons = append(reasons, fmt.Sprintf("The column %s does not hold %s we recognise (for example %s).", name(col), what, quote(example)))
		}
	}
	check(m.Date, "dates", func(s string) bool { _, ok := parseRawDate(s); return ok })
	isAmount := func(s string) bool { _, _, ok := parseAmountStyle(s, lay.DecimalComma); return ok }
	for _, col := range []int{m.Amount, m.In, m.Out} {
		check(col, "amounts of money", isAmount)
	}
	if m.Description == 0 {
		reasons = append(reasons, "No column looks like a description of each payment.")
	}
	return reasons
}

// checkBalance reads the first rows with the layout's mapping and checks
// them against the running balance, if there is one. A balance that only
// fits amounts of the opposite sign proves that a single amount column
// shows money out as positive, and the mapping is changed to say so.
func checkBalance(lay *Layout, data []record) []string {
	m := &lay.Mapping
	if m.Balance == 0 {
		return nil
	}
	txs := sampleTransactions(data, m, lay.DecimalComma)
	if len(txs) < 2 {
		return nil
	}
	o := orientFollowing(txs)
	switch {
	case o.fits && o.negate && m.Amount != 0:
		m.Negate = !m.Negate
	case o.fits && o.negate:
		return []string{"The running balance goes down when money comes in: check which column is money in and which is money out."}
	case !o.fits && (chain(txs, false, false).checked > 0 || chain(txs, true, false).checked > 0):
		return []string{"The running balance does not agree with the amounts in the first rows: check the amount and balance columns."}
	}
	return nil
}

// sampleTransactions reads the records that make clean rows with m, for
// checking a layout. Rows that fail are left out.
func sampleTransactions(recs []record, m *Mapping, comma bool) []Transaction {
	rr := rowReader{m: m, comma: comma}
	var txs []Transaction
	var dates []datePending
	var signs []rowMoney
	for _, rec := range recs[:min(len(recs), maxDataCheck)] {
		if r, skip, err := rr.read(rec.cells, rec.line); err == nil && skip == notSkipped {
			txs = append(txs, r.tx)
			dates = append(dates, r.date)
			signs = append(signs, r.money)
		}
	}
	settleSigns(txs, signs)
	order := m.DateOrder
	if order == DateOrderAuto {
		order, _ = chooseDateOrder(dates)
	}
	var ok []Transaction
	for i, t := range txs {
		if d, good := dates[i].raw.resolve(order); good {
			t.Date = d
			ok = append(ok, t)
		}
	}
	return ok
}

// inferColumns works out the columns of a file without column names from
// the cells themselves. The result is never certain, so it always comes
// with reasons. kinds describes the columns for the fingerprint.
func inferColumns(recs []record, comma bool) (m Mapping, kinds string, reasons []string, noDates bool) {
	start := -1
	for i, rec := range recs {
		if len(rec.cells) < 2 {
			continue
		}
		for _, c := range rec.cells {
			if _, ok := parseRawDate(c); ok {
				start = i
				break
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return m, "", []string{"We found no dates in the first rows of the file, so we cannot tell which rows are payments."}, true
	}
	var rows [][]string
	ncol := 0
	for _, rec := range recs[start:] {
		if len(rec.cells) > 1 && len(rows) < maxDataCheck {
			rows = append(rows, rec.cells)
			ncol = max(ncol, len(rec.cells))
		}
	}
	type stats struct{ filled, dates, money, text, length int }
	cols := make([]stats, ncol)
	for _, cells := range rows {
		for i, c := range cells {
			c = clean(c)
			if c == "" {
				continue
			}
			s := &cols[i]
			s.filled++
			s.length += len(c)
			_, isDate := parseRawDate(c)
			switch {
			case isDate:
				s.dates++
			case looksLikeMoney(c, comma):
				s.money++
			default:
				s.text++
			}
		}
	}
	var money, text []int
	kindBytes := make([]byte, ncol)
	for i, s := range cols {
		col := i + 1
		switch {
		case s.filled == 0:
			kindBytes[i] = '-'
		case s.dates*5 >= s.filled*4 && s.filled*2 >= len(rows):
			kindBytes[i] = 'd'
			if m.Date == 0 {
				m.Date = col
			}
		case s.money*5 >= s.filled*4:
			kindBytes[i] = 'm'
			money = append(money, col)
		default:
			kindBytes[i] = 't'
			text = append(text, col)
			if m.Description == 0 || s.text > cols[m.Description-1].text ||
				(s.text == cols[m.Description-1].text && s.length > cols[m.Description-1].length) {
				m.Description = col
			}
		}
	}
	kinds = string(kindBytes)
	// The other text columns, the fullest first, stand in for the
	// description on rows where it is empty.
	text = slices.DeleteFunc(text, func(c int) bool { return c == m.Description })
	slices.SortStableFunc(text, func(a, b int) int { return cols[b-1].text - cols[a-1].text })
	copy(m.DescriptionFallback[:], text)
	reasons = []string{"The file has no row of column names, so the columns were worked out from the payments themselves. Check the preview."}
	if m.Date == 0 {
		return m, kinds, append(reasons, "No column holds a date on most rows."), false
	}
	if m.Description == 0 {
		reasons = append(reasons, "No column looks like a description of each payment.")
	}
	recsFrom := recs[start:]
	switch len(money) {
	case 0:
		reasons = append(reasons, "No column holds amounts of money.")
	case 1:
		m.Amount = money[0]
	default:
		m = chooseMoneyColumns(m, money, recsFrom, comma)
	}
	return m, kinds, reasons, false
}

// chooseMoneyColumns decides, for a file without column names, which of
// several money columns are the amount, money in, money out and balance.
// A reading whose running balance agrees with its amounts is proof; if
// none agrees it falls back on the usual UK order (out, in, balance).
func chooseMoneyColumns(m Mapping, money []int, recs []record, comma bool) Mapping {
	var tries []Mapping
	try := func(amount, in, out, balance int) {
		t := m
		t.Amount, t.In, t.Out, t.Balance = amount, in, out, balance
		tries = append(tries, t)
	}
	a, b := money[0], money[1]
	if len(money) == 2 {
		try(a, 0, 0, b)
		try(b, 0, 0, a)
	} else {
		c := money[2]
		try(0, b, a, c)
		try(0, a, b, c)
		try(0, c, b, a)
	}
	for _, t := range tries {
		txs := sampleTransactions(recs, &t, comma)
		if o := orientFollowing(txs); o.fits {
			if o.negate {
				if t.Amount != 0 {
					t.Negate = true
				} else {
					t.In, t.Out = t.Out, t.In
				}
			}
			return t
		}
	}
	if len(money) == 2 && exclusive(recs, a, b, comma) {
		m.Out, m.In = a, b
		return m
	}
	return tries[0]
}

// exclusive reports whether no row has amounts in both columns a and b,
// as with separate money in and money out columns.
func exclusive(recs []record, a, b int, comma bool) bool {
	for _, rec := range recs {
		pa, emptyA, _ := parseAmountStyle(cell(rec.cells, a), comma)
		pb, emptyB, _ := parseAmountStyle(cell(rec.cells, b), comma)
		if !emptyA && !emptyB && pa != 0 && pb != 0 {
			return false
		}
	}
	return true
}

// looksLikeMoney reports whether s is an amount written as banks write
// money, with pence or a pound sign, rather than a count or an account
// number.
func looksLikeMoney(s string, comma bool) bool {
	if _, empty, ok := parseAmountStyle(s, comma); !ok || empty {
		return false
	}
	if comma {
		return strings.ContainsAny(s, ",£")
	}
	return strings.ContainsAny(s, ".£")
}

// fingerprint hashes the normalised column names or, for a file without
// them, the number and kinds of columns.
func fingerprint(header []string, columns int, kinds string) string {
	h := sha256.New()
	if header != nil {
		names := header
		for len(names) > 0 && strings.TrimSpace(names[len(names)-1]) == "" {
			names = names[:len(names)-1]
		}
		io.WriteString(h, "csv header")
		for _, n := range names {
			io.WriteString(h, "\x00"+normaliseHeader(n))
		}
	} else {
		fmt.Fprintf(h, "csv no header\x00%d\x00%s", columns, kinds)
	}
	return "csv-" + hex.EncodeToString(h.Sum(nil)[:12])
}

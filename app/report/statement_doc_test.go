package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// layoutLines returns the PDF's text with pdftotext -layout, which keeps
// each table row on one line, with runs of spaces made one.
func layoutLines(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(runTool(t, pdf, "pdftotext", "-layout", "-enc", "UTF-8"), "\n") {
		if l = flat(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// hasLine reports whether a line holds every one of parts, in order.
func hasLine(lines []string, parts ...string) bool {
	for _, l := range lines {
		at, ok := 0, true
		for _, p := range parts {
			i := strings.Index(l[at:], p)
			if i < 0 {
				ok = false
				break
			}
			at += i + len(p)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestStatementShowsTheSameNumbersAsTheCSV(t *testing.T) {
	april, june := store.NewDate(2026, time.April, 1), store.NewDate(2026, time.June, 30)
	for _, tc := range []struct {
		name     string
		txs      []budget.Transaction
		from, to store.Date
	}{
		{"first quarter", sampleTransactions(120), april, june},
		{"second quarter", sampleTransactions(120), store.NewDate(2026, time.July, 1), store.NewDate(2026, time.September, 30)},
		{"no transactions", nil, april, june},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sampleStatement(t, tc.txs, tc.from, tc.to)
			d, err := StatementDocument(s)
			if err != nil {
				t.Fatal(err)
			}
			pdf := renderDoc(t, d, false)
			lines := layoutLines(t, pdf)
			var buf bytes.Buffer
			if err := budget.WriteReturnCSV(&buf, s.Return); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			pounds := func(s string) string {
				p, err := money.Parse(s)
				if err != nil {
					t.Fatalf("the CSV's amount %q: %v", s, err)
				}
				return money.Format(p)
			}
			checked := 0
			for _, r := range rows[1:] {
				item, category, planned, amount := r[0], r[1], r[2], r[3]
				var want []string
				switch item {
				case "Money in", "Spending":
					want = []string{strings.Fields(category)[0], pounds(planned), pounds(amount)}
				case "Total money in", "Total spending":
					want = []string{"Total", pounds(planned), pounds(amount)}
				case "Opening balance":
					want = []string{"Opening balance on " + FormatDate(tc.from), pounds(amount)}
				case "Closing balance":
					want = []string{"Closing balance on " + FormatDate(tc.to), pounds(amount)}
				case "Annual budget":
					want = []string{"Personal budget", pounds(amount) + " a year"}
				case "Weekly budget":
					want = []string{"Personal budget", "(" + pounds(amount) + " a week)"}
				case "Allocated for the period", "Budget for the period":
					want = []string{"Budget for this period", pounds(amount)}
				default:
					continue
				}
				checked++
				if !hasLine(lines, want...) {
					t.Errorf("CSV row %q: no line of the PDF holds %q", strings.Join(r, ","), want)
				}
			}
			if checked < 8 {
				t.Fatalf("only %d CSV rows were compared; the CSV's rows are:\n%s", checked, buf.String())
			}
			if n := s.Return.Transactions; n > 0 && !strings.Contains(flatText(t, pdf), fmt.Sprintf("There were %d transactions in this period.", n)) {
				t.Errorf("the statement does not count %d transactions", n)
			}
			var in, out int64
			for _, l := range s.Transactions {
				if l.Amount >= 0 {
					in += l.Amount
				} else {
					out -= l.Amount
				}
			}
			if n := len(s.Transactions); n > 0 && !hasLine(lines, "Total", plural(n, "1 transaction", "%d transactions"), money.Format(in), money.Format(out)) {
				t.Errorf("no line totals the %d transactions: in %s, out %s", n, money.Format(in), money.Format(out))
			}
			for _, l := range s.Transactions {
				amount := money.Format(l.Amount)
				if l.Amount < 0 {
					amount = money.Format(-l.Amount)
				}
				if !hasLine(lines, strings.ReplaceAll(shortDate(l.Date), "\u00a0", " "), strings.Fields(l.Payee)[0], amount) {
					t.Errorf("no line for the transaction %s %s %s", l.Date, l.Payee, amount)
				}
			}
		})
	}
}

// rowDate matches the date that starts a transaction's row.
var rowDate = regexp.MustCompile(`^\d{1,2}\x{00a0}[A-Z][a-z]{2}`)

func TestStatementRepeatsTheTableHeader(t *testing.T) {
	s := sampleStatement(t, sampleTransactions(400), store.NewDate(2026, time.April, 1), store.NewDate(2027, time.March, 31))
	header := []string{"Date", "Paid to or from", "Budget heading", "In", "Out"}
	for _, large := range []bool{false, true} {
		d, err := StatementDocument(s)
		if err != nil {
			t.Fatal(err)
		}
		d.LargePrint = large
		l, err := d.layout(mustFonts(t))
		if err != nil {
			t.Fatal(err)
		}
		pages := 0
		for n, p := range l.pages {
			// A page of transactions has the rows' dates in regular
			// type; above the first of them must be every header cell,
			// in bold, though in large print they wrap.
			firstRow := -1.0
			for _, o := range p.ops {
				if o.kind == opText && o.style == regular && rowDate.MatchString(o.text) && (firstRow < 0 || o.y < firstRow) {
					firstRow = o.y
				}
			}
			if firstRow < 0 {
				continue
			}
			pages++
			var above []string
			for _, o := range p.ops {
				if o.kind == opText && o.style == bold && o.y < firstRow {
					above = append(above, o.text)
				}
			}
			for _, h := range header {
				if !containsWords(strings.Join(above, " "), h) {
					t.Errorf("large=%v: page %d lacks the header cell %q above its rows", large, n+1, h)
				}
			}
		}
		if pages < 3 {
			t.Errorf("large=%v: the transactions fill %d pages; want several", large, pages)
		}
	}
	// And in the PDF as a reader's viewer sees it.
	d, err := StatementDocument(s)
	if err != nil {
		t.Fatal(err)
	}
	pages := pageTexts(t, renderDoc(t, d, false))
	with := 0
	for _, p := range pages {
		// pdftotext reads the right-aligned cells out of order, and
		// sometimes "Date" before the running header.
		if strings.Contains(flat(p), "Paid to or from Budget heading") && containsWords(p, "Date In Out") {
			with++
		}
	}
	if with < 3 || with < len(pages)-3 {
		t.Errorf("%d of %d pages show the transactions' header", with, len(pages))
	}
}

func TestStatementRefusesTransactionsThatDoNotMatch(t *testing.T) {
	april, june := store.NewDate(2026, time.April, 1), store.NewDate(2026, time.June, 30)
	good := sampleStatement(t, sampleTransactions(60), april, june)
	for _, tc := range []struct {
		name   string
		change func(*Statement)
	}{
		{"one missing", func(s *Statement) { s.Transactions = s.Transactions[1:] }},
		{"an amount changed", func(s *Statement) { s.Transactions[0].Amount++ }},
		{"no period", func(s *Statement) { s.Return.From = store.Date{} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := good
			s.Transactions = append([]StatementLine(nil), good.Transactions...)
			tc.change(&s)
			if _, err := StatementDocument(s); err == nil {
				t.Error("no error")
			}
		})
	}
	if _, err := StatementDocument(good); err != nil {
		t.Errorf("the matching statement: %v", err)
	}
}

func TestStatementWording(t *testing.T) {
	r := budget.Return{From: store.NewDate(2026, time.April, 1), To: store.NewDate(2026, time.April, 30)}
	for _, tc := range []struct {
		transactions, unreconciled int
		net                        int64
		want                       string
	}{
		{0, 0, 0, "There were no transactions in this period."},
		{1, 0, 0, "There was 1 transaction in this period. It has been checked against the bank statement."},
		{5, 0, 0, "There were 5 transactions in this period. All of them have been checked against the bank statement."},
		{5, 5, -100, "There were 5 transactions in this period. None of them has been checked against the bank statement yet."},
		{5, 2, -21899, "There were 5 transactions in this period. 2 have not been checked against the bank statement yet; together they take £218.99 out of the account."},
		{5, 1, 140000, "There were 5 transactions in this period. 1 has not been checked against the bank statement yet; together they bring £1,400.00 into the account."},
	} {
		r.Transactions, r.Unreconciled, r.UnreconciledAmount = tc.transactions, tc.unreconciled, tc.net
		if got := checkedText(r); got != tc.want {
			t.Errorf("%d, %d, %d:\n got %q\nwant %q", tc.transactions, tc.unreconciled, tc.net, got, tc.want)
		}
	}
	lines := []StatementLine{{Amount: -600, Receipt: "Taxi receipt (ref 4411)"}, {Amount: -2000}, {Amount: 140000, Receipt: "Remittance advice"}}
	if got, want := receiptsText(lines), " A receipt or invoice is kept for 1 of the 2 payments out; each is named under its payment below."; got != want {
		t.Errorf("receiptsText:\n got %q\nwant %q", got, want)
	}
	if got := receiptsText(lines[1:2]); got != "" {
		t.Errorf("with no receipts kept, receiptsText = %q", got)
	}
	if cell := transactionsTable(lines).Rows[0][1]; cell != "–\nReceipt: Taxi receipt (ref 4411)\n"+notChecked {
		t.Errorf("the payee cell is %q", cell)
	}
	for _, tc := range []struct {
		d    int64
		want string
	}{{1200, "£12.00\u00a0over"}, {-300, "£3.00\u00a0under"}, {0, "On plan"}} {
		if got := difference(tc.d, "over", "under"); got != tc.want {
			t.Errorf("difference(%d) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// containsWords reports whether every word of phrase is a word of text.
func containsWords(text, phrase string) bool {
	words := strings.Fields(text)
	for _, w := range strings.Fields(phrase) {
		found := false
		for _, x := range words {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

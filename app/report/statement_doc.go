package report

import (
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

// Statement is a budget statement for a period, in plain values, for
// StatementDocument. Every figure comes from Return, which
// budget.MonitoringReturn makes, so the PDF always shows the same
// numbers as the monitoring return's CSV.
type Statement struct {
	Person Person
	Return budget.Return
	// Transactions are the transactions in the period, in date order:
	// the ones Return counts.
	Transactions []StatementLine
}

// StatementLine is one transaction on a statement.
type StatementLine struct {
	Date store.Date
	// Payee is who was paid, or who paid, as the bank wrote it.
	Payee string
	// Note is the person's own note, if any.
	Note string
	// Category names the budget heading, or headings, it is under, in
	// words, such as "Transport" or "Not yet categorised".
	Category string
	// Amount is in pence: positive is money in, negative money out.
	Amount int64
	// Checked says it has been checked against the bank statement.
	Checked bool
	// Receipt names the receipts or invoices kept for it, such as
	// "Taxi receipt (ref 4411)"; "" if none.
	Receipt string
}

// statementTitle is the statement's title.
const statementTitle = "Budget statement"

// StatementDocument lays out the budget statement and monitoring return
// for the period of s.Return: the opening balance, money in and spending
// by budget heading against what was planned, the closing balance, every
// transaction and a declaration to sign. It is an error if the
// transactions do not add up to the return's figures, which would mean
// they are not the return's transactions. Set the returned Document's
// Generated and LargePrint before rendering it.
func StatementDocument(s Statement) (*Document, error) {
	r := s.Return
	if r.From.IsZero() || r.To.IsZero() {
		return nil, fmt.Errorf("making the budget statement: the period has no start or end date")
	}
	var net int64
	for _, t := range s.Transactions {
		net += t.Amount
	}
	if len(s.Transactions) != r.Transactions || net != r.ClosingBalance-r.OpeningBalance {
		return nil, fmt.Errorf("making the budget statement: the %d transactions listed (net %s) are not the %d in the return (net %s)",
			len(s.Transactions), formatMoney(net), r.Transactions, formatMoney(r.ClosingBalance-r.OpeningBalance))
	}
	name := s.Person.name()
	period := FormatDate(r.From) + " to " + FormatDate(r.To)
	d := &Document{
		Title:   statementTitle,
		Subject: "Budget statement and monitoring return of " + name + s.Person.forWhom() + ", " + period,
		Person:  name,
	}
	facts := s.Person.facts()
	facts = append(facts, Fact{"Period", period})
	held := r.Holding.Name()
	if !blank(r.Provider) {
		held += ", held by " + strings.TrimSpace(r.Provider)
	}
	facts = append(facts,
		Fact{"How the budget is held", held},
		Fact{"Personal budget", formatMoney(r.AnnualBudget) + " a year (" + formatMoney(r.WeeklyBudget) + " a week)"},
		Fact{"Budget for this period", formatMoney(r.Allocated)},
	)
	d.Add(
		Banner{Subtitle: nonBlank([]string{name, period, s.Person.forCouncil()})},
		Facts{Items: facts},
		Heading{Level: 1, Text: "Summary"},
		summaryTable(r),
		Paragraph{Text: checkedText(r) + receiptsText(s.Transactions)},
		Heading{Level: 1, Text: "Money in"},
		returnTable(r.MoneyIn, r.PlannedIn, r.TotalIn, "Received", "more", "less", "No money came in during this period."),
		Heading{Level: 1, Text: "Spending"},
		returnTable(r.Spending, r.PlannedSpent, r.TotalSpending, "Spent", "over", "under", "Nothing was spent during this period."),
		Heading{Level: 1, Text: "Transactions"},
		Paragraph{Text: "Every payment into and out of the account in this period, in date order, with the receipts kept. " +
			"Any not yet checked against the bank statement are marked “" + notChecked + "”.", KeepWithNext: true},
		transactionsTable(s.Transactions),
	)
	if len(s.Transactions) > 0 {
		d.Add(Paragraph{Text: fmt.Sprintf("Together these change the balance by %s, from %s on %s to %s on %s.",
			signed(net), formatMoney(r.OpeningBalance), FormatDate(r.From), formatMoney(r.ClosingBalance), FormatDate(r.To))})
	}
	d.Add(
		Heading{Level: 1, Text: "Declaration"},
		Signature{
			Text: "I confirm that this statement is a true record of the money paid into and out of the account " +
				"for my personal budget during this period, and that the money was used for the support in my plan.",
			Label: "Signed by the person the budget is for, or the person who manages it for them",
			Name:  s.Person.Name,
		},
	)
	return d, nil
}

// summaryTable is the opening balance, money in and out against plan,
// and the closing balance, in the words of the CSV return.
func summaryTable(r budget.Return) Table {
	return Table{
		Columns: []Column{{Header: "", Width: 3.4}, {Header: "Planned", Width: 1.6, Align: AlignRight}, {Header: "Amount", Width: 1.6, Align: AlignRight}},
		Rows: [][]string{
			{"Opening balance on " + FormatDate(r.From), "", formatMoney(r.OpeningBalance)},
			{"Money in", formatMoney(r.PlannedIn), formatMoney(r.TotalIn)},
			{"Money spent", formatMoney(r.PlannedSpent), formatMoney(r.TotalSpending)},
		},
		Footer: []string{"Closing balance on " + FormatDate(r.To), "", formatMoney(r.ClosingBalance)},
	}
}

// checkedText says how many transactions there were and how many have
// been checked against the bank statement.
func checkedText(r budget.Return) string {
	if r.Transactions == 0 {
		return "There were no transactions in this period."
	}
	n := plural(r.Transactions, "There was 1 transaction", "There were %d transactions") + " in this period. "
	switch {
	case r.Unreconciled == 0:
		return n + plural(r.Transactions, "It has", "All of them have") + " been checked against the bank statement."
	case r.Unreconciled == r.Transactions:
		return n + plural(r.Transactions, "It has", "None of them has") + " been checked against the bank statement yet."
	}
	n += plural(r.Unreconciled, "1 has", "%d have") + " not been checked against the bank statement yet"
	switch a := r.UnreconciledAmount; {
	case a > 0:
		return n + fmt.Sprintf("; together they bring %s into the account.", formatMoney(a))
	case a < 0:
		return n + fmt.Sprintf("; together they take %s out of the account.", formatMoney(-a))
	}
	return n + "."
}

// receiptsText says how many payments out have a receipt or invoice kept,
// or "" when none has.
func receiptsText(lines []StatementLine) string {
	out, kept := 0, 0
	for _, l := range lines {
		if l.Amount < 0 {
			out++
			if !blank(l.Receipt) {
				kept++
			}
		}
	}
	if kept == 0 {
		return ""
	}
	return fmt.Sprintf(" A receipt or invoice is kept for %d of the %s; each is named under its payment below.", kept, plural(out, "1 payment out", "%d payments out"))
}

// returnTable is one side of the return: a row per budget heading with
// the planned and actual amounts and the difference, and the totals.
func returnTable(lines []budget.ReturnLine, planned, total int64, actual, above, below, empty string) Table {
	t := Table{
		Columns: []Column{
			{Header: "Budget heading", Width: 3}, {Header: "Planned", Width: 1.5, Align: AlignRight},
			{Header: actual, Width: 1.5, Align: AlignRight}, {Header: "Difference", Width: 1.7, Align: AlignRight},
		},
		Empty: empty,
	}
	for _, l := range lines {
		name := l.Name
		if l.Key == budget.UncategorisedKey && blank(name) {
			name = "Not yet categorised"
		}
		t.Rows = append(t.Rows, []string{orDash(name), formatMoney(l.Planned), formatMoney(l.Amount), difference(l.Amount-l.Planned, above, below)})
	}
	if len(lines) > 0 {
		t.Footer = []string{"Total", formatMoney(planned), formatMoney(total), difference(total-planned, above, below)}
	}
	return t
}

// difference says how far an amount is from plan: "£12.00 over",
// "£3.00 under" or "On plan". A no-break space keeps the amount with its
// word, so a narrow column never leaves "over" on a line of its own.
func difference(d int64, above, below string) string {
	switch {
	case d > 0:
		return formatMoney(d) + "\u00a0" + above
	case d < 0:
		return formatMoney(-d) + "\u00a0" + below
	}
	return "On plan"
}

// signed formats an amount with an explicit sign: "+£12.00", "-£3.00".
func signed(p int64) string {
	if p > 0 {
		return "+" + formatMoney(p)
	}
	return formatMoney(p)
}

// transactionsTable lists every transaction with money in and money out
// in columns of their own, and their totals. Under the payee are the
// person's note, the receipts kept and, for those not yet checked against
// the bank statement, a mark saying so. Five columns are as many as fit
// in large print without breaking words.
func transactionsTable(lines []StatementLine) Table {
	t := Table{
		Columns: []Column{
			{Header: "Date", Width: 1.8}, {Header: "Paid to or from", Width: 3.2}, {Header: "Budget heading", Width: 2.4},
			{Header: "In", Width: 1.4, Align: AlignRight}, {Header: "Out", Width: 1.4, Align: AlignRight},
		},
		Empty: "No transactions in this period.",
		Rows:  make([][]string, 0, len(lines)),
	}
	var totalIn, totalOut int64
	for _, l := range lines {
		in, out := "", ""
		if l.Amount >= 0 {
			in = formatMoney(l.Amount)
		} else {
			out = formatMoney(-l.Amount)
		}
		who := orDash(l.Payee)
		if !blank(l.Note) {
			who += "\n" + strings.TrimSpace(l.Note)
		}
		if !blank(l.Receipt) {
			who += "\nReceipt: " + strings.TrimSpace(l.Receipt)
		}
		if !l.Checked {
			who += "\n" + notChecked
		}
		t.Rows = append(t.Rows, []string{shortDate(l.Date), who, orDash(l.Category), in, out})
		if l.Amount >= 0 {
			totalIn += l.Amount
		} else {
			totalOut -= l.Amount
		}
	}
	if len(lines) > 0 {
		t.Footer = []string{"Total", plural(len(lines), "1 transaction", "%d transactions"), "", formatMoney(totalIn), formatMoney(totalOut)}
	}
	return t
}

// notChecked marks a transaction not yet checked against the bank
// statement.
const notChecked = "(not checked yet)"

// shortDate writes a date in a narrow column: "23 Nov 2026". A no-break
// space keeps the day with the month; the year may wrap onto a line of
// its own in large print.
func shortDate(d store.Date) string {
	if d.IsZero() {
		return "–"
	}
	return fmt.Sprintf("%d\u00a0%s %d", d.Day, d.Month.String()[:3], d.Year)
}

package budget

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// A ReturnLine is one category on a monitoring return.
type ReturnLine struct {
	Key     string // category key; UncategorisedKey for money not yet categorised
	Name    string
	Planned int64 // planned for the period (the category's plan pro rata)
	Amount  int64 // received, or spent as a positive amount; refunds reduce it
}

// Return is a monitoring return: what a council asks for, often
// quarterly, to check how a direct payment was used from From to To
// inclusive. It holds every figure the CSV and the PDF show. Amounts are
// pence.
type Return struct {
	From, To store.Date
	Holding  Holding
	Provider string

	AnnualBudget int64
	WeeklyBudget int64
	// Allocated is the budget for the days of the period inside the
	// budget year: AllocatedBy(To) − AllocatedBy(the day before From).
	Allocated int64

	// OpeningBalance is the balance at the start of From: the setup's
	// opening balance plus every transaction from Start to the day
	// before From.
	OpeningBalance int64
	MoneyIn        []ReturnLine // every money-in category, then uncategorised money in if any
	TotalIn        int64
	PlannedIn      int64
	Spending       []ReturnLine // every money-out category, then uncategorised spending if any
	TotalSpending  int64
	PlannedSpent   int64
	// ClosingBalance is OpeningBalance + TotalIn − TotalSpending.
	ClosingBalance int64

	Transactions       int   // transactions in the period
	Unreconciled       int   // of those, not yet reconciled
	UnreconciledAmount int64 // their net total (positive is money in)
}

// MonitoringReturn builds the monitoring return for from to to inclusive.
// Only transactions inside the budget year count (see the package
// documentation); a period that starts before Start opens with the
// setup's opening balance.
func MonitoringReturn(s Setup, cats []Category, txs []Transaction, from, to store.Date) (Return, error) {
	if from.IsZero() {
		return Return{}, fmt.Errorf("monitoring return: %w", &FieldError{Field: "From", Msg: msgReturnDatesMissing})
	}
	if to.IsZero() {
		return Return{}, fmt.Errorf("monitoring return: %w", &FieldError{Field: "To", Msg: msgReturnDatesMissing})
	}
	if to.Before(from) {
		return Return{}, fmt.Errorf("monitoring return %s to %s: %w", from, to, &FieldError{Field: "To", Msg: msgReturnToBeforeFrom})
	}
	end := to
	if end.After(s.YearEnd) {
		end = s.YearEnd
	}
	l, before := tally(s, cats, txs, from, end)
	dayBefore := from.AddDays(-1)
	elapsedFrom, elapsedTo := int64(s.daysElapsed(dayBefore)), int64(s.daysElapsed(end))
	fullYear := int64(s.FullYearDays())

	r := Return{
		From:               from,
		To:                 to,
		Holding:            s.Holding,
		Provider:           s.Provider,
		AnnualBudget:       s.Annual(),
		WeeklyBudget:       s.Weekly(),
		Allocated:          max(0, s.AllocatedBy(end)-s.AllocatedBy(dayBefore)),
		OpeningBalance:     s.OpeningBalance + before,
		Transactions:       l.count,
		Unreconciled:       l.unreconciled,
		UnreconciledAmount: l.unrecNet,
	}
	plannedTo, plannedFrom := proRata(cats, elapsedTo, fullYear), proRata(cats, elapsedFrom, fullYear)
	for i, c := range cats {
		line := ReturnLine{
			Key:     c.Key,
			Name:    c.Name,
			Planned: max(0, plannedTo[i]-plannedFrom[i]),
			Amount:  l.actual(cats, i),
		}
		if c.Kind == MoneyIn {
			r.MoneyIn = append(r.MoneyIn, line)
			r.PlannedIn += line.Planned
		} else {
			r.Spending = append(r.Spending, line)
			r.PlannedSpent += line.Planned
		}
	}
	if l.uncatIn != 0 {
		r.MoneyIn = append(r.MoneyIn, ReturnLine{Key: UncategorisedKey, Name: nameUncategorisedIn, Amount: l.uncatIn})
	}
	if l.uncatOut != 0 {
		r.Spending = append(r.Spending, ReturnLine{Key: UncategorisedKey, Name: nameUncategorisedOut, Amount: l.uncatOut})
	}
	r.TotalIn = l.in(cats)
	r.TotalSpending = l.out(cats)
	r.ClosingBalance = r.OpeningBalance + r.TotalIn - r.TotalSpending
	return r, nil
}

// WriteReturnCSV writes r as CSV with the columns Item, Category, Planned
// and Amount: first the period and budget, then the opening balance, a
// row per category of money in and of spending with their totals, the
// closing balance and the transaction counts. Amounts are plain decimals
// (18200.00), dates ISO 8601 (2026-04-01). Text that a spreadsheet would
// run as a formula is prefixed with an apostrophe.
func WriteReturnCSV(w io.Writer, r Return) error {
	cw := csv.NewWriter(w)
	row := func(item, category, planned, amount string) {
		_ = cw.Write([]string{item, safeCell(category), planned, amount})
	}
	amount := func(item string, p int64) { row(item, "", "", money.Plain(p)) }
	_ = cw.Write(csvHeader)
	row(rowFrom, "", "", r.From.String())
	row(rowTo, "", "", r.To.String())
	row(rowHolding, "", "", safeCell(r.Holding.Name()))
	if r.Provider != "" {
		row(rowProvider, "", "", safeCell(r.Provider))
	}
	amount(rowAnnualBudget, r.AnnualBudget)
	amount(rowWeeklyBudget, r.WeeklyBudget)
	amount(rowAllocated, r.Allocated)
	amount(rowOpening, r.OpeningBalance)
	for _, l := range r.MoneyIn {
		row(rowMoneyIn, l.Name, money.Plain(l.Planned), money.Plain(l.Amount))
	}
	row(rowTotalIn, "", money.Plain(r.PlannedIn), money.Plain(r.TotalIn))
	for _, l := range r.Spending {
		row(rowSpending, l.Name, money.Plain(l.Planned), money.Plain(l.Amount))
	}
	row(rowTotalSpending, "", money.Plain(r.PlannedSpent), money.Plain(r.TotalSpending))
	amount(rowClosing, r.ClosingBalance)
	row(rowTransactions, "", "", strconv.Itoa(r.Transactions))
	row(rowUnreconciled, "", "", strconv.Itoa(r.Unreconciled))
	amount(rowUnreconciledNet, r.UnreconciledAmount)
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the monitoring return as CSV: %w", err)
	}
	return nil
}

// safeCell stops a spreadsheet from running text as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

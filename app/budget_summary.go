package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// budgetData is everything the budget maths needs, read at once.
type budgetData struct {
	setup budget.Setup
	cats  []budget.Category
	txs   []budget.Transaction // shared: read only
}

func (a *App) loadBudget(ctx context.Context) (budgetData, error) {
	var d budgetData
	s, has, err := a.BudgetSetup(ctx)
	if err != nil {
		return d, err
	}
	if !has {
		return d, ErrNoBudget
	}
	d.setup = s
	if d.cats, err = a.budgetCategories(ctx); err != nil {
		return d, err
	}
	if d.txs, err = a.budgetTransactions(ctx); err != nil {
		return d, err
	}
	return d, nil
}

// BudgetSummary works out where the budget stands at the end of asOf:
// the allocation so far, money in and out, the balance, weeks of cover,
// spending against plan, reserves, the money at risk of being asked back
// and a forecast to the year end, with warnings in plain English.
func (a *App) BudgetSummary(ctx context.Context, asOf store.Date) (budget.Summary, error) {
	d, err := a.loadBudget(ctx)
	if err != nil {
		return budget.Summary{}, err
	}
	return budget.Summarise(d.setup, d.cats, d.txs, asOf), nil
}

// MonitoringReturn builds the figures a council asks for about from to
// to inclusive, and returns with them the transactions they count.
func (a *App) MonitoringReturn(ctx context.Context, from, to store.Date) (budget.Return, []store.BudgetTransaction, error) {
	d, err := a.loadBudget(ctx)
	if err != nil {
		return budget.Return{}, nil, err
	}
	r, err := budget.MonitoringReturn(d.setup, d.cats, d.txs, from, to)
	if err != nil {
		return r, nil, err
	}
	// The transactions the return counts: those of the period inside the
	// budget year.
	first, last := from, to
	if first.Before(d.setup.Start) {
		first = d.setup.Start
	}
	if last.After(d.setup.YearEnd) {
		last = d.setup.YearEnd
	}
	var in []store.BudgetTransaction
	if !last.Before(first) {
		if in, err = a.transactionsBetween(ctx, first, last, false); err != nil {
			return r, nil, err
		}
	}
	return r, in, nil
}

// WriteMonitoringReturn writes the monitoring return for from to to as
// CSV: the figures (see budget.WriteReturnCSV), then a blank line and
// every transaction in the period with its category, whether it was
// checked against the statement and its receipt reference.
func (a *App) WriteMonitoringReturn(ctx context.Context, w io.Writer, from, to store.Date) error {
	r, txs, err := a.MonitoringReturn(ctx, from, to)
	if err != nil {
		return err
	}
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, c := range cats {
		names[c.Key] = c.Name
	}
	receipts, err := a.transactionReceipts(ctx)
	if err != nil {
		return err
	}
	if err := budget.WriteReturnCSV(w, r); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write(nil)
	cw.Write([]string{"Date", "Payee", "Category", "Amount", "Checked against statement", "Receipt", "Receipt ID", "Note", "Reference"})
	for _, t := range txs {
		checked := "no"
		if t.Reconciled {
			checked = "yes"
		}
		what, ids := receipts.of(t)
		cw.Write([]string{t.Date.String(), safeCell(t.Payee), safeCell(splitNames(t, names)), money.Plain(t.Amount),
			checked, safeCell(what), safeCell(ids), safeCell(t.Note), safeCell(t.Reference)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the monitoring return: %w", err)
	}
	return nil
}

// receiptIndex finds the receipts and invoices kept for each payment:
// the one chosen on the payment itself, and any evidence linked to it
// from the evidence side.
type receiptIndex struct {
	items  map[string]store.EvidenceItem   // by ID, including those in the bin
	linked map[string][]store.EvidenceItem // by payment ID
}

// transactionReceipts reads every evidence item once, for a monitoring
// return of any length.
func (a *App) transactionReceipts(ctx context.Context) (receiptIndex, error) {
	ix := receiptIndex{items: map[string]store.EvidenceItem{}, linked: map[string][]store.EvidenceItem{}}
	for _, inBin := range []bool{false, true} {
		items, err := a.EvidenceList(ctx, EvidenceFilter{InBin: inBin})
		if err != nil {
			return ix, fmt.Errorf("reading the receipts for the monitoring return: %w", err)
		}
		for _, it := range items {
			ix.items[it.ID] = it
			if inBin {
				continue
			}
			for _, l := range it.Links {
				if l.TargetKind == store.LinkTransaction {
					ix.linked[l.TargetID] = append(ix.linked[l.TargetID], it)
				}
			}
		}
	}
	return ix, nil
}

// of describes t's receipts for the council, "Taxi receipt (ref
// 4411)", and lists their IDs, each joined with "; ".
func (ix receiptIndex) of(t store.BudgetTransaction) (what, ids string) {
	var ws, is []string
	add := func(id string) {
		if id == "" || slices.Contains(is, id) {
			return
		}
		is = append(is, id)
		it, ok := ix.items[id]
		switch {
		case !ok:
			ws = append(ws, "kept receipt "+id)
		case it.Reference != "":
			ws = append(ws, fmt.Sprintf("%s (ref %s)", it.Title, it.Reference))
		default:
			ws = append(ws, it.Title)
		}
	}
	add(t.Receipt)
	for _, it := range ix.linked[t.ID] {
		add(it.ID)
	}
	return strings.Join(ws, "; "), strings.Join(is, "; ")
}

// SaveMonitoringReturn writes the monitoring return to the file at path.
// The file appears only when complete.
func (a *App) SaveMonitoringReturn(ctx context.Context, path string, from, to store.Date) error {
	// Work the figures out first, so a mistake in the dates leaves no file.
	if _, _, err := a.MonitoringReturn(ctx, from, to); err != nil {
		return err
	}
	return store.WriteFileAtomic(path, func(w io.Writer) error { return a.WriteMonitoringReturn(ctx, w, from, to) })
}

// splitNames names a transaction's categories: "Transport" or, for a
// split, "Short breaks 300.00; Transport 70.00".
func splitNames(t store.BudgetTransaction, names map[string]string) string {
	name := func(k string) string {
		if n, ok := names[k]; ok {
			return n
		}
		return k
	}
	switch len(t.Splits) {
	case 0:
		return "Not yet categorised"
	case 1:
		return name(t.Splits[0].Category)
	}
	parts := make([]string, len(t.Splits))
	for i, sp := range t.Splits {
		parts[i] = name(sp.Category) + " " + money.Plain(sp.Amount)
	}
	return strings.Join(parts, "; ")
}

// safeCell stops a spreadsheet from running text as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// QuarterBefore suggests the period of a monitoring return due on day:
// the last whole quarter of the budget year before it (budget quarters
// start on the budget's start date), or the year so far when no quarter
// has ended yet.
func QuarterBefore(s budget.Setup, day store.Date) (from, to store.Date) {
	from = s.Start
	for q := 1; q <= 4; q++ {
		next := s.Start.AddMonths(3 * q)
		if next.After(day) || next.After(s.YearEnd) {
			break
		}
		from = s.Start.AddMonths(3 * (q - 1))
		to = next.AddDays(-1)
	}
	if to.IsZero() {
		return s.Start, day
	}
	return from, to
}

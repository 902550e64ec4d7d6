package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

// statementPeriod returns the period of a statement: the options' dates,
// or the last whole quarter of the budget year before the date generated.
func (a *App) statementPeriod(ctx context.Context, opt ExportOptions) (from, to store.Date, err error) {
	if !opt.From.IsZero() && !opt.To.IsZero() {
		if opt.To.Before(opt.From) {
			return from, to, fmt.Errorf("the period runs backwards: %s is before %s; give the earlier date first", HumanDate(opt.To), HumanDate(opt.From))
		}
		return opt.From, opt.To, nil
	}
	setup, has, err := a.BudgetSetup(ctx)
	if err != nil {
		return from, to, err
	}
	if !has {
		return from, to, ErrNoBudget
	}
	from, to = QuarterBefore(setup, opt.generated())
	if !opt.From.IsZero() {
		from = opt.From
	}
	if !opt.To.IsZero() {
		to = opt.To
	}
	if to.Before(from) {
		return from, to, fmt.Errorf("the period runs backwards: %s is before %s; give the earlier date first", HumanDate(to), HumanDate(from))
	}
	return from, to, nil
}

// statementDocument makes the budget statement for the options' period
// from the same figures as MonitoringReturn, so the PDF and the CSV
// return always agree.
func (a *App) statementDocument(ctx context.Context, opt ExportOptions) (*report.Document, error) {
	from, to, err := a.statementPeriod(ctx, opt)
	if err != nil {
		return nil, err
	}
	if _, has, err := a.BudgetSetup(ctx); err != nil {
		return nil, err
	} else if !has {
		return nil, ErrNoBudget
	}
	r, txs, err := a.MonitoringReturn(ctx, from, to)
	if err != nil {
		return nil, err
	}
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, c := range cats {
		names[c.Key] = c.Name
	}
	person, err := a.reportPerson(ctx)
	if err != nil {
		return nil, err
	}
	// The receipts the CSV return lists, described the same way.
	receipts, err := a.transactionReceipts(ctx)
	if err != nil {
		return nil, err
	}
	s := report.Statement{Person: person, Return: r, Transactions: make([]report.StatementLine, 0, len(txs))}
	for _, t := range txs {
		receipt, _ := receipts.of(t)
		s.Transactions = append(s.Transactions, report.StatementLine{
			Date: t.Date, Payee: t.Payee, Note: t.Note, Category: statementCategory(t, names), Amount: t.Amount,
			Checked: t.Reconciled, Receipt: receipt,
		})
	}
	return report.StatementDocument(s)
}

// statementCategory names a transaction's budget headings: "Transport"
// or, for a split, "Payroll service £14.50; Employer costs £18.17".
func statementCategory(t store.BudgetTransaction, names map[string]string) string {
	name := func(k string) string {
		if n, ok := names[k]; ok {
			return n
		}
		return "Not yet categorised"
	}
	switch len(t.Splits) {
	case 0:
		return "Not yet categorised"
	case 1:
		return name(t.Splits[0].Category)
	}
	parts := make([]string, len(t.Splits))
	for i, sp := range t.Splits {
		amount := sp.Amount
		if amount < 0 {
			amount = -amount
		}
		parts[i] = name(sp.Category) + " " + money.Format(amount)
	}
	return strings.Join(parts, "; ")
}

package app

import (
	"context"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

// TimelinePoint is where the budget stood at the end of one day, for a
// chart of the year.
type TimelinePoint struct {
	Date    store.Date
	Balance int64 // the account balance at the end of the day
	Spent   int64 // spending since the start of the year, as a positive amount, as the summary counts it
	Planned int64 // the plan's spending pro rata to the day
}

// BudgetTimeline returns a point every week from the budget's start to
// asOf (or the year end, if sooner), ending on that day itself.
func (a *App) BudgetTimeline(ctx context.Context, asOf store.Date) ([]TimelinePoint, error) {
	d, err := a.loadBudget(ctx)
	if err != nil {
		return nil, err
	}
	return timeline(d.setup, d.cats, d.txs, asOf), nil
}

func timeline(s budget.Setup, cats []budget.Category, txs []budget.Transaction, asOf store.Date) []TimelinePoint {
	end := asOf
	if end.After(s.YearEnd) {
		end = s.YearEnd
	}
	if end.Before(s.Start) {
		return nil
	}
	var planned int64
	moneyIn := map[string]bool{} // the money-in categories; the rest are spending
	known := map[string]bool{}
	for _, c := range cats {
		if c.Kind == budget.MoneyOut {
			planned += c.Annual()
		}
		moneyIn[c.Key] = c.Kind == budget.MoneyIn
		known[c.Key] = true
	}
	// spentBy is what t adds to the spending, as the summary counts it:
	// its parts in spending categories (a refund takes some off) and any
	// uncategorised money out.
	spentBy := func(t budget.Transaction) int64 {
		var spent int64
		rest := t.Amount
		for _, sp := range t.Splits {
			if known[sp.Category] {
				if !moneyIn[sp.Category] {
					spent -= sp.Amount
				}
				rest -= sp.Amount
			}
		}
		if rest < 0 {
			spent -= rest
		}
		return spent
	}
	full := int64(s.FullYearDays())
	var out []TimelinePoint
	balance, spent := s.OpeningBalance, int64(0)
	i := 0
	for day := s.Start; ; {
		next := day.AddDays(6)
		if next.After(end) {
			next = end
		}
		for ; i < len(txs) && !txs[i].Date.After(next); i++ {
			t := txs[i]
			if t.Date.Before(s.Start) {
				continue
			}
			balance += t.Amount
			spent += spentBy(t)
		}
		p := TimelinePoint{Date: next, Balance: balance, Spent: spent}
		if full > 0 {
			p.Planned = planned * int64(next.DaysSince(s.Start)+1) / full
		}
		out = append(out, p)
		if next == end {
			return out
		}
		day = next.AddDays(1)
	}
}

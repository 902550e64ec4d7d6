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
	Spent   int64 // spending since the start of the year, as a positive amount
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
	for _, c := range cats {
		if c.Kind == budget.MoneyOut {
			planned += c.Annual()
		}
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
			if t.Amount < 0 {
				spent -= t.Amount
			}
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

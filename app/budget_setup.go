package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

// ErrNoBudget means the person has not set up their budget yet.
var ErrNoBudget = errors.New("your budget is not set up yet; set it up first (in the app: Budget, then Set up my budget; or run ownplanctl budget setup)")

// BudgetSetup returns how the person's budget is held, and false before
// it is set up.
func (a *App) BudgetSetup(ctx context.Context) (budget.Setup, bool, error) {
	b, has, err := a.store().BudgetSetup(ctx)
	if err != nil || !has {
		return budget.Setup{}, has, err
	}
	return setupFromStore(b), true, nil
}

// SuggestedBudgetSetup is a starting point for the setup form: a direct
// payment paid every four weeks over the UK financial year that contains
// today, with the usual 8-week surplus threshold and no amount yet.
func SuggestedBudgetSetup(today store.Date) budget.Setup {
	start := store.NewDate(today.Year, time.April, 1)
	if today.Before(start) {
		start = store.NewDate(today.Year-1, time.April, 1)
	}
	return budget.Setup{
		Holding:               budget.DirectPayment,
		Period:                budget.FourWeekly,
		Start:                 start,
		YearEnd:               store.NewDate(start.Year+1, time.March, 31),
		Schedule:              budget.Schedule{Kind: budget.EveryNWeeks, First: start, Weeks: 4},
		SurplusThresholdWeeks: budget.DefaultSurplusThresholdWeeks,
	}
}

// SuggestBudgetSetup is SuggestedBudgetSetup with the yearly amount
// from the person's support plan, when the plan says it.
func (a *App) SuggestBudgetSetup(ctx context.Context) budget.Setup {
	s := SuggestedBudgetSetup(store.Today())
	if p, err := a.Plan(ctx); err == nil && p.BudgetKnown && p.PersonalBudget > 0 {
		s.Amount, s.Period = p.PersonalBudget, budget.Annual
	}
	return s
}

// SaveBudgetSetup checks s and saves it. The first time, the usual
// categories are saved with it, with nothing yet planned. Reserves keep
// their identity by position, so editing one in a form changes that one.
func (a *App) SaveBudgetSetup(ctx context.Context, s budget.Setup) error {
	cats, err := a.budgetCategories(ctx)
	if err != nil {
		return err
	}
	if err := budget.Validate(s, cats, nil); err != nil {
		return fmt.Errorf("budget setup: %w", err)
	}
	st := a.store()
	old, _, err := st.BudgetSetup(ctx)
	if err != nil {
		return err
	}
	b := setupToStore(s)
	for i := range b.Reserves {
		if i < len(old.Reserves) {
			b.Reserves[i].ID = old.Reserves[i].ID
		}
	}
	return st.SaveBudgetSetup(ctx, b, categoriesToStore(budget.DefaultCategories()))
}

func setupFromStore(b store.BudgetSetup) budget.Setup {
	s := budget.Setup{
		Holding:  budget.Holding(b.Holding),
		Provider: b.Provider,
		Amount:   b.Amount,
		Period:   budget.Period(b.Period),
		Start:    b.Start,
		YearEnd:  b.YearEnd,
		Schedule: budget.Schedule{
			Kind:   budget.ScheduleKind(b.ScheduleKind),
			First:  b.ScheduleFirst,
			Weeks:  b.ScheduleWeeks,
			Day:    b.ScheduleDay,
			Amount: b.ScheduleAmount,
		},
		Contribution:          budget.Contribution{Amount: b.Contribution, Period: budget.Period(b.ContributionPeriod)},
		OpeningBalance:        b.OpeningBalance,
		SurplusThresholdWeeks: b.ThresholdWeeks,
	}
	for _, r := range b.Reserves {
		s.Reserves = append(s.Reserves, budget.Reserve{
			Name: r.Name, Basis: budget.ReserveBasis(r.Basis), Amount: r.Amount,
			WeeksTenths: r.WeeksTenths, Category: r.Category,
		})
	}
	return s
}

func setupToStore(s budget.Setup) store.BudgetSetup {
	b := store.BudgetSetup{
		Holding:            string(s.Holding),
		Provider:           s.Provider,
		Amount:             s.Amount,
		Period:             string(s.Period),
		Start:              s.Start,
		YearEnd:            s.YearEnd,
		ScheduleKind:       string(s.Schedule.Kind),
		ScheduleFirst:      s.Schedule.First,
		ScheduleWeeks:      s.Schedule.Weeks,
		ScheduleDay:        s.Schedule.Day,
		ScheduleAmount:     s.Schedule.Amount,
		Contribution:       s.Contribution.Amount,
		ContributionPeriod: string(s.Contribution.Period),
		OpeningBalance:     s.OpeningBalance,
		ThresholdWeeks:     s.SurplusThresholdWeeks,
	}
	for _, r := range s.Reserves {
		b.Reserves = append(b.Reserves, store.BudgetReserve{
			Name: r.Name, Basis: string(r.Basis), Amount: r.Amount, WeeksTenths: r.WeeksTenths, Category: r.Category,
		})
	}
	return b
}

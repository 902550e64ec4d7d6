package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// budgetSetupID is the ID of the single budget_setup record.
const budgetSetupID = "budget"

// BudgetSetup is how the person's personal budget is held, how much it
// is, when it is paid and what must be kept back. Amounts are pence; the
// text fields hold the stable keys of package budget (holding, periods,
// schedule kinds), which the store does not interpret.
type BudgetSetup struct {
	Holding  string `json:"holding"`
	Provider string `json:"provider,omitempty"`

	Amount int64  `json:"amount_pence"`
	Period string `json:"period"`

	Start   Date `json:"start"`
	YearEnd Date `json:"year_end"`

	ScheduleKind   string `json:"schedule_kind"`
	ScheduleFirst  Date   `json:"schedule_first"`
	ScheduleWeeks  int    `json:"schedule_weeks,omitempty"`
	ScheduleDay    int    `json:"schedule_day,omitempty"`
	ScheduleAmount int64  `json:"schedule_amount_pence,omitempty"`

	Contribution       int64  `json:"contribution_pence,omitempty"`
	ContributionPeriod string `json:"contribution_period,omitempty"`

	OpeningBalance int64 `json:"opening_balance_pence"`
	ThresholdWeeks int   `json:"threshold_weeks"`

	Reserves []BudgetReserve `json:"reserves"`
}

// BudgetReserve is money the person must keep in the account: holiday
// pay for personal assistants, redundancy, a contingency.
type BudgetReserve struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Basis       string `json:"basis"`
	Amount      int64  `json:"amount_pence,omitempty"`
	WeeksTenths int64  `json:"weeks_tenths,omitempty"`
	Category    string `json:"category,omitempty"`
}

// BudgetSetup returns the budget's setup, and false when the person has
// not set up a budget yet.
func (s *Store) BudgetSetup(ctx context.Context) (BudgetSetup, bool, error) {
	var b BudgetSetup
	var start, yearEnd, first string
	err := s.db.QueryRowContext(ctx, `SELECT holding, provider, amount, period, start, year_end,
		schedule_kind, schedule_first, schedule_weeks, schedule_day, schedule_amount,
		contribution, contribution_period, opening_balance, threshold_weeks
		FROM budget_setup WHERE id = ? AND deleted = 0`, budgetSetupID).
		Scan(&b.Holding, &b.Provider, &b.Amount, &b.Period, &start, &yearEnd,
			&b.ScheduleKind, &first, &b.ScheduleWeeks, &b.ScheduleDay, &b.ScheduleAmount,
			&b.Contribution, &b.ContributionPeriod, &b.OpeningBalance, &b.ThresholdWeeks)
	if err == sql.ErrNoRows {
		return BudgetSetup{}, false, nil
	}
	if err != nil {
		return BudgetSetup{}, false, fmt.Errorf("read budget setup: %w", plainDBError(err))
	}
	// A date that arrived damaged by sync reads as "not set", which the
	// budget's checks then ask the person to fill in.
	b.Start, _ = ParseDate(start)
	b.YearEnd, _ = ParseDate(yearEnd)
	b.ScheduleFirst, _ = ParseDate(first)
	b.Reserves, err = s.budgetReserves(ctx)
	if err != nil {
		return BudgetSetup{}, false, err
	}
	return b, true, nil
}

func (s *Store) budgetReserves(ctx context.Context) ([]BudgetReserve, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, basis, amount, weeks_tenths, category
		FROM budget_reserves WHERE deleted = 0 ORDER BY position, id`)
	if err != nil {
		return nil, fmt.Errorf("read reserves: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []BudgetReserve
	for rows.Next() {
		var r BudgetReserve
		if err := rows.Scan(&r.ID, &r.Name, &r.Basis, &r.Amount, &r.WeeksTenths, &r.Category); err != nil {
			return nil, fmt.Errorf("read reserves: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SaveBudgetSetup saves every changed field of b and its reserves in one
// transaction: reserves without an ID are added, and reserves no longer
// in b are removed. When no categories have been saved yet, cats are
// saved with it, so the budget starts with the usual headings. The
// caller checks that b makes sense (package budget).
func (s *Store) SaveBudgetSetup(ctx context.Context, b BudgetSetup, cats []BudgetCategory) error {
	return s.update(ctx, func(t *Tx) error {
		fields := []struct {
			k string
			v any
		}{
			{"holding", b.Holding}, {"provider", strings.TrimSpace(b.Provider)},
			{"amount", b.Amount}, {"period", b.Period},
			{"start", b.Start.String()}, {"year_end", b.YearEnd.String()},
			{"schedule_kind", b.ScheduleKind}, {"schedule_first", b.ScheduleFirst.String()},
			{"schedule_weeks", b.ScheduleWeeks}, {"schedule_day", b.ScheduleDay},
			{"schedule_amount", b.ScheduleAmount},
			{"contribution", b.Contribution}, {"contribution_period", b.ContributionPeriod},
			{"opening_balance", b.OpeningBalance}, {"threshold_weeks", b.ThresholdWeeks},
			{"deleted", 0},
		}
		for _, f := range fields {
			if err := t.set("budget_setup", budgetSetupID, f.k, f.v); err != nil {
				return fmt.Errorf("save budget setup: %w", err)
			}
		}
		if err := t.saveReserves(b.Reserves); err != nil {
			return err
		}
		var n int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM budget_categories`).Scan(&n); err != nil {
			return fmt.Errorf("save budget setup: %w", plainDBError(err))
		}
		if n == 0 {
			for i, c := range cats {
				c.Position = i
				if err := t.saveCategory(c); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func (t *Tx) saveReserves(rs []BudgetReserve) error {
	keep := map[string]bool{}
	for i, r := range rs {
		if r.ID == "" {
			r.ID = NewID()
		}
		keep[r.ID] = true
		for _, f := range []struct {
			k string
			v any
		}{
			{"name", strings.TrimSpace(r.Name)}, {"basis", r.Basis}, {"amount", r.Amount},
			{"weeks_tenths", r.WeeksTenths}, {"category", r.Category}, {"position", i}, {"deleted", 0},
		} {
			if err := t.set("budget_reserves", r.ID, f.k, f.v); err != nil {
				return fmt.Errorf("save reserve %q: %w", r.Name, err)
			}
		}
	}
	ids, err := t.ids(`SELECT id FROM budget_reserves WHERE deleted = 0`)
	if err != nil {
		return fmt.Errorf("save reserves: %w", err)
	}
	for _, id := range ids {
		if !keep[id] {
			if err := t.remove("budget_reserves", id); err != nil {
				return fmt.Errorf("remove reserve: %w", err)
			}
		}
	}
	return nil
}

// ids runs a query that returns one column of IDs.
func (t *Tx) ids(query string, args ...any) ([]string, error) {
	rows, err := t.tx.QueryContext(t.ctx, query, args...)
	if err != nil {
		return nil, plainDBError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

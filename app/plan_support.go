package app

import (
	"context"

	"github.com/ownplan/ownplan/store"
)

// SupportArrangements returns the plan's support arrangements in the
// order they were added. Each has its budget category key (Category,
// empty if not chosen) and its cost in pence a year (AnnualCost, which
// counts only when CostKnown): the budget uses them to fill in planned
// amounts.
func (a *App) SupportArrangements(ctx context.Context) ([]store.SupportArrangement, error) {
	return a.store().SupportArrangements(ctx)
}

// PlannedByCategory adds up the known yearly costs of the support
// arrangements by budget category key. Costs without a category are
// under the empty key.
func (a *App) PlannedByCategory(ctx context.Context) (map[string]int64, error) {
	list, err := a.SupportArrangements(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, s := range list {
		if s.CostKnown {
			out[s.Category] += s.AnnualCost
		}
	}
	return out, nil
}

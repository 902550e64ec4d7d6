package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
)

// PlanCost is what the support plan says one budget category will cost.
type PlanCost struct {
	Category string   // the category's key
	Annual   int64    // pence a year: the known costs of its arrangements
	Items    []string // the arrangements, as "Who: what (£X a year)"
}

// PlanCosts adds up the known costs of the plan's support arrangements
// by budget category, in the budget's category order. Arrangements
// without a category or a known cost are left out.
func (a *App) PlanCosts(ctx context.Context) ([]PlanCost, error) {
	arr, err := a.SupportArrangements(ctx)
	if err != nil {
		return nil, err
	}
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	byKey := map[string]*PlanCost{}
	for _, s := range arr {
		if !s.CostKnown || s.Category == "" {
			continue
		}
		pc := byKey[s.Category]
		if pc == nil {
			pc = &PlanCost{Category: s.Category}
			byKey[s.Category] = pc
		}
		pc.Annual += s.AnnualCost
		item := strings.TrimSpace(s.What)
		if who := strings.TrimSpace(s.Who); who != "" {
			item = who + ": " + item
		}
		pc.Items = append(pc.Items, fmt.Sprintf("%s (%s a year)", item, money.FormatPounds(s.AnnualCost)))
	}
	var out []PlanCost
	for _, c := range cats {
		if pc := byKey[c.Key]; pc != nil {
			out = append(out, *pc)
		}
	}
	return out, nil
}

// UsePlanCosts sets each category's planned amount to what the support
// plan says it costs, with a note listing the arrangements, and links it
// to the plan's outcomes those arrangements help with. It returns how
// many categories it planned. A category keeps its period when the
// yearly cost shares into it exactly (£16,848 a year is £324 a week);
// otherwise the amount is planned per year. Categories the plan does not
// cost are left as they are.
func (a *App) UsePlanCosts(ctx context.Context) (int, error) {
	costs, err := a.PlanCosts(ctx)
	if err != nil {
		return 0, err
	}
	outcomes, err := a.categoryOutcomes(ctx)
	if err != nil {
		return 0, err
	}
	for _, pc := range costs {
		c, err := a.BudgetCategory(ctx, pc.Category)
		if err != nil {
			return 0, err
		}
		if n := c.Period.PerYear(); n > 0 && pc.Annual%n == 0 {
			c.Planned = pc.Annual / n
		} else {
			c.Planned, c.Period = pc.Annual, budget.Annual
		}
		c.Note = "From my support plan: " + strings.Join(pc.Items, "; ") + "."
		c.Outcomes = outcomes[pc.Category]
		if err := a.SaveBudgetCategory(ctx, c); err != nil {
			return 0, err
		}
	}
	return len(costs), nil
}

// categoryOutcomes maps each category key to the IDs of the plan
// outcomes whose support arrangements are planned under it.
func (a *App) categoryOutcomes(ctx context.Context) (map[string][]string, error) {
	p, err := a.Plan(ctx)
	if err != nil {
		return nil, err
	}
	catOf := map[string]string{}
	for _, s := range p.Support {
		catOf[s.ID] = s.Category
	}
	out := map[string][]string{}
	for _, o := range p.Outcomes {
		seen := map[string]bool{}
		for _, sid := range o.Support {
			if k := catOf[sid]; k != "" && !seen[k] {
				seen[k] = true
				out[k] = append(out[k], o.ID)
			}
		}
	}
	return out, nil
}

// OutcomeNames returns what each of the plan's outcomes is ("Get out of
// the flat twice a week"), by ID, for showing a category's links.
func (a *App) OutcomeNames(ctx context.Context) (map[string]string, error) {
	p, err := a.Plan(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, o := range p.Outcomes {
		out[o.ID] = o.What
	}
	return out, nil
}

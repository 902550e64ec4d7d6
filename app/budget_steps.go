package app

import (
	"context"
	"fmt"

	"github.com/ownplan/ownplan/store"
)

func init() { stepSources = append(stepSources, budgetSteps) }

// budgetSteps suggests setting the budget up, acting on its most serious
// warning and categorising what is not yet categorised.
func budgetSteps(ctx context.Context, a *App) ([]Step, error) {
	_, has, err := a.BudgetSetup(ctx)
	if err != nil {
		return nil, err
	}
	if !has {
		return []Step{{
			Title:  "Set up your budget",
			Why:    "Tell OwnPlan how much your personal budget is and when it is paid. It then shows what is left, and warns you before the council might ask for money back.",
			Screen: "budget",
		}}, nil
	}
	var steps []Step
	sum, err := a.BudgetSummary(ctx, store.Today())
	if err != nil {
		return nil, err
	}
	if len(sum.Warnings) > 0 {
		w := sum.Warnings[0]
		steps = append(steps, Step{Title: "Check your budget", Why: w.Message + " " + w.Advice, Screen: "budget"})
	}
	txs, err := a.Transactions(ctx, TransactionFilter{ByCategory: true})
	if err != nil {
		return nil, err
	}
	if n := len(txs); n > 0 {
		what := fmt.Sprintf("%d payments are", n)
		if n == 1 {
			what = "1 payment is"
		}
		steps = append(steps, Step{
			Title:  "Categorise payments",
			Why:    what + " not in a category yet. Councils ask what the money was spent on, and OwnPlan learns from your choices.",
			Screen: "budget",
		})
	}
	return steps, nil
}

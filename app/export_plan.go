package app

import (
	"context"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

// planDocument makes the support plan from the data folder.
func (a *App) planDocument(ctx context.Context) (*report.Document, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return nil, err
	}
	p, err := a.Plan(ctx)
	if err != nil {
		return nil, err
	}
	person, err := a.reportPerson(ctx)
	if err != nil {
		return nil, err
	}
	rp := report.Plan{
		Person:     person,
		Status:     p.Status.Label(),
		Started:    p.Started,
		Sent:       p.Sent,
		Agreed:     p.Agreed,
		NextReview: p.NextReview,
		Sections:   map[string]string{},
		Profile:    map[string]string{},
	}
	for _, s := range p.Sections {
		rp.Sections[s.Key] = s.Text
	}
	for _, s := range p.Profile {
		rp.Profile[s.Key] = s.Text
	}
	for _, o := range p.Outcomes {
		ro := report.PlanOutcome{What: o.What, Why: o.Why, HowIllKnow: o.HowIllKnow}
		for _, k := range o.Needs {
			if out, _, ok := g.Outcome(k); ok {
				ro.Needs = append(ro.Needs, out.Title)
			}
		}
		rp.Outcomes = append(rp.Outcomes, ro)
	}
	for _, s := range p.Support {
		rp.Support = append(rp.Support, report.Support{Who: s.Who, What: s.What, When: s.When, Cost: s.AnnualCost, CostKnown: s.CostKnown})
	}
	for _, r := range p.Risks {
		rp.Risks = append(rp.Risks, report.Risk{What: r.What, Managed: r.Managed, WhoHelps: r.WhoHelps, BackUp: r.BackUp})
	}
	for _, x := range p.Actions {
		rp.Actions = append(rp.Actions, report.Action{What: x.What, Who: x.Who, By: x.By, Done: x.Done, DoneOn: x.DoneOn})
	}
	if rp.Budget, err = a.planBudget(ctx, p); err != nil {
		return nil, err
	}
	if rp.HelpedBy, err = a.planHelpers(ctx, person.Name); err != nil {
		return nil, err
	}
	if rp.Evidence, err = a.reportEvidence(ctx, g, func(store.EvidenceItem) bool { return true }); err != nil {
		return nil, err
	}
	return report.PlanDocument(g, rp)
}

// planBudget is the personal budget as the plan shows it: the budget
// set-up and its planned spending, and the amount written in the plan.
func (a *App) planBudget(ctx context.Context, p Plan) (report.Budget, error) {
	b := report.Budget{PlanAmount: p.PersonalBudget, PlanAmountKnown: p.BudgetKnown}
	setup, has, err := a.BudgetSetup(ctx)
	if err != nil || !has {
		return b, err
	}
	b.Setup = &setup
	cats, err := a.BudgetCategories(ctx)
	if err != nil {
		return b, err
	}
	b.Categories = make([]budget.Category, len(cats))
	for i, c := range cats {
		b.Categories[i] = c.Category
	}
	return b, nil
}

// planHelpers names the people who helped write the plan: those who
// commented on it, other than the person, in the order they first did.
func (a *App) planHelpers(ctx context.Context, person string) ([]string, error) {
	comments, err := a.Comments(ctx, "")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{strings.ToLower(strings.TrimSpace(person)): true, "": true}
	var names []string
	for _, c := range comments {
		n := strings.TrimSpace(c.AuthorName)
		if k := strings.ToLower(n); !seen[k] {
			seen[k] = true
			names = append(names, n)
		}
	}
	return names, nil
}

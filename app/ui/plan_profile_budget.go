package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
)

// profileEditor edits the one-page profile's three headings.
func (v *planView) profileEditor(p app.Plan) fyne.CanvasObject {
	u := v.u
	v.profile = map[string]*textBox{}
	box := container.NewVBox(subheading(v.g.Profile.Title), para(v.g.Profile.Intro))
	for _, h := range v.g.Profile.Headings {
		key := h.Key
		e := u.newTextBox(p.ProfileText(key), "", 4)
		saver := u.newSaver(func() func() error {
			text := e.Text
			return func() error {
				if err := u.a.SetPlanProfile(u.ctx, key, text); err != nil {
					return err
				}
				v.afterWrite()
				return nil
			}
		})
		e.OnChanged = func(string) { saver.changed() }
		v.profile[key] = e
		box.Add(boldLabel(h.Title))
		box.Add(para(h.Prompt))
		box.Add(note("For example: " + h.Example))
		box.Add(e)
	}
	return box
}

// budgetEditor edits the personal budget and shows how the costed
// support adds up against it.
func (v *planView) budgetEditor(p app.Plan) fyne.CanvasObject {
	u := v.u
	text := ""
	if p.BudgetKnown {
		text = money.FormatPounds(p.PersonalBudget)
	}
	v.budget = u.newTextBox(text, "For example £18,200", 1)
	v.budget.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := money.Parse(s)
		return err
	}
	saver := u.newSaver(func() func() error {
		s := strings.TrimSpace(v.budget.Text)
		pence, err := money.Parse(s)
		if s != "" && err != nil {
			return func() error { return nil } // the field says why
		}
		return func() error {
			if err := u.a.SetPersonalBudget(u.ctx, pence, s != ""); err != nil {
				return err
			}
			v.afterWrite()
			return nil
		}
	})
	v.budget.OnChanged = func(string) { saver.changed() }
	v.budgetSum = para(v.budgetSummary())
	hint := "The amount on the council's letter. Leave it empty if you don't know yet."
	if p.BudgetFrom == app.BudgetFromSetup {
		hint = "This is the yearly amount of the budget you set up on the Budget screen. If your plan is costed against a different amount, type it here."
	}
	return container.NewVBox(
		subheading("My personal budget"),
		boxField("How much is your personal budget a year?", hint, v.budget),
		v.budgetSum,
	)
}

// budgetSummary says how the support costs add up against the budget,
// category by category.
func (v *planView) budgetSummary() string {
	p, err := v.u.a.Plan(v.u.ctx)
	if err != nil {
		return err.Error()
	}
	cats, _ := v.u.a.PlanSupportCategories(v.u.ctx)
	return budgetSummaryOf(p, cats)
}

// budgetSummaryOf is budgetSummary for the plan p and the budget's
// categories cats, read already.
func budgetSummaryOf(p app.Plan, cats []budget.Category) string {
	total, unknown := p.SupportTotal()
	var b strings.Builder
	fmt.Fprintf(&b, "Your support adds up to %s a year", money.Format(total))
	switch {
	case !p.BudgetKnown:
		b.WriteString(".")
	case total == p.PersonalBudget:
		fmt.Fprintf(&b, ", exactly your personal budget of %s.", money.Format(p.PersonalBudget))
	case total < p.PersonalBudget:
		fmt.Fprintf(&b, ". Your personal budget is %s, so %s isn't planned yet.", money.Format(p.PersonalBudget), money.Format(p.PersonalBudget-total))
	default:
		fmt.Fprintf(&b, ". That is %s more than your personal budget of %s.", money.Format(total-p.PersonalBudget), money.Format(p.PersonalBudget))
	}
	if unknown > 0 {
		fmt.Fprintf(&b, " %d of your support arrangements don't have a cost yet.", unknown)
	}
	byCat := map[string]int64{}
	for _, s := range p.Support {
		if s.CostKnown {
			byCat[s.Category] += s.AnnualCost
		}
	}
	if len(cats) == 0 {
		cats = app.SupportCategories()
	}
	for _, c := range cats {
		if n := byCat[c.Key]; n > 0 {
			fmt.Fprintf(&b, "\n• %s: %s", c.Name, money.Format(n))
		}
	}
	if n := byCat[""]; n > 0 {
		fmt.Fprintf(&b, "\n• No category chosen yet: %s", money.Format(n))
	}
	return b.String()
}

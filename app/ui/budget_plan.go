package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
)

// planForm is the page for planning how the money is spent.
type planForm struct {
	amounts  map[string]*widget.Entry
	periods  map[string]*widget.Select
	notes    map[string]*widget.Entry
	usePlan  *widget.Button
	newName  *widget.Entry
	addOwn   *widget.Button
	total    *widget.Label
	problems *widget.Label
}

// showPlan opens the planning page: how much is planned for each
// category, from the support plan or typed in.
func (v *budgetView) showPlan() {
	v.leavePage()
	u := v.u
	cats, err := u.a.BudgetCategories(u.ctx)
	if err != nil {
		u.reportSave(stateFailed, err)
		return
	}
	s, _, _ := u.a.BudgetSetup(u.ctx)
	outcomes, _ := u.a.OutcomeNames(u.ctx)
	f := &planForm{amounts: map[string]*widget.Entry{}, periods: map[string]*widget.Select{}, notes: map[string]*widget.Entry{}}
	v.planForm = f
	f.total = para("")
	f.problems = para("")
	f.problems.Importance = widget.DangerImportance
	updateTotal := func() {
		var planned int64
		for _, c := range cats {
			if c.Kind != budget.MoneyOut {
				continue
			}
			if p, err := parseMoneyOrZero(f.amounts[c.Key].Text); err == nil {
				planned += budget.Annualise(p, periodOf(f.periods[c.Key].Selected))
			}
		}
		text := fmt.Sprintf("You have planned %s a year of spending. Your budget is %s a year.", money.Format(planned), money.Format(s.Annual()))
		switch {
		case planned > s.Annual():
			text += fmt.Sprintf(" That is %s more than the budget.", money.Format(planned-s.Annual()))
		case planned < s.Annual():
			text += fmt.Sprintf(" %s is not planned yet.", money.Format(s.Annual()-planned))
		}
		f.total.SetText(text)
	}

	box := container.NewVBox()
	for _, c := range cats {
		c := c
		amount := moneyEntry(c.Planned, true)
		period := widget.NewSelect(periodLabels(), nil)
		period.Selected = periodLabel(c.Period)
		note := widget.NewEntry()
		note.SetText(c.Note)
		note.SetPlaceHolder("How you worked it out")
		f.amounts[c.Key], f.periods[c.Key], f.notes[c.Key] = amount, period, note
		saver := u.newSaver(func() func() error {
			next := c
			p, err := parseMoneyOrZero(amount.Text)
			if err != nil {
				return func() error { return fmt.Errorf("%s: %w", c.Name, err) }
			}
			next.Planned, next.Note = p, note.Text
			if per := periodOf(period.Selected); per != "" {
				next.Period = per
			}
			c = next
			return func() error { return u.a.SaveBudgetCategory(u.ctx, next) }
		})
		amount.OnChanged = func(string) { saver.changed(); updateTotal() }
		period.OnChanged = func(string) { saver.changed(); updateTotal() }
		note.OnChanged = func(string) { saver.changed() }
		kind := "Planned spending"
		if c.Kind == budget.MoneyIn {
			kind = "Money expected in"
		}
		var links []string
		for _, id := range c.Outcomes {
			if what := outcomes[id]; what != "" {
				links = append(links, what)
			}
		}
		forWhat := container.NewVBox()
		if len(links) > 0 {
			forWhat.Add(para("For what I want to achieve: " + strings.Join(links, "; ") + "."))
		}
		box.Add(widget.NewCard("", "", container.NewVBox(
			subheading(c.Name),
			para(c.Hint),
			forWhat,
			bfield(kind+" (pounds)", "", amount),
			labelled("That amount is…", "", period),
			bfield("Note", "", note),
		)))
	}
	updateTotal()

	var fromPlan fyne.CanvasObject = container.NewVBox()
	if costs, err := u.a.PlanCosts(u.ctx); err == nil && len(costs) > 0 {
		var total int64
		for _, pc := range costs {
			total += pc.Annual
		}
		f.usePlan = button("Use the costs from my plan", theme.DownloadIcon(), true, func() {
			u.flushAll()
			n, err := u.a.UsePlanCosts(u.ctx)
			if err != nil {
				u.reportSave(stateFailed, err)
				return
			}
			u.reportSave(stateSaved, nil)
			v.showPlan()
			v.offerNote(fmt.Sprintf("Planned %d categories from your support plan.", n))
		})
		fromPlan = widget.NewCard("", "", container.NewVBox(
			widget.NewLabelWithStyle("Your support plan", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			para(fmt.Sprintf("The support in your plan costs %s a year, in %d categories. You can use those costs here instead of typing them.", money.Format(total), len(costs))),
			container.NewHBox(f.usePlan),
		))
	}

	f.newName = widget.NewEntry()
	f.newName.SetPlaceHolder("For example: Swimming")
	f.addOwn = button("Add this category", theme.ContentAddIcon(), false, func() {
		if _, err := u.a.AddBudgetCategory(u.ctx, f.newName.Text, budget.MoneyOut, 0, budget.Monthly); err != nil {
			f.problems.SetText(err.Error())
			return
		}
		v.showPlan()
	})
	f.newName.OnSubmitted = func(string) { f.addOwn.OnTapped() }
	v.showPage("plan", container.NewVBox(
		container.NewHBox(v.backButton()),
		heading("Plan my spending"),
		para("Say how much of your budget you plan to spend on each kind of support: your plan's \"how I will use my money\". "+
			"OwnPlan then shows your spending against it and warns you if something runs ahead. Leave a category at 0 if you do not use it."),
		fromPlan,
		f.total,
		box,
		subheading("A category of your own"),
		bfield("Name", "For something your council agreed that is not in the list.", f.newName),
		f.problems,
		container.NewHBox(f.addOwn),
		container.NewHBox(button("Done", theme.ConfirmIcon(), true, func() { v.backToOverview() })),
	))
}

// offerNote shows a short note at the top of the page.
func (v *budgetView) offerNote(text string) {
	if scroll, ok := v.u.body.Objects[0].(*container.Scroll); ok {
		if pad, ok := scroll.Content.(*fyne.Container); ok && len(pad.Objects) > 0 {
			if box, ok := pad.Objects[0].(*fyne.Container); ok {
				note := para(text)
				note.Importance = widget.SuccessImportance
				box.Objects = append([]fyne.CanvasObject{note}, box.Objects...)
				box.Refresh()
			}
		}
	}
}

// pageCategories returns the categories as budget maths takes them.
func pageCategories(cats []app.BudgetCategory) []budget.Category {
	out := make([]budget.Category, len(cats))
	for i, c := range cats {
		out[i] = c.Category
	}
	return out
}

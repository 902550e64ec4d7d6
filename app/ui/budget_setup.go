package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// periodChoices name the periods the way a person reads an amount.
var periodChoices = []struct {
	label string
	p     budget.Period
}{
	{"a week", budget.Weekly}, {"every four weeks", budget.FourWeekly}, {"a month", budget.Monthly}, {"a year", budget.Annual},
}

func periodLabels() []string {
	out := make([]string, len(periodChoices))
	for i, c := range periodChoices {
		out[i] = c.label
	}
	return out
}

func periodLabel(p budget.Period) string {
	for _, c := range periodChoices {
		if c.p == p {
			return c.label
		}
	}
	return ""
}

func periodOf(label string) budget.Period {
	for _, c := range periodChoices {
		if c.label == label {
			return c.p
		}
	}
	return ""
}

// scheduleChoices are the ways councils pay.
var scheduleChoices = []struct {
	label string
	s     budget.Schedule
}{
	{"Every four weeks", budget.Schedule{Kind: budget.EveryNWeeks, Weeks: 4}},
	{"Every two weeks", budget.Schedule{Kind: budget.EveryNWeeks, Weeks: 2}},
	{"Every week", budget.Schedule{Kind: budget.EveryNWeeks, Weeks: 1}},
	{"Every month", budget.Schedule{Kind: budget.MonthlyOnDay}},
	{"Every three months", budget.Schedule{Kind: budget.Quarterly}},
	{"Once a year, in advance", budget.Schedule{Kind: budget.AnnuallyInAdvance}},
	{"Not paid into an account", budget.Schedule{}},
}

func scheduleLabel(s budget.Schedule) string {
	for _, c := range scheduleChoices {
		if c.s.Kind == s.Kind && (s.Kind != budget.EveryNWeeks || c.s.Weeks == s.Weeks) {
			return c.label
		}
	}
	if s.Kind == budget.EveryNWeeks {
		return fmt.Sprintf("Every %d weeks", s.Weeks)
	}
	return ""
}

// reserveBases are the ways a reserve is worked out.
var reserveBases = []struct {
	label string
	basis budget.ReserveBasis
}{
	{"A set amount", budget.FixedAmount},
	{"Weeks of PA wages", budget.WeeksOfCategory},
	{"Weeks of my whole budget", budget.WeeksOfBudget},
}

// setupForm is the budget setup page.
type setupForm struct {
	holding, period, schedule, contribPer *widget.Select
	holdingHint                           *widget.Label
	provider, amount, start, yearEnd      *widget.Entry
	first, payment, contribution, opening *widget.Entry
	threshold                             *widget.Entry
	reserveBox                            *fyne.Container
	reserves                              []*reserveRow
	problems                              *widget.Label
	saver                                 *autosaver
}

type reserveRow struct {
	box      fyne.CanvasObject
	category string // for weeks of a category: its key
	name     *widget.Entry
	basis    *widget.Select
	value    *widget.Entry
	remove   *widget.Button
}

func moneyEntry(v int64, blankZero bool) *widget.Entry {
	e := widget.NewEntry()
	if v != 0 || !blankZero {
		e.SetText(money.Format(v))
	}
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" && blankZero {
			return nil
		}
		_, err := money.Parse(s)
		return err
	}
	return e
}

func dateEntry(d store.Date) *widget.Entry {
	e := widget.NewEntry()
	if !d.IsZero() {
		e.SetText(app.HumanDate(d))
	}
	e.SetPlaceHolder("For example 1 April 2026")
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("please give a date, like 1 April 2026 or 01/04/2026")
		}
		_, err := app.ParseHumanDate(s)
		return err
	}
	return e
}

func parseMoneyOrZero(s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return money.Parse(s)
}

// showSetup opens the setup form.
func (v *budgetView) showSetup() {
	v.leavePage()
	u := v.u
	s, has, err := u.a.BudgetSetup(u.ctx)
	if err != nil {
		u.reportSave(stateFailed, err)
		return
	}
	if !has {
		s = u.a.SuggestBudgetSetup(u.ctx)
	}
	f := &setupForm{}
	v.setupForm = f
	// Filling the form in also calls changed, before the saver exists.
	changed := func() {
		if f.saver != nil {
			f.saver.changed()
		}
	}
	onChange := func(e *widget.Entry) *widget.Entry { e.OnChanged = func(string) { changed() }; return e }

	var names []string
	for _, h := range budget.Holdings() {
		names = append(names, h.Name())
	}
	f.holdingHint = para(s.Holding.Hint())
	f.provider = onChange(widget.NewEntry())
	f.provider.SetText(s.Provider)
	providerBox := container.NewVBox(bfield("Who holds it", "The provider that holds your individual service fund and spends it as you tell them.", f.provider))
	showProvider := func(h budget.Holding) {
		if h == budget.IndividualServiceFund || h == budget.Mixed {
			providerBox.Show()
		} else {
			providerBox.Hide()
		}
	}
	f.holding = widget.NewSelect(names, func(name string) {
		for _, h := range budget.Holdings() {
			if h.Name() == name {
				f.holdingHint.SetText(h.Hint())
				showProvider(h)
			}
		}
		changed()
	})
	f.holding.Selected = s.Holding.Name()
	showProvider(s.Holding)

	f.amount = onChange(moneyEntry(s.Amount, true))
	f.amount.SetPlaceHolder("For example 18,200")
	f.period = widget.NewSelect(periodLabels(), func(string) { changed() })
	f.period.Selected = periodLabel(s.Period)
	f.start = onChange(dateEntry(s.Start))
	f.yearEnd = onChange(dateEntry(s.YearEnd))

	var schedules []string
	for _, c := range scheduleChoices {
		schedules = append(schedules, c.label)
	}
	if l := scheduleLabel(s.Schedule); l != "" && !slices.Contains(schedules, l) {
		schedules = append(schedules, l)
	}
	f.schedule = widget.NewSelect(schedules, func(string) { changed() })
	f.schedule.Selected = scheduleLabel(s.Schedule)
	f.first = onChange(dateEntry(s.Schedule.First))
	f.payment = onChange(moneyEntry(s.Schedule.Amount, true))
	f.contribution = onChange(moneyEntry(s.Contribution.Amount, true))
	f.contribPer = widget.NewSelect(periodLabels(), func(string) { changed() })
	f.contribPer.Selected = periodLabel(s.Contribution.Period)
	if f.contribPer.Selected == "" {
		f.contribPer.Selected = periodLabel(budget.Weekly)
	}
	f.opening = onChange(moneyEntry(s.OpeningBalance, false))
	f.threshold = onChange(widget.NewEntry())
	f.threshold.SetText(strconv.Itoa(s.ThresholdWeeks()))
	f.threshold.Validator = func(t string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(t)); err != nil || n < 0 {
			return errors.New("give a whole number of weeks, such as 8")
		}
		return nil
	}
	f.reserveBox = container.NewVBox()
	for _, r := range s.Reserves {
		f.addReserve(r, changed)
	}
	addHoliday := button("Add PA holiday pay", theme.ContentAddIcon(), false, func() {
		r := f.addReserve(budget.Reserve{Name: "Holiday pay for my PAs", Basis: budget.WeeksOfCategory,
			WeeksTenths: budget.StatutoryHolidayWeeksTenths, Category: budget.KeyPAWages}, changed)
		changed()
		u.win.Canvas().Focus(r.name)
	})
	addOther := button("Add another reserve", theme.ContentAddIcon(), false, func() {
		r := f.addReserve(budget.Reserve{Basis: budget.FixedAmount}, changed)
		changed()
		u.win.Canvas().Focus(r.name)
	})
	f.problems = para("")
	f.problems.Importance = widget.DangerImportance
	f.problems.Hide()

	f.saver = u.newSaver(func() func() error {
		next, err := f.collect()
		if err == nil {
			if cats, cerr := u.a.BudgetCategories(u.ctx); cerr == nil {
				err = budget.Validate(next, pageCategories(cats), nil)
			}
		}
		if err != nil {
			f.problems.SetText("Not saved yet: " + strings.ReplaceAll(err.Error(), "\n", " "))
			f.problems.Show()
			return func() error {
				return errors.New("your budget is not saved yet; see the note at the bottom of the form")
			}
		}
		f.problems.Hide()
		return func() error { return u.a.SaveBudgetSetup(u.ctx, next) }
	})

	done := button("Done", theme.ConfirmIcon(), true, func() { v.backToOverview() })
	v.showPage("setup", container.NewVBox(
		container.NewHBox(v.backButton()),
		heading("Budget setup"),
		para("Fill this in from your council's letter about your personal budget or your direct payment agreement. "+
			"Everything saves as you type. You can change it at any time."),
		labelled("How is your budget held?",
			"A direct payment is money the council pays into an account you (or someone for you) run, to buy support or employ personal assistants. "+
				"An individual service fund (ISF) is held by a provider you choose, who spends it as you tell them. "+
				"In Scotland, option 1 is a direct payment, option 2 an ISF, option 3 council-managed and option 4 mixed.",
			container.NewVBox(f.holding, f.holdingHint)),
		providerBox,
		bfield("How much is your budget?", "The amount on your council's letter, in pounds.", f.amount),
		labelled("Is that amount…", "For a week, four weeks, a month or the whole year, as your council's letter says.", f.period),
		bfield("First day of the budget year", "Often 1 April, or the day your direct payment started.", f.start),
		bfield("Last day of the budget year", "Usually a year after the start, less a day: for example 31 March 2027.", f.yearEnd),
		labelled("How often does the council pay money in?", "It is in your direct payment agreement, or on your bank statement.", f.schedule),
		bfield("Date of the first payment", "The first payment in this budget year.", f.first),
		bfield("Each payment", "Leave this blank if the budget is shared equally between the payments. Your letter may give the amount, for example 1,400.", f.payment),
		bfield("Your own contribution", "What the council worked out you pay towards your support from your own money, after a financial assessment. Leave it blank if you pay nothing.", f.contribution),
		labelled("Your contribution is…", "How often you pay it, as the council's letter about your contribution says: often a week.", f.contribPer),
		bfield("Money in the account at the start", "The balance at the start of the first day, before any payments that day. Money left from last year counts.", f.opening),
		widget.NewSeparator(),
		subheading("Money to keep back (reserves)"),
		para("Reserves are money you keep in the account and do not spend, so it is there when it is needed: holiday pay for your personal assistants "+
			"(they are entitled to 5.6 weeks a year), sick pay, redundancy pay, or a contingency for emergencies. Your council may say how much to keep."),
		f.reserveBox,
		u.buttonRows(addHoliday, addOther),
		widget.NewSeparator(),
		subheading("Money the council may ask back"),
		bfield("Weeks of budget the council lets you keep", "Councils check direct payment accounts. When the balance is more than this many weeks of your budget, "+
			"after reserves, they may ask for the extra back (this is called clawback or recovering a surplus). Many councils allow 8 weeks; your direct payment agreement says.", f.threshold),
		f.problems,
		container.NewHBox(done),
	))
	u.win.Canvas().Focus(f.holding)
}

// addReserve adds a row for one reserve.
func (f *setupForm) addReserve(r budget.Reserve, changed func()) *reserveRow {
	row := &reserveRow{category: r.Category}
	row.name = widget.NewEntry()
	row.name.SetText(r.Name)
	row.name.SetPlaceHolder("For example: Contingency")
	row.name.OnChanged = func(string) { changed() }
	var labels []string
	for _, b := range reserveBases {
		labels = append(labels, b.label)
	}
	row.value = widget.NewEntry()
	row.value.OnChanged = func(string) { changed() }
	row.basis = widget.NewSelect(labels, func(string) { changed() })
	for _, b := range reserveBases {
		if b.basis == r.Basis {
			row.basis.Selected = b.label
		}
	}
	if r.Basis == budget.FixedAmount {
		row.value.SetText(money.Format(r.Amount))
	} else {
		row.value.SetText(tenthsText(r.WeeksTenths))
	}
	row.remove = button("Remove", theme.DeleteIcon(), false, nil)
	card := widget.NewCard("", "", container.NewVBox(
		bfield("Name", "What the money is kept for, in your own words.", row.name),
		labelled("Worked out as", "A set amount, or a number of weeks of your budget or of a kind of spending (holiday pay is weeks of PA wages).", row.basis),
		bfield("Amount in pounds, or number of weeks", "For weeks, write for example 5.6.", row.value),
		container.NewHBox(row.remove),
	))
	row.box = card
	row.remove.OnTapped = func() {
		for i, x := range f.reserves {
			if x == row {
				f.reserves = append(f.reserves[:i], f.reserves[i+1:]...)
			}
		}
		f.reserveBox.Remove(card)
		changed()
	}
	f.reserves = append(f.reserves, row)
	f.reserveBox.Add(card)
	return row
}

// collect reads the form as a setup, or says what cannot be read.
func (f *setupForm) collect() (budget.Setup, error) {
	var s budget.Setup
	var errs []error
	for _, h := range budget.Holdings() {
		if h.Name() == f.holding.Selected {
			s.Holding = h
		}
	}
	s.Provider = strings.TrimSpace(f.provider.Text)
	if s.Holding != budget.IndividualServiceFund && s.Holding != budget.Mixed {
		s.Provider = ""
	}
	amount := func(label string, e *widget.Entry) int64 {
		v, err := parseMoneyOrZero(e.Text)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", label, err))
		}
		return v
	}
	date := func(label string, e *widget.Entry) store.Date {
		d, err := app.ParseHumanDate(e.Text)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", label, err))
		}
		return d
	}
	s.Amount = amount("Budget", f.amount)
	s.Period = periodOf(f.period.Selected)
	s.Start = date("First day", f.start)
	s.YearEnd = date("Last day", f.yearEnd)
	for _, c := range scheduleChoices {
		if c.label == f.schedule.Selected {
			s.Schedule = c.s
		}
	}
	if s.Schedule.Kind != budget.NoSchedule {
		s.Schedule.First = date("First payment", f.first)
		s.Schedule.Amount = amount("Each payment", f.payment)
	}
	s.Contribution.Amount = amount("Contribution", f.contribution)
	s.Contribution.Period = periodOf(f.contribPer.Selected)
	s.OpeningBalance = amount("Opening balance", f.opening)
	if n, err := strconv.Atoi(strings.TrimSpace(f.threshold.Text)); err == nil && n >= 0 {
		s.SetThresholdWeeks(n)
	} else {
		errs = append(errs, errors.New("weeks the council lets you keep: give a whole number, such as 8"))
	}
	for _, row := range f.reserves {
		r := budget.Reserve{Name: strings.TrimSpace(row.name.Text)}
		for _, b := range reserveBases {
			if b.label == row.basis.Selected {
				r.Basis = b.basis
			}
		}
		switch r.Basis {
		case budget.FixedAmount:
			r.Amount = amount(r.Name, row.value)
		case budget.WeeksOfCategory, budget.WeeksOfBudget:
			t, err := parseWeeks(row.value.Text)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", r.Name, err))
			}
			r.WeeksTenths = t
			if r.Basis == budget.WeeksOfCategory {
				r.Category = row.category
				if r.Category == "" {
					r.Category = budget.KeyPAWages
				}
			}
		}
		s.Reserves = append(s.Reserves, r)
	}
	return s, errors.Join(errs...)
}

// parseWeeks reads "5.6" weeks as 56 tenths, without floating point.
func parseWeeks(s string) (int64, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "weeks"))
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.ParseInt(strings.TrimSpace(whole), 10, 64)
	f := int64(0)
	if err == nil && frac != "" {
		if len(frac) > 1 {
			err = errors.New("too many decimals")
		} else {
			f, err = strconv.ParseInt(frac, 10, 64)
		}
	}
	if err != nil || w < 0 {
		return 0, fmt.Errorf("%q is not a number of weeks; write it like 5.6", s)
	}
	return w*10 + f, nil
}

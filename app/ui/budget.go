package ui

import (
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

func init() {
	registerScreen(screenDef{key: "budget", label: "Budget", icon: func() fyne.Resource { return budgetIcon }, order: 50, key1: fyne.Key5, build: (*UI).budgetScreen})
	homeParts = append(homeParts, budgetHomePart)
}

// budgetTables are the stored records the Budget screen shows.
var budgetTables = []string{"budget_setup", "budget_reserves", "budget_categories", "budget_transactions", "budget_splits"}

// budgetView is the Budget screen while it shows: the overview and the
// pages it opens (setup, planning, a payment, the import wizard, the
// monitoring return).
type budgetView struct {
	u    *UI
	page string // "overview", "setup", "plan", "payment", "split", "import", "return"
	stop func()

	// loads counts data being read in the background; tests wait on it.
	loads sync.WaitGroup

	// The overview's parts, refreshed when data changes. The overview is
	// kept while a page shows, so coming back finds the list as it was.
	overviewPage fyne.CanvasObject
	hasBudget    bool // the overview shows a budget (not the offer to set one up)
	asOf         store.Date
	summary      *fyne.Container
	chart        *fyne.Container
	cats         *fyne.Container
	list         *txList
	undo         *fyne.Container
	setupBtn     *widget.Button
	planBtn      *widget.Button
	importB      *widget.Button
	returnB      *widget.Button

	// The pages' state, for tests.
	setupForm  *setupForm
	planForm   *planForm
	txForm     *txForm
	splitForm  *splitForm
	importPage *importWizard
	returnPage *returnPage
}

var (
	budgetMu    sync.Mutex
	budgetViews = map[*UI]*budgetView{}
)

// budgetOf returns the Budget screen of u while it shows.
func budgetOf(u *UI) *budgetView {
	budgetMu.Lock()
	defer budgetMu.Unlock()
	return budgetViews[u]
}

// budgetScreen is the Budget screen: where the money stands, the plan
// against what was spent, and every payment.
func (u *UI) budgetScreen() fyne.CanvasObject {
	v := &budgetView{u: u, page: "overview", asOf: store.Today()}
	budgetMu.Lock()
	if old := budgetViews[u]; old != nil && old.stop != nil {
		old.stop()
	}
	budgetViews[u] = v
	budgetMu.Unlock()
	v.stop = u.a.Watch(func(c store.Change) {
		touched := false
		for _, t := range budgetTables {
			touched = touched || c.Has(t)
		}
		if !touched {
			return
		}
		fyne.Do(func() {
			if budgetOf(u) != v || u.current != "budget" {
				return
			}
			if v.page == "overview" {
				v.refresh()
			}
		})
	})
	return v.overview()
}

// wait waits for background reads to finish (for tests).
func (v *budgetView) wait() { v.loads.Wait() }

// runBackground runs slow work (reading tens of thousands of payments, a
// statement, a file) off the UI goroutine; the work hands its results to
// the UI with fyne.Do. Tests make it run at once, because the test
// driver runs fyne.Do on the calling goroutine.
var runBackground = func(work func()) { go work() }

// background runs work with runBackground, counted for wait.
func (v *budgetView) background(work func()) {
	v.loads.Add(1)
	runBackground(func() {
		defer v.loads.Done()
		work()
	})
}

// leavePage saves anything typed on the page showing; every page calls
// it before it makes its own autosavers.
func (v *budgetView) leavePage() {
	v.leaveOverview()
	v.u.flushAll()
	v.u.savers = nil
}

// showPage replaces the screen's content with a page of the budget.
func (v *budgetView) showPage(name string, content fyne.CanvasObject) {
	v.page = name
	v.u.body.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(content))}
	v.u.body.Refresh()
}

// backButton returns to the overview.
func (v *budgetView) backButton() *widget.Button {
	return button("Back to my budget", theme.NavigateBackIcon(), false, func() { v.backToOverview() })
}

func (v *budgetView) backToOverview() {
	if v.returnToOverview() {
		v.u.win.Canvas().Focus(v.list.list)
		v.refresh()
	}
}

// returnToOverview shows the overview as it was left, and reports
// whether it did; the caller then refreshes it. Without a kept overview
// it builds a new one, which reads the data itself.
func (v *budgetView) returnToOverview() bool {
	v.leavePage()
	if v.overviewPage == nil || !v.hasBudget {
		v.showPage("overview", v.overview())
		return false
	}
	v.page = "overview"
	v.u.body.Objects = []fyne.CanvasObject{v.overviewPage}
	v.u.body.Refresh()
	return true
}

// leaveOverview keeps the overview, with its scroll position, for
// coming back to.
func (v *budgetView) leaveOverview() {
	if v.page == "overview" && len(v.u.body.Objects) > 0 {
		v.overviewPage = v.u.body.Objects[0]
	}
}

// overview builds the main page: summary and warnings, the chart, the
// categories and the payments.
func (v *budgetView) overview() fyne.CanvasObject {
	u := v.u
	v.page = "overview"
	v.summary = container.NewVBox(para("Working out your budget…"))
	v.chart = container.NewVBox()
	v.cats = container.NewVBox()
	v.undo = container.NewVBox()
	v.list = newTxList(v)
	v.setupBtn = button("Budget setup…", theme.SettingsIcon(), false, func() { v.showSetup() })
	v.planBtn = button("Plan my spending…", theme.DocumentCreateIcon(), false, func() { v.showPlan() })
	v.importB = button("Import a bank statement…", theme.DownloadIcon(), true, func() { v.showImport() })
	v.returnB = button("Monitoring return…", theme.DocumentSaveIcon(), false, func() { v.showReturn() })
	add := button("Add a payment…", theme.ContentAddIcon(), false, func() { v.showPayment(store.BudgetTransaction{}) })

	_, has, err := u.a.BudgetSetup(u.ctx)
	v.hasBudget = has && err == nil
	if err != nil {
		return para("OwnPlan could not read your budget: " + err.Error())
	} else if !has {
		return v.notSetUp()
	}
	v.refresh()
	return container.NewVBox(
		heading("My budget"),
		v.summary,
		u.buttonRows(v.importB, add, v.returnB, u.exportButton("statement"), v.planBtn, v.setupBtn),
		widget.NewSeparator(),
		subheading("Spending against my plan"),
		v.chart,
		v.cats,
		widget.NewSeparator(),
		subheading("Payments in and out"),
		v.undo,
		v.list.box,
	)
}

// notSetUp explains what setting up a budget does and offers it.
func (v *budgetView) notSetUp() fyne.CanvasObject {
	start := button("Set up my budget", theme.NavigateNextIcon(), true, func() { v.showSetup() })
	return container.NewVBox(
		heading("My budget"),
		para("Your personal budget is the money your council (or the NHS) says your support costs. "+
			"Tell OwnPlan how much it is and how it is paid. OwnPlan then keeps track of what has come in "+
			"and gone out, shows how many weeks your balance would last, and warns you before the council "+
			"might ask for money back."),
		para("You will need the letter that says how much your budget is, and your latest bank statement if you have one."),
		container.NewHBox(start),
	)
}

// refresh reads the budget in the background and redraws the overview's
// parts. The search box and list keep their place.
func (v *budgetView) refresh() {
	u := v.u
	asOf := v.asOf
	v.background(func() {
		sum, sumErr := u.a.BudgetSummary(u.ctx, asOf)
		cats, _ := u.a.BudgetCategories(u.ctx)
		points, _ := u.a.BudgetTimeline(u.ctx, asOf)
		txs, txErr := u.a.Transactions(u.ctx, app.TransactionFilter{})
		fyne.Do(func() {
			if sumErr != nil {
				v.summary.Objects = []fyne.CanvasObject{para("OwnPlan could not work out your budget: " + sumErr.Error())}
				v.summary.Refresh()
				return
			}
			v.showSummary(sum)
			v.showCategories(sum)
			v.chart.Objects = []fyne.CanvasObject{newBudgetChart(points)}
			v.chart.Refresh()
			if txErr == nil {
				v.list.setData(txs, cats)
			}
		})
	})
}

// showSummary says where the money stands, in plain words, with the
// warnings and what to do about them.
func (v *budgetView) showSummary(s budget.Summary) {
	lines := container.NewVBox()
	big := widget.NewLabelWithStyle(fmt.Sprintf("You have %s in the account on %s.", money.Format(s.Balance), app.HumanDate(s.Through)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	big.SizeName = theme.SizeNameSubHeadingText
	big.Wrapping = fyne.TextWrapWord
	lines.Add(big)
	lines.Add(para(fmt.Sprintf("That would pay for %s weeks of your support, at %s a week.", tenthsText(s.WeeksOfCoverTenths), money.Format(s.WeeklyBudget))))
	lines.Add(para(fmt.Sprintf("Since %s: %s came in and %s went out. Your budget for that time was %s.",
		app.HumanDate(s.Through.AddDays(1-s.DaysElapsed)), money.Format(s.Received), money.Format(s.Spent), money.Format(s.AllocatedToDate))))
	if s.ReservesRequired > 0 {
		var rs []string
		for _, r := range s.Reserves {
			rs = append(rs, fmt.Sprintf("%s %s", r.Name, money.Format(r.Amount)))
		}
		lines.Add(para(fmt.Sprintf("You need to keep %s back (%s).", money.Format(s.ReservesRequired), strings.Join(rs, "; "))))
	}
	if s.SurplusAtRisk > 0 {
		risk := para(fmt.Sprintf("The council may ask for %s back now: that is more than %d weeks' budget after your reserves.", money.Format(s.SurplusAtRisk), s.ThresholdWeeks))
		risk.Importance = widget.WarningImportance
		lines.Add(risk)
	} else {
		lines.Add(para(fmt.Sprintf("Nothing is at risk of being asked back now: councils usually let you keep up to %d weeks' budget (%s) after reserves.",
			s.ThresholdWeeks, money.Format(s.Threshold))))
	}
	lines.Add(para(fmt.Sprintf("If money keeps going out at this rate, you will have %s on %s.", money.Format(s.Forecast.Balance), app.HumanDate(s.Forecast.YearEnd))))
	if s.Unreconciled > 0 {
		lines.Add(para(fmt.Sprintf("%d payments are not yet checked against a bank statement.", s.Unreconciled)))
	}
	if len(s.Warnings) == 0 {
		lines.Add(para("Nothing needs your attention."))
	}
	for _, w := range s.Warnings {
		msg := widget.NewLabelWithStyle(w.Message, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.WarningImportance
		lines.Add(widget.NewCard("", "", container.NewVBox(
			container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, msg),
			para(w.Advice),
		)))
	}
	v.summary.Objects = []fyne.CanvasObject{lines}
	v.summary.Refresh()
}

// showCategories lists each category's plan against what was spent.
func (v *budgetView) showCategories(s budget.Summary) {
	warned := map[string]bool{}
	for _, w := range s.Warnings {
		warned[w.Category] = true
	}
	box := container.NewVBox()
	for _, l := range s.Categories {
		if l.Kind == budget.MoneyIn || (l.PlannedYear == 0 && l.Actual == 0) {
			continue
		}
		name := widget.NewLabelWithStyle(l.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		var text string
		if l.PlannedYear == 0 {
			text = fmt.Sprintf("%s spent; nothing planned.", money.Format(l.Actual))
		} else {
			text = fmt.Sprintf("%s spent of %s planned so far (%s for the year).",
				money.Format(l.Actual), money.Format(l.PlannedToDate), money.Format(l.PlannedYear))
		}
		detail := para(text)
		over := warned[l.Key] && l.Key != budget.UncategorisedKey
		if over {
			detail.Importance = widget.WarningImportance
		}
		var bar fyne.CanvasObject = container.NewVBox()
		if l.PlannedYear > 0 {
			bar = newPlanBar(l.PlannedYear, l.PlannedToDate, l.Actual, over)
		}
		box.Add(container.NewVBox(name, detail, bar))
	}
	if len(box.Objects) > 0 {
		box.Objects = append([]fyne.CanvasObject{para("Each bar is the year's plan for a category: the coloured part is what was spent, " +
			"and the mark is where spending would be today if it followed the plan exactly.")}, box.Objects...)
	}
	if len(box.Objects) == 0 {
		box.Add(para("Nothing is planned or spent yet. Use \"Plan my spending…\" to say how you will use your budget."))
	}
	v.cats.Objects = []fyne.CanvasObject{box}
	v.cats.Refresh()
}

// tenthsText writes 56 tenths as "5.6".
func tenthsText(t int64) string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return fmt.Sprintf("%s%d.%d", sign, t/10, t%10)
}

// budgetHomePart is Home's line about the budget.
func budgetHomePart(u *UI) fyne.CanvasObject {
	if _, has, err := u.a.BudgetSetup(u.ctx); err != nil || !has {
		return para("Budget: not set up yet.")
	}
	s, err := u.a.BudgetSummary(u.ctx, store.Today())
	if err != nil {
		return para("Budget: " + err.Error())
	}
	return para(fmt.Sprintf("Budget: %s left, %s weeks of cover.", money.FormatPounds(s.Balance), tenthsText(s.WeeksOfCoverTenths)))
}

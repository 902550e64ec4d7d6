package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// syncBackground makes the Budget screen's background work run at once
// on the test's goroutine, where the test driver runs fyne.Do too.
func syncBackground(t testing.TB) {
	old := runBackground
	runBackground = func(work func()) { work() }
	t.Cleanup(func() { runBackground = old })
}

// budgetUI opens the Budget screen on a folder with a profile, filled
// with the example person when example is true.
func budgetUI(t *testing.T, example bool) (*UI, *app.App, *budgetView) {
	t.Helper()
	syncBackground(t)
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	if example {
		if err := demo.Fill(ctx, a); err != nil {
			t.Fatal(err)
		}
	} else if err := a.SaveProfile(ctx, store.Profile{Name: "Sam"}); err != nil {
		t.Fatal(err)
	}
	u.show("home")
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key5, Modifier: fyne.KeyModifierShortcutDefault})
	if u.current != "budget" {
		t.Fatalf("Ctrl+5 went to %q", u.current)
	}
	v := budgetOf(u)
	v.wait()
	return u, a, v
}

func buttonNamed(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, b := range buttons(u.win.Content()) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in:\n%s", text, texts(u))
	return nil
}

func TestBudgetSetUpFromTheScreen(t *testing.T) {
	u, a, v := budgetUI(t, false)
	ctx := context.Background()
	if got := texts(u); !strings.Contains(got, "[Set up my budget]") || !strings.Contains(got, "weeks your balance would last") {
		t.Fatalf("a budget not set up does not explain itself:\n%s", got)
	}
	test.Tap(buttonNamed(t, u, "Set up my budget"))
	f := v.setupForm
	if f == nil || v.page != "setup" {
		t.Fatal("the setup form did not open")
	}
	if u.win.Canvas().Focused() != f.holding {
		t.Error("the first question does not have the focus")
	}
	got := texts(u)
	for _, hint := range []string{"direct payment is money the council pays", "individual service fund (ISF)", "clawback", "Reserves are money you keep"} {
		if !strings.Contains(got, hint) {
			t.Errorf("the setup form does not explain %q", hint)
		}
	}
	// A year end before the start is explained, and nothing is saved.
	test.Type(f.amount, "18,200")
	f.period.SetSelected("a year")
	f.yearEnd.SetText("1 March 2020")
	u.flushAll()
	if _, has, _ := a.BudgetSetup(ctx); has {
		t.Fatal("a setup with its year end before its start was saved")
	}
	if !f.problems.Visible() || !strings.Contains(f.problems.Text, "year end must be after the start") {
		t.Errorf("problem shown: %q", f.problems.Text)
	}
	if !strings.Contains(u.status.Text, "Not saved") {
		t.Errorf("status %q", u.status.Text)
	}
	f.yearEnd.SetText(app.HumanDate(f.startDate(t).AddMonths(12).AddDays(-1)))
	f.payment.SetText("1400")
	f.opening.SetText("£500")
	test.Tap(buttonNamed(t, u, "Add PA holiday pay"))
	u.flushAll()
	s, has, err := a.BudgetSetup(ctx)
	if err != nil || !has {
		t.Fatalf("setup not saved: %v; problems %q", err, f.problems.Text)
	}
	if s.Amount != 1820000 || s.Period != budget.Annual || s.Schedule.Amount != 140000 || s.OpeningBalance != 50000 ||
		len(s.Reserves) != 1 || s.Reserves[0].WeeksTenths != 56 || s.SurplusThresholdWeeks != 8 {
		t.Errorf("saved %+v", s)
	}
	test.Tap(buttonNamed(t, u, "Done"))
	v.wait()
	if v.page != "overview" || !strings.Contains(texts(u), "in the account on") {
		t.Errorf("after setup the screen shows:\n%s", texts(u))
	}
}

func (f *setupForm) startDate(t *testing.T) store.Date {
	d, err := app.ParseHumanDate(f.start.Text)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBudgetOverviewSaysWhereTheMoneyStands(t *testing.T) {
	u, a, _ := budgetUI(t, true)
	ctx := context.Background()
	sum, err := a.BudgetSummary(ctx, store.Today())
	if err != nil {
		t.Fatal(err)
	}
	got := texts(u)
	want := []string{
		fmt.Sprintf("You have %s in the account on %s.", money.Format(sum.Balance), app.HumanDate(sum.Through)),
		fmt.Sprintf("%s weeks of your support", tenthsText(sum.WeeksOfCoverTenths)),
		"Spending against my plan", "Personal assistant wages", "[Import a bank statement…]", "[Monitoring return…]",
	}
	for _, w := range sum.Warnings {
		want = append(want, w.Message, w.Advice)
	}
	if len(sum.Warnings) == 0 {
		t.Error("the example has no warnings to show")
	}
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	want = append(want, fmt.Sprintf("%d payments:", len(txs)))
	// The chart of the year, and the sentence that says what it shows.
	pts, _ := a.BudgetTimeline(ctx, store.Today())
	last := pts[len(pts)-1]
	want = append(want, fmt.Sprintf("By %s you had spent %s against %s the plan expected; the balance was %s.",
		app.HumanDate(last.Date), money.Format(last.Spent), money.Format(last.Planned), money.Format(last.Balance)))
	if last.Balance != sum.Balance || last.Spent != sum.Spent {
		t.Errorf("the chart ends at %d, spent %d; the summary says %d, %d", last.Balance, last.Spent, sum.Balance, sum.Spent)
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the overview lacks %q", w)
		}
	}
	var chart *lineChart
	var find func(o fyne.CanvasObject)
	find = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *lineChart:
			chart = o
		case *fyne.Container:
			for _, c := range o.Objects {
				find(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				find(c)
			}
		}
	}
	find(u.win.Content())
	if chart == nil || len(chart.points) != len(pts) || len(test.WidgetRenderer(chart).Objects()) != 2+3*(len(pts)-1) {
		t.Errorf("no chart with a line for each week: %v", chart)
	}

	// Home has the budget's line and its most serious warning as a step.
	u.show("home")
	got = texts(u)
	if line := fmt.Sprintf("Budget: %s left, %s weeks of cover.", money.FormatPounds(sum.Balance), tenthsText(sum.WeeksOfCoverTenths)); !strings.Contains(got, line) {
		t.Errorf("home lacks %q:\n%s", line, got)
	}
	if !strings.Contains(got, "Check your budget") || !strings.Contains(got, sum.Warnings[0].Message) {
		t.Errorf("home has no step for the budget's warning:\n%s", got)
	}
}

func TestBudgetPaymentsByKeyboardWithUndo(t *testing.T) {
	u, a, v := budgetUI(t, true)
	ctx := context.Background()
	l := v.list
	all := len(l.shown)
	// Search narrows the list; the filter shows what is not categorised.
	test.Type(l.search, "amazon")
	if len(l.shown) != 1 || l.at(0).Payee != "AMAZON MKTPLACE PMTS" {
		t.Fatalf("search for amazon shows %d", len(l.shown))
	}
	l.search.SetText("")
	l.filter.SetSelected(filterUncategorise)
	if len(l.shown) != 1 {
		t.Errorf("%d payments not in a category", len(l.shown))
	}
	l.filter.SetSelected(filterAll)
	if len(l.shown) != all {
		t.Fatalf("filter back to all shows %d of %d", len(l.shown), all)
	}

	// Open the newest payment with the keyboard: focus the list, Space.
	c := u.win.Canvas()
	c.Focus(l.list)
	newest := l.at(0)
	press(u, fyne.KeySpace)
	f := v.txForm
	if v.page != "payment" || f == nil || f.payee.Text != newest.Payee {
		t.Fatalf("Space on the list opened %q", v.page)
	}
	// It was typed in by hand: mark it as checked.
	if newest.Reconciled {
		t.Fatal("the newest example payment is already checked")
	}
	f.checked.SetChecked(true)
	u.flushAll()
	if got, _ := a.Transaction(ctx, newest.ID); !got.Reconciled {
		t.Error("ticking Checked did not save")
	}

	// Delete it: back on the list, Undo has the focus.
	test.Tap(f.remove)
	v.wait()
	if got, _ := a.Transaction(ctx, newest.ID); !got.Deleted {
		t.Fatal("Delete did not delete")
	}
	if v.page != "overview" || len(l.shown) != all-1 || !strings.Contains(texts(u), "Deleted "+signedMoney(newest.Amount)) {
		t.Fatalf("after delete: page %s, %d shown", v.page, len(l.shown))
	}
	press(u, fyne.KeySpace)
	v.wait()
	if got, _ := a.Transaction(ctx, newest.ID); got.Deleted || len(l.shown) != all {
		t.Errorf("Undo did not bring it back: %+v, %d shown", got, len(l.shown))
	}

	// Two payments to the same new payee: categorising one offers to do
	// the same for the other.
	for _, d := range []int{2, 9} {
		a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, 11, d), Amount: -450, Payee: "Corner Shop"})
	}
	v.wait()
	l.search.SetText("corner shop")
	if len(l.shown) != 2 {
		t.Fatalf("%d corner shop payments", len(l.shown))
	}
	l.list.Select(0)
	f = v.txForm
	f.category.SetSelected("Other agreed items")
	if f.same == nil || !strings.Contains(texts(u), "1 other payment to Corner Shop is not in a category yet") {
		t.Fatalf("no offer to categorise the other payment:\n%s", texts(u))
	}
	test.Tap(f.same)
	got, _ := a.Transactions(ctx, app.TransactionFilter{Search: "corner shop", ByCategory: true, Category: budget.KeyOther})
	if len(got) != 2 {
		t.Errorf("%d corner shop payments in other", len(got))
	}
}

func TestBudgetAddChangeAndSplitAPayment(t *testing.T) {
	u, a, v := budgetUI(t, true)
	ctx := context.Background()
	test.Tap(buttonNamed(t, u, "Add a payment…"))
	f := v.txForm
	if b, ok := u.win.Canvas().Focused().(*widget.Button); !ok || b.Text != "Back to my budget" {
		t.Error("the page does not start with the focus on its first control")
	}
	f.date.SetText("22/11/2026")
	test.Type(f.payee, "Ipswich Leisure Centre swim")
	test.Type(f.amount, "6.2O")
	test.Tap(f.save)
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "amount") {
		t.Fatalf("a bad amount is not explained: %q", f.problem.Text)
	}
	f.amount.SetText("6.20")
	test.Tap(f.save)
	v.wait()
	if v.page != "overview" {
		t.Fatalf("after adding, the page is %s: %q", v.page, f.problem.Text)
	}
	got, _ := a.Transactions(ctx, app.TransactionFilter{From: store.NewDate(2026, 11, 22), To: store.NewDate(2026, 11, 22)})
	if len(got) != 1 || got[0].Amount != -620 || len(got[0].Splits) != 1 || got[0].Splits[0].Category != budget.KeyDayActivities {
		t.Fatalf("added %+v (the swim rule should have put it in day activities)", got)
	}
	id := got[0].ID

	// Change it: the change saves itself.
	v.list.search.SetText("swim 22 November")
	v.list.list.Select(0)
	f = v.txForm
	f.note.SetText("With Priya")
	u.flushAll()
	if tx, _ := a.Transaction(ctx, id); tx.Note != "With Priya" {
		t.Errorf("note not saved: %+v; problem %q, status %q", tx, f.problem.Text, u.status.Text)
	}
	test.Tap(f.save)
	v.wait()

	// Split a taxi between transport and other.
	v.list.search.SetText("to the GP")
	taxi := v.list.at(0)
	v.list.list.Select(0)
	if taxi.Amount != -1800 {
		t.Fatalf("the taxi to the GP is %+v", taxi)
	}
	test.Tap(v.txForm.split)
	sf := v.splitForm
	sf.rows[0].amount.SetText("10.00")
	if !sf.save.Disabled() || !strings.Contains(sf.left.Text, "£8.00 is still to share") {
		t.Errorf("parts that do not add up: %q, save disabled %v", sf.left.Text, sf.save.Disabled())
	}
	sf.rows[1].category.SetSelected("Other agreed items")
	sf.rows[1].amount.SetText("8")
	if sf.save.Disabled() {
		t.Fatalf("parts that add up cannot be saved: %q", sf.left.Text)
	}
	test.Tap(sf.save)
	tx, _ := a.Transaction(ctx, taxi.ID)
	if len(tx.Splits) != 2 || tx.Splits[0].Amount != -1000 || tx.Splits[1] != (store.BudgetSplit{Category: budget.KeyOther, Amount: -800}) {
		t.Errorf("split %+v", tx.Splits)
	}
}

// choose picks the option of sel that starts with prefix.
func choose(t *testing.T, sel *widget.Select, prefix string) {
	t.Helper()
	for _, o := range sel.Options {
		if strings.HasPrefix(o, prefix+":") || strings.HasPrefix(o, prefix+",") {
			sel.SetSelected(o)
			return
		}
	}
	t.Fatalf("no option %q in %q", prefix, sel.Options)
}

// writeStatement writes a CSV statement for the import tests.
func writeStatement(t *testing.T, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBudgetImportWizardChoosesAndRemembersColumns(t *testing.T) {
	u, a, v := budgetUI(t, false)
	ctx := context.Background()
	if err := a.SaveBudgetSetup(ctx, demo.BudgetSetup); err != nil {
		t.Fatal(err)
	}
	v.backToOverview()
	v.wait()
	test.Tap(buttonNamed(t, u, "Import a bank statement…"))
	w := v.importPage
	// A file that is not a statement is refused with a reason.
	w.path.SetText(writeStatement(t, "letter.csv", "Dear Zoë,", "Your review is on Tuesday."))
	test.Tap(w.read)
	v.wait()
	if !strings.Contains(w.status.Text, "letter.csv") || w.importBtn.Visible() {
		t.Errorf("a letter: %q", w.status.Text)
	}
	// Columns OwnPlan cannot name: it shows the choices.
	p := writeStatement(t, "bank.csv", "Posted,Ref,Who,Value", "01/12/2026,1,SUFFOLK CC,1400.00", "02/12/2026,2,SWIM,-6.20", "02/12/2026,3,SWIM,-6.20")
	w.path.SetText(p)
	w.path.OnSubmitted(p)
	v.wait()
	if !w.mapping.Visible() {
		t.Fatalf("the column choices are hidden: %q", w.status.Text)
	}
	// Choose the columns wrongly first: the preview shows the problem.
	choose(t, w.dateCol, "Column 3")
	v.wait()
	if w.importBtn.Visible() {
		t.Errorf("payees read as dates can be imported: %q", w.counts.Text)
	}
	choose(t, w.dateCol, "Column 1")
	choose(t, w.payeeCol, "Column 3")
	w.amounts.SetSelected(amountsOneColumn)
	choose(t, w.amountCol, "Column 4")
	v.wait()
	if !w.importBtn.Visible() || w.importBtn.Text != "Import 3 payments" {
		t.Fatalf("import button %q visible %v; counts %q", w.importBtn.Text, w.importBtn.Visible(), w.counts.Text)
	}
	if !strings.Contains(texts(u), "SUFFOLK CC, +£1,400.00") {
		t.Errorf("the preview does not show the payments:\n%s", texts(u))
	}
	test.Tap(w.importBtn)
	v.wait()
	if txs, _ := a.Transactions(ctx, app.TransactionFilter{}); len(txs) != 3 {
		t.Fatalf("%d payments imported", len(txs))
	}
	if !strings.Contains(texts(u), "Added 3, already there 0, skipped 0.") {
		t.Errorf("result:\n%s", texts(u))
	}
	// Undo the import, from the result.
	test.Tap(buttonNamed(t, u, "Undo this import"))
	if txs, _ := a.Transactions(ctx, app.TransactionFilter{}); len(txs) != 0 {
		t.Errorf("%d payments after undo", len(txs))
	}

	// The next statement from the same bank uses the columns chosen.
	v.showImport()
	w = v.importPage
	w.path.SetText(writeStatement(t, "bank2.csv", "Posted,Ref,Who,Value", "09/12/2026,4,TAXI,-18.00"))
	test.Tap(w.read)
	v.wait()
	if !strings.Contains(w.status.Text, "columns you chose last time") || w.importBtn.Text != "Import 1 payments" {
		t.Errorf("second statement: %q, %q", w.status.Text, w.importBtn.Text)
	}
}

// TestBudgetImportWizardKeepsWhatItDoesNotAsk changes one column of a
// Monzo statement by hand: the columns the wizard does not ask about
// (the reference, and the description to use when the payee is empty)
// are kept, and a Co-op refund in brackets in the money out column with
// its running balance stays money in.
func TestBudgetImportWizardKeepsWhatItDoesNotAsk(t *testing.T) {
	u, a, v := budgetUI(t, false)
	ctx := context.Background()
	if err := a.SaveBudgetSetup(ctx, demo.BudgetSetup); err != nil {
		t.Fatal(err)
	}
	v.showImport()
	w := v.importPage
	w.path.SetText(writeStatement(t, "monzo.csv",
		"Transaction ID,Date,Time,Type,Name,Emoji,Category,Amount,Currency,Local amount,Local currency,Notes and #tags,Address,Receipt,Description,Category split,Money Out,Money In",
		"tx_1,01/12/2026,09:12:01,Faster payment,Suffolk CC,,Income,1400.00,GBP,1400.00,GBP,,,,DP DEC,,,1400.00",
		"tx_2,02/12/2026,10:00:00,Faster payment,,,Bills,-262.50,GBP,-262.50,GBP,PA wages,,,J SMITH,,-262.50,"))
	test.Tap(w.read)
	v.wait()
	test.Tap(w.showMap)
	w.dates.SetSelected(datesDayFirst)
	v.wait()
	if w.chosen == nil || w.chosen.Reference != 12 || w.chosen.DescriptionFallback[0] != 15 {
		t.Fatalf("chosen columns %+v", w.chosen)
	}
	if !strings.Contains(texts(u), "J SMITH, -£262.50") {
		t.Errorf("the payee from the description is not shown:\n%s", texts(u))
	}

	v.showImport()
	w = v.importPage
	w.path.SetText(writeStatement(t, "coop.csv", "Date,Description,Money In,Money Out,Balance",
		"01/12/2026,COUNCIL,1400.00,,1400.00", "03/12/2026,PA WAGES,,350.00,1050.00", "05/12/2026,REFUND,,(20.00),1070.00"))
	test.Tap(w.read)
	v.wait()
	if !strings.Contains(texts(u), "REFUND, +£20.00") || !strings.Contains(w.counts.Text, "The running balance agrees") {
		t.Errorf("refund:\n%s\n%s", texts(u), w.counts.Text)
	}
}

func TestBudgetMonitoringReturnSaves(t *testing.T) {
	u, a, v := budgetUI(t, true)
	test.Tap(buttonNamed(t, u, "Monitoring return…"))
	p := v.returnPage
	v.wait()
	from, to, err := p.dates()
	if err != nil {
		t.Fatal(err)
	}
	r, _, _ := a.MonitoringReturn(context.Background(), from, to)
	if !strings.Contains(texts(u), money.Format(r.ClosingBalance)) {
		t.Errorf("the return's closing balance %s is not shown:\n%s", money.Format(r.ClosingBalance), texts(u))
	}
	p.to.SetText("1 January 2020")
	v.wait()
	if !p.save.Disabled() {
		t.Error("a period that ends before it starts can be saved")
	}
	p.to.SetText(app.HumanDate(to))
	v.wait()
	out := filepath.Join(t.TempDir(), "return.csv")
	v.writeReturn(out, from, to)
	v.wait()
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "Closing balance") || !strings.Contains(p.saved.Text, "return.csv") {
		t.Errorf("saved %q: %v\n%s", p.saved.Text, err, b)
	}
}

func TestBudgetPlanFromTheSupportPlan(t *testing.T) {
	u, a, v := budgetUI(t, true)
	ctx := context.Background()
	// Change one amount by hand, then take the plan's costs.
	a.SetCategoryPlan(ctx, budget.KeyTransport, 5000, budget.Monthly)
	test.Tap(buttonNamed(t, u, "Plan my spending…"))
	f := v.planForm
	if f.usePlan == nil {
		t.Skip("the example has no costed support plan")
	}
	test.Tap(f.usePlan)
	c, _ := a.BudgetCategory(ctx, budget.KeyTransport)
	if c.Annual() != 43200 || !strings.Contains(c.Note, "From my support plan") {
		t.Errorf("transport after using the plan: %+v", c)
	}
	f = v.planForm
	f.amounts[budget.KeyTraining].SetText("150")
	u.flushAll()
	if c, _ := a.BudgetCategory(ctx, budget.KeyTraining); c.Planned != 15000 {
		t.Errorf("training typed in: %+v", c)
	}
}

func TestBudgetLargeTextStillFits(t *testing.T) {
	u, a, v := budgetUI(t, true)
	ctx := context.Background()
	a.SaveSettings(ctx, app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	txs, _ := a.Transactions(ctx, app.TransactionFilter{})
	pages := map[string]func(){
		"overview": func() { u.show("budget"); v = budgetOf(u) },
		"setup":    func() { v.showSetup() },
		"plan":     func() { v.showPlan() },
		"payment":  func() { v.showPayment(txs[len(txs)-1]) },
		"split":    func() { v.showSplit(txs[len(txs)-1]) },
		"import":   func() { v.showImport() },
		"return":   func() { v.showReturn() },
	}
	for name, open := range pages {
		open()
		v.wait()
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("%s at 250%% needs %v wide, more than the window", name, w)
			widest(t, u.body, 0)
		}
	}
}

// BenchmarkBudgetListFirstScreen50k measures showing the first screen of
// a list of 50,000 payments (target: under 100 ms).
func BenchmarkBudgetListFirstScreen50k(b *testing.B) {
	syncBackground(b)
	fa := test.NewTempApp(b)
	a, err := app.Open(context.Background(), filepath.Join(b.TempDir(), "d"))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	u := New(fa, a)
	defer u.Close()
	txs := make([]store.BudgetTransaction, 50_000)
	for i := range txs {
		txs[i] = store.BudgetTransaction{ID: fmt.Sprint(i), Date: store.NewDate(2026, 4, 1).AddDays(i / 150), Amount: -int64(100 + i%5000),
			Payee: fmt.Sprintf("PAYEE %d", i%300), Splits: []store.BudgetSplit{{Category: budget.KeyTransport, Amount: -100}}}
	}
	cats, _ := a.BudgetCategories(context.Background())
	v := &budgetView{u: u}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := newTxList(v)
		u.win.SetContent(l.box)
		l.setData(txs, cats)
		test.WidgetRenderer(l.list).Layout(l.list.Size())
	}
}

// BenchmarkBudgetListSearch50k measures a keystroke in the search box
// over 50,000 payments, after the first.
func BenchmarkBudgetListSearch50k(b *testing.B) {
	syncBackground(b)
	fa := test.NewTempApp(b)
	a, err := app.Open(context.Background(), filepath.Join(b.TempDir(), "d"))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	u := New(fa, a)
	defer u.Close()
	txs := make([]store.BudgetTransaction, 50_000)
	for i := range txs {
		txs[i] = store.BudgetTransaction{ID: fmt.Sprint(i), Date: store.NewDate(2026, 4, 1).AddDays(i / 150), Amount: -int64(100 + i%5000),
			Payee: fmt.Sprintf("PAYEE %d", i%300)}
	}
	cats, _ := a.BudgetCategories(context.Background())
	l := newTxList(&budgetView{u: u})
	u.win.SetContent(l.box)
	l.setData(txs, cats)
	l.search.SetText("payee 12")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.search.SetText(fmt.Sprint("payee ", i%300))
		if len(l.shown) == 0 {
			b.Fatal("nothing found")
		}
	}
}

func widest(t *testing.T, o fyne.CanvasObject, depth int) {
	if o.MinSize().Width > 600 {
		t.Logf("%*s%T %v %q", depth, "", o, o.MinSize().Width, func() string {
			if l, ok := o.(*widget.Label); ok {
				return l.Text
			}
			if b, ok := o.(*widget.Select); ok {
				return b.Selected
			}
			return ""
		}())
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			widest(t, ch, depth+1)
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, ch := range test.WidgetRenderer(w).Objects() {
			widest(t, ch, depth+1)
		}
	}
}

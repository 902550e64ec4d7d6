package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

const (
	directionOut   = "Money out"
	directionIn    = "Money in"
	noCategory     = "Not in a category yet"
	splitPlacehold = "Split: change it with “Split between categories…”"
)

// txForm is the page for adding or changing one payment.
type txForm struct {
	date, payee, amount, note, reference *widget.Entry
	direction, category                  *widget.Select
	checked                              *widget.Check
	save, split, remove, same            *widget.Button
	others                               *fyne.Container // the offer to categorise the payee's other payments
	problem                              *widget.Label
}

// showPayment opens the payment form: empty to add one, or with t to
// change it (changes save as they are typed).
func (v *budgetView) showPayment(t store.BudgetTransaction) {
	v.leavePage()
	u := v.u
	cats, err := u.a.BudgetCategories(u.ctx)
	if err != nil {
		u.reportSave(stateFailed, err)
		return
	}
	isNew := t.ID == ""
	if isNew {
		t.Date = store.Today()
	}
	f := &txForm{}
	v.txForm = f
	f.date = dateEntry(t.Date)
	f.payee = widget.NewEntry()
	f.payee.SetText(t.Payee)
	f.payee.SetPlaceHolder("For example: A2B Taxis")
	f.direction = widget.NewSelect([]string{directionOut, directionIn}, nil)
	f.direction.Selected = directionOut
	if t.Amount > 0 {
		f.direction.Selected = directionIn
	}
	abs := t.Amount
	if abs < 0 {
		abs = -abs
	}
	f.amount = moneyEntry(abs, true)
	f.amount.SetPlaceHolder("For example 18.00")
	f.note = widget.NewEntry()
	f.note.SetText(t.Note)
	f.note.SetPlaceHolder("What it was for")
	f.reference = widget.NewEntry()
	f.reference.SetText(t.Reference)
	opts := []string{noCategory}
	for _, c := range cats {
		opts = append(opts, c.Name)
	}
	f.category = widget.NewSelect(opts, nil)
	switch len(t.Splits) {
	case 0:
		f.category.Selected = noCategory
	case 1:
		for _, c := range cats {
			if c.Key == t.Splits[0].Category {
				f.category.Selected = c.Name
			}
		}
	default:
		f.category.PlaceHolder = splitPlacehold
	}
	f.checked = widget.NewCheck("Checked", nil)
	f.checked.Checked = t.Reconciled
	f.problem = para("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	f.others = container.NewVBox()

	// read builds the payment from the form, keeping a split as it is
	// unless the amount changed.
	read := func() (store.BudgetTransaction, error) {
		next := t
		var errs []error
		d, err := app.ParseHumanDate(f.date.Text)
		if err != nil || d.IsZero() {
			errs = append(errs, errors.New("the date: write it like 23 November 2026 or 23/11/2026"))
		}
		next.Date = d
		next.Payee = strings.TrimSpace(f.payee.Text)
		amt, err := money.Parse(f.amount.Text)
		if err != nil || amt == 0 {
			errs = append(errs, errors.New("the amount: write it like 18.00"))
		}
		if amt < 0 {
			amt = -amt
		}
		if f.direction.Selected == directionOut {
			amt = -amt
		}
		next.Amount = amt
		next.Note, next.Reference, next.Reconciled = f.note.Text, f.reference.Text, f.checked.Checked
		switch sel := f.category.Selected; {
		case sel == noCategory:
			next.Splits = nil
		case sel != "":
			for _, c := range cats {
				if c.Name == sel {
					next.Splits = []store.BudgetSplit{{Category: c.Key, Amount: next.Amount}}
				}
			}
		case len(next.Splits) > 1 && next.Amount != t.Amount:
			errs = append(errs, errors.New("this payment is split; split it again for the new amount"))
		}
		return next, errors.Join(errs...)
	}
	showProblem := func(err error) {
		if err == nil {
			f.problem.Hide()
			return
		}
		f.problem.SetText(strings.ReplaceAll(err.Error(), "\n", " "))
		f.problem.Show()
	}

	var actions fyne.CanvasObject
	if isNew {
		f.save = button("Add this payment", theme.ConfirmIcon(), true, func() {
			next, err := read()
			if err == nil {
				_, err = u.a.SaveTransaction(u.ctx, next)
			}
			showProblem(err)
			if err != nil {
				return
			}
			u.reportSave(stateSaved, nil)
			v.backToOverview()
		})
		actions = container.NewHBox(f.save, button("Cancel", theme.CancelIcon(), false, func() { v.backToOverview() }))
	} else {
		actions = v.paymentActions(f, t, cats, read, showProblem)
	}
	title := "A payment"
	intro := "Changes save as you type. OwnPlan remembers the category you choose and uses it for this payee's next payments."
	if isNew {
		title = "Add a payment"
		intro = "For a payment the bank has not shown yet, or one paid in cash. When you import a statement that shows it, OwnPlan marks it as checked instead of adding it twice."
	}
	back := v.backButton()
	receipts := fyne.CanvasObject(container.NewVBox())
	if !isNew {
		receipts = u.evidenceFor("transaction", t.ID)
	}
	v.showPage("payment", container.NewVBox(
		container.NewHBox(back),
		heading(title),
		para(intro),
		bfield("Date", "", f.date),
		bfield("Who was paid, or who paid", "", f.payee),
		labelled("Money out or in?", "", f.direction),
		bfield("Amount in pounds", "", f.amount),
		labelled("Category", "Leave it and OwnPlan uses the category you chose before for this payee.", f.category),
		bfield("Note", "", f.note),
		bfield("Payment reference", "", f.reference),
		labelled("Checked against a bank statement?", "Tick it once you have seen this payment on a statement.", f.checked),
		f.problem,
		f.others,
		receipts,
		actions,
	))
	// Not an entry: the Space that opened the page would be typed into it.
	u.win.Canvas().Focus(back)
}

// paymentActions makes a payment's changes save as they are typed, and
// returns its buttons: split, delete and done.
func (v *budgetView) paymentActions(f *txForm, t store.BudgetTransaction, cats []app.BudgetCategory,
	read func() (store.BudgetTransaction, error), showProblem func(error)) fyne.CanvasObject {
	u := v.u
	saver := u.newSaver(func() func() error {
		next, err := read()
		showProblem(err)
		if err != nil {
			return func() error { return errors.New("this payment is not saved yet; see the note on the form") }
		}
		t = next
		return func() error {
			_, err := u.a.SaveTransaction(u.ctx, next)
			return err
		}
	})
	for _, e := range []*widget.Entry{f.date, f.payee, f.amount, f.note, f.reference} {
		e.OnChanged = func(string) { saver.changed() }
	}
	f.direction.OnChanged = func(string) { saver.changed() }
	f.checked.OnChanged = func(bool) { saver.changed() }
	f.category.OnChanged = func(name string) {
		saver.changed()
		v.offerSamePayee(f, t, name, cats)
	}
	f.split = button("Split between categories…", theme.ContentCutIcon(), false, func() {
		saver.Flush()
		saver.Wait()
		if fresh, err := u.a.Transaction(u.ctx, t.ID); err == nil {
			v.showSplit(fresh)
		}
	})
	f.remove = button("Delete this payment", theme.DeleteIcon(), false, func() {
		saver.Flush()
		saver.Wait()
		if err := u.a.DeleteTransaction(u.ctx, t.ID); err != nil {
			showProblem(err)
			return
		}
		u.reportSave(stateSaved, nil)
		kept := v.returnToOverview()
		v.offerUndo(fmt.Sprintf("Deleted %s %s on %s.", signedMoney(t.Amount), t.Payee, app.HumanDate(t.Date)), func() error {
			return u.a.RestoreTransaction(u.ctx, t.ID)
		})
		if kept {
			v.refresh()
		}
	})
	f.save = button("Done", theme.ConfirmIcon(), true, func() { v.backToOverview() })
	return u.buttonRows(f.save, f.split, f.remove)
}

// offerSamePayee offers to put the payee's other payments that are not
// in a category yet in the category just chosen.
func (v *budgetView) offerSamePayee(f *txForm, t store.BudgetTransaction, name string, cats []app.BudgetCategory) {
	u := v.u
	f.others.RemoveAll()
	known := false
	for _, c := range cats {
		known = known || c.Name == name
	}
	if !known || v.list == nil {
		return
	}
	payee := app.PayeeKey(t.Payee)
	n := 0
	for _, o := range v.list.all {
		if o.ID != t.ID && len(o.Splits) == 0 && app.PayeeKey(o.Payee) == payee {
			n++
		}
	}
	if n == 0 {
		return
	}
	f.same = button("Do the same for them", theme.ConfirmIcon(), false, func() {
		u.flushAll()
		done, err := u.a.CategoriseLikeThis(u.ctx, t.Payee)
		if err != nil {
			u.reportSave(stateFailed, err)
			return
		}
		f.others.Objects = []fyne.CanvasObject{para(fmt.Sprintf("Put %d more payments in %s.", done, name))}
		f.others.Refresh()
	})
	what := fmt.Sprintf("%d other payments to %s are", n, t.Payee)
	if n == 1 {
		what = fmt.Sprintf("1 other payment to %s is", t.Payee)
	}
	f.others.Add(para(fmt.Sprintf("%s not in a category yet. Put them in %s too?", what, name)))
	f.others.Add(container.NewHBox(f.same))
}

// splitForm is the page for sharing a payment between categories.
type splitForm struct {
	t       store.BudgetTransaction
	rows    []*splitRow
	box     *fyne.Container
	left    *widget.Label
	save    *widget.Button
	add     *widget.Button
	problem *widget.Label
}

type splitRow struct {
	category *widget.Select
	amount   *widget.Entry
	card     fyne.CanvasObject
}

// showSplit opens the page that shares t between categories.
func (v *budgetView) showSplit(t store.BudgetTransaction) {
	v.leavePage()
	u := v.u
	cats, err := u.a.BudgetCategories(u.ctx)
	if err != nil {
		u.reportSave(stateFailed, err)
		return
	}
	f := &splitForm{t: t, box: container.NewVBox(), left: para(""), problem: para("")}
	v.splitForm = f
	f.problem.Importance = widget.DangerImportance
	var names []string
	for _, c := range cats {
		names = append(names, c.Name)
	}
	keyOf := func(name string) string {
		for _, c := range cats {
			if c.Name == name {
				return c.Key
			}
		}
		return ""
	}
	nameOfKey := func(key string) string {
		for _, c := range cats {
			if c.Key == key {
				return c.Name
			}
		}
		return ""
	}
	abs := func(p int64) int64 {
		if p < 0 {
			return -p
		}
		return p
	}
	// parts reads the rows as splits signed like the payment.
	parts := func() ([]store.BudgetSplit, int64, error) {
		var out []store.BudgetSplit
		var sum int64
		for i, r := range f.rows {
			p, err := parseMoneyOrZero(r.amount.Text)
			if err != nil {
				return nil, 0, fmt.Errorf("part %d: %w", i+1, err)
			}
			p = abs(p)
			if t.Amount < 0 {
				p = -p
			}
			if p == 0 {
				continue
			}
			if r.category.Selected == "" {
				return nil, 0, fmt.Errorf("part %d: choose its category", i+1)
			}
			out = append(out, store.BudgetSplit{Category: keyOf(r.category.Selected), Amount: p})
			sum += p
		}
		return out, sum, nil
	}
	update := func() {
		_, sum, err := parts()
		switch {
		case err != nil:
			f.left.SetText(err.Error())
			f.save.Disable()
		case sum == t.Amount:
			f.left.SetText("The parts add up to the payment.")
			f.save.Enable()
		default:
			f.left.SetText(fmt.Sprintf("The parts add up to %s; %s is still to share.", money.Format(abs(sum)), money.Format(abs(t.Amount-sum))))
			f.save.Disable()
		}
	}
	addRow := func(key string, amount int64) *splitRow {
		r := &splitRow{category: widget.NewSelect(names, func(string) { update() }), amount: moneyEntry(abs(amount), true)}
		r.category.Selected = nameOfKey(key)
		r.amount.OnChanged = func(string) { update() }
		r.card = widget.NewCard("", "", container.NewVBox(
			labelled(fmt.Sprintf("Part %d: category", len(f.rows)+1), "", r.category),
			bfield("Amount in pounds", "", r.amount),
		))
		f.rows = append(f.rows, r)
		f.box.Add(r.card)
		return r
	}
	f.save = button("Save the split", theme.ConfirmIcon(), true, func() {
		ps, _, err := parts()
		if err == nil {
			err = u.a.SplitTransaction(u.ctx, t.ID, ps)
		}
		if err != nil {
			f.problem.SetText(err.Error())
			return
		}
		u.reportSave(stateSaved, nil)
		v.backToOverview()
	})
	f.add = button("Add another part", theme.ContentAddIcon(), false, func() {
		r := addRow("", 0)
		update()
		u.win.Canvas().Focus(r.category)
	})
	for _, sp := range t.Splits {
		addRow(sp.Category, sp.Amount)
	}
	if len(f.rows) == 0 {
		addRow("", t.Amount)
	}
	if len(f.rows) < 2 {
		addRow("", 0)
	}
	update()
	v.showPage("split", container.NewVBox(
		container.NewHBox(v.backButton()),
		heading("Split a payment"),
		para(fmt.Sprintf("%s %s on %s. Share it between the categories it paid for: the parts must add up to the payment.",
			signedMoney(t.Amount), t.Payee, app.HumanDate(t.Date))),
		f.box,
		container.NewHBox(f.add),
		f.left,
		f.problem,
		container.NewHBox(f.save, button("Cancel", theme.CancelIcon(), false, func() { v.backToOverview() })),
	))
	u.win.Canvas().Focus(f.rows[0].category)
}

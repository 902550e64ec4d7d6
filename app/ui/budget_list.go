package ui

import (
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

// Filter choices above the payments.
const (
	filterAll          = "All payments"
	filterUncategorise = "Not in a category yet"
	filterUnchecked    = "Not yet checked"
	filterIn           = "Money in"
	filterOut          = "Money out"
	filterCategoryPre  = "Category: "
)

// txList is the list of payments: a search box, a filter and the list
// itself, which draws only the rows on screen, so it stays smooth with
// tens of thousands. Choosing a payment opens it.
type txList struct {
	v      *budgetView
	box    *fyne.Container
	search *widget.Entry
	filter *widget.Select
	count  *widget.Label
	list   *widget.List

	all      []store.BudgetTransaction // oldest first, as read
	shown    []int                     // indexes into all: newest first, filtered
	hay      []string                  // what search looks in, per payment, made at the first search
	cats     []app.BudgetCategory
	names    map[string]string
	selected string // the chosen payment's ID
}

func newTxList(v *budgetView) *txList {
	l := &txList{v: v, names: map[string]string{}}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Payee, category, amount or note")
	l.search.OnChanged = func(string) { l.apply() }
	l.filter = widget.NewSelect([]string{filterAll}, func(string) { l.apply() })
	l.filter.Selected = filterAll
	l.count = para("")
	l.list = widget.NewList(
		func() int { return len(l.shown) },
		newTxRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(l.shown) {
				fillTxRow(o, l.at(id), l.names)
			}
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		if id < len(l.shown) {
			l.selected = l.at(id).ID
			v.showPayment(l.at(id))
		}
	}
	help := para("Use the arrow keys to move through the payments, and Space to open one to change it, split it, mark it as checked or delete it.")
	l.box = container.NewVBox(
		bfield("Search", "", l.search),
		labelled("Show", "", l.filter),
		l.count,
		container.New(&fixedHeight{rows: 6}, l.list),
		help,
	)
	return l
}

// newTxRow is a payment's row: the payee and amount on the first line,
// the date, category and whether it is checked on the second.
func newTxRow() fyne.CanvasObject {
	payee := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	payee.Truncation = fyne.TextTruncateEllipsis
	amount := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(container.NewBorder(nil, nil, nil, amount, payee), detail)
}

func fillTxRow(o fyne.CanvasObject, t store.BudgetTransaction, names map[string]string) {
	box := o.(*fyne.Container)
	top := box.Objects[0].(*fyne.Container)
	payee, amount := top.Objects[0].(*widget.Label), top.Objects[1].(*widget.Label)
	detail := box.Objects[1].(*widget.Label)
	payee.SetText(t.Payee)
	amount.SetText(signedMoney(t.Amount))
	if t.Amount > 0 {
		amount.Importance = widget.SuccessImportance
	} else {
		amount.Importance = widget.MediumImportance
	}
	amount.Refresh()
	parts := []string{app.HumanDate(t.Date), categoryText(t, names)}
	if !t.Reconciled {
		parts = append(parts, "not yet checked")
	}
	if t.Note != "" {
		parts = append(parts, t.Note)
	}
	detail.SetText(strings.Join(parts, " · "))
}

// signedMoney writes money in as "+£1,400.00" and money out as "-£6.20".
func signedMoney(p int64) string {
	if p > 0 {
		return "+" + money.Format(p)
	}
	return money.Format(p)
}

// categoryText names a payment's categories.
func categoryText(t store.BudgetTransaction, names map[string]string) string {
	switch len(t.Splits) {
	case 0:
		return "not in a category yet"
	case 1:
		return nameOf(t.Splits[0].Category, names)
	}
	var parts []string
	for _, sp := range t.Splits {
		parts = append(parts, nameOf(sp.Category, names))
	}
	return "split: " + strings.Join(parts, ", ")
}

func nameOf(key string, names map[string]string) string {
	if n, ok := names[key]; ok {
		return n
	}
	return key
}

// at returns the payment shown in row i.
func (l *txList) at(i int) store.BudgetTransaction { return l.all[l.shown[i]] }

// setData shows newly read payments, keeping the search, the filter and
// the chosen payment.
func (l *txList) setData(txs []store.BudgetTransaction, cats []app.BudgetCategory) {
	l.all, l.cats, l.hay = txs, cats, nil
	l.names = map[string]string{}
	opts := []string{filterAll, filterUncategorise, filterUnchecked, filterOut, filterIn}
	for _, c := range cats {
		l.names[c.Key] = c.Name
		opts = append(opts, filterCategoryPre+c.Name)
	}
	l.filter.Options = opts
	l.filter.Refresh()
	l.apply()
}

// apply shows the payments the search and filter choose, newest first.
func (l *txList) apply() {
	words := strings.Fields(strings.ToLower(l.search.Text))
	f := l.filter.Selected
	var catKey string
	if name, ok := strings.CutPrefix(f, filterCategoryPre); ok {
		for _, c := range l.cats {
			if c.Name == name {
				catKey = c.Key
			}
		}
	}
	l.shown = l.shown[:0]
	var in, out int64
	for i := len(l.all) - 1; i >= 0; i-- {
		t := &l.all[i]
		switch {
		case f == filterUncategorise && len(t.Splits) > 0,
			f == filterUnchecked && t.Reconciled,
			f == filterIn && t.Amount < 0,
			f == filterOut && t.Amount > 0,
			catKey != "" && !inCategory(*t, catKey):
			continue
		}
		if len(words) > 0 && !l.matches(i, words) {
			continue
		}
		l.shown = append(l.shown, i)
		if t.Amount > 0 {
			in += t.Amount
		} else {
			out -= t.Amount
		}
	}
	what := "payments"
	if len(l.shown) == 1 {
		what = "payment"
	}
	l.count.SetText(fmt.Sprintf("%d %s: %s in, %s out.", len(l.shown), what, money.Format(in), money.Format(out)))
	l.list.UnselectAll()
	l.list.Refresh()
	// Keep the payment chosen last in view, for someone coming back to
	// the list.
	for i, j := range l.shown {
		if l.all[j].ID == l.selected {
			l.list.ScrollTo(i)
		}
	}
}

func inCategory(t store.BudgetTransaction, key string) bool {
	for _, sp := range t.Splits {
		if sp.Category == key {
			return true
		}
	}
	return false
}

// matches reports whether payment i has all the words.
func (l *txList) matches(i int, words []string) bool {
	if l.hay == nil {
		l.hay = make([]string, len(l.all))
		for j, t := range l.all {
			l.hay[j] = strings.ToLower(strings.Join([]string{t.Payee, t.Note, t.Reference, money.Format(t.Amount), money.Plain(t.Amount),
				categoryText(t, l.names), app.HumanDate(t.Date), t.Date.String()}, " "))
		}
	}
	hay := l.hay[i]
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// offerUndo shows what was just done with an Undo button, which has the
// focus, until the next change.
func (v *budgetView) offerUndo(what string, undo func() error) {
	b := button("Undo", theme.ContentUndoIcon(), false, func() {
		if err := undo(); err != nil {
			v.u.reportSave(stateFailed, err)
			return
		}
		v.undo.RemoveAll()
		v.u.reportSave(stateSaved, nil)
	})
	v.undo.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, b, para(what))}
	v.undo.Refresh()
	v.u.win.Canvas().Focus(b)
}

// fixedHeight gives its one object the full width and a height of a
// number of text rows, so a list inside a scrolling page has room
// without taking over the page.
type fixedHeight struct{ rows int }

func (f *fixedHeight) rowHeight() float32 {
	return 2*theme.TextSize() + 4*theme.Padding() + 2*theme.InnerPadding()
}

// Layout gives the object the whole space.
func (f *fixedHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// MinSize is the objects' width and rows rows high.
func (f *fixedHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, float32(f.rows)*f.rowHeight())
}

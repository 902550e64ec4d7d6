package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// returnPage is the page for the council's monitoring return.
type returnPage struct {
	from, to *widget.Entry
	figures  *fyne.Container
	save     *widget.Button
	saved    *widget.Label
}

// showReturn opens the monitoring return page: choose the period, see
// the figures, save them as CSV for the council.
func (v *budgetView) showReturn() {
	v.leavePage()
	u := v.u
	s, _, err := u.a.BudgetSetup(u.ctx)
	if err != nil {
		u.reportSave(stateFailed, err)
		return
	}
	p := &returnPage{figures: container.NewVBox(), saved: para("")}
	v.returnPage = p
	from, to := app.QuarterBefore(s, store.Today())
	p.from, p.to = dateEntry(from), dateEntry(to)
	p.save = button("Save as a CSV file…", theme.DocumentSaveIcon(), true, func() { v.saveReturn() })
	update := func(string) { v.returnFigures() }
	p.from.OnChanged, p.to.OnChanged = update, update
	back := v.backButton()
	v.showPage("return", container.NewVBox(
		container.NewHBox(back),
		heading("Monitoring return"),
		para("Councils ask, often every three months, how the direct payment was spent: the money at the start, the money in, "+
			"the spending by category, the money at the end, and every payment with its receipt. OwnPlan makes this as a CSV file "+
			"that opens in any spreadsheet, to send with your bank statements."),
		bfield("From", "The first day the council asks about.", p.from),
		bfield("To", "The last day.", p.to),
		p.figures,
		container.NewHBox(p.save),
		p.saved,
	))
	v.returnFigures()
	// Not an entry: the Space that opened the page would be typed into it.
	u.win.Canvas().Focus(back)
}

// returnDates reads the period typed.
func (p *returnPage) dates() (store.Date, store.Date, error) {
	from, err := app.ParseHumanDate(p.from.Text)
	if err != nil {
		return from, store.Date{}, fmt.Errorf("the first day: %w", err)
	}
	to, err := app.ParseHumanDate(p.to.Text)
	if err != nil {
		return from, to, fmt.Errorf("the last day: %w", err)
	}
	return from, to, nil
}

// returnFigures works out the figures in the background and shows them.
func (v *budgetView) returnFigures() {
	u, p := v.u, v.returnPage
	from, to, err := p.dates()
	if err != nil {
		p.figures.Objects = []fyne.CanvasObject{para(err.Error())}
		p.figures.Refresh()
		p.save.Disable()
		return
	}
	v.background(func() {
		r, txs, err := u.a.MonitoringReturn(u.ctx, from, to)
		fyne.Do(func() {
			if v.returnPage != p {
				return
			}
			if err != nil {
				p.figures.Objects = []fyne.CanvasObject{para(strings.ReplaceAll(err.Error(), "\n", " "))}
				p.figures.Refresh()
				p.save.Disable()
				return
			}
			p.save.Enable()
			p.figures.Objects = []fyne.CanvasObject{returnSummary(r, len(txs))}
			p.figures.Refresh()
		})
	})
}

// returnSummary shows a return's figures as lines of text.
func returnSummary(r budget.Return, n int) fyne.CanvasObject {
	box := container.NewVBox(subheading(fmt.Sprintf("%s to %s", app.HumanDate(r.From), app.HumanDate(r.To))))
	line := func(label string, amount int64) {
		box.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(money.Format(amount)), para(label)))
	}
	line("Money at the start", r.OpeningBalance)
	for _, l := range r.MoneyIn {
		line("In: "+l.Name, l.Amount)
	}
	line("Total money in", r.TotalIn)
	for _, l := range r.Spending {
		if l.Amount != 0 || l.Planned != 0 {
			line(fmt.Sprintf("Spent on %s (planned %s)", l.Name, money.Format(l.Planned)), l.Amount)
		}
	}
	line("Total spent", r.TotalSpending)
	line("Money at the end", r.ClosingBalance)
	box.Add(para(fmt.Sprintf("%d payments in this period; %d not yet checked against a bank statement.", n, r.Unreconciled)))
	return box
}

// saveReturn asks where to save the CSV and writes it there.
func (v *budgetView) saveReturn() {
	u, p := v.u, v.returnPage
	from, to, err := p.dates()
	if err != nil {
		p.saved.SetText(err.Error())
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.HasSuffix(strings.ToLower(path), ".csv") {
			path += ".csv"
		}
		v.writeReturn(path, from, to)
	}, u.win)
	d.SetFileName(fmt.Sprintf("Monitoring return %s to %s.csv", from, to))
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

// writeReturn saves the return to path in the background.
func (v *budgetView) writeReturn(path string, from, to store.Date) {
	u, p := v.u, v.returnPage
	p.saved.SetText("Saving…")
	v.background(func() {
		err := u.a.SaveMonitoringReturn(u.ctx, path, from, to)
		fyne.Do(func() {
			if err != nil {
				p.saved.SetText("Not saved: " + err.Error())
				p.saved.Importance = widget.DangerImportance
				p.saved.Refresh()
				return
			}
			p.saved.Importance = widget.SuccessImportance
			p.saved.SetText(fmt.Sprintf("Saved as %s in %s.", filepath.Base(path), filepath.Dir(path)))
		})
	})
}

package ui

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/bankimport"
	"github.com/ownplan/ownplan/app/money"
)

const (
	amountsOneColumn = "In one column"
	amountsTwo       = "In two columns: in and out"
	datesAuto        = "Work it out"
	datesDayFirst    = "Day first (02/03 is 2 March)"
	datesMonthFirst  = "Month first (03/02 is 2 March)"
	columnNone       = "None"
	previewRows      = 8
)

// importWizard is the page that imports a bank statement: choose the
// file, check what OwnPlan read (and choose the columns when it is
// unsure), then import.
type importWizard struct {
	v      *budgetView
	path   *widget.Entry
	choose *widget.Button
	read   *widget.Button

	status    *widget.Label
	mapping   *fyne.Container
	showMap   *widget.Button
	dateCol   *widget.Select
	payeeCol  *widget.Select
	amounts   *widget.Select
	amountCol *widget.Select
	inCol     *widget.Select
	outCol    *widget.Select
	dates     *widget.Select
	negate    *widget.Check
	preview   *fyne.Container
	counts    *widget.Label
	importBtn *widget.Button
	result    *fyne.Container

	data    []byte
	name    string
	chosen  *bankimport.Mapping // columns the person chose; nil to detect or remember
	used    bankimport.Mapping  // the columns the preview was read with
	filling bool                // the selects are being filled, not changed by the person
}

// showImport opens the import wizard.
func (v *budgetView) showImport() {
	v.leavePage()
	u := v.u
	w := &importWizard{v: v}
	v.importPage = w
	w.path = widget.NewEntry()
	w.path.SetPlaceHolder(filepath.Join("Downloads", "statement.csv"))
	w.path.OnSubmitted = func(string) { w.readFile() }
	w.choose = button("Choose the file…", theme.FolderOpenIcon(), true, func() { w.pick() })
	w.read = button("Read this file", theme.NavigateNextIcon(), false, func() { w.readFile() })
	w.status = para("")
	w.preview = container.NewVBox()
	w.counts = para("")
	w.result = container.NewVBox()
	w.importBtn = button("Import", theme.DownloadIcon(), true, func() { w.doImport() })
	w.importBtn.Hide()
	w.buildMapping()
	v.showPage("import", container.NewVBox(
		container.NewHBox(v.backButton()),
		heading("Import a bank statement"),
		para("Download a statement from your online banking as a CSV file (or OFX or QFX, if your bank offers it; Santander's \"Text file (TXT)\" works too), "+
			"for the account your budget is paid into. OwnPlan reads the payments and adds the new ones. "+
			"Payments it already has are never added twice, so it is fine if statements overlap."),
		bfield("Statement file", "Type where the file is, or choose it.", w.path),
		u.buttonRows(w.choose, w.read),
		w.status,
		container.NewHBox(w.showMap),
		w.mapping,
		w.preview,
		w.counts,
		container.NewHBox(w.importBtn),
		w.result,
	))
	u.win.Canvas().Focus(w.choose)
}

// pick lets the person choose the file.
func (w *importWizard) pick() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.path.SetText(path)
		w.readFile()
	}, w.v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".ofx", ".OFX", ".qfx", ".QFX", ".qbo", ".QBO", ".txt", ".TXT", ".tsv"}))
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

// buildMapping makes the column choices, hidden until needed.
func (w *importWizard) buildMapping() {
	changed := func(string) {
		if !w.filling {
			w.mappingChanged()
		}
	}
	w.dateCol = widget.NewSelect(nil, changed)
	w.payeeCol = widget.NewSelect(nil, changed)
	w.amountCol = widget.NewSelect(nil, changed)
	w.inCol = widget.NewSelect(nil, changed)
	w.outCol = widget.NewSelect(nil, changed)
	oneBox := labelled("Which column has the amounts?", "", w.amountCol)
	twoBox := container.NewVBox(
		labelled("Which column has money in?", "", w.inCol),
		labelled("Which column has money out?", "", w.outCol),
	)
	w.negate = widget.NewCheck("Money out has no minus sign", func(bool) { changed("") })
	w.amounts = widget.NewSelect([]string{amountsOneColumn, amountsTwo}, func(s string) {
		if s == amountsTwo {
			oneBox.Hide()
			w.negate.Hide()
			twoBox.Show()
		} else {
			oneBox.Show()
			w.negate.Show()
			twoBox.Hide()
		}
		changed(s)
	})
	w.dates = widget.NewSelect([]string{datesAuto, datesDayFirst, datesMonthFirst}, changed)
	w.mapping = container.NewVBox(
		subheading("Which column is which"),
		para("OwnPlan remembers your choice for statements from this bank."),
		labelled("Which column has the date?", "", w.dateCol),
		labelled("Which column says who was paid?", "", w.payeeCol),
		labelled("How are amounts shown?", "", w.amounts),
		oneBox, w.negate, twoBox,
		labelled("How are dates written?", "", w.dates),
	)
	w.mapping.Hide()
	w.showMap = button("Choose the columns myself", theme.ListIcon(), false, func() {
		w.mapping.Show()
		w.showMap.Hide()
		w.v.u.win.Canvas().Focus(w.dateCol)
	})
	w.showMap.Hide()
}

// readFile reads the chosen file in the background and shows what is in
// it.
func (w *importWizard) readFile() {
	path := strings.TrimSpace(w.path.Text)
	if path == "" {
		w.status.SetText("Choose the statement file first.")
		return
	}
	w.chosen = nil
	w.result.RemoveAll()
	w.status.SetText("Reading " + filepath.Base(path) + "…")
	w.load(path, nil)
}

// mappingChanged reads the file again with the columns chosen.
func (w *importWizard) mappingChanged() {
	m := w.currentMapping()
	w.chosen = &m
	w.load("", &m)
}

// load reads the file (when path is given) and previews it with m, in
// the background.
func (w *importWizard) load(path string, m *bankimport.Mapping) {
	u := w.v.u
	v := w.v
	data, name := w.data, w.name
	v.background(func() {
		var err error
		if path != "" {
			data, err = app.ReadStatementFile(path)
			name = filepath.Base(path)
		}
		var pre app.StatementPreview
		var res app.ImportResult
		var dryErr error
		if err == nil {
			pre, err = u.a.PreviewStatement(u.ctx, data, name, m, previewRows)
		}
		if err == nil {
			res, dryErr = u.a.ImportStatement(u.ctx, bytes.NewReader(data), name, app.ImportOptions{Mapping: m, DryRun: true})
		}
		// A file that is not a statement at all is refused outright;
		// other problems may be fixed by choosing the columns.
		if dryErr != nil && (errors.Is(dryErr, bankimport.ErrNotStatement) || errors.Is(dryErr, bankimport.ErrTooLarge) || errors.Is(dryErr, bankimport.ErrMalformed)) {
			err, dryErr = dryErr, nil
		}
		fyne.Do(func() {
			if err != nil {
				w.data = nil
				w.status.SetText(err.Error())
				w.status.Importance = widget.DangerImportance
				w.status.Refresh()
				w.preview.RemoveAll()
				w.counts.SetText("")
				w.importBtn.Hide()
				w.mapping.Hide()
				w.showMap.Hide()
				return
			}
			w.data, w.name = data, name
			w.show(pre, res, dryErr, m != nil)
		})
	})
}

// show fills the page from a preview and a dry run.
func (w *importWizard) show(pre app.StatementPreview, res app.ImportResult, dryErr error, chosen bool) {
	w.status.Importance = widget.MediumImportance
	switch {
	case pre.OFX:
		w.status.SetText(fmt.Sprintf("%s is an OFX file, which names its own columns.", w.name))
	case pre.Remembered:
		w.status.SetText("OwnPlan used the columns you chose last time for statements like this one.")
	case chosen:
		w.status.SetText("Here is the statement read with the columns you chose.")
	case pre.Sample.Layout.Sure:
		w.status.SetText("OwnPlan recognised the columns. Check the payments below look right.")
	default:
		w.status.SetText("OwnPlan is not sure which column is which: " + strings.Join(pre.Sample.Layout.Reasons, " ") +
			" Choose the columns below.")
	}
	w.status.Refresh()
	if !pre.OFX {
		w.fillMapping(pre)
		if !pre.Sample.Layout.Sure && !pre.Remembered || dryErr != nil {
			w.mapping.Show()
			w.showMap.Hide()
		} else if !w.mapping.Visible() {
			w.showMap.Show()
		}
	}
	w.preview.RemoveAll()
	if pre.Sample != nil {
		w.preview.Add(subheading("The first payments in the file"))
		for _, r := range pre.Sample.Rows {
			if r.Problem != "" {
				l := para(fmt.Sprintf("Line %d: %s", r.Line, r.Problem))
				l.Importance = widget.WarningImportance
				w.preview.Add(l)
				continue
			}
			t := r.Transaction
			w.preview.Add(para(fmt.Sprintf("Line %d: %s, %s, %s", r.Line, app.HumanDate(t.Date), t.Description, signedMoney(t.AmountPence))))
		}
	}
	if dryErr != nil {
		w.counts.SetText(dryErr.Error())
		w.counts.Importance = widget.DangerImportance
		w.counts.Refresh()
		w.importBtn.Hide()
		return
	}
	w.counts.Importance = widget.MediumImportance
	text := fmt.Sprintf("This statement has %d payments from %s to %s: %d new, %d already in OwnPlan.",
		res.Read, app.HumanDate(res.FirstDate), app.HumanDate(res.LastDate), res.Added, res.AlreadyThere)
	if res.Skipped > 0 {
		text += fmt.Sprintf(" %d lines are not payments (pending payments, balances or totals) and will be left out.", res.Skipped)
	}
	if res.Categorised > 0 {
		text += fmt.Sprintf(" %d of the new ones will go in a category from your earlier choices.", res.Categorised)
	}
	for _, warn := range res.Warnings {
		text += " " + warn
	}
	w.counts.SetText(text)
	w.counts.Refresh()
	if res.Added == 0 && res.Matched == 0 {
		w.importBtn.Hide()
		w.counts.SetText(text + " There is nothing new to import.")
		return
	}
	w.importBtn.SetText(fmt.Sprintf("Import %d payments", res.Added))
	w.importBtn.Show()
}

// columnOptions names the columns: "Column 2: Description".
func columnOptions(l bankimport.Layout, rows []bankimport.SampleRow, optional bool) []string {
	var out []string
	if optional {
		out = append(out, columnNone)
	}
	for i := 0; i < l.Columns; i++ {
		label := fmt.Sprintf("Column %d", i+1)
		switch {
		case i < len(l.Header) && strings.TrimSpace(l.Header[i]) != "":
			label += ": " + strings.TrimSpace(l.Header[i])
		case len(rows) > 0 && i < len(rows[len(rows)-1].Cells):
			// An example from the last row shown: the first may be column
			// names OwnPlan did not recognise.
			label += ", for example " + rows[len(rows)-1].Cells[i]
		}
		out = append(out, label)
	}
	return out
}

func columnIndex(options []string, n int, optional bool) string {
	if optional {
		if n == 0 {
			return columnNone
		}
		if n < len(options) {
			return options[n]
		}
		return columnNone
	}
	if n >= 1 && n <= len(options) {
		return options[n-1]
	}
	return ""
}

func columnNumber(options []string, selected string, optional bool) int {
	for i, o := range options {
		if o == selected {
			if optional {
				return i
			}
			return i + 1
		}
	}
	return 0
}

// fillMapping sets the column choices from the mapping used.
func (w *importWizard) fillMapping(pre app.StatementPreview) {
	w.filling = true
	defer func() { w.filling = false }()
	l, rows, m := pre.Sample.Layout, pre.Sample.Rows, pre.Mapping
	w.used = m
	required, optional := columnOptions(l, rows, false), columnOptions(l, rows, true)
	w.dateCol.Options, w.payeeCol.Options = required, optional
	w.amountCol.Options, w.inCol.Options, w.outCol.Options = optional, optional, optional
	w.dateCol.SetSelected(columnIndex(required, m.Date, false))
	w.payeeCol.SetSelected(columnIndex(optional, m.Description, true))
	w.amountCol.SetSelected(columnIndex(optional, m.Amount, true))
	w.inCol.SetSelected(columnIndex(optional, m.In, true))
	w.outCol.SetSelected(columnIndex(optional, m.Out, true))
	if m.In != 0 || m.Out != 0 {
		w.amounts.SetSelected(amountsTwo)
	} else {
		w.amounts.SetSelected(amountsOneColumn)
	}
	w.negate.SetChecked(m.Negate)
	switch m.DateOrder {
	case bankimport.DayFirst:
		w.dates.SetSelected(datesDayFirst)
	case bankimport.MonthFirst:
		w.dates.SetSelected(datesMonthFirst)
	default:
		w.dates.SetSelected(datesAuto)
	}
}

// currentMapping reads the column choices. The columns the wizard does
// not ask about (the balance, which checks the amounts, the type, the
// reference and where else to find a payee) stay as they were read,
// unless one of them has now been chosen for something else.
func (w *importWizard) currentMapping() bankimport.Mapping {
	m := bankimport.Mapping{
		Date:        columnNumber(w.dateCol.Options, w.dateCol.Selected, false),
		Description: columnNumber(w.payeeCol.Options, w.payeeCol.Selected, true),
	}
	if w.amounts.Selected == amountsTwo {
		m.In = columnNumber(w.inCol.Options, w.inCol.Selected, true)
		m.Out = columnNumber(w.outCol.Options, w.outCol.Selected, true)
	} else {
		m.Amount = columnNumber(w.amountCol.Options, w.amountCol.Selected, true)
		m.Negate = w.negate.Checked
	}
	switch w.dates.Selected {
	case datesDayFirst:
		m.DateOrder = bankimport.DayFirst
	case datesMonthFirst:
		m.DateOrder = bankimport.MonthFirst
	}
	chosen := []int{m.Date, m.Description, m.Amount, m.In, m.Out}
	keep := func(col int) int {
		if slices.Contains(chosen, col) {
			return 0
		}
		return col
	}
	m.Balance, m.Type, m.Reference = keep(w.used.Balance), keep(w.used.Type), keep(w.used.Reference)
	i := 0
	for _, col := range w.used.DescriptionFallback {
		if c := keep(col); c != 0 && c != m.Balance && c != m.Type {
			m.DescriptionFallback[i] = c
			i++
		}
	}
	return m
}

// doImport imports the statement in the background, all or nothing.
func (w *importWizard) doImport() {
	u, v := w.v.u, w.v
	if w.data == nil {
		return
	}
	data, name, m := w.data, w.name, w.chosen
	w.importBtn.Disable()
	w.status.SetText("Importing…")
	v.background(func() {
		res, err := u.a.ImportStatement(u.ctx, bytes.NewReader(data), name, app.ImportOptions{Mapping: m})
		fyne.Do(func() {
			w.importBtn.Enable()
			if err != nil {
				w.status.SetText(err.Error())
				w.status.Importance = widget.DangerImportance
				w.status.Refresh()
				return
			}
			w.importBtn.Hide()
			w.status.SetText("Imported.")
			done := widget.NewLabelWithStyle(res.Summary(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			done.Wrapping = fyne.TextWrapWord
			w.result.Objects = []fyne.CanvasObject{done}
			if res.Added > 0 {
				var in, out int64
				for _, t := range res.New {
					if t.Amount > 0 {
						in += t.Amount
					} else {
						out -= t.Amount
					}
				}
				w.result.Add(para(fmt.Sprintf("The new payments bring in %s and take out %s. %d went into a category from your earlier choices; "+
					"put the others in a category on the Budget screen.", money.Format(in), money.Format(out), res.Categorised)))
			}
			back := button("Back to my budget", theme.NavigateBackIcon(), true, func() { v.backToOverview() })
			row := container.NewHBox(back)
			if res.ImportID != "" {
				id := res.ImportID
				var undo *widget.Button
				undo = button("Undo this import", theme.ContentUndoIcon(), false, func() {
					n, err := u.a.UndoImport(u.ctx, id)
					if err != nil {
						u.reportSave(stateFailed, err)
						return
					}
					undo.Disable()
					w.result.Add(para(fmt.Sprintf("Undone: the %d payments it added are deleted.", n)))
				})
				row.Add(undo)
			}
			w.result.Add(row)
			w.result.Refresh()
			u.win.Canvas().Focus(back)
		})
	})
}

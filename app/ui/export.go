package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os"
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
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

func init() { homeParts = append(homeParts, exportSummary) }

// exportSummary is Home's line about the documents for the council.
func exportSummary(u *UI) fyne.CanvasObject {
	return container.NewVBox(
		para("Documents for the council: your support plan, your assessment preparation pack and a budget statement, as PDFs to print, email or upload."),
		u.exportButton(""),
	)
}

// exportButton returns a button that saves a PDF for the council. doc
// names the document the screen is about: "plan", "assessment" or
// "statement" (several separated by commas, or "" for none in
// particular). The button opens a panel with the choice of all three
// documents, the screen's first and chosen, a "Large print" box and, for
// a statement, its period; then a save dialog; the PDF is made off the UI
// goroutine, and "Open" and "Show in folder" follow.
func (u *UI) exportButton(doc string) fyne.CanvasObject {
	docs := exportDocs(doc)
	// Short, so the button fits beside the navigation at 250% text; the
	// panel it opens names the documents.
	b := button("Save as PDF…", theme.DocumentSaveIcon(), false, func() { u.newExportPanel(docs).show() })
	return container.NewHBox(b)
}

// exportDocs returns the documents a button offers: those doc names
// first, in its order, then the others.
func exportDocs(doc string) []app.Export {
	var docs []app.Export
	for k := range strings.SplitSeq(doc, ",") {
		for _, e := range app.Exports() {
			if strings.TrimSpace(k) == string(e) && !slices.Contains(docs, e) {
				docs = append(docs, e)
			}
		}
	}
	for _, e := range app.Exports() {
		if !slices.Contains(docs, e) {
			docs = append(docs, e)
		}
	}
	return docs
}

// exportPanel is the panel that makes a PDF: what to make, how, and
// where it went.
type exportPanel struct {
	u    *UI
	docs []app.Export

	choice   *widget.RadioGroup // nil when there is one document
	large    *widget.Check
	from, to *widget.Entry
	period   *fyne.Container // the statement's period, shown for a statement
	save     *widget.Button
	status   *widget.Label
	open     *widget.Button
	folder   *widget.Button
	after    *fyne.Container // Open and Show in folder, once saved
	box      *fyne.Container // the choices
	dlg      *dialog.CustomDialog

	saved string // the path of the last PDF saved
	// emptied is the path the save dialog last left as an empty file,
	// to be removed if the PDF cannot be saved there after all.
	emptied string

	// pick asks where to save, suggesting a file name, and calls done
	// with the path chosen; it does not call done if the person cancels.
	pick func(suggested string, done func(path string))
	// openURL opens a file or folder with the system's viewer.
	openURL func(*url.URL) error
	// finished, if set, is called on the UI goroutine after each save
	// ends, well or not.
	finished func()
}

// newExportPanel makes the panel for docs.
func (u *UI) newExportPanel(docs []app.Export) *exportPanel {
	p := &exportPanel{u: u, docs: docs, openURL: u.fa.OpenURL}
	p.pick = p.pickWithDialog
	settings, err := u.a.Settings(u.ctx)
	p.large = widget.NewCheck("Large print", nil)
	p.large.SetChecked(err == nil && settings.TextScale >= 150)
	p.from, p.to = widget.NewEntry(), widget.NewEntry()
	p.from.SetPlaceHolder("for example 1 April 2026")
	p.to.SetPlaceHolder("for example 30 June 2026")
	if setup, has, err := u.a.BudgetSetup(u.ctx); err == nil && has {
		from, to := app.QuarterBefore(setup, store.Today())
		p.from.SetText(report.FormatDate(from))
		p.to.SetText(report.FormatDate(to))
	}
	p.period = container.NewVBox(
		field("From", "The first day of the statement.", p.from),
		field("To", "The last day. The figures are the same as in the monitoring return.", p.to),
	)
	p.save = button("Choose where to save…", theme.DocumentSaveIcon(), true, p.start)
	p.status = para("")
	p.open = button("Open", theme.FileIcon(), true, func() { p.openPath(p.saved) })
	p.folder = button("Show in folder", theme.FolderOpenIcon(), false, func() { p.openPath(filepath.Dir(p.saved)) })
	p.after = container.NewHBox(p.open, p.folder)
	p.after.Hide()

	p.box = container.NewVBox(para("Make a PDF to print, email or upload to the council. " +
		"Everything you have written so far goes in; parts still to write say so."))
	if len(docs) > 1 {
		labels := make([]string, len(docs))
		for i, e := range docs {
			labels[i] = e.Title()
		}
		p.choice = widget.NewRadioGroup(labels, func(string) { p.showPeriod() })
		p.choice.Required = true
		p.choice.SetSelected(labels[0])
		p.box.Add(widget.NewLabelWithStyle("Which document", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		p.box.Add(p.choice)
	} else {
		p.box.Add(subheading(docs[0].Title()))
	}
	// Large print before the statement's period, so it is in sight
	// without scrolling whatever the document.
	p.box.Add(p.large)
	p.box.Add(para("Large print sets the text at 16 point instead of 12, on more pages."))
	p.box.Add(p.period)
	p.showPeriod()
	return p
}

// doc returns the document chosen.
func (p *exportPanel) doc() app.Export {
	if p.choice != nil {
		for _, e := range p.docs {
			if e.Title() == p.choice.Selected {
				return e
			}
		}
	}
	return p.docs[0]
}

// showPeriod shows the period only for a statement.
func (p *exportPanel) showPeriod() {
	if p.doc() == app.ExportStatementPDF {
		p.period.Show()
	} else {
		p.period.Hide()
	}
}

// show opens the panel over the window.
func (p *exportPanel) show() {
	closeBtn := button("Close", theme.CancelIcon(), false, func() { p.dlg.Hide() })
	// The choices scroll; what to do and how it went stay in sight.
	actions := container.NewVBox(widget.NewSeparator(), p.status, p.after, container.NewHBox(p.save, closeBtn))
	content := container.NewBorder(nil, actions, nil, nil, container.NewVScroll(p.box))
	p.dlg = dialog.NewCustomWithoutButtons("Save a PDF for the council", content, p.u.win)
	size := p.u.win.Canvas().Size()
	p.dlg.Resize(fyne.NewSize(min(760, size.Width*0.95), min(640, size.Height*0.95)))
	p.dlg.Show()
	p.u.win.Canvas().Focus(p.save)
}

// options reads the panel's choices.
func (p *exportPanel) options() (app.ExportOptions, error) {
	opt := app.ExportOptions{LargePrint: p.large.Checked}
	if p.doc() != app.ExportStatementPDF {
		return opt, nil
	}
	var err error
	if opt.From, err = app.ParseHumanDate(p.from.Text); err != nil {
		return opt, fmt.Errorf("the first day: %w", err)
	}
	if opt.To, err = app.ParseHumanDate(p.to.Text); err != nil {
		return opt, fmt.Errorf("the last day: %w", err)
	}
	if opt.From.IsZero() || opt.To.IsZero() {
		return opt, errors.New("give the first and the last day of the statement, for example 1 April 2026 and 30 June 2026")
	}
	if opt.To.Before(opt.From) {
		return opt, fmt.Errorf("the period runs backwards: %s is before %s; give the earlier date first", report.FormatDate(opt.To), report.FormatDate(opt.From))
	}
	return opt, nil
}

// start asks where to save and then makes the PDF.
func (p *exportPanel) start() {
	opt, err := p.options()
	if err != nil {
		p.problem(err)
		return
	}
	doc := p.doc()
	suggested := p.u.a.ExportFileName(p.u.ctx, doc, opt)
	p.pick(suggested, func(path string) {
		// A space pressed to open the save dialog can land at the start
		// of the name; no one means a name to start or end with one.
		dir, name := filepath.Split(path)
		if name = strings.TrimSpace(name); name == "" {
			name = suggested
		}
		if !strings.EqualFold(filepath.Ext(name), ".pdf") {
			name += ".pdf"
		}
		final := filepath.Join(dir, name)
		if filepath.Clean(path) != final {
			// The dialog made the file under the name as typed.
			p.removeEmptied(path)
		}
		p.export(doc, final, opt)
	})
}

// pickWithDialog asks where to save with the system's save dialog.
func (p *exportPanel) pickWithDialog(suggested string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			// The dialog could not make the file: a folder that
			// cannot be written to, say.
			p.say("Could not save the PDF there: " + err.Error() + ". Choose another place.")
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		// The dialog made the file, empty; the export replaces it whole,
		// or removes it if the PDF cannot be saved.
		w.Close()
		p.emptied = path
		done(path)
	}, p.u.win)
	d.SetFileName(suggested)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	if p.saved != "" {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(p.saved))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

// export makes the PDF at path off the UI goroutine.
func (p *exportPanel) export(doc app.Export, path string, opt app.ExportOptions) {
	p.save.Disable()
	p.after.Hide()
	p.status.Importance = widget.MediumImportance
	p.status.SetText("Making the " + strings.ToLower(doc.Title()) + "…")
	a, ctx := p.u.a, p.u.ctx
	go func() {
		err := a.ExportFile(ctx, doc, path, opt)
		fyne.Do(func() { p.done(doc, path, err) })
	}()
}

// done shows how the save went.
func (p *exportPanel) done(doc app.Export, path string, err error) {
	p.save.Enable()
	if err != nil {
		p.removeEmptied(path)
		p.problem(err)
	} else {
		p.saved = path
		p.status.Importance = widget.SuccessImportance
		p.status.SetText("Saved the " + strings.ToLower(doc.Title()) + " in:\n" + path)
		p.after.Show()
		if c := fyne.CurrentApp().Driver().CanvasForObject(p.open); c != nil {
			c.Focus(p.open)
		}
	}
	if p.finished != nil {
		p.finished()
	}
}

// removeEmptied removes the empty file the save dialog left at path, so a
// failed save leaves nothing behind where the person will look for it.
// A file with anything in it is never removed.
func (p *exportPanel) removeEmptied(path string) {
	if p.emptied == "" || filepath.Clean(p.emptied) != filepath.Clean(path) {
		return
	}
	p.emptied = ""
	if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		os.Remove(path)
	}
}

// problem shows why the PDF was not made, in plain words. A save error
// already says what to do.
func (p *exportPanel) problem(err error) {
	var se *report.SaveError
	if errors.As(err, &se) {
		p.say(err.Error())
		return
	}
	p.say("Could not make the PDF: " + err.Error())
}

// say shows a problem under the buttons.
func (p *exportPanel) say(msg string) {
	p.status.Importance = widget.DangerImportance
	p.status.SetText(msg)
}

// openPath opens a saved file, or its folder, with the system's viewer.
func (p *exportPanel) openPath(path string) {
	if path == "" {
		return
	}
	if err := p.openURL(fileURL(path)); err != nil {
		p.say(fmt.Sprintf("The PDF is saved in:\n%s\nbut this computer could not open it: no program to show it was found. "+
			"Open it from its folder instead.", p.saved))
	}
}

// fileURL is the file:// URL of a local path.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/…
	}
	return &url.URL{Scheme: "file", Path: p}
}

package ui

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func init() {
	registerScreen(screenDef{key: "evidence", label: "Evidence", icon: func() fyne.Resource { return evidenceIcon }, order: 60, key1: fyne.Key6,
		build: (*UI).evidenceScreen})
	homeParts = append(homeParts, evidenceSummary)
}

// evidenceIcon is a document with lines of text, coloured by the theme.
// (Made here because the theme's own icons cannot be looked up before
// the app starts, when screens register.)
var evidenceIcon = theme.NewThemedResource(fyne.NewStaticResource("evidence.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M14 2H6c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V8l-6-6zm2 16H8v-2h8v2zm0-4H8v-2h8v2zm-3-5V3.5L18.5 9H13z"/></svg>`)))

// The Evidence screen's views.
const (
	evList      = "list"
	evDetail    = "detail"
	evDeadlines = "deadlines"
	evBin       = "bin"
)

// evidenceScreen is the Evidence screen's state: which view shows, its
// controls (for tests) and the background work under way.
type evidenceScreen struct {
	u        *UI
	view     string
	body     *fyne.Container
	tabs     map[string]*widget.Button
	notice   *fyne.Container // "Moved … to the bin. Undo"
	status   *widget.Label
	progress *widget.ProgressBarInfinite

	list     *evidenceList
	detail   *evidenceDetail
	deadline *evidenceDeadlines
	bin      *evidenceBin

	// openURL opens a file or folder with the system; tests replace it.
	openURL func(*url.URL) error

	// oneOrMany is the question about files dropped together, while it shows.
	oneOrMany *evidenceOneOrMany

	busy         sync.WaitGroup
	reading      atomic.Bool // reading the words of files that arrived from the circle
	redrawQueued atomic.Bool // a redraw for changes made elsewhere is on its way
	filesChanged atomic.Bool // those changes include files
	watching     *app.App
	stopW        func()
}

// evidenceScreens keeps each window's Evidence state between visits.
var evidenceScreens = struct {
	sync.Mutex
	m map[*UI]*evidenceScreen
}{m: map[*UI]*evidenceScreen{}}

// ev returns the window's Evidence state, making it the first time.
func (u *UI) ev() *evidenceScreen {
	evidenceScreens.Lock()
	defer evidenceScreens.Unlock()
	s := evidenceScreens.m[u]
	if s == nil {
		s = &evidenceScreen{u: u, view: evList, openURL: u.fa.OpenURL}
		evidenceScreens.m[u] = s
	}
	return s
}

// evidenceScreen builds the Evidence screen: documents (search, filters,
// list), one document's details, deadlines and the bin.
func (u *UI) evidenceScreen() fyne.CanvasObject {
	s := u.ev()
	s.watch()
	s.status = para("")
	s.status.Hide()
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.notice = container.NewVBox()
	s.body = container.NewVBox()
	s.tabs = map[string]*widget.Button{}
	var tabs []fyne.CanvasObject
	for _, t := range []struct {
		view, label string
		icon        fyne.Resource
	}{
		{evList, "Documents", theme.DocumentIcon()},
		{evDeadlines, "Deadlines", theme.HistoryIcon()},
		{evBin, "Bin", theme.DeleteIcon()},
	} {
		t := t
		b := button(t.label, t.icon, false, func() { s.show(t.view, "") })
		s.tabs[t.view] = b
		tabs = append(tabs, b)
	}
	view := s.view
	if view == evDetail {
		view = evList
	}
	s.show(view, "")
	s.readArrivedText()
	return container.NewVBox(
		heading("Evidence"),
		para("Letters, reports and receipts, kept safe on this computer. Find any of them by a word inside, "+
			"and see what needs an answer soon."),
		u.evRow(tabs...),
		s.notice,
		s.progress,
		s.status,
		s.body,
	)
}

// watch redraws the list when evidence changes elsewhere (the command
// line, a supporter's device), but never a form being typed in.
func (s *evidenceScreen) watch() {
	if s.watching == s.u.a {
		return
	}
	if s.stopW != nil {
		s.stopW()
	}
	s.watching = s.u.a
	s.stopW = s.u.a.Watch(func(c store.Change) {
		if !c.Has("evidence_items") && !c.Has("evidence_files") && !c.Has("evidence_links") {
			return
		}
		if c.Has("evidence_files") {
			s.filesChanged.Store(true)
		}
		// A burst of changes (a supporter's documents arriving by sync)
		// is drawn once, not once per change.
		if !s.redrawQueued.CompareAndSwap(false, true) {
			return
		}
		fyne.Do(func() {
			s.redrawQueued.Store(false)
			if s.u.current == "evidence" && s.view != evDetail && s.body != nil {
				if s.view == evList && s.list != nil && s.list.results != nil {
					s.redrawList() // keeps the search box and what is typed in it
				} else {
					s.show(s.view, "")
				}
			}
			if s.filesChanged.Swap(false) {
				s.readArrivedText()
			}
		})
	})
}

// readArrivedText reads, in the background, the words of kept files that
// have none on this computer yet: files shared by someone in the circle
// arrive without them. The list shows the new words once they are read.
func (s *evidenceScreen) readArrivedText() {
	if !s.reading.CompareAndSwap(false, true) {
		return
	}
	a, ctx := s.u.a, s.u.ctx
	s.busy.Add(1)
	go func() {
		defer s.busy.Done()
		defer s.reading.Store(false)
		n, err := a.RefreshEvidenceText(ctx)
		if err != nil || n == 0 {
			return
		}
		fyne.Do(func() {
			if s.u.current == "evidence" && s.view == evList && s.list != nil {
				s.refreshList()
			}
		})
	}()
}

// show switches to a view; id is the document for the detail view.
func (s *evidenceScreen) show(view, id string) {
	if s.detail != nil && s.detail.saver != nil {
		s.detail.saver.Flush()
		s.detail.saver.Wait()
	}
	s.view = view
	s.body.RemoveAll()
	var content fyne.CanvasObject
	switch view {
	case evDetail:
		content = s.buildDetail(id)
	case evDeadlines:
		content = s.buildDeadlines()
	case evBin:
		content = s.buildBin()
	default:
		s.view = evList
		content = s.buildList()
	}
	s.body.Add(content)
	for v, b := range s.tabs {
		if v == s.view || (v == evList && s.view == evDetail) {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	s.body.Refresh()
}

// say shows a short message above the view.
func (s *evidenceScreen) say(msg string) {
	if s.status == nil {
		return
	}
	s.status.Importance = widget.MediumImportance
	s.status.SetText(msg)
	s.status.Show()
}

// fail explains a problem in plain words.
func (s *evidenceScreen) fail(err error) {
	msg := err.Error()
	if errors.Is(err, store.ErrDiskFull) {
		msg = store.ErrDiskFull.Error()
	}
	if s.status != nil {
		s.status.Importance = widget.DangerImportance
		s.status.SetText(msg)
		s.status.Show()
	}
	dialog.ShowError(errors.New(msg), s.u.win)
}

// run does slow work (copying files, reading PDFs, exporting) off the
// window's thread, showing progress, then calls done on the window's
// thread when it worked.
func (s *evidenceScreen) run(what string, work func() error, done func()) {
	s.say(what)
	s.progress.Show()
	s.progress.Start()
	s.busy.Add(1)
	go func() {
		defer s.busy.Done()
		err := work()
		fyne.Do(func() {
			s.progress.Stop()
			s.progress.Hide()
			if err != nil {
				s.fail(err)
				return
			}
			s.status.Hide()
			if done != nil {
				done()
			}
		})
	}()
}

// wait blocks until background work has finished; tests use it.
func (s *evidenceScreen) wait() { s.busy.Wait() }

// dropped adds files dropped on the window: to the open document when
// its details show, otherwise as a new document.
func (s *evidenceScreen) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 || s.u.current == "welcome" {
		return
	}
	if s.u.current != "evidence" {
		s.u.show("evidence") // opens on the list, so the drop is a new document
	}
	if len(paths) > 1 && s.view != evDetail {
		s.askOneOrMany(paths)
		return
	}
	s.addPaths(paths, nil)
}

// askOneOrMany asks whether files dropped together are one document (a
// letter and its enclosures) or several (a pile of receipts).
func (s *evidenceScreen) askOneOrMany(paths []string) {
	var dlg dialog.Dialog
	one := button("One document", theme.DocumentIcon(), true, func() {
		dlg.Hide()
		s.addPaths(paths, nil)
	})
	many := button(fmt.Sprintf("%d separate documents", len(paths)), theme.ContentCopyIcon(), false, func() {
		dlg.Hide()
		s.addSeparately(paths)
	})
	cancel := button("Cancel", theme.CancelIcon(), false, func() { dlg.Hide() })
	s.oneOrMany = &evidenceOneOrMany{one: one, many: many, cancel: cancel}
	msg := para(fmt.Sprintf("You dropped %d files. Are they one document, such as a letter and its enclosures, "+
		"or %d separate documents, such as receipts?", len(paths), len(paths)))
	dlg = dialog.NewCustomWithoutButtons("Keep these files", container.NewVBox(msg, s.u.evRow(one, many, cancel)), s.u.win)
	dlg.Resize(fyne.NewSize(min(s.u.win.Canvas().Size().Width*0.9, 700), 0))
	dlg.Show()
	s.u.win.Canvas().Focus(one)
}

// evidenceOneOrMany holds the choices askOneOrMany offers, for tests.
type evidenceOneOrMany struct{ one, many, cancel *widget.Button }

// addSeparately keeps each file as a document of its own, titled from
// its name. A file that cannot be kept does not stop the others; each
// problem is named.
func (s *evidenceScreen) addSeparately(paths []string) {
	a, ctx := s.u.a, s.u.ctx
	kept := 0
	var problems []string
	s.run(fmt.Sprintf("Keeping %s and reading the words in them…", evCountFiles(len(paths))), func() error {
		for _, p := range paths {
			if _, err := a.AddEvidence(ctx, store.EvidenceItem{Title: app.TitleFromFileName(p)}, []string{p}); err != nil {
				problems = append(problems, err.Error())
				continue
			}
			kept++
		}
		if len(problems) > 0 {
			return fmt.Errorf("kept %s; could not keep the others:\n%s", evCountDocs(kept), strings.Join(problems, "\n"))
		}
		return nil
	}, func() {
		s.show(evList, "")
		s.say(fmt.Sprintf("Kept %s. Open each to add who it is from and its date.", evCountDocs(kept)))
	})
}

// addPaths keeps files: as more files of the open document, or as a new
// document (linked to link, when given) whose details open next.
func (s *evidenceScreen) addPaths(paths []string, link *store.EvidenceLink) {
	a, ctx := s.u.a, s.u.ctx
	if s.view == evDetail && s.detail != nil && link == nil {
		id := s.detail.item.ID
		s.run(fmt.Sprintf("Keeping %s and reading the words in them…", evCountFiles(len(paths))), func() error {
			return a.AddEvidenceFiles(ctx, id, paths)
		}, func() {
			s.show(evDetail, id)
			s.say(fmt.Sprintf("Added %s to this document.", evCountFiles(len(paths))))
		})
		return
	}
	var saved store.EvidenceItem
	s.run(fmt.Sprintf("Keeping %s and reading the words in them…", evCountFiles(len(paths))), func() error {
		it := store.EvidenceItem{Title: app.TitleFromFileName(paths[0])}
		if link != nil {
			it.Links = []store.EvidenceLink{*link}
		}
		var err error
		saved, err = a.AddEvidence(ctx, it, paths)
		return err
	}, func() {
		s.show(evDetail, saved.ID)
		s.say("Kept safely. Add what it is, who it is from and its date below: everything saves as you type.")
		if s.detail != nil {
			s.u.win.Canvas().Focus(s.detail.title)
		}
	})
}

func evCountFiles(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

// pickFiles asks for a file to keep with the system's file chooser.
func (s *evidenceScreen) pickFiles(link *store.EvidenceLink) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) { s.picked(r, err, link) }, s.u.win)
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

// picked keeps the file chosen in the file chooser; r is nil when the
// person cancelled.
func (s *evidenceScreen) picked(r fyne.URIReadCloser, err error, link *store.EvidenceLink) {
	if err != nil {
		s.fail(fmt.Errorf("the file could not be opened: %w", err))
		return
	}
	if r == nil {
		return
	}
	uri := r.URI()
	r.Close()
	if uri.Scheme() != "file" {
		s.fail(fmt.Errorf("%s is not a file on this computer; save it to this computer first, then add it", uri.Name()))
		return
	}
	s.addPaths([]string{uri.Path()}, link)
}

// evRow lays controls out in a row that still fits the window with
// large text: side by side normally, one under another from 175%.
func (u *UI) evRow(objs ...fyne.CanvasObject) fyne.CanvasObject {
	if s, err := u.a.Settings(u.ctx); err == nil && s.TextScale >= 175 {
		return container.NewVBox(objs...)
	}
	return container.NewHBox(objs...)
}

// evStrong is a bold label that wraps.
func evStrong(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// evidenceSummary is Evidence's part of Home: how many documents are
// kept and what is due soon.
func evidenceSummary(u *UI) fyne.CanvasObject {
	items, err := u.a.EvidenceList(u.ctx, app.EvidenceFilter{})
	if err != nil {
		return para("OwnPlan could not read your evidence: " + err.Error())
	}
	box := container.NewVBox(para(fmt.Sprintf("Evidence: %s kept.", evCountDocs(len(items)))))
	due, err := u.a.DeadlinesDueSoon(u.ctx, store.Today())
	if err != nil {
		return box
	}
	for i, d := range due {
		if i == 3 {
			box.Add(para(fmt.Sprintf("…and %d more on the Evidence screen.", len(due)-3)))
			break
		}
		l := para(fmt.Sprintf("Due %s: %s by %s.", d.When(), d.Title, app.FormatEvidenceDate(d.Date)))
		if d.DaysLeft <= 7 {
			l.Importance = widget.WarningImportance
		}
		box.Add(l)
	}
	return box
}

func evCountDocs(n int) string {
	if n == 1 {
		return "1 document"
	}
	return fmt.Sprintf("%d documents", n)
}

// evDateText writes a date for a form field ("2026-12-05"), or "".
func evDateText(d store.Date) string { return d.Written() }

// evParseDate reads a date typed in a form field.
func evParseDate(s string) (store.Date, error) {
	return app.ParseHumanDate(s)
}

// evLabelled puts a bold label, and a hint when given, above a control.
func evLabelled(label, hint string, o fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if hint != "" {
		box.Add(para(hint))
	}
	box.Add(o)
	return box
}

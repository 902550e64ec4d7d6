package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// evidenceList is the Documents view: search, filters and the list.
type evidenceList struct {
	add       *widget.Button
	search    *widget.Entry
	kind      *widget.Select
	tag       *widget.Select
	year      *widget.Select
	count     *widget.Label
	results   *fyne.Container
	export    *widget.Button
	verify    *widget.Button
	rows      map[string]*evidenceRow
	selected  map[string]bool
	seq       int
	limit     int            // how many documents are drawn; see evPageSize
	more      *widget.Button // "Show 50 more", when there are more
	debounce  *time.Timer
	lastQuery string
}

// evidenceRow is one document in the list.
type evidenceRow struct {
	item   store.EvidenceItem
	open   *widget.Button
	choose *widget.Check
}

// evSearchLimit is the most search results the list asks for.
const evSearchLimit = 100

// evPageSize is how many documents the list draws at first, and how
// many more each "Show more" adds.
const evPageSize = 50

const (
	evAllKinds = "All kinds"
	evAllTags  = "All tags"
	evAllYears = "All years"
)

func (s *evidenceScreen) buildList() fyne.CanvasObject {
	u := s.u
	l := s.list
	if l == nil {
		l = &evidenceList{selected: map[string]bool{}}
		s.list = l
	}
	l.add = button("Add a document…", theme.ContentAddIcon(), true, func() { s.pickFiles(nil) })
	prevQuery := ""
	if l.search != nil {
		prevQuery = l.search.Text
	}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search by any word, even words inside letters")
	l.search.SetText(prevQuery)
	l.search.OnChanged = func(string) { s.searchSoon() }
	l.search.OnSubmitted = func(string) { s.refreshList() }

	kinds := []string{evAllKinds}
	for _, k := range app.EvidenceKinds {
		kinds = append(kinds, k.Label)
	}
	tags, _ := u.a.EvidenceTags(u.ctx)
	years, _ := u.a.EvidenceYears(u.ctx)
	yearOpts := []string{evAllYears}
	for _, y := range years {
		yearOpts = append(yearOpts, strconv.Itoa(y))
	}
	keep := func(sel *widget.Select, opts []string, all string) *widget.Select {
		prev := all
		if sel != nil && sel.Selected != "" {
			prev = sel.Selected
		}
		n := widget.NewSelect(opts, nil)
		found := false
		for _, o := range opts {
			found = found || o == prev
		}
		if !found {
			prev = all
		}
		n.SetSelected(prev)
		n.OnChanged = func(string) { s.refreshList() }
		return n
	}
	l.kind = keep(l.kind, kinds, evAllKinds)
	l.tag = keep(l.tag, append([]string{evAllTags}, tags...), evAllTags)
	l.year = keep(l.year, yearOpts, evAllYears)
	l.count = para("")
	l.results = container.NewVBox()
	l.export = button("Save chosen as a zip…", theme.DownloadIcon(), false, s.exportChosen)
	l.verify = button("Check every file", theme.ConfirmIcon(), false, s.verifyAll)
	// The first drawing reads the documents at once, like the other
	// screens; searches as the person types run in the background.
	items, hits, err := s.listData(strings.TrimSpace(l.search.Text), l.filter())
	if err != nil {
		l.count.SetText("OwnPlan could not read your documents: " + err.Error())
	} else {
		s.fillList(items, hits, strings.TrimSpace(l.search.Text))
	}
	return container.NewVBox(
		u.evRow(l.add),
		para("Or drop files onto this window: PDF, scans and photos, Word and OpenDocument files, text and e-mails, up to 100 MB each."),
		widget.NewSeparator(),
		evLabelled("Search", "", l.search),
		u.evRow(evLabelled("Kind", "", l.kind), evLabelled("Tag", "", l.tag), evLabelled("Year", "", l.year)),
		l.count,
		l.results,
		widget.NewSeparator(),
		para("To take documents to a meeting or send them with a complaint, tick “Choose” on each, then save them as one zip file with a list of what is in it."),
		u.evRow(l.export),
		widget.NewSeparator(),
		para("OwnPlan keeps a fingerprint of every file and checks it whenever the file is opened. You can check them all at once, to prove nothing has changed since you added them."),
		u.evRow(l.verify),
	)
}

// filter reads the filter controls.
func (l *evidenceList) filter() app.EvidenceFilter {
	var f app.EvidenceFilter
	for _, k := range app.EvidenceKinds {
		if k.Label == l.kind.Selected {
			f.Kind = k.Key
		}
	}
	if l.tag.Selected != evAllTags {
		f.Tag = l.tag.Selected
	}
	f.Year, _ = strconv.Atoi(l.year.Selected)
	return f
}

// searchSoon searches a moment after the person stops typing.
func (s *evidenceScreen) searchSoon() {
	l := s.list
	if l.debounce != nil {
		l.debounce.Stop()
	}
	l.debounce = time.AfterFunc(s.u.saveDelay/2, func() {
		fyne.Do(func() {
			if s.view == evList && s.list == l {
				s.refreshList()
			}
		})
	})
}

// refreshList reads the documents matching the search and filters in
// the background and shows them.
func (s *evidenceScreen) refreshList() {
	l := s.list
	if l == nil || l.results == nil {
		return
	}
	l.seq++
	seq := l.seq
	l.limit = evPageSize // a new search or filter starts from the top
	query := strings.TrimSpace(l.search.Text)
	f := l.filter()
	s.busy.Add(1)
	go func() {
		defer s.busy.Done()
		items, hits, err := s.listData(query, f)
		fyne.Do(func() {
			if seq != l.seq {
				return // a newer search has started
			}
			if err != nil {
				l.count.SetText("OwnPlan could not read your documents: " + err.Error())
				return
			}
			s.fillList(items, hits, query)
		})
	}()
}

// redrawList shows changes made elsewhere (the command line, a
// supporter's device) in the Documents view as it stands: the filters'
// choices are brought up to date and the list read again, and the search
// box, what is typed in it and the filters chosen stay as they are.
func (s *evidenceScreen) redrawList() {
	l := s.list
	u := s.u
	tags, _ := u.a.EvidenceTags(u.ctx)
	years, _ := u.a.EvidenceYears(u.ctx)
	yearOpts := []string{evAllYears}
	for _, y := range years {
		yearOpts = append(yearOpts, strconv.Itoa(y))
	}
	setOptions := func(sel *widget.Select, opts []string, all string) {
		if strings.Join(sel.Options, "\x00") == strings.Join(opts, "\x00") {
			return
		}
		sel.Options = opts
		if !slices.Contains(opts, sel.Selected) {
			sel.Selected = all // its documents have gone
		}
		sel.Refresh()
	}
	setOptions(l.tag, append([]string{evAllTags}, tags...), evAllTags)
	setOptions(l.year, yearOpts, evAllYears)
	l.seq++ // a search still under way would show older results
	query := strings.TrimSpace(l.search.Text)
	items, hits, err := s.listData(query, l.filter())
	if err != nil {
		l.count.SetText("OwnPlan could not read your documents: " + err.Error())
		return
	}
	s.fillList(items, hits, query)
}

// listData reads the documents that match the filter and, when there
// is a query, the search hits.
func (s *evidenceScreen) listData(query string, f app.EvidenceFilter) ([]store.EvidenceItem, []app.EvidenceHit, error) {
	a, ctx := s.u.a, s.u.ctx
	items, err := a.EvidenceList(ctx, f)
	if err != nil || query == "" {
		return items, nil, err
	}
	hits, err := a.SearchEvidence(ctx, query, evSearchLimit)
	return items, hits, err
}

// fillList draws the documents: search hits in order of relevance, or
// every document newest first.
func (s *evidenceScreen) fillList(items []store.EvidenceItem, hits []app.EvidenceHit, query string) {
	l := s.list
	l.lastQuery = query
	l.results.RemoveAll()
	l.rows = map[string]*evidenceRow{}
	byID := map[string]store.EvidenceItem{}
	for _, it := range items {
		byID[it.ID] = it
	}
	today := store.Today()
	if l.limit <= 0 {
		l.limit = evPageSize
	}
	// Only the first l.limit are drawn: thousands of cards would make the
	// window slow to draw and to scroll.
	var shown int
	add := func(it store.EvidenceItem, h *app.EvidenceHit) {
		if shown < l.limit {
			l.results.Add(s.listRow(it, h, today))
		}
		shown++
	}
	if query != "" {
		for _, h := range hits {
			if it, ok := byID[h.ID]; ok { // else filtered out
				add(it, &h)
			}
		}
	} else {
		for _, it := range items {
			add(it, nil)
		}
	}
	if shown > l.limit {
		l.more = button(fmt.Sprintf("Show %d more (%d not shown yet)", min(evPageSize, shown-l.limit), shown-l.limit),
			theme.MoreVerticalIcon(), false, func() {
				l.limit += evPageSize
				s.redrawList()
			})
		l.results.Add(container.NewHBox(l.more))
	} else {
		l.more = nil
	}
	switch {
	case query != "" && shown == 0:
		l.count.SetText(fmt.Sprintf("Nothing found for %s. Try fewer or shorter words, or clear the filters.", evQuoted(query)))
	case query != "" && len(hits) >= evSearchLimit:
		l.count.SetText(fmt.Sprintf("Found %d or more documents for %s; these are the best %d. Add another word to find fewer.",
			evSearchLimit, evQuoted(query), shown))
	case query != "":
		l.count.SetText(fmt.Sprintf("Found %s for %s, best match first.", evCountDocs(shown), evQuoted(query)))
	case shown == 0 && len(byID) == 0 && l.filter() == (app.EvidenceFilter{}):
		l.count.SetText("No documents kept yet. Add the council's letters, reports and receipts here, and you can find any of them again by a word inside.")
	case shown == 0:
		l.count.SetText("No documents match these filters.")
	default:
		l.count.SetText(fmt.Sprintf("%s, newest first.", evCountDocs(shown)))
	}
	s.updateExport()
	l.results.Refresh()
}

// listRow draws one document: title, details, deadline, the matching
// words when searching, and buttons to open it or choose it for export.
func (s *evidenceScreen) listRow(it store.EvidenceItem, hit *app.EvidenceHit, today store.Date) fyne.CanvasObject {
	r := &evidenceRow{item: it}
	s.list.rows[it.ID] = r
	box := container.NewVBox(evStrong(it.Title), para(evidenceFacts(it)))
	if !it.Deadline.IsZero() && !it.DeadlineDone {
		days := it.Deadline.DaysSince(today)
		d := para(fmt.Sprintf("%s %s (%s).", app.DeadlineKindLabel(it.DeadlineKind), app.FormatEvidenceDate(it.Deadline),
			app.Deadline{DaysLeft: days}.When()))
		if days <= app.DeadlineSoonDays() {
			d.Importance = widget.WarningImportance
		}
		box.Add(d)
	}
	if hit != nil && len(hit.Parts) > 0 {
		box.Add(evSnippet(hit.Parts))
	}
	id := it.ID
	r.open = button("Open", theme.DocumentIcon(), false, func() { s.show(evDetail, id) })
	r.choose = widget.NewCheck("Choose", func(on bool) {
		if on {
			s.list.selected[id] = true
		} else {
			delete(s.list.selected, id)
		}
		s.updateExport()
	})
	r.choose.SetChecked(s.list.selected[id])
	box.Add(container.NewHBox(r.open, r.choose))
	return widget.NewCard("", "", box)
}

// evQuoted puts what was searched for in quotation marks, unless the
// person typed their own (a phrase).
func evQuoted(query string) string {
	if strings.ContainsAny(query, `"“”„`) {
		return query
	}
	return "“" + query + "”"
}

// evidenceFacts sums a document up in one line: kind, sender, date, files.
func evidenceFacts(it store.EvidenceItem) string {
	parts := []string{app.EvidenceKindLabel(it.Kind)}
	if it.From != "" {
		parts = append(parts, "from "+it.From)
	}
	if !it.LetterDate.IsZero() {
		parts = append(parts, "dated "+app.FormatEvidenceDate(it.LetterDate))
	} else if !it.Received.IsZero() {
		parts = append(parts, "received "+app.FormatEvidenceDate(it.Received))
	}
	parts = append(parts, evCountFiles(len(it.Files)))
	for _, f := range it.Files {
		if f.TextState == store.TextNotSearchable {
			parts = append(parts, "some text not searchable")
			break
		}
	}
	return strings.Join(parts, " · ")
}

// evSnippet shows the words around a match, the matching words in bold.
func evSnippet(parts []app.SnippetPart) *widget.RichText {
	var segs []widget.RichTextSegment
	for _, p := range parts {
		style := widget.RichTextStyleInline
		if p.Match {
			style = widget.RichTextStyleStrong
		}
		segs = append(segs, &widget.TextSegment{Text: p.Text, Style: style})
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// updateExport enables the export button when documents are chosen.
func (s *evidenceScreen) updateExport() {
	l := s.list
	n := 0
	for id := range l.selected {
		if _, shown := l.rows[id]; shown {
			n++
		}
	}
	if n == 0 {
		l.export.SetText("Save chosen as a zip…")
		l.export.Disable()
		return
	}
	l.export.SetText(fmt.Sprintf("Save %s as a zip…", evCountDocs(n)))
	l.export.Enable()
}

// chosen returns the IDs of the chosen documents in the order shown.
func (l *evidenceList) chosen() []string {
	var ids []string
	for id := range l.selected {
		if _, shown := l.rows[id]; shown {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// verifyAll checks every kept file against its fingerprint and says
// which, if any, are missing or damaged.
func (s *evidenceScreen) verifyAll() {
	var check app.EvidenceCheck
	s.run("Checking every file…", func() error {
		var err error
		check, err = s.u.a.VerifyEvidence(s.u.ctx)
		return err
	}, func() {
		if len(check.Problems) == 0 {
			s.say(fmt.Sprintf("Checked %s: every one is exactly as it was when you added it.", evCountFiles(check.Checked)))
			return
		}
		var lines []string
		for _, p := range check.Problems {
			lines = append(lines, fmt.Sprintf("%s in “%s” is %s.", p.FileName, p.ItemTitle, p.Problem))
		}
		msg := fmt.Sprintf("%d of %s are missing or damaged:\n%s\n\nRestore them from a backup (Settings), or add them again.",
			len(check.Problems), evCountFiles(check.Checked), strings.Join(lines, "\n"))
		s.status.Importance = widget.DangerImportance
		s.status.SetText(msg)
		s.status.Show()
		dialog.ShowInformation("Some files need attention", msg, s.u.win)
	})
}

// exportChosen asks where to save the zip, then makes it.
func (s *evidenceScreen) exportChosen() {
	ids := s.list.chosen()
	if len(ids) == 0 {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		p := w.URI().Path()
		w.Close()
		s.exportTo(ids, p)
	}, s.u.win)
	d.SetFileName("Evidence " + time.Now().Format("2006-01-02") + ".zip")
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

// exportTo saves documents as a zip at path.
func (s *evidenceScreen) exportTo(ids []string, path string) {
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		path += ".zip"
	}
	var n int
	s.run("Saving the zip…", func() error {
		var err error
		n, err = s.u.a.ExportEvidence(s.u.ctx, ids, path)
		return err
	}, func() {
		s.say(fmt.Sprintf("Saved %s (%s) in %s, with an index to open in a web browser.", evCountDocs(len(ids)), evCountFiles(n), path))
	})
}

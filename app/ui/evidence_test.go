package ui

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

// newEvidenceUI opens a window on a folder with a profile and shows the
// Evidence screen.
func newEvidenceUI(t *testing.T) (*UI, *app.App, *evidenceScreen) {
	t.Helper()
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	if err := a.SaveProfile(context.Background(), store.Profile{Name: "Zoë Ó Briain"}); err != nil {
		t.Fatal(err)
	}
	u.show("home")
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key6, Modifier: fyne.KeyModifierShortcutDefault})
	if u.current != "evidence" {
		t.Fatalf("Ctrl+6 went to %q", u.current)
	}
	s := u.ev()
	s.wait()
	t.Cleanup(s.wait)
	return u, a, s
}

func evidenceFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func otReport(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../../shared/fixtures/ot-report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// chooseOption picks an option as the person would, runs the select's
// callback, and waits for the list it starts reading. (The test driver
// runs what fyne.Do is given on the goroutine that gives it, not on one
// UI goroutine as the real app does, so the test must not touch the
// widgets while the screen's background work is drawing them. For the
// same reason the select's own redraw is left out.)
func chooseOption(s *evidenceScreen, sel *widget.Select, option string) {
	s.wait()
	sel.Selected = option
	sel.OnChanged(option)
	s.wait()
}

// focusAndPress gives a control the keyboard focus and presses Space.
func focusAndPress(u *UI, f fyne.Focusable) {
	u.win.Canvas().Focus(f)
	press(u, fyne.KeySpace)
}

// richTexts returns the text of every RichText on show, with bold
// segments in *stars*.
func richTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok {
			for _, s := range rt.Segments {
				if ts, ok := s.(*widget.TextSegment); ok {
					if ts.Style.TextStyle.Bold {
						b.WriteString("*" + ts.Text + "*")
					} else {
						b.WriteString(ts.Text)
					}
				}
			}
			b.WriteString("\n")
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		} else if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestEvidenceScreenDropDescribeFindAndExport(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	got := texts(u)
	for _, want := range []string{"Evidence", "[Add a document…]", "No documents kept yet", "[Documents]", "[Deadlines]", "[Bin]"} {
		if !strings.Contains(got, want) {
			t.Fatalf("evidence screen lacks %q:\n%s", want, got)
		}
	}
	// Dropping a file keeps it and opens its details, title first.
	pdf := otReport(t)
	s.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(evidenceFile(t, "ot_report.pdf", pdf))})
	s.wait()
	if s.view != evDetail || s.detail == nil {
		t.Fatalf("after a drop the view is %q", s.view)
	}
	d := s.detail
	if d.title.Text != "Ot report" || u.win.Canvas().Focused() != d.title {
		t.Errorf("title %q, focus on %T", d.title.Text, u.win.Canvas().Focused())
	}
	if got := texts(u); !strings.Contains(got, "The words in it can be searched.") || !strings.Contains(got, "ot_report.pdf") {
		t.Errorf("file not shown:\n%s", got)
	}
	// Describe it by keyboard; everything saves as it is typed.
	d.title.SetText("OT report from Ipswich Hospital")
	d.kind.SetSelected("Medical or OT report")
	d.from.SetText("Ipswich Hospital")
	d.letter.SetText("14/09/2026")
	d.tags.SetText("health, home")
	d.deadline.SetText(store.Today().AddDays(5).String())
	d.dlKind.SetSelected("Appeal or challenge by")
	u.flushAll()
	it, _ := a.EvidenceItem(ctx, d.item.ID)
	if it.Title != "OT report from Ipswich Hospital" || it.Kind != "medical" || it.From != "Ipswich Hospital" ||
		it.LetterDate != store.NewDate(2026, 9, 14) || strings.Join(it.Tags, ",") != "health,home" ||
		it.Deadline != store.Today().AddDays(5) || it.DeadlineKind != "appeal-by" {
		t.Errorf("saved %+v", it)
	}
	// Half a date keeps the last good one and says why.
	d.letter.SetText("2026-13-45")
	u.flushAll()
	if it, _ := a.EvidenceItem(ctx, d.item.ID); it.LetterDate != store.NewDate(2026, 9, 14) {
		t.Errorf("a bad date replaced a good one: %v", it.LetterDate)
	}
	if !strings.Contains(texts(u), "no month 13") {
		t.Error("the date field does not explain")
	}
	d.letter.SetText("2026-09-14")

	// Back to the list by keyboard, then search by a word inside the PDF.
	focusAndPress(u, d.back)
	if s.view != evList {
		t.Fatalf("back went to %q", s.view)
	}
	s.wait()
	if !strings.Contains(texts(u), "OT report from Ipswich Hospital") {
		t.Fatalf("list lacks the document:\n%s", texts(u))
	}
	l := s.list
	u.win.Canvas().Focus(l.search)
	test.Type(l.search, "wet room")
	// Enter submits the search. (Called directly: the entry's own redraw
	// after Enter would race, in the test driver only, with the results
	// arriving from the background.)
	l.search.OnSubmitted(l.search.Text)
	s.wait()
	if !strings.Contains(l.count.Text, "Found 1 document") {
		t.Errorf("search count %q", l.count.Text)
	}
	if rt := richTexts(l.results); !strings.Contains(rt, "*wet*") || !strings.Contains(rt, "*room*") {
		t.Errorf("snippet does not show the match in bold: %q", rt)
	}
	l.search.SetText("nothing like this")
	s.refreshList()
	s.wait()
	if !strings.Contains(l.count.Text, "Nothing found") {
		t.Errorf("no match: %q", l.count.Text)
	}
	l.search.SetText("")
	chooseOption(s, l.kind, "Receipt")
	s.wait()
	if len(l.rows) != 0 || !strings.Contains(l.count.Text, "No documents match") {
		t.Errorf("kind filter: %d rows, %q", len(l.rows), l.count.Text)
	}
	chooseOption(s, l.kind, evAllKinds)
	s.wait()

	// Choose it and export it as a zip.
	if !l.export.Disabled() {
		t.Error("export enabled with nothing chosen")
	}
	row := l.rows[d.item.ID]
	u.win.Canvas().Focus(row.choose)
	test.Type(row.choose, " ") // Space ticks a check box
	if l.export.Disabled() || l.export.Text != "Save 1 document as a zip…" {
		t.Errorf("export button %q disabled %v", l.export.Text, l.export.Disabled())
	}
	out := filepath.Join(t.TempDir(), "meeting")
	s.exportTo(l.chosen(), out)
	s.wait()
	zr, err := zip.OpenReader(out + ".zip")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != 3 || zr.File[2].Name != "01 OT report from Ipswich Hospital/ot_report.pdf" {
		t.Errorf("zip %v", zr.File)
	}
}

func TestEvidenceScreenFilesBinAndUndo(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	var opened []*url.URL
	s.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	var pic bytes.Buffer
	png.Encode(&pic, image.NewRGBA(image.Rect(0, 0, 8, 8)))
	it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Bathroom photo and notes"},
		[]string{evidenceFile(t, "bath.png", pic.Bytes()), evidenceFile(t, "notes.txt", []byte("grab rail by the toilet"))})
	if err != nil {
		t.Fatal(err)
	}
	s.show(evDetail, it.ID)
	d := s.detail
	photo, notes := d.files[it.Files[0].ID], d.files[it.Files[1].ID]
	// A picture shows in the app; other files open in the system viewer.
	focusAndPress(u, photo.open)
	s.wait()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("the picture is not shown in the app")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	focusAndPress(u, notes.open)
	s.wait()
	if len(opened) != 1 || filepath.Base(opened[0].Path) != "notes.txt" || opened[0].Scheme != "file" {
		t.Fatalf("opened %v", opened)
	}
	if b, _ := os.ReadFile(opened[0].Path); string(b) != "grab rail by the toilet" {
		t.Errorf("the viewer got %q", b)
	}
	focusAndPress(u, notes.folder)
	s.wait()
	if len(opened) != 2 || opened[1].Path != filepath.Dir(opened[0].Path) && filepath.Base(opened[1].Path) == "notes.txt" {
		t.Errorf("show in folder opened %v", opened)
	}
	// Check every file, then damage one and check again.
	s.show(evList, "")
	focusAndPress(u, s.list.verify)
	s.wait()
	if !strings.Contains(s.status.Text, "Checked 2 files: every one is exactly as it was") {
		t.Errorf("verify: %q", s.status.Text)
	}
	blob := filepath.Join(a.Dir(), "blobs", "sha256", it.Files[1].SHA256[:2], it.Files[1].SHA256[2:])
	os.WriteFile(blob, []byte("grab rail by the door"), 0o600)
	focusAndPress(u, s.list.verify)
	s.wait()
	if !strings.Contains(s.status.Text, "notes.txt in “Bathroom photo and notes” is damaged") {
		t.Errorf("verify after damage: %q", s.status.Text)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	os.WriteFile(blob, []byte("grab rail by the toilet"), 0o600) // as if restored from a backup
	s.show(evDetail, it.ID)
	d = s.detail
	notes = d.files[it.Files[1].ID]
	copyTo := filepath.Join(t.TempDir(), "copy.png")
	s.saveCopyTo(it.Files[0], copyTo)
	s.wait()
	if b, _ := os.ReadFile(copyTo); !bytes.Equal(b, pic.Bytes()) {
		t.Error("saved copy differs")
	}

	// Remove a file, then undo it by keyboard.
	focusAndPress(u, notes.remove)
	if got, _ := a.EvidenceItem(ctx, it.ID); len(got.Files) != 1 {
		t.Fatalf("remove left %d files", len(got.Files))
	}
	press(u, fyne.KeySpace) // Undo has the focus
	if got, _ := a.EvidenceItem(ctx, it.ID); len(got.Files) != 2 {
		t.Fatalf("undo remove: %d files", len(got.Files))
	}

	// Move to the bin, undo, move again, bring back from the bin view,
	// then empty the bin.
	focusAndPress(u, s.detail.bin)
	if s.view != evList || !strings.Contains(texts(u), "Moved “Bathroom photo and notes” to the bin.") {
		t.Fatalf("after bin: %s\n%s", s.view, texts(u))
	}
	if items, _ := a.EvidenceList(ctx, app.EvidenceFilter{}); len(items) != 0 {
		t.Error("binned item still listed")
	}
	press(u, fyne.KeySpace)
	if s.view != evDetail {
		t.Fatalf("undo bin went to %q", s.view)
	}
	focusAndPress(u, s.detail.bin)
	focusAndPress(u, s.tabs[evBin])
	if b := s.bin.restore[it.ID]; b == nil {
		t.Fatalf("bin lacks the item:\n%s", texts(u))
	}
	focusAndPress(u, s.bin.restore[it.ID])
	if items, _ := a.EvidenceList(ctx, app.EvidenceFilter{}); len(items) != 1 {
		t.Error("bring back failed")
	}
	a.BinEvidence(ctx, it.ID)
	s.show(evBin, "")
	if s.bin.empty.Disabled() {
		t.Fatal("empty the bin is disabled with something in it")
	}
	s.emptyBin()
	s.wait()
	if !strings.Contains(s.status.Text, "Removed 1 document for good") {
		t.Errorf("status %q", s.status.Text)
	}
	if check, _ := a.VerifyEvidence(ctx); check.Checked != 0 {
		t.Errorf("files left after emptying: %+v", check)
	}
}

func TestEvidenceScreenDeadlinesLinksAndHome(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	today := store.Today()
	dec, _ := a.AddEvidence(ctx, store.EvidenceItem{Title: "Budget decision", Kind: "decision", LetterDate: today.AddDays(-10),
		Deadline: today.AddDays(3), Links: []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: "my-money"}}},
		[]string{evidenceFile(t, "d.txt", []byte("£18,200 a year"))})
	review, _ := a.AddEvidence(ctx, store.EvidenceItem{Title: "Plan review", Kind: "review", LetterDate: today.AddMonths(-11)},
		[]string{evidenceFile(t, "r.txt", []byte("review"))})

	// Home says what is due soon.
	u.show("home")
	if got := texts(u); !strings.Contains(got, "Due in 3 days: Reply to Budget decision by "+app.FormatEvidenceDate(today.AddDays(3))) ||
		!strings.Contains(got, "Evidence: 2 documents kept.") {
		t.Errorf("home:\n%s", got)
	}
	u.show("evidence")
	focusAndPress(u, s.tabs[evDeadlines])
	v := s.deadline
	var explicit, suggested *evidenceDeadlineCard
	for _, c := range v.cards {
		if c.deadline.ItemID == dec.ID && !c.deadline.Suggested {
			explicit = c
		}
		if c.deadline.ItemID == review.ID && c.deadline.Suggested {
			suggested = c
		}
	}
	if explicit == nil || suggested == nil {
		t.Fatalf("deadlines view:\n%s", texts(u))
	}
	focusAndPress(u, explicit.act)
	if it, _ := a.EvidenceItem(ctx, dec.ID); !it.DeadlineDone {
		t.Error("mark as done did not save")
	}
	press(u, fyne.KeySpace) // Undo
	if it, _ := a.EvidenceItem(ctx, dec.ID); it.DeadlineDone {
		t.Error("undo of done did not save")
	}
	for _, c := range s.deadline.cards {
		if c.deadline.ItemID == review.ID && c.deadline.Suggested {
			focusAndPress(u, c.act)
		}
	}
	if it, _ := a.EvidenceItem(ctx, review.ID); it.DeadlineKind != "review-by" || it.Deadline != today.AddMonths(-11).AddMonths(12) {
		t.Errorf("accepted suggestion: %+v", it)
	}
	ics := filepath.Join(t.TempDir(), "deadlines")
	s.saveCalendarTo(ics)
	s.wait()
	if b, err := os.ReadFile(ics + ".ics"); err != nil || !strings.Contains(string(b), "SUMMARY:Reply to Budget decision") {
		t.Errorf("calendar: %v\n%s", err, b)
	}

	// The panel other screens show, and its Open button.
	panel := u.evidenceFor(store.LinkPlanSection, "my-money")
	w := test.NewWindow(panel)
	defer w.Close()
	if got := richOrLabels(panel); !strings.Contains(got, "Evidence for this") || !strings.Contains(got, "Budget decision, ") {
		t.Errorf("panel:\n%s", got)
	}
	for _, b := range buttons(panel) {
		if b.Text == "Open" {
			test.Tap(b)
		}
	}
	if u.current != "evidence" || s.view != evDetail || s.detail.item.ID != dec.ID {
		t.Errorf("open from the panel: %s %s", u.current, s.view)
	}
	// Linking from the detail view.
	focusAndPress(u, s.detail.link)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no link chooser")
	}
	for _, b := range buttons(top) {
		if b.Text == "Link" {
			test.Tap(b) // the first: the first plan section
			break
		}
	}
	if it, _ := a.EvidenceItem(ctx, dec.ID); len(it.Links) != 2 {
		t.Errorf("links after choosing: %+v", it.Links)
	}
	if empty := u.evidenceFor(store.LinkOutcome, "clothing"); !strings.Contains(richOrLabels(empty), "No letters or reports linked yet.") {
		t.Error("empty panel does not say so")
	}
}

// richOrLabels returns the labels' text inside o.
func richOrLabels(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		} else if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestEvidenceScreensFitAtLargeText(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	if err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	a.SaveSettings(ctx, app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	u.show("evidence")
	s := u.ev()
	s.wait()
	defer s.wait()
	items, _ := a.EvidenceList(ctx, app.EvidenceFilter{})
	if len(items) < 6 {
		t.Fatalf("example data has %d documents", len(items))
	}
	check := func(what string) {
		t.Helper()
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("%s at 250%% needs %v wide, more than the window", what, w)
		}
	}
	check("the list")
	s.list.search.SetText("council")
	s.refreshList()
	s.wait()
	check("search results")
	for _, it := range items {
		s.show(evDetail, it.ID)
		check("details of " + it.Title)
	}
	s.detail.link.OnTapped()
	if top := u.win.Canvas().Overlays().Top(); top == nil || top.MinSize().Width > 1024 {
		t.Errorf("link chooser too wide or missing: %v", top)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	s.show(evList, "")
	s.askOneOrMany([]string{"/a/receipt one.pdf", "/a/receipt two.pdf"})
	if top := u.win.Canvas().Overlays().Top(); top == nil || top.MinSize().Width > 1024 {
		t.Errorf("the question about files dropped together is too wide or missing: %v", top)
	}
	s.oneOrMany.cancel.OnTapped()
	s.show(evDeadlines, "")
	check("deadlines")
	a.BinEvidence(ctx, items[0].ID)
	s.show(evBin, "")
	check("the bin")
	// Home's other parts belong to other screens: check Evidence's own.
	if w := evidenceSummary(u).MinSize().Width; w > 600 {
		t.Errorf("Evidence's lines on Home need %v wide at 250%%", w)
	}
}

func TestEvidenceScreenFiltersByKindTagAndYear(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	add := func(title, kind string, date store.Date, tags ...string) string {
		t.Helper()
		it, err := a.AddEvidence(ctx, store.EvidenceItem{Title: title, Kind: kind, LetterDate: date, Tags: tags},
			[]string{evidenceFile(t, "f.txt", []byte(title))})
		if err != nil {
			t.Fatal(err)
		}
		return it.ID
	}
	taxi := add("Taxi receipt", "receipt", store.NewDate(2025, 6, 3), "transport")
	bus := add("Bus pass letter", "correspondence", store.NewDate(2026, 2, 1), "transport")
	gp := add("GP letter", "medical", store.NewDate(2026, 3, 9), "health")
	s.show(evList, "")
	l := s.list
	shown := func() string {
		var ids []string
		for _, id := range []string{taxi, bus, gp} {
			if l.rows[id] != nil {
				ids = append(ids, id)
			}
		}
		return strings.Join(ids, ",")
	}
	if shown() != taxi+","+bus+","+gp {
		t.Fatalf("all documents: %s", texts(u))
	}
	if strings.Join(l.tag.Options, "|") != "All tags|health|transport" || strings.Join(l.year.Options, "|") != "All years|2026|2025" {
		t.Errorf("filters offer tags %v and years %v", l.tag.Options, l.year.Options)
	}
	chooseOption(s, l.tag, "transport")
	s.wait()
	if shown() != taxi+","+bus {
		t.Errorf("tag transport shows %s", shown())
	}
	chooseOption(s, l.year, "2026")
	s.wait()
	if shown() != bus {
		t.Errorf("tag transport in 2026 shows %s", shown())
	}
	chooseOption(s, l.tag, evAllTags)
	chooseOption(s, l.kind, "Medical or OT report")
	s.wait()
	if shown() != gp || !strings.Contains(l.count.Text, "1 document") {
		t.Errorf("medical in 2026 shows %s (%q)", shown(), l.count.Text)
	}
	// The search box works within the filters.
	chooseOption(s, l.kind, evAllKinds)
	chooseOption(s, l.year, evAllYears)
	l.search.SetText(`"bus pass"`)
	s.refreshList()
	s.wait()
	if shown() != bus {
		t.Errorf("search for a phrase shows %s", shown())
	}
	// The filters are still set after looking at a document.
	l.search.SetText("")
	chooseOption(s, l.tag, "health")
	s.wait()
	s.show(evDetail, gp)
	focusAndPress(u, s.detail.back)
	s.wait()
	if s.list.tag.Selected != "health" || shown() != gp {
		t.Errorf("after back: tag %q shows %s", s.list.tag.Selected, shown())
	}
}

func TestEvidenceScreenFilePickerAndDropAnywhere(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	// "Add a document…" opens the file chooser, by keyboard.
	focusAndPress(u, s.list.add)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Add a document… shows no file chooser")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	// Cancelling keeps nothing; choosing a file keeps it and opens it.
	s.picked(nil, nil, nil)
	if items, _ := a.EvidenceList(ctx, app.EvidenceFilter{}); len(items) != 0 {
		t.Fatal("cancelling kept a document")
	}
	path := evidenceFile(t, "decision_letter.pdf", otReport(t))
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	s.picked(r, nil, nil)
	s.wait()
	if s.view != evDetail || s.detail.title.Text != "Decision letter" {
		t.Fatalf("after choosing: view %q", s.view)
	}
	// "Add another file…" in the details adds to the same document.
	r, _ = storage.Reader(storage.NewFileURI(evidenceFile(t, "enclosure.txt", []byte("Enclosure: the indicative budget"))))
	s.picked(r, nil, nil)
	s.wait()
	items, _ := a.EvidenceList(ctx, app.EvidenceFilter{})
	if len(items) != 1 || len(items[0].Files) != 2 {
		t.Fatalf("after adding an enclosure: %d items", len(items))
	}
	// A file dropped while Home shows is a new document, whose details open.
	u.show("home")
	s.dropped(fyne.NewPos(5, 5), []fyne.URI{storage.NewFileURI(evidenceFile(t, "gp.txt", []byte("fatigue")))})
	s.wait()
	if u.current != "evidence" || s.view != evDetail || s.detail.title.Text != "Gp" {
		t.Errorf("drop on Home: screen %q view %q", u.current, s.view)
	}
	if items, _ := a.EvidenceList(ctx, app.EvidenceFilter{}); len(items) != 2 {
		t.Errorf("drop on Home: %d items", len(items))
	}
	// A file that cannot be kept is explained, and nothing is kept.
	s.show(evList, "")
	s.dropped(fyne.NewPos(5, 5), []fyne.URI{storage.NewFileURI(evidenceFile(t, "empty.pdf", nil))})
	s.wait()
	if !strings.Contains(s.status.Text, "empty (0 bytes)") {
		t.Errorf("empty file: status %q", s.status.Text)
	}
	if items, _ := a.EvidenceList(ctx, app.EvidenceFilter{}); len(items) != 2 {
		t.Errorf("empty file kept: %d items", len(items))
	}
	if check, _ := a.VerifyEvidence(ctx); len(check.Problems) != 0 || check.Checked != 3 {
		t.Errorf("vault after a bad drop: %+v", check)
	}
}

func TestEvidenceScreenDropSeveralFiles(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	uris := func(names ...string) []fyne.URI {
		var out []fyne.URI
		for _, n := range names {
			out = append(out, storage.NewFileURI(evidenceFile(t, n, []byte("receipt for "+n))))
		}
		return out
	}
	count := func() int {
		items, _ := a.EvidenceList(ctx, app.EvidenceFilter{})
		return len(items)
	}
	// Several files dropped together: the person says what they are.
	s.dropped(fyne.NewPos(5, 5), uris("taxi.txt", "pool.txt", "empty.pdf"))
	q := s.oneOrMany
	if q == nil || u.win.Canvas().Overlays().Top() == nil || u.win.Canvas().Focused() != q.one {
		t.Fatal("no question about files dropped together")
	}
	if got := richOrLabels(u.win.Canvas().Overlays().Top()); !strings.Contains(got, "You dropped 3 files.") || q.many.Text != "3 separate documents" {
		t.Errorf("question:\n%s", got)
	}
	focusAndPress(u, q.cancel)
	s.wait()
	if count() != 0 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("cancel kept %d documents", count())
	}
	// Separate documents: each is kept on its own; the empty one is
	// named and the others kept all the same.
	emptyURI := storage.NewFileURI(evidenceFile(t, "empty.pdf", nil))
	s.dropped(fyne.NewPos(5, 5), append(uris("taxi.txt", "pool.txt"), emptyURI))
	focusAndPress(u, s.oneOrMany.many)
	s.wait()
	if count() != 2 || !strings.Contains(s.status.Text, "kept 2 documents; could not keep the others") ||
		!strings.Contains(s.status.Text, "empty.pdf is empty (0 bytes)") {
		t.Fatalf("separate: %d documents, status %q", count(), s.status.Text)
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		o.Hide()
		u.win.Canvas().Overlays().Remove(o)
	}
	// One document: a letter and its enclosure.
	s.show(evList, "")
	s.dropped(fyne.NewPos(5, 5), uris("letter.txt", "enclosure.txt"))
	focusAndPress(u, s.oneOrMany.one)
	s.wait()
	items, _ := a.EvidenceList(ctx, app.EvidenceFilter{})
	if len(items) != 3 || s.view != evDetail || len(s.detail.item.Files) != 2 {
		t.Errorf("one document: %d documents, view %q", len(items), s.view)
	}
	// Dropped on an open document, files are added to it without asking.
	s.dropped(fyne.NewPos(5, 5), uris("more1.txt", "more2.txt"))
	s.wait()
	if got, _ := a.EvidenceItem(ctx, s.detail.item.ID); len(got.Files) != 4 {
		t.Errorf("drop on an open document: %d files", len(got.Files))
	}
}

func TestEvidenceScreenManyDocumentsAndChangesFromElsewhere(t *testing.T) {
	u, a, s := newEvidenceUI(t)
	ctx := context.Background()
	u.show("settings") // nothing redraws while the documents are added
	p := evidenceFile(t, "r.txt", []byte("receipt for the taxi"))
	for i := 0; i < 2*evPageSize+20; i++ {
		if _, err := a.AddEvidence(ctx, store.EvidenceItem{Title: fmt.Sprintf("Receipt %d", i), Kind: "receipt"}, []string{p}); err != nil {
			t.Fatal(err)
		}
	}
	u.show("evidence")
	s.wait()
	l := s.list
	if len(l.rows) != evPageSize || l.more == nil || l.more.Text != "Show 50 more (70 not shown yet)" {
		t.Fatalf("drew %d documents; more: %v", len(l.rows), l.more)
	}
	if !strings.Contains(l.count.Text, "120 documents") {
		t.Errorf("count %q", l.count.Text)
	}
	focusAndPress(u, l.more)
	if len(s.list.rows) != 2*evPageSize || s.list.more.Text != "Show 20 more (20 not shown yet)" {
		t.Errorf("after Show more: %d documents", len(s.list.rows))
	}
	// A change made elsewhere (the command line, a supporter) shows at
	// once, and what is typed in the search box stays.
	search := l.search
	u.win.Canvas().Focus(search)
	test.Type(search, "taxi")
	s.refreshList()
	s.wait()
	if _, err := a.AddEvidence(ctx, store.EvidenceItem{Title: "Taxi to hospital", Kind: "receipt", Tags: []string{"transport"}},
		[]string{evidenceFile(t, "t.txt", []byte("taxi"))}); err != nil {
		t.Fatal(err)
	}
	s.wait()
	if s.list.search != search || search.Text != "taxi" || u.win.Canvas().Focused() != search {
		t.Errorf("the search box was replaced or lost its text or focus: %q", s.list.search.Text)
	}
	if !slices.Contains(s.list.tag.Options, "transport") {
		t.Errorf("the new tag is not offered: %v", s.list.tag.Options)
	}
	if !strings.Contains(s.list.count.Text, "Found 100 or more documents for “taxi”") {
		t.Errorf("search after the change: %q", s.list.count.Text)
	}
}

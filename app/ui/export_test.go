package ui

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
)

// newExportTestPanel opens the example person and an export panel for
// doc whose save dialog answers with path.
func newExportTestPanel(t *testing.T, doc, path string) (*UI, *exportPanel, chan struct{}, *[]string) {
	t.Helper()
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	if err := demo.Fill(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	p := u.newExportPanel(exportDocs(doc))
	done := make(chan struct{}, 1)
	var opened []string
	p.finished = func() { done <- struct{}{} }
	p.pick = func(suggested string, save func(string)) { save(path) }
	p.openURL = func(u *url.URL) error { opened = append(opened, u.Path); return nil }
	p.show()
	return u, p, done, &opened
}

// waitExport waits for the panel's save to end.
func waitExport(t *testing.T, done chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the PDF was not made within 30 seconds")
	}
}

func TestExportPanelSavesAndOffersOpen(t *testing.T) {
	for _, tc := range []struct {
		doc, choose string
		period      bool
	}{
		{"plan", "", false},
		{"assessment", "", false},
		{"statement", "", true},
		{"", "Budget statement", true},
		{"plan,assessment", "Assessment preparation pack", false},
	} {
		t.Run(tc.doc+tc.choose, func(t *testing.T) {
			// The name as typed, with a stray space and no ".pdf": the
			// space goes and ".pdf" is added.
			path := filepath.Join(t.TempDir(), "Zoë Ó Briain document")
			u, p, done, opened := newExportTestPanel(t, tc.doc, filepath.Join(filepath.Dir(path), " "+filepath.Base(path)))
			if tc.choose != "" {
				p.choice.SetSelected(tc.choose)
			}
			if p.period.Visible() != tc.period {
				t.Errorf("the statement's period shows: %v, want %v", p.period.Visible(), tc.period)
			}
			if u.win.Canvas().Focused() != p.save {
				t.Error("the save button does not have the keyboard focus when the panel opens")
			}
			if p.after.Visible() {
				t.Error("Open shows before anything is saved")
			}
			press(u, fyne.KeySpace)
			waitExport(t, done)
			pdf, err := os.ReadFile(path + ".pdf")
			if err != nil {
				t.Fatalf("no PDF saved: %v (status %q)", err, p.status.Text)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Error("the file saved is not a PDF")
			}
			if !strings.Contains(p.status.Text, "Saved the") || !p.after.Visible() {
				t.Errorf("after saving, status %q and Open visible %v", p.status.Text, p.after.Visible())
			}
			if u.win.Canvas().Focused() != p.open {
				t.Error("Open does not have the keyboard focus after saving")
			}
			press(u, fyne.KeySpace)
			test.Tap(p.folder)
			if want := []string{filepath.ToSlash(path + ".pdf"), filepath.ToSlash(filepath.Dir(path))}; strings.Join(*opened, "|") != strings.Join(want, "|") {
				t.Errorf("opened %q, want %q", *opened, want)
			}
		})
	}
}

func TestExportPanelSaysWhatWentWrong(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "no such folder", "plan.pdf")
	_, p, done, _ := newExportTestPanel(t, "plan", blocked)
	test.Tap(p.save)
	waitExport(t, done)
	if want := "Could not save the PDF to " + blocked + ": the folder does not exist or you cannot write there. Choose another place."; p.status.Text != want {
		t.Errorf("status %q, want %q", p.status.Text, want)
	}
	if p.after.Visible() || p.save.Disabled() {
		t.Error("after a failed save, Open shows or the save button stays off")
	}

	// No viewer to open the PDF with: it is still saved, and the
	// panel says where.
	saved := filepath.Join(t.TempDir(), "plan.pdf")
	_, p, done, _ = newExportTestPanel(t, "plan", saved)
	p.openURL = func(*url.URL) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	test.Tap(p.save)
	waitExport(t, done)
	test.Tap(p.open)
	if !strings.Contains(p.status.Text, saved) || !strings.Contains(p.status.Text, "Open it from its folder instead.") || strings.Contains(p.status.Text, "exec") {
		t.Errorf("with no viewer the panel says %q", p.status.Text)
	}

	_, p, _, _ = newExportTestPanel(t, "statement", filepath.Join(t.TempDir(), "s.pdf"))
	picked := false
	p.pick = func(string, func(string)) { picked = true }
	for _, tc := range []struct{ from, to, want string }{
		{"", "30 June 2026", "give the first and the last day"},
		{"31 February 2026", "30 June 2026", "the first day:"},
		{"30 June 2026", "1 April 2026", "the period runs backwards: 1 April 2026 is before 30 June 2026"},
	} {
		p.from.SetText(tc.from)
		p.to.SetText(tc.to)
		test.Tap(p.save)
		if picked {
			t.Errorf("from %q to %q: the save dialog opened for a period that cannot be right", tc.from, tc.to)
		}
		if !strings.Contains(p.status.Text, tc.want) {
			t.Errorf("from %q to %q: status %q, want it to say %q", tc.from, tc.to, p.status.Text, tc.want)
		}
	}
}

func TestExportPanelSuggestsANameAndLargePrint(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	if err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	p := u.newExportPanel(exportDocs("plan"))
	var suggested string
	p.pick = func(s string, _ func(string)) { suggested = s }
	test.Tap(p.save)
	if today := time.Now().Format("2006-01-02"); suggested != "Zoë Ó Briain support plan "+today+".pdf" {
		t.Errorf("suggested %q", suggested)
	}
	if p.large.Checked {
		t.Error("large print is on though the text size is normal")
	}
	if err := a.SaveSettings(ctx, app.Settings{TextScale: 200, Theme: app.ThemeLight}); err != nil {
		t.Fatal(err)
	}
	if p := u.newExportPanel(exportDocs("plan")); !p.large.Checked {
		t.Error("large print is off though the person uses large text")
	}
}

func TestExportPanelLeavesNoEmptyFile(t *testing.T) {
	// The save dialog makes the file, empty, before the PDF is made, as
	// Fyne's does.
	dialogPick := func(p *exportPanel, path string) {
		p.pick = func(_ string, done func(string)) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			p.emptied = path
			done(path)
		}
	}

	// The PDF cannot be made: no budget is set up for a statement.
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	if err := a.SetProfileField(context.Background(), "name", "Łukasz Nowak"); err != nil {
		t.Fatal(err)
	}
	p := u.newExportPanel(exportDocs("statement"))
	done := make(chan struct{}, 1)
	p.finished = func() { done <- struct{}{} }
	p.from.SetText("1 April 2026")
	p.to.SetText("30 June 2026")
	path := filepath.Join(t.TempDir(), "statement.pdf")
	dialogPick(p, path)
	p.show()
	test.Tap(p.save)
	waitExport(t, done)
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed export left the dialog's empty file behind (%v); status %q", err, p.status.Text)
	}
	if !strings.Contains(p.status.Text, "budget is not set up") {
		t.Errorf("status %q", p.status.Text)
	}

	// A name typed without ".pdf": the PDF goes beside it, and the empty
	// file under the name as typed goes.
	dir := t.TempDir()
	_, p, done, _ = newExportTestPanel(t, "plan", "")
	dialogPick(p, filepath.Join(dir, "my plan"))
	test.Tap(p.save)
	waitExport(t, done)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || entries[0].Name() != "my plan.pdf" {
		t.Errorf("the folder holds %v, want only my plan.pdf", entries)
	}

	// A file with something in it is never removed, even if the export
	// fails.
	if err := os.WriteFile(path, []byte("%PDF-1.4 an older statement"), 0o600); err != nil {
		t.Fatal(err)
	}
	p.emptied = path
	p.removeEmptied(path)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("a file with something in it was removed: %v", err)
	}
}

func TestExportScreensOfferEveryDocumentTheirsFirst(t *testing.T) {
	for doc, want := range map[string]app.Export{"plan": app.ExportPlanPDF, "assessment": app.ExportAssessmentPDF, "statement": app.ExportStatementPDF} {
		docs := exportDocs(doc)
		if len(docs) != 3 || docs[0] != want {
			t.Errorf("exportDocs(%q) = %q, want all three with %s first", doc, docs, want)
		}
	}
}

func TestExportHomeOffersEveryDocument(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	if err := demo.Fill(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	u.show("home")
	if !strings.Contains(texts(u), "[Save as PDF…]") {
		t.Fatalf("Home lacks the export button:\n%s", texts(u))
	}
	p := u.newExportPanel(exportDocs(""))
	if len(p.choice.Options) != 3 {
		t.Errorf("offers %q, want all three documents", p.choice.Options)
	}
}

func TestExportPanelLargeTextStillFits(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	if err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveSettings(ctx, app.Settings{TextScale: 250, Theme: app.ThemeLight}); err != nil {
		t.Fatal(err)
	}
	u.applySettings()
	u.win.Resize(fyne.NewSize(1024, 720))
	p := u.newExportPanel(exportDocs(""))
	p.choice.SetSelected("Budget statement")
	p.show()
	if w := p.box.MinSize().Width; w > 760 {
		t.Errorf("the export panel at 250%% needs %v wide, more than the dialog", w)
	}
}

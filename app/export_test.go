package app_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

// exportDate is the fixed "generated on" date of the exports in tests.
var exportDate = store.NewDate(2026, time.November, 23)

// openExportDemo opens a data folder filled with the example person.
func openExportDemo(t *testing.T) (*app.App, context.Context) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := demo.Fill(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a, ctx
}

// exportText returns the text of a PDF, read back with pdftotext, with
// every run of white space made one space. args go before the file name.
func exportText(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if len(args) > 0 {
		return string(out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestExportPlanFromTheExample(t *testing.T) {
	a, ctx := openExportDemo(t)
	var buf bytes.Buffer
	if err := a.ExportPlan(ctx, &buf, app.ExportOptions{Generated: exportDate}); err != nil {
		t.Fatal(err)
	}
	text := exportText(t, buf.Bytes())
	p, err := a.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	setup, _, err := a.BudgetSetup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total, _ := p.SupportTotal()
	want := []string{
		"Support plan", demo.Person.Name, "Council reference " + demo.Person.CouncilRef,
		"Plan status " + p.Status.Label(), "Written with help from Aoife Ó Briain",
		"Personal budget " + money.Format(setup.Annual()) + " a year", "Generated on 23 November 2026", "Page 1 of",
		"Total cost of my support " + money.Format(total) + " a year",
		"My personal budget " + money.Format(setup.Annual()) + " a year",
		"Payments from the council £1,400.00 every four weeks, from 1 April 2026",
		"Appendix: evidence index", "Occupational therapy report", "Medical or OT report",
	}
	for _, s := range p.Sections {
		want = append(want, s.Title)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the plan lacks %q", w)
		}
	}
	// Table cells that wrap come back from pdftotext interleaved with
	// their neighbours, so look for their words in order.
	for _, o := range p.Outcomes {
		if !wordsInOrder(text, o.What) {
			t.Errorf("the plan lacks the outcome %q", o.What)
		}
	}
	if total == setup.Annual() && !strings.Contains(text, "add up to my personal budget exactly") {
		t.Error("the costs equal the budget set-up but the plan does not say so")
	}
}

func TestExportStatementHasTheReturnsFigures(t *testing.T) {
	a, ctx := openExportDemo(t)
	from, to := store.NewDate(2026, time.April, 1), store.NewDate(2026, time.June, 30)
	var pdf, csvOut bytes.Buffer
	if err := a.ExportStatement(ctx, from, to, &pdf, app.ExportOptions{Generated: exportDate}); err != nil {
		t.Fatal(err)
	}
	if err := a.WriteMonitoringReturn(ctx, &csvOut, from, to); err != nil {
		t.Fatal(err)
	}
	text := exportText(t, pdf.Bytes())
	// The CSV's figures come first, up to the blank line before its
	// transactions; every amount there must be in the PDF.
	figures, _, _ := strings.Cut(csvOut.String(), "\n\n")
	r := csv.NewReader(strings.NewReader(figures))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, row := range rows[1:] {
		for _, cell := range row[2:] {
			if !strings.Contains(cell, ".") {
				continue // a date, a count or nothing
			}
			p, err := money.Parse(cell)
			if err != nil {
				t.Fatalf("CSV amount %q: %v", cell, err)
			}
			checked++
			if !strings.Contains(text, money.Format(p)) {
				t.Errorf("the CSV's %s %q is not in the PDF as %s", row[0], cell, money.Format(p))
			}
		}
	}
	if checked < 10 {
		t.Fatalf("compared only %d amounts", checked)
	}
	ret, txs, err := a.MonitoringReturn(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Budget statement", "1 April 2026 to 30 June 2026", "Closing balance on 30 June 2026",
		money.Format(ret.ClosingBalance), "SUFFOLK CC DIRECT PAYMENT", "Payroll service £14.50; Employer costs"} {
		if !strings.Contains(text, w) {
			t.Errorf("the statement lacks %q", w)
		}
	}
	if got := strings.Count(text, "2026 "); got < len(txs) {
		t.Errorf("found %d dates for %d transactions", got, len(txs))
	}
}

func TestExportStatementNamesTheReceiptsAsTheCSVDoes(t *testing.T) {
	a, ctx := openExportDemo(t)
	from, to := store.NewDate(2026, time.October, 1), store.NewDate(2026, time.December, 31)
	var pdf, csvOut bytes.Buffer
	if err := a.ExportStatement(ctx, from, to, &pdf, app.ExportOptions{Generated: exportDate}); err != nil {
		t.Fatal(err)
	}
	if err := a.WriteMonitoringReturn(ctx, &csvOut, from, to); err != nil {
		t.Fatal(err)
	}
	_, payments, _ := strings.Cut(csvOut.String(), "\n\n")
	r := csv.NewReader(strings.NewReader(payments))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	text := exportText(t, pdf.Bytes())
	receipts := 0
	for _, row := range rows[1:] {
		if receipt := row[5]; receipt != "" {
			receipts++
			if !wordsInOrder(text, "Receipt: "+receipt) {
				t.Errorf("the statement does not name the receipt %q of %s %s", receipt, row[0], row[1])
			}
		}
	}
	if receipts == 0 {
		t.Fatal("the example has no receipts in the period; choose another")
	}
	if !strings.Contains(text, fmt.Sprintf("A receipt or invoice is kept for %d of the", receipts)) {
		t.Errorf("the statement does not count the %d receipts", receipts)
	}
}

func TestExportAssessmentFromTheExample(t *testing.T) {
	a, ctx := openExportDemo(t)
	var buf bytes.Buffer
	if err := a.ExportAssessment(ctx, &buf, app.ExportOptions{Generated: exportDate, LargePrint: true}); err != nil {
		t.Fatal(err)
	}
	text := exportText(t, buf.Bytes())
	as, err := a.Assessment(ctx)
	if err != nil {
		t.Fatal(err)
	}
	answered := 0
	for _, o := range as.Outcomes {
		if o.Answered {
			answered++
		}
		if !strings.Contains(text, o.Title) {
			t.Errorf("the pack lacks the outcome %q", o.Title)
		}
		if bad := strings.Join(strings.Fields(o.Answers.BadDay), " "); bad != "" && !strings.Contains(text, bad) {
			t.Errorf("the pack lacks the bad day of %q", o.Title)
		}
	}
	for _, w := range []string{
		"Assessment preparation pack", demo.Person.Name, "Outcomes answered " + strconv.Itoa(answered) + " of " + strconv.Itoa(len(as.Outcomes)),
		"I kept a needs diary for", "Evidence to bring", "Occupational therapy report",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the pack lacks %q", w)
		}
	}
}

func TestExportIsReproducible(t *testing.T) {
	a, ctx := openExportDemo(t)
	for _, e := range app.Exports() {
		opt := app.ExportOptions{Generated: exportDate, From: store.NewDate(2026, time.April, 1), To: store.NewDate(2026, time.June, 30)}
		dir := t.TempDir()
		p1, p2 := filepath.Join(dir, "1.pdf"), filepath.Join(dir, "2.pdf")
		if err := a.ExportFile(ctx, e, p1, opt); err != nil {
			t.Fatal(err)
		}
		if err := a.ExportFile(ctx, e, p2, opt); err != nil {
			t.Fatal(err)
		}
		b1, _ := os.ReadFile(p1)
		b2, _ := os.ReadFile(p2)
		if len(b1) == 0 || !bytes.Equal(b1, b2) {
			t.Errorf("%s: two exports of the same data on the same date differ", e)
		}
	}
}

func TestExportFileErrors(t *testing.T) {
	a, ctx := openExportDemo(t)
	blocker := filepath.Join(t.TempDir(), "a file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, want string
	}{
		{"no such folder", filepath.Join(t.TempDir(), "missing", "plan.pdf"), "the folder does not exist or you cannot write there. Choose another place."},
		{"a file in the way", filepath.Join(blocker, "plan.pdf"), "the folder does not exist or you cannot write there."},
		{"a folder in the way", t.TempDir(), "there is already a folder with that name. Choose another name."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := a.ExportFile(ctx, app.ExportPlanPDF, tc.path, app.ExportOptions{Generated: exportDate})
			var se *report.SaveError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *report.SaveError", err)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "Could not save the PDF to ") {
				t.Errorf("message %q, want it to say %q", err, tc.want)
			}
		})
	}
	if err := a.ExportFile(ctx, "letter", filepath.Join(t.TempDir(), "x.pdf"), app.ExportOptions{}); err == nil {
		t.Error("an unknown document made no error")
	}
	err := a.ExportFile(ctx, app.ExportStatementPDF, filepath.Join(t.TempDir(), "x.pdf"),
		app.ExportOptions{From: store.NewDate(2026, time.June, 30), To: store.NewDate(2026, time.April, 1)})
	if err == nil || !strings.Contains(err.Error(), "runs backwards") {
		t.Errorf("a backwards period: %v", err)
	}
}

func TestExportAnEmptyFolder(t *testing.T) {
	ctx := context.Background()
	a, err := app.Init(ctx, filepath.Join(t.TempDir(), "data"), "Łukasz Nowak")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for _, tc := range []struct {
		name   string
		export func(context.Context, io.Writer, app.ExportOptions) error
		want   string
	}{
		{"plan", a.ExportPlan, "Still to write 11 of 11 parts"},
		{"assessment", a.ExportAssessment, "Outcomes answered 0 of 10"},
	} {
		var buf bytes.Buffer
		if err := tc.export(ctx, &buf, app.ExportOptions{Generated: exportDate}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if text := exportText(t, buf.Bytes()); !strings.Contains(text, "Łukasz Nowak") || !strings.Contains(text, tc.want) {
			t.Errorf("%s of an empty folder lacks the name or %q: %.300s", tc.name, tc.want, text)
		}
	}
	err = a.ExportStatement(ctx, store.Date{}, store.Date{}, &bytes.Buffer{}, app.ExportOptions{})
	if !errors.Is(err, app.ErrNoBudget) {
		t.Errorf("a statement without a budget: %v, want ErrNoBudget", err)
	}
}

func TestExportFileName(t *testing.T) {
	a, ctx := openExportDemo(t)
	for _, tc := range []struct {
		e    app.Export
		opt  app.ExportOptions
		want string
	}{
		{app.ExportPlanPDF, app.ExportOptions{Generated: exportDate}, "Zoë Ó Briain support plan 2026-11-23.pdf"},
		{app.ExportAssessmentPDF, app.ExportOptions{Generated: exportDate}, "Zoë Ó Briain assessment preparation pack 2026-11-23.pdf"},
		{app.ExportStatementPDF, app.ExportOptions{Generated: exportDate}, "Zoë Ó Briain budget statement 2026-07-01 to 2026-09-30 2026-11-23.pdf"},
	} {
		if got := a.ExportFileName(ctx, tc.e, tc.opt); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.e, got, tc.want)
		}
	}
}

// wordsInOrder reports whether the words of phrase appear in text in
// order, with anything between them.
func wordsInOrder(text, phrase string) bool {
	words := strings.Fields(text)
	i := 0
	for _, w := range strings.Fields(phrase) {
		for i < len(words) && words[i] != w {
			i++
		}
		if i == len(words) {
			return false
		}
		i++
	}
	return true
}

package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

// Export is one of the PDF documents a person can make for the council.
// Its value is a stable key used by the command line.
type Export string

// The documents.
const (
	ExportPlanPDF       Export = "plan"       // the support plan
	ExportAssessmentPDF Export = "assessment" // the assessment preparation pack
	ExportStatementPDF  Export = "statement"  // the budget statement and monitoring return
)

// Exports returns every document, in the order menus list them.
func Exports() []Export { return []Export{ExportPlanPDF, ExportAssessmentPDF, ExportStatementPDF} }

// Title returns the document's name for people, such as "Support plan".
func (e Export) Title() string {
	switch e {
	case ExportPlanPDF:
		return "Support plan"
	case ExportAssessmentPDF:
		return "Assessment preparation pack"
	case ExportStatementPDF:
		return "Budget statement"
	}
	return string(e)
}

// ExportOptions say how to make a document.
type ExportOptions struct {
	// LargePrint sets the text at 16 point instead of 12; the text
	// reflows onto more pages.
	LargePrint bool
	// Generated is the date printed as the day the document was made.
	// Zero means today; set it to make the same PDF again, byte for byte.
	Generated store.Date
	// From and To are the period of a budget statement, both included.
	// Zero dates mean the last whole quarter of the budget year (see
	// QuarterBefore).
	From, To store.Date
}

// generated returns the date to print.
func (o ExportOptions) generated() store.Date {
	if o.Generated.IsZero() {
		return store.Today()
	}
	return o.Generated
}

// ExportPlan writes the support plan as a PDF to w.
func (a *App) ExportPlan(ctx context.Context, w io.Writer, opt ExportOptions) error {
	return a.exportTo(ctx, ExportPlanPDF, w, opt)
}

// ExportAssessment writes the assessment preparation pack as a PDF to w.
func (a *App) ExportAssessment(ctx context.Context, w io.Writer, opt ExportOptions) error {
	return a.exportTo(ctx, ExportAssessmentPDF, w, opt)
}

// ExportStatement writes the budget statement for from to to (both
// included) as a PDF to w. Its figures are those of MonitoringReturn and
// the CSV return for the same period.
func (a *App) ExportStatement(ctx context.Context, from, to store.Date, w io.Writer, opt ExportOptions) error {
	opt.From, opt.To = from, to
	return a.exportTo(ctx, ExportStatementPDF, w, opt)
}

// ExportFile makes the document e and saves it at path, replacing any
// file there. The save is atomic, so path never holds half a document.
// When the PDF cannot be saved the error is a *report.SaveError, whose
// message says in plain English what went wrong and what to do.
func (a *App) ExportFile(ctx context.Context, e Export, path string, opt ExportOptions) error {
	d, err := a.exportDocument(ctx, e, opt)
	if err != nil {
		return err
	}
	return d.WriteFile(path)
}

// ExportFileName suggests a file name for the document, such as
// "Zoë Ó Briain support plan 2026-11-23.pdf", with the date it is made.
// Characters that are not allowed in file names are left out.
func (a *App) ExportFileName(ctx context.Context, e Export, opt ExportOptions) string {
	name := ""
	if p, ok, err := a.Profile(ctx); err == nil && ok {
		name = strings.TrimSpace(p.Name)
	}
	title := strings.ToLower(e.Title())
	if e == ExportStatementPDF {
		if from, to, err := a.statementPeriod(ctx, opt); err == nil {
			title += " " + from.String() + " to " + to.String()
		}
	}
	base := strings.TrimSpace(name + " " + title + " " + opt.generated().String())
	return safeExportName(base) + ".pdf"
}

// safeExportName leaves out of s the characters Windows, macOS and Linux
// do not allow in file names.
func safeExportName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// exportTo makes the document e and writes it to w.
func (a *App) exportTo(ctx context.Context, e Export, w io.Writer, opt ExportOptions) error {
	d, err := a.exportDocument(ctx, e, opt)
	if err != nil {
		return err
	}
	return d.Render(w)
}

// exportDocument makes the document e from the data folder.
func (a *App) exportDocument(ctx context.Context, e Export, opt ExportOptions) (*report.Document, error) {
	var d *report.Document
	var err error
	switch e {
	case ExportPlanPDF:
		d, err = a.planDocument(ctx)
	case ExportAssessmentPDF:
		d, err = a.assessmentDocument(ctx)
	case ExportStatementPDF:
		d, err = a.statementDocument(ctx, opt)
	default:
		return nil, fmt.Errorf("there is no document called %q; choose plan, assessment or statement", string(e))
	}
	if err != nil {
		return nil, fmt.Errorf("making the %s: %w", strings.ToLower(e.Title()), err)
	}
	d.Generated, d.LargePrint = opt.generated(), opt.LargePrint
	return d, nil
}

package app_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

// The export benchmarks time what pressing "Save as PDF" costs, from the
// data folder to the finished PDF: reading the plan, budget and evidence
// from the store, building the document, laying it out and rendering it.
//
//	go test ./app/ -run '^$' -bench 'BenchmarkExport' -benchtime 10x

// benchExportApp is the example person with every section of the plan
// and the profile written at length (the guide's eleven sections hold as
// much text as twenty sections of 600 words) and items evidence items,
// each with a file and a link to a section.
func benchExportApp(b *testing.B, items int) (*app.App, context.Context) {
	b.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, filepath.Join(b.TempDir(), "d"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	if err := demo.Fill(ctx, a); err != nil {
		b.Fatal(err)
	}
	g, err := a.PlanGuide(ctx)
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat("Getting up in the morning takes me about two hours with support, and I need help to shower, dress and have breakfast. ", 25)
	for _, s := range g.Sections {
		if err := a.SetPlanSection(ctx, s.Key, long+"\n\n"+s.Example+"\n\n"+long+"\n\n"+long+"\n\n"+long); err != nil {
			b.Fatal(err)
		}
	}
	for _, h := range g.Profile.Headings {
		if err := a.SetPlanProfile(ctx, h.Key, long); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	kinds := []string{"medical", "decision", "receipt", "correspondence", "assessment"}
	for i := range items {
		path := filepath.Join(dir, fmt.Sprintf("letter-%03d.txt", i))
		if err := os.WriteFile(path, fmt.Appendf(nil, "Letter %d about the support Zoë needs.", i), 0o600); err != nil {
			b.Fatal(err)
		}
		it := store.EvidenceItem{
			Title: fmt.Sprintf("Letter %d about support needs", i+1), Kind: kinds[i%len(kinds)], From: "Ipswich Hospital",
			LetterDate: store.NewDate(2026, time.January, 1).AddDays(i % 300),
			Links:      []store.EvidenceLink{{TargetKind: store.LinkPlanSection, TargetID: g.Sections[i%len(g.Sections)].Key}},
		}
		if _, err := a.AddEvidence(ctx, it, []string{path}); err != nil {
			b.Fatal(err)
		}
	}
	return a, ctx
}

// BenchmarkExportPlan500Evidence is the support plan, as above, with 500
// evidence items. The target is under 300 ms.
func BenchmarkExportPlan500Evidence(b *testing.B) {
	a, ctx := benchExportApp(b, 500)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := a.ExportPlan(ctx, io.Discard, app.ExportOptions{Generated: exportDate}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportStatement5000 is a statement of a year with 5,000
// transactions imported from a bank statement. The target is
// under 1 s.
func BenchmarkExportStatement5000(b *testing.B) {
	a, ctx := benchApp(b)
	if err := a.SetProfileField(ctx, "name", "Zoë Ó Briain"); err != nil {
		b.Fatal(err)
	}
	if _, err := a.ImportStatement(ctx, strings.NewReader(string(benchStatement(5000))), "statement.csv", app.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	from, to := store.NewDate(2026, time.April, 1), store.NewDate(2027, time.March, 31)
	r, _, err := a.MonitoringReturn(ctx, from, to)
	if err != nil || r.Transactions != 5000 {
		b.Fatalf("the return counts %d transactions: %v", r.Transactions, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := a.ExportStatement(ctx, from, to, io.Discard, app.ExportOptions{Generated: exportDate}); err != nil {
			b.Fatal(err)
		}
	}
}

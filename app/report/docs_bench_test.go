package report

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// The benchmarks of the three documents time the whole build from plain
// values: making the blocks (PlanDocument and the others), laying them
// out, drawing them with fpdf and writing the compressed PDF. Reading the
// data folder is timed too by the benchmarks in app (export_bench_test.go).
//
//	go test ./app/report/ -run '^$' -bench 'Plan20|Statement5000|Assessment' -benchtime 20x

// bigPlan is a plan with sections full sections of about 600 words each
// (the guide's eleven and more of the same kind) and items evidence
// items.
func bigPlan(b *testing.B, sections, items int) (*plan.Guidance, Plan) {
	g := guide(b)
	p := samplePlan(b)
	base := g.Sections
	for i := 0; len(g.Sections) < sections; i++ {
		s := base[i%len(base)]
		s.Key, s.Title, s.Parts = fmt.Sprintf("extra-%d", i), fmt.Sprintf("%s (part %d)", s.Title, i+2), nil
		g.Sections = append(g.Sections, s)
	}
	long := strings.Repeat("Getting up in the morning takes me about two hours with support, and I need help to shower, dress and have breakfast. ", 30)
	for _, s := range g.Sections {
		p.Sections[s.Key] = long + "\n\n" + s.Example + "\n\n" + long
	}
	p.Evidence = sampleEvidence(items)
	return g, p
}

// benchmarkBuild times make, which builds a document from plain values,
// and rendering it.
func benchmarkBuild(b *testing.B, make func() (*Document, error)) {
	b.ReportAllocs()
	if _, err := loadFonts(); err != nil { // once per process, as in the app
		b.Fatal(err)
	}
	pages := 0
	for b.Loop() {
		d, err := make()
		if err != nil {
			b.Fatal(err)
		}
		d.Generated = sampleDate
		if err := d.Render(io.Discard); err != nil {
			b.Fatal(err)
		}
		if pages == 0 {
			l, _ := d.layout(mustFonts(b))
			pages = len(l.pages)
		}
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkPlan20Sections500Evidence is the support plan case: 20
// full sections and 500 evidence items. It must take under 300 ms.
func BenchmarkPlan20Sections500Evidence(b *testing.B) {
	g, p := bigPlan(b, 20, 500)
	benchmarkBuild(b, func() (*Document, error) { return PlanDocument(g, p) })
}

// BenchmarkStatement5000 is the statement case: 5,000
// transactions. It must take under 1 s.
func BenchmarkStatement5000(b *testing.B) {
	from, to := store.NewDate(2026, time.April, 1), store.NewDate(2027, time.March, 31)
	s := sampleStatement(b, sampleTransactions(5000), from, to)
	benchmarkBuild(b, func() (*Document, error) { return StatementDocument(s) })
}

// BenchmarkAssessment is the sample assessment pack.
func BenchmarkAssessment(b *testing.B) {
	g, a := guide(b), sampleAssessment(b)
	benchmarkBuild(b, func() (*Document, error) { return AssessmentDocument(g, a) })
}

package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

// bigPlan is a plan with sections full sections of about 600 words each
// (the guide's eleven and more of the same kind) and items evidence
// items.
func bigPlan(b *testing.B, sections, items int) *Document {
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
	d, err := PlanDocument(g, p)
	if err != nil {
		b.Fatal(err)
	}
	d.Generated = sampleDate
	return d
}

// BenchmarkPlan20Sections500Evidence is the support plan case: 20
// full sections and 500 evidence items. It must take under 300 ms.
func BenchmarkPlan20Sections500Evidence(b *testing.B) {
	benchmarkRender(b, bigPlan(b, 20, 500))
}

// BenchmarkStatement5000 is the statement case: 5,000
// transactions. It must take under 1 s.
func BenchmarkStatement5000(b *testing.B) {
	from, to := store.NewDate(2026, time.April, 1), store.NewDate(2027, time.March, 31)
	d, err := StatementDocument(sampleStatement(b, sampleTransactions(5000), from, to))
	if err != nil {
		b.Fatal(err)
	}
	d.Generated = sampleDate
	benchmarkRender(b, d)
}

// BenchmarkAssessment is the sample assessment pack.
func BenchmarkAssessment(b *testing.B) {
	d, err := AssessmentDocument(guide(b), sampleAssessment(b))
	if err != nil {
		b.Fatal(err)
	}
	d.Generated = sampleDate
	benchmarkRender(b, d)
}

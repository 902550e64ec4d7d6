package report

import (
	"flag"
	"path/filepath"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

// docsDir lets a person look at the three documents made from the sample
// inputs: go test ./app/report -run WriteDocs -docs /tmp/docs, then
// pdftoppm -png -r 60 on each.
var docsDir = flag.String("docs", "", "write the sample plan, assessment pack and statement to this folder")

func TestWriteDocs(t *testing.T) {
	if *docsDir == "" {
		t.Skip("no -docs folder")
	}
	for name, d := range sampleDocs(t) {
		for _, large := range []bool{false, true} {
			d.Generated, d.LargePrint = sampleDate, large
			path := filepath.Join(*docsDir, name+".pdf")
			if large {
				path = filepath.Join(*docsDir, name+"-large.pdf")
			}
			if err := d.WriteFile(path); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// sampleDocs makes the three documents from the sample inputs.
func sampleDocs(t testing.TB) map[string]*Document {
	t.Helper()
	g := guide(t)
	p, err := PlanDocument(g, samplePlan(t))
	if err != nil {
		t.Fatal(err)
	}
	a, err := AssessmentDocument(g, sampleAssessment(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := StatementDocument(sampleStatement(t, sampleTransactions(120),
		store.NewDate(2026, time.April, 1), store.NewDate(2026, time.June, 30)))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Document{"plan": p, "assessment": a, "statement": s}
}

package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
)

// benchWords is a vocabulary for made-up letters: common words appear in
// nearly every document, rarer ones in few.
var benchWords = strings.Fields(`the a to of and in your you we is for that this on with be are as have
council care support plan assessment review budget payment direct personal assistant needs outcome
eligible wellbeing home bathroom stairs transfers lift shower rail chair kitchen meals washing dressing
medication appointment hospital doctor therapist report letter decision reply date complaint ombudsman
advocate sister family friend weekend morning afternoon evening hours week month year annual reserve
holiday wages employer insurance payroll pension timesheet receipt taxi swimming pool transport
equipment training course moving handling grant disabled facilities fatigue pain anxiety sleep energy
fluctuating bad good days safety risk contingency emergency backup cover sickness agency provider
finance team social worker manager officer decision appeal deadline request information evidence`)

// benchText makes n bytes of letter-like text, with a few words rare
// enough to find single documents.
func benchText(r *rand.Rand, n int, doc int) string {
	var b strings.Builder
	b.Grow(n + 64)
	for b.Len() < n {
		// Zipf-like: low indexes much more often.
		i := int(float64(len(benchWords)) * r.Float64() * r.Float64() * r.Float64())
		b.WriteString(benchWords[i])
		if r.Intn(12) == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	fmt.Fprintf(&b, " reference%04d", doc)
	return b.String()
}

// BenchmarkEvidenceSearch searches 2,000 documents holding about 20,000
// pages of text (10 pages of 3,000 characters each).
//
//	go test ./store/ -run '^$' -bench BenchmarkEvidenceSearch -benchtime 200x
func BenchmarkEvidenceSearch(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "data"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewSource(1))
	const docs, pageChars, pages = 2000, 3000, 10
	total := 0
	for i := 0; i < docs; i++ {
		text := benchText(r, pageChars*pages, i)
		total += len(text)
		src := bytesSource(fmt.Sprintf("letter-%d.pdf", i), []byte(text))
		_, err := s.AddEvidence(ctx, EvidenceItem{Title: fmt.Sprintf("Letter %d about %s", i, benchWords[20+i%60]),
			Tags: []string{benchWords[40+i%30]}}, []EvidenceSource{src}, textAnalyser)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d documents, %d MB of text", docs, total>>20)
	for _, q := range []string{"reference1234", "wet", "the", "stairs lift", "assess", "bathroom transfers weekend",
		`"support plan"`, "18200", "O'Brien"} {
		hits, err := s.SearchEvidence(ctx, q, 50)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.NewReplacer(" ", "_", `"`, "", "'", "").Replace(q), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.SearchEvidence(ctx, q, 50); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}

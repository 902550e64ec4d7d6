package report

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// longDocument has a cover, contents, sections long sections of several
// paragraphs and a table of rows rows.
func longDocument(sections, rows int) *Document {
	d := &Document{Title: "Assessment preparation pack", Person: samplePerson, Generated: sampleDate}
	d.Add(Cover{Facts: []Fact{{"Name", samplePerson}}}, Contents{})
	para := strings.Repeat("Getting up in the morning takes me about two hours with support, and I need a hoist to move from bed to chair. ", 15)
	for i := range sections {
		d.Add(
			Heading{Level: 1, Text: fmt.Sprintf("Section %d", i+1)},
			Paragraph{Text: para + "\n\n" + para + "\n\n" + para},
			Heading{Level: 2, Text: fmt.Sprintf("What would help in section %d", i+1)},
			Bullets{Items: []string{para[:200], para[:120], para[:300]}},
		)
	}
	d.Add(Heading{Level: 1, Text: "Payments"}, paymentsTable(rows))
	return d
}

func benchmarkRender(b *testing.B, d *Document) {
	b.ReportAllocs()
	if _, err := loadFonts(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := d.Render(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSections20Table500 is the everyday case: 20 long
// sections and a 500-row table. It must take well under 300 ms.
func BenchmarkSections20Table500(b *testing.B) { benchmarkRender(b, longDocument(20, 500)) }

// BenchmarkTable5000 is the worst case: a 5,000-row table. It must
// take under 1 s.
func BenchmarkTable5000(b *testing.B) { benchmarkRender(b, longDocument(0, 5000)) }

// BenchmarkSample is the sample support plan.
func BenchmarkSample(b *testing.B) { benchmarkRender(b, sampleDocument(false)) }

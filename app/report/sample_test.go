package report

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// sampleDate is the fixed "generated on" date of the test documents.
var sampleDate = store.NewDate(2026, time.November, 23)

// samplePerson has letters from several alphabets the font must carry.
const samplePerson = "Zoë Ó Briain"

// sampleDocument is a support plan with every kind of block, the way the
// real documents will use them.
func sampleDocument(large bool) *Document {
	d := &Document{
		Title:      "Support plan",
		Subject:    "Support plan for " + samplePerson + " to send to the council",
		Person:     samplePerson,
		Generated:  sampleDate,
		LargePrint: large,
	}
	d.Add(
		Cover{
			Subtitle: []string{samplePerson, "Prepared for Brightwater Council adult social care"},
			Facts: []Fact{
				{"Name", samplePerson},
				{"Council reference", "ASC-2026-004512"},
				{"Status", "Draft, ready to discuss at the review"},
				{"Review date", FormatDate(store.NewDate(2027, time.January, 14))},
				{"Who helped write it", "Łukasz Nowak (personal assistant) and Mary O'Neill (sister)"},
				{"Personal budget", money.Format(1820000) + " a year"},
			},
		},
		Contents{},
		Heading{Level: 1, Text: "About me"},
		Paragraph{Text: "I live in a ground-floor flat in Brightwater with my cat, Biscuit. I use a powered wheelchair " +
			"and I need support with personal care in the morning and the evening.\n\n" +
			"I work three days a week at the library. Getting there on time matters to me, so my morning support " +
			"has to start by 7:30.\n\nThis paragraph has a line break here\nand carries on on the next line."},
		Heading{Level: 2, Text: "What is important to me"},
		Bullets{Items: []string{
			"Choosing my own personal assistants and the times they come.",
			"Keeping my job at the library, and getting there on time three days a week, whatever the weather " +
				"and however the buses are running.",
			"Seeing my sister Mary and my nephew every Sunday.",
		}},
		Heading{Level: 2, Text: "How best to communicate with me"},
		StillToWrite{Text: "Zoë will add this after talking it through with Mary."},
		Heading{Level: 1, Text: "My support"},
		Paragraph{Text: strings.Repeat("My personal assistants help me get up, wash, dress and have breakfast. ", 12)},
		Table{
			Caption: "Weekly support",
			Columns: []Column{
				{Header: "Support", Width: 3},
				{Header: "Hours a week", Width: 1.3, Align: AlignRight},
				{Header: "Cost a week", Width: 1.5, Align: AlignRight},
			},
			Rows: [][]string{
				{"Morning personal care, seven days a week, from a personal assistant I employ", "10.5", money.Format(21525)},
				{"Evening personal care", "7", money.Format(14350)},
				{"Support to go to the library on work days", "6", money.Format(12300)},
				{"Shopping and housework", "3", money.Format(6150)},
			},
			Footer: []string{"Total", "26.5", money.Format(54325)},
		},
		Heading{Level: 2, Text: "Budget"},
		Facts{Items: []Fact{
			{"Personal budget", money.Format(1820000)},
			{"Paid by", "Direct payment, every four weeks"},
			{"Contingency", money.Format(62000)},
		}},
		Table{
			Caption: "Equipment I still need",
			Columns: []Column{{Header: "Item"}, {Header: "Cost", Align: AlignRight}},
		},
		Heading{Level: 1, Text: "Payments this year"},
		paymentsTable(40),
		Heading{Level: 1, Text: "Names and other languages"},
		Paragraph{Text: "Łukasz, Zoë and Ó Briain print as written. Emoji 👍🏽 and 👨‍👩‍👧 and the flag 🇬🇧 " +
			"are each shown by a label. Arabic مرحبا and Hebrew שלום, which the font lacks, are labelled too."},
		Paragraph{Text: "A note in italic, for a quotation.", Style: Italic},
		Heading{Level: 1, Text: "Agreement"},
		Paragraph{Text: "I agree that this plan describes the support I need and how I want to use my personal budget."},
		Signature{Label: "Signed by the person this plan is about", Name: samplePerson},
		Signature{Label: "Signed for Brightwater Council", Date: sampleDate},
	)
	return d
}

// paymentsTable is a table of n payments.
func paymentsTable(n int) Table {
	t := Table{
		Caption: "Payments",
		Columns: []Column{
			{Header: "Date", Width: 1.7},
			{Header: "Paid to", Width: 2.4},
			{Header: "What for", Width: 2.6},
			{Header: "Amount", Width: 1.3, Align: AlignRight},
		},
	}
	for i := range n {
		t.Rows = append(t.Rows, []string{
			FormatDate(store.NewDate(2026, time.April, 1).AddDays(7 * i)),
			fmt.Sprintf("Personal assistant %d", i%4+1),
			fmt.Sprintf("Week %d: personal care and support to go out", i+1),
			money.Format(int64(51000 + 137*i)),
		})
	}
	return t
}

// oddText has emoji, right-to-left scripts, direction overrides, control
// characters and characters beyond the font.
const oddText = "Zoë 👍🏽 👨‍👩‍👧 🇬🇧 مرحبا بالعالم שלום עולם \u202eRTL override\u202c \x00\x07 tab\there \uFFFF \U0010FFFF"

// oddDocument puts oddText in every kind of block.
func oddDocument() *Document {
	odd := oddText
	d := &Document{Title: "Plan 📋 " + odd, Subject: odd, Person: "Zoë 😀 " + odd, Generated: sampleDate}
	d.Add(
		Cover{Subtitle: []string{odd}, Facts: []Fact{{odd, odd}}},
		Contents{Title: odd},
		Heading{Level: 1, Text: odd},
		Paragraph{Text: strings.Repeat(odd+" ", 40)},
		Bullets{Items: []string{odd}},
		Table{Caption: odd, Columns: []Column{{Header: odd}, {Header: odd}}, Rows: [][]string{{odd, odd}}, Footer: []string{odd, odd}},
		StillToWrite{Title: odd, Text: odd},
		Signature{Label: odd, Name: odd},
	)
	return d
}

// samplePath lets a person look at the sample: go test ./app/report -run
// WriteSample -sample /tmp/sample.pdf, then pdftoppm -png -r 60.
var samplePath = flag.String("sample", "", "write the sample document to this PDF path (and the large-print one beside it)")

func TestWriteSample(t *testing.T) {
	if *samplePath == "" {
		t.Skip("no -sample path")
	}
	if err := sampleDocument(false).WriteFile(*samplePath); err != nil {
		t.Fatal(err)
	}
	if err := sampleDocument(true).WriteFile(*samplePath + ".large.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := oddDocument().WriteFile(*samplePath + ".odd.pdf"); err != nil {
		t.Fatal(err)
	}
}

package report_test

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/app/report"
	"github.com/ownplan/ownplan/store"
)

func ExampleDocument() {
	d := &report.Document{
		Title:     "Budget statement",
		Person:    "Zoë Ó Briain",
		Generated: store.NewDate(2026, time.November, 23),
	}
	d.Add(
		report.Cover{Facts: []report.Fact{
			{Label: "Council reference", Value: "ASC-2026-004512"},
			{Label: "Personal budget", Value: money.Format(1820000)},
		}},
		report.Contents{},
		report.Heading{Level: 1, Text: "Spending"},
		report.Table{
			Columns: []report.Column{{Header: "What", Width: 3}, {Header: "Amount", Align: report.AlignRight}},
			Rows:    [][]string{{"Personal assistants", money.Format(1640000)}},
			Footer:  []string{"Total", money.Format(1640000)},
		},
		report.Heading{Level: 1, Text: "Receipts"},
		report.StillToWrite{Text: "Add the receipts for March."},
	)
	var pdf bytes.Buffer
	if err := d.Render(&pdf); err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(pdf.Bytes()[:8]))
	// Output: %PDF-1.3
}

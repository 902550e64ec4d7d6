package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app/budget"
)

// flatText returns the text of a PDF with every run of white space
// (line breaks, no-break spaces, page breaks) made one space, so that
// wrapped sentences can be found whole.
func flatText(t testing.TB, pdf []byte) string {
	t.Helper()
	return flat(strings.Join(pageTexts(t, pdf), " "))
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// renderDoc sets the sample date and renders d.
func renderDoc(t testing.TB, d *Document, large bool) []byte {
	t.Helper()
	d.Generated, d.LargePrint = sampleDate, large
	return render(t, d)
}

// inOrder checks that each of want appears in text after the one before.
func inOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], flat(w))
		if i < 0 {
			t.Errorf("%q is missing, or out of order (looking after byte %d)", w, at)
			continue
		}
		at += i + len(flat(w))
	}
}

func TestPlanDocumentHasEveryPart(t *testing.T) {
	g := guide(t)
	p := samplePlan(t)
	d, err := PlanDocument(g, p)
	if err != nil {
		t.Fatal(err)
	}
	pdf := renderDoc(t, d, false)
	text := flatText(t, pdf)
	// The cover.
	inOrder(t, text, "Support plan", samplePerson, "For Suffolk County Council",
		"Name Zoë Ó Briain", "Date of birth 9 March 1988", "NHS number 943 476 5919", "Council reference ASC-2026-004512",
		"Plan status Sent to the council", "Started 12 October 2026", "Sent to the council 2 November 2026",
		"Next review 2 November 2027", "Written with help from Aoife Ó Briain and Łukasz Nowak",
		"Personal budget £18,200.00 a year", "Page 1 of")
	if strings.Contains(text, "Still to write") {
		t.Error("a whole plan says something is still to write")
	}
	// Every section in the guide's order, after the contents and the
	// one-page profile, then the agreement and the evidence index.
	want := []string{"Contents", "My one-page profile"}
	for _, h := range g.Profile.Headings {
		want = append(want, h.Title, p.Profile[h.Key])
	}
	for _, s := range g.Sections {
		want = append(want, s.Title)
	}
	want = append(want, "Agreement", "Signed by the person this plan is about", "Signed for the council", "Appendix: evidence index")
	for _, e := range p.Evidence {
		want = append(want, e.Title)
	}
	inOrder(t, text[strings.Index(text, "Page 1 of"):], want...)
	// The structured parts, with the personal budget and the costs.
	for _, w := range []string{
		"Shower and get dressed every day", "(About washing and keeping clean and getting dressed)",
		"Who supports me", "Jess and Priya (personal assistants)",
		"How it is held Direct payment", "Payments from the council £1,400.00 every four weeks, from 1 April 2026",
		"Budget year 1 April 2026 to 31 March 2027", "Contingency: £500.00",
		"Total £18,200.00", "Total cost of my support £18,200.00 a year", "My personal budget £18,200.00 a year",
		"The costs of my support add up to my personal budget exactly.",
		"Personal assistant wages £324.00 a week £16,848.00",
		"Jess is ill or on holiday", "Aoife comes over from Felixstowe.", "Evidence item 1: letter about my needs (Decision letter) Suffolk County Council 1 Jan 2026",
		"Ask the council for a carer's assessment Aoife 31 December 2026 Not yet", "Done on 24 October 2026",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the plan lacks %q", w)
		}
	}
	info := runTool(t, pdf, "pdfinfo")
	for _, w := range []string{"Title:           Support plan: Zoë Ó Briain\n", "Author:          Zoë Ó Briain\n",
		"Subject:         The support plan Zoë Ó Briain has written for Suffolk County Council (reference ASC-2026-004512)\n"} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q", w)
		}
	}
}

func TestPlanDocumentEmptySaysWhatIsStillToWrite(t *testing.T) {
	g := guide(t)
	d, err := PlanDocument(g, Plan{})
	if err != nil {
		t.Fatal(err)
	}
	pdf := renderDoc(t, d, false)
	text := flatText(t, pdf)
	n := pageCount(t, pdf)
	if n < 3 {
		t.Errorf("an empty plan has %d pages; want a cover, contents and the parts to write", n)
	}
	want := []string{noName, fmt.Sprintf("Still to write %d of %d parts", len(g.Sections), len(g.Sections)), "My one-page profile"}
	for _, h := range g.Profile.Headings {
		want = append(want, h.Title, "Still to write", h.Prompt)
	}
	for _, s := range g.Sections {
		want = append(want, s.Title, "Still to write", s.Prompt)
	}
	want = append(want, "Agreement", "Appendix: evidence index", "No evidence has been added yet.")
	inOrder(t, text, want...)
	words := g.Wording.Checklist
	for _, w := range []string{words.OutcomesNone, words.SupportNone, words.RisksNone, words.ActionsNone,
		"The amount of the personal budget is not known yet."} {
		if !strings.Contains(text, flat(w)) {
			t.Errorf("the empty plan lacks %q", w)
		}
	}
}

func TestPlanDocumentCostsAgainstBudget(t *testing.T) {
	setup := sampleSetup()
	weekly := setup
	weekly.Amount, weekly.Period = 350_00, budget.Weekly
	cost := func(pence ...int64) []Support {
		var s []Support
		for i, p := range pence {
			s = append(s, Support{What: fmt.Sprintf("Support %d", i+1), Who: "A PA", Cost: p, CostKnown: p >= 0})
		}
		return s
	}
	for _, tc := range []struct {
		name    string
		budget  Budget
		support []Support
		want    []string
		not     []string
	}{
		{"equal", Budget{Setup: &setup}, cost(18_000_00, 200_00),
			[]string{"Total £18,200.00", "Difference None", "add up to my personal budget exactly"}, []string{"do not match"}},
		{"under", Budget{Setup: &setup}, cost(17_000_00),
			[]string{"Difference £1,200.00 a year not planned yet", "The totals do not match",
				"come to £17,000.00 a year, which is £1,200.00 less than my personal budget of £18,200.00"}, nil},
		{"over", Budget{Setup: &setup}, cost(18_000_00, 300_00),
			[]string{"Difference £100.00 a year over the budget", "which is £100.00 more than my personal budget of £18,200.00"}, nil},
		{"unknown cost", Budget{Setup: &setup}, cost(18_200_00, -1),
			[]string{"Not known yet", "1 arrangement has no cost yet, so the total may be higher", "Difference None"}, nil},
		{"weekly budget", Budget{Setup: &weekly}, cost(18_200_00),
			[]string{"Personal budget £350.00 a week (£18,200.00 a year)", "Difference None"}, nil},
		{"plan and set-up differ", Budget{Setup: &setup, PlanAmount: 17_500_00, PlanAmountKnown: true}, cost(18_200_00),
			[]string{"Two different budget amounts", "The plan says the personal budget is £17,500.00 a year, but the budget set-up says £18,200.00 a year"}, nil},
		{"only the plan's amount", Budget{PlanAmount: 17_500_00, PlanAmountKnown: true}, cost(17_500_00),
			[]string{"Personal budget £17,500.00 a year", "has not been set up yet", "Difference None"}, nil},
		{"categories differ", Budget{Setup: &setup, Categories: sampleCategories()[:1]}, cost(18_200_00),
			[]string{"Planned spending by budget heading", "The planned spending comes to £16,848.00 a year, which is £1,352.00 less than the personal budget of £18,200.00"}, nil},
		{"no budget", Budget{}, cost(100_00),
			[]string{"The amount of the personal budget is not known yet", "Total £100.00"}, []string{"Difference"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := PlanDocument(guide(t), Plan{Person: samplePersonDetails, Support: tc.support, Budget: tc.budget})
			if err != nil {
				t.Fatal(err)
			}
			text := flatText(t, renderDoc(t, d, false))
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(text, w) {
					t.Errorf("says %q", w)
				}
			}
		})
	}
}

func TestPlanDocumentSurvivesHardInput(t *testing.T) {
	g := guide(t)
	p := samplePlan(t)
	// A very long section of numbered words, every one of which must
	// come back, in order.
	var long strings.Builder
	for i := range 6000 {
		fmt.Fprintf(&long, "word%d ", i)
		if i%400 == 399 {
			long.WriteString("\n\n")
		}
	}
	p.Sections["my-needs"] = long.String()
	p.Sections["important-to-me"] = oddText
	p.Profile["support-me"] = strings.Repeat("Ask me first 👍🏽. ", 300)
	p.Person.Name = "Zoë 😀 مرحبا Ó Briain"
	p.Evidence = sampleEvidence(500)
	p.Evidence[7].Title = oddText
	p.Risks = append(p.Risks, Risk{What: strings.Repeat("A very long risk. ", 400), BackUp: "Call Aoife."})
	d, err := PlanDocument(g, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, large := range []bool{false, true} {
		pdf := renderDoc(t, d, large)
		text := flatText(t, pdf)
		at := 0
		for i := range 6000 {
			w := fmt.Sprintf("word%d ", i)
			j := strings.Index(text[at:], w)
			if j < 0 {
				t.Fatalf("large=%v: %q is missing or out of order", large, w)
			}
			at += j
		}
		for _, e := range p.Evidence {
			if !strings.Contains(text, flat(cleanText(t, e.Title))) {
				t.Fatalf("large=%v: evidence %q is missing", large, e.Title)
			}
		}
		if n := pageCount(t, pdf); !strings.Contains(text, fmt.Sprintf("Page %d of %d", n, n)) {
			t.Errorf("large=%v: the last page is not numbered %d of %d", large, n, n)
		}
	}
}

// cleanText is s as a document prints it.
func cleanText(t testing.TB, s string) string {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs.clean(s)
}

func TestPlanDocumentIsReproducible(t *testing.T) {
	g := guide(t)
	newPlan := func() *Document {
		d, err := PlanDocument(g, samplePlan(t))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a, b := renderDoc(t, newPlan(), false), renderDoc(t, newPlan(), false)
	if !bytes.Equal(a, b) {
		t.Error("the same plan and date gave different PDFs")
	}
	later := newPlan()
	later.Generated = sampleDate.AddDays(1)
	if bytes.Equal(a, render(t, later)) {
		t.Error("a different generated date gave the same PDF")
	}
	if large := renderDoc(t, newPlan(), true); pageCount(t, large) <= pageCount(t, a) {
		t.Errorf("large print has %d pages, normal print %d: large print must reflow onto more pages", pageCount(t, large), pageCount(t, a))
	}
}

func TestPlanDocumentNeedsAGuide(t *testing.T) {
	if _, err := PlanDocument(nil, Plan{}); err == nil {
		t.Error("no error without a guide")
	}
}

func TestPlanDocumentKeepsSectionsTheGuideLacks(t *testing.T) {
	p := Plan{Sections: map[string]string{"my-garden": "I grow tomatoes.", "blank": "  "}}
	d, err := PlanDocument(guide(t), p)
	if err != nil {
		t.Fatal(err)
	}
	text := flatText(t, renderDoc(t, d, false))
	inOrder(t, text, "Other parts of my plan", "My garden", "I grow tomatoes.")
	if strings.Contains(text, "Blank") {
		t.Error("a blank section of an unknown key was shown")
	}
}

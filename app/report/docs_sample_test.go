package report

import (
	"fmt"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// The sample inputs of the three documents: Zoë's plan, assessment and
// statement, written from the guide's worked examples so that every part
// is filled the way a person would fill it.

func guide(t testing.TB) *plan.Guidance {
	t.Helper()
	g, err := plan.Guide("")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var samplePersonDetails = Person{
	Name:        samplePerson,
	DateOfBirth: store.NewDate(1988, time.March, 9),
	Address:     "14 Orchard Row, Ipswich IP4 2QS",
	NHSNumber:   "943 476 5919",
	Council:     "Suffolk County Council",
	CouncilRef:  "ASC-2026-004512",
}

// sampleSetup is an £18,200 a year direct payment paid every four weeks.
func sampleSetup() budget.Setup {
	return budget.Setup{
		Holding: budget.DirectPayment,
		Amount:  18_200_00,
		Period:  budget.Annual,
		Start:   store.NewDate(2026, time.April, 1),
		YearEnd: store.NewDate(2027, time.March, 31),
		Schedule: budget.Schedule{Kind: budget.EveryNWeeks, First: store.NewDate(2026, time.April, 1),
			Weeks: 4, Amount: 1_400_00},
		OpeningBalance: 500_00,
		Reserves: []budget.Reserve{
			{Name: "Holiday pay", Basis: budget.WeeksOfCategory, WeeksTenths: budget.StatutoryHolidayWeeksTenths, Category: budget.KeyPAWages},
			{Name: "Contingency", Basis: budget.FixedAmount, Amount: 500_00},
		},
	}
}

// sampleCategories plans £18,200 a year.
func sampleCategories() []budget.Category {
	cats := budget.DefaultCategories()
	planned := map[string]struct {
		amount int64
		period budget.Period
	}{
		budget.KeyPAWages:            {324_00, budget.Weekly},
		budget.KeyEmployerCosts:      {218_00, budget.Annual},
		budget.KeyPayrollService:     {14_50, budget.Monthly},
		budget.KeyEmployersLiability: {128_00, budget.Annual},
		budget.KeyTransport:          {36_00, budget.Monthly},
		budget.KeyDayActivities:      {25_00, budget.Monthly},
		budget.KeyTraining:           {100_00, budget.Annual},
		budget.KeyCouncilPayments:    {1_400_00, budget.FourWeekly},
	}
	for i, c := range cats {
		if p, ok := planned[c.Key]; ok {
			cats[i].Planned, cats[i].Period = p.amount, p.period
		}
	}
	return cats
}

// sampleSupport costs £18,200 a year in all.
var sampleSupport = []Support{
	{Who: "Jess and Priya (personal assistants)", What: "Help to shower and dress, meals, batch cooking, laundry and cleaning",
		When: "Weekday mornings 8:30 to 11:30; weekend mornings 9 to 11:30", Cost: 15_548_00, CostKnown: true},
	{Who: "Jess or Priya (extra hours)", What: "Cover for holidays and sickness", When: "When needed", Cost: 1_300_00, CostKnown: true},
	{Who: "Local taxi firm", What: "Taxis to appointments and the park", When: "About twice a month", Cost: 432_00, CostKnown: true},
	{Who: "Leisure centre", What: "Swimming in the warm pool", When: "Once a week", Cost: 300_00, CostKnown: true},
	{Who: "Pension provider", What: "Employer pension contributions", When: "Monthly", Cost: 218_00, CostKnown: true},
	{Who: "Payroll service", What: "Pay, tax, pension and payslips", When: "Monthly", Cost: 174_00, CostKnown: true},
	{Who: "Insurer", What: "Employer's liability insurance", When: "Once a year", Cost: 128_00, CostKnown: true},
	{Who: "Training provider", What: "Moving and handling course", When: "By 15 January", Cost: 100_00, CostKnown: true},
	{Who: "Aoife Ó Briain (my sister)", What: "Emergency back-up and help with paperwork", When: "When needed", CostKnown: true},
}

// samplePlan is a whole plan, every section written.
func samplePlan(t testing.TB) Plan {
	g := guide(t)
	setup := sampleSetup()
	p := Plan{
		Person:     samplePersonDetails,
		Status:     "Sent to the council",
		Started:    store.NewDate(2026, time.October, 12),
		Sent:       store.NewDate(2026, time.November, 2),
		NextReview: store.NewDate(2027, time.November, 2),
		HelpedBy:   []string{"Aoife Ó Briain", "Łukasz Nowak"},
		Sections:   map[string]string{},
		Profile:    map[string]string{},
		Outcomes: []PlanOutcome{
			{What: "Shower and get dressed every day without it using up all my energy", Why: "When washing and dressing take everything, the rest of the day is gone.",
				HowIllKnow: "I'm washed and dressed by 11 most days.", Needs: []string{"Washing and keeping clean", "Getting dressed"}},
			{What: "Eat a proper meal every day", Why: "On bad days I skip meals.", HowIllKnow: "I eat a proper meal every day.", Needs: []string{"Eating and drinking"}},
		},
		Support: sampleSupport,
		Budget:  Budget{Setup: &setup, Categories: sampleCategories(), PlanAmount: 18_200_00, PlanAmountKnown: true},
		Risks: []Risk{
			{What: "Jess is ill or on holiday", Managed: "Priya knows my routine.", WhoHelps: "Priya, then Aoife", BackUp: "Aoife comes over from Felixstowe."},
		},
		Actions: []Action{
			{What: "Ask the council for a carer's assessment", Who: "Aoife", By: store.NewDate(2026, time.December, 31)},
			{What: "Write the bad day plan", Who: "Zoë", By: store.NewDate(2026, time.October, 31), Done: true, DoneOn: store.NewDate(2026, time.October, 24)},
		},
		Evidence: sampleEvidence(12),
	}
	for _, s := range g.Sections {
		p.Sections[s.Key] = s.Example
	}
	for _, h := range g.Profile.Headings {
		p.Profile[h.Key] = h.Example
	}
	return p
}

// sampleEvidence is n evidence items.
func sampleEvidence(n int) []EvidenceItem {
	kinds := []string{"Decision letter", "Report", "Receipt", "Letter from a doctor"}
	from := []string{"Suffolk County Council", "Occupational therapist", "A2B Taxis, Ipswich", "Dr Łukasz Nowak, GP"}
	items := make([]EvidenceItem, n)
	for i := range items {
		items[i] = EvidenceItem{
			Title: fmt.Sprintf("Evidence item %d: letter about my needs", i+1),
			Kind:  kinds[i%len(kinds)],
			From:  from[i%len(from)],
			Date:  store.NewDate(2026, time.January, 1).AddDays(3 * i),
		}
	}
	return items
}

// sampleAssessment has answers about most of the adult outcomes and a
// fortnight's diary.
func sampleAssessment(t testing.TB) Assessment {
	g := guide(t)
	a := Assessment{Person: samplePersonDetails}
	for i, o := range g.Assessment.Outcomes {
		if i == 9 {
			break // caring for a child: not answered
		}
		a.Answers = append(a.Answers, plan.Answers{
			Outcome:           o.Key,
			CanDo:             "On a good day I can manage some of " + o.InSentence + " sitting down.",
			Hard:              "Standing, lifting and anything that needs my hands to grip.",
			GoodDay:           "Jess helps for about 40 minutes and I rest afterwards.",
			BadDay:            "I can't do any of it, and I'm exhausted for the rest of the day.",
			HowOften:          "About three days a week",
			UnableWithoutHelp: i%2 == 0,
			PainOrDistress:    i%3 == 0,
			Danger:            i == 4,
			Wellbeing:         []string{"dignity", "health"},
			WellbeingImpact:   "It leaves me in bed for the day.",
			Evidence:          "Occupational therapist's report, March 2026",
		})
	}
	var entries []plan.DiaryEntry
	from := store.NewDate(2026, time.November, 10)
	for day := range 14 {
		for _, k := range []string{"personal-hygiene", "nutrition"} {
			entries = append(entries, plan.DiaryEntry{Date: from.AddDays(day), Outcome: k, WhatHappened: "Needed help",
				HelpMinutes: 30 + day, BadDay: day%3 == 0})
		}
	}
	s, err := g.Summarise(entries, from, from.AddDays(13))
	if err != nil {
		t.Fatal(err)
	}
	a.Diary = &s
	a.Evidence = sampleEvidence(4)
	a.Evidence[1].For = []string{"Washing and keeping clean", "Getting dressed"}
	return a
}

// sampleTransactions is n transactions from 1 April 2026: council
// payments every four weeks, wages each week and smaller spending.
func sampleTransactions(n int) []budget.Transaction {
	start := store.NewDate(2026, time.April, 1)
	txs := make([]budget.Transaction, 0, n)
	for i := range n {
		d := start.AddDays(i * 360 / max(n, 1))
		t := budget.Transaction{ID: fmt.Sprint(i), Date: d, Reconciled: i%7 != 3}
		switch {
		case i%20 == 0:
			t.Amount, t.Description = 1_400_00, "SUFFOLK CC DIRECT PAYMENT"
			t.Splits = []budget.Split{{Category: budget.KeyCouncilPayments, Amount: t.Amount}}
		case i%5 == 1:
			t.Amount, t.Description = -6_20, "IPSWICH LEISURE CENTRE SWIM"
			t.Splits = []budget.Split{{Category: budget.KeyDayActivities, Amount: t.Amount}}
		case i%11 == 2:
			t.Amount, t.Description = -23_99, "AMAZON MKTPLACE PMTS" // not yet categorised
		default:
			t.Amount, t.Description = -65_00, "P SHAH PA WAGES"
			t.Splits = []budget.Split{{Category: budget.KeyPAWages, Amount: t.Amount}}
		}
		txs = append(txs, t)
	}
	return txs
}

// sampleStatement is the statement for from..to over txs.
func sampleStatement(t testing.TB, txs []budget.Transaction, from, to store.Date) Statement {
	t.Helper()
	setup, cats := sampleSetup(), sampleCategories()
	r, err := budget.MonitoringReturn(setup, cats, txs, from, to)
	if err != nil {
		t.Fatal(err)
	}
	return Statement{Person: samplePersonDetails, Return: r, Transactions: statementLines(cats, txs, from, to)}
}

// statementLines turns the transactions from..to into statement lines.
func statementLines(cats []budget.Category, txs []budget.Transaction, from, to store.Date) []StatementLine {
	names := map[string]string{}
	for _, c := range cats {
		names[c.Key] = c.Name
	}
	var out []StatementLine
	for _, t := range txs {
		if t.Date.Before(from) || t.Date.After(to) {
			continue
		}
		cat := "Not yet categorised"
		if len(t.Splits) > 0 {
			cat = names[t.Splits[0].Category]
		}
		out = append(out, StatementLine{Date: t.Date, Payee: t.Description, Category: cat, Amount: t.Amount, Checked: t.Reconciled})
	}
	return out
}

package report

import (
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
)

// Budget is the personal budget as the support plan shows it.
type Budget struct {
	// Setup is how the budget is held and paid, from the budget set-up;
	// nil if it has not been set up.
	Setup *budget.Setup
	// Categories are the budget's headings with their planned spending,
	// from the budget set-up.
	Categories []budget.Category
	// PlanAmount is the personal budget a year written in the plan
	// itself, in pence. It counts only if PlanAmountKnown.
	PlanAmount      int64
	PlanAmountKnown bool
}

// costsHeading is the heading of the costed support.
const costsHeading = "What my support costs"

// formatMoney formats pence as "£18,200.00".
func formatMoney(p int64) string { return money.Format(p) }

// hasSetup reports whether the budget set-up says how much the budget is.
func (b Budget) hasSetup() bool {
	return b.Setup != nil && b.Setup.Amount > 0 && b.Setup.Period.Valid()
}

// annual returns the personal budget a year: the budget set-up's, which
// is what the council pays, or else the amount written in the plan.
func (b Budget) annual() (int64, bool) {
	if b.hasSetup() {
		return b.Setup.Annual(), true
	}
	return b.PlanAmount, b.PlanAmountKnown
}

// hasCosts reports whether any support arrangement has a cost.
func (b Budget) hasCosts(support []Support) bool {
	for _, s := range support {
		if s.CostKnown {
			return true
		}
	}
	return false
}

// blocks lays out the personal budget, what the support costs against
// it, and the planned spending by budget heading.
func (b Budget) blocks(support []Support) []Block {
	blocks := []Block{Heading{Level: 2, Text: "My personal budget"}}
	annual, known := b.annual()
	switch {
	case b.hasSetup():
		blocks = append(blocks, Facts{Items: b.setupFacts()})
	case known:
		blocks = append(blocks,
			Facts{Items: []Fact{{"Personal budget", formatMoney(annual) + " a year"}}},
			Paragraph{Text: "How the budget will be held and paid has not been set up yet."})
	default:
		blocks = append(blocks, StillToWrite{Text: "The amount of the personal budget is not known yet. " +
			"When the council says how much it is, add it with how it will be paid."})
	}
	if b.hasSetup() && b.PlanAmountKnown && b.PlanAmount != annual {
		blocks = append(blocks, StillToWrite{Title: "Two different budget amounts",
			Text: fmt.Sprintf("The plan says the personal budget is %s a year, but the budget set-up says %s a year. "+
				"The set-up's amount is used here. Check which is right before sending the plan.",
				formatMoney(b.PlanAmount), formatMoney(annual))})
	}
	blocks = append(blocks, b.costs(support, annual, known)...)
	return append(blocks, b.categories(annual, known)...)
}

// setupFacts describes the budget set-up.
func (b Budget) setupFacts() []Fact {
	s := *b.Setup
	amount := formatMoney(s.Amount) + " " + per(s.Period)
	if s.Period != budget.Annual {
		amount += " (" + formatMoney(s.Annual()) + " a year)"
	}
	facts := []Fact{{"Personal budget", amount}}
	if !s.Start.IsZero() && !s.YearEnd.IsZero() {
		facts = append(facts, Fact{"Budget year", FormatDate(s.Start) + " to " + FormatDate(s.YearEnd)})
	}
	held := s.Holding.Name()
	if !blank(s.Provider) {
		held += ", held by " + strings.TrimSpace(s.Provider)
	}
	facts = append(facts, Fact{"How it is held", held})
	facts = appendFact(facts, "Payments from the council", scheduleText(s))
	if c := s.Contribution; c.Amount > 0 {
		facts = append(facts, Fact{"My contribution", formatMoney(c.Amount) + " " + per(c.Period)})
	}
	if lines, total := budget.ReservesRequired(s, b.Categories); len(lines) > 0 {
		parts := make([]string, 0, len(lines)+1)
		for _, r := range lines {
			parts = append(parts, r.Name+": "+formatMoney(r.Amount))
		}
		if len(lines) > 1 {
			parts = append(parts, "In all: "+formatMoney(total))
		}
		facts = append(facts, Fact{"Money kept back", strings.Join(parts, "\n")})
	}
	return facts
}

// per says how often an amount is for: "a week", "a year".
func per(p budget.Period) string {
	switch p {
	case budget.Weekly:
		return "a week"
	case budget.FourWeekly:
		return "every four weeks"
	case budget.Monthly:
		return "a month"
	case budget.Annual:
		return "a year"
	}
	return p.Name()
}

// scheduleText says when the council pays, such as
// "£1,400.00 every four weeks, from 1 April 2026".
func scheduleText(s budget.Setup) string {
	sc := s.Schedule
	if sc.Kind == budget.NoSchedule {
		if s.Holding == budget.DirectPayment {
			return "Not set up yet"
		}
		return "None: the council does not pay money into an account"
	}
	amount := formatMoney(s.PaymentAmount())
	from := ""
	if !sc.First.IsZero() {
		from = ", from " + FormatDate(sc.First)
	}
	switch sc.Kind {
	case budget.EveryNWeeks:
		switch sc.Weeks {
		case 1:
			return amount + " every week" + from
		case 2:
			return amount + " every two weeks" + from
		case 4:
			return amount + " every four weeks" + from
		}
		return fmt.Sprintf("%s every %d weeks%s", amount, sc.Weeks, from)
	case budget.MonthlyOnDay:
		day := sc.Day
		if day == 0 {
			day = sc.First.Day
		}
		if day > 0 {
			return fmt.Sprintf("%s on the %s of every month%s", amount, ordinal(day), from)
		}
		return amount + " every month" + from
	case budget.Quarterly:
		return amount + " every three months" + from
	case budget.AnnuallyInAdvance:
		return amount + " once a year, in advance" + from
	}
	return ""
}

// ordinal returns 1 as "1st", 22 as "22nd" and so on.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// costs is the costed support: each arrangement's cost, the total, and
// how it compares with the personal budget.
func (b Budget) costs(support []Support, annual int64, known bool) []Block {
	blocks := []Block{Heading{Level: 2, Text: costsHeading}}
	if len(support) == 0 {
		return append(blocks, StillToWrite{Text: "No support has been costed yet. " +
			"Add what each part of the support costs, so the council can see how the budget will be used."})
	}
	t := Table{Columns: []Column{
		{Header: "Support", Width: 3.2}, {Header: "Who", Width: 2.2}, {Header: "Cost a year", Width: 1.6, Align: AlignRight},
	}}
	var total int64
	unknown := 0
	for _, s := range support {
		cost := "Not known yet"
		if s.CostKnown {
			cost = formatMoney(s.Cost)
			total += s.Cost
		} else {
			unknown++
		}
		t.Rows = append(t.Rows, []string{orDash(s.What), orDash(s.Who), cost})
	}
	t.Footer = []string{"Total", "", formatMoney(total)}
	blocks = append(blocks, t)
	if unknown > 0 {
		blocks = append(blocks, StillToWrite{Title: "Some costs are not known yet",
			Text: fmt.Sprintf("%s no cost yet, so the total may be higher. Unpaid help from family or friends can be put at £0.",
				plural(unknown, "1 arrangement has", "%d arrangements have"))})
	}
	if !known {
		return blocks
	}
	facts := []Fact{{"Total cost of my support", formatMoney(total) + " a year"}, {"My personal budget", formatMoney(annual) + " a year"}}
	switch diff := total - annual; {
	case diff == 0:
		facts = append(facts, Fact{"Difference", "None"})
		blocks = append(blocks, Facts{Items: facts},
			Paragraph{Text: "The costs of my support add up to my personal budget exactly."})
	case diff < 0:
		facts = append(facts, Fact{"Difference", formatMoney(-diff) + " a year not planned yet"})
		blocks = append(blocks, Facts{Items: facts}, StillToWrite{Title: "The totals do not match",
			Text: fmt.Sprintf("The costs of my support come to %s a year, which is %s less than my personal budget of %s. "+
				"The rest is not planned yet.", formatMoney(total), formatMoney(-diff), formatMoney(annual))})
	default:
		facts = append(facts, Fact{"Difference", formatMoney(diff) + " a year over the budget"})
		blocks = append(blocks, Facts{Items: facts}, StillToWrite{Title: "The totals do not match",
			Text: fmt.Sprintf("The costs of my support come to %s a year, which is %s more than my personal budget of %s.",
				formatMoney(total), formatMoney(diff), formatMoney(annual))})
	}
	return blocks
}

// categories is the planned spending by budget heading, when any is
// planned.
func (b Budget) categories(annual int64, known bool) []Block {
	t := Table{Columns: []Column{
		{Header: "Budget heading", Width: 3}, {Header: "Planned", Width: 2.2, Align: AlignRight}, {Header: "A year", Width: 1.6, Align: AlignRight},
	}}
	var total int64
	for _, c := range b.Categories {
		if c.Kind != budget.MoneyOut || c.Planned == 0 {
			continue
		}
		t.Rows = append(t.Rows, []string{orDash(c.Name), formatMoney(c.Planned) + " " + per(c.Period), formatMoney(c.Annual())})
		total += c.Annual()
	}
	if len(t.Rows) == 0 {
		return nil
	}
	t.Footer = []string{"Total", "", formatMoney(total)}
	blocks := []Block{
		Heading{Level: 2, Text: "Planned spending by budget heading"},
		Paragraph{Text: "These are the headings the budget is planned and accounted under, as in the monitoring returns.", KeepWithNext: true},
		t,
	}
	if known && total != annual {
		word := "less"
		if total > annual {
			word = "more"
		}
		blocks = append(blocks, StillToWrite{Title: "The totals do not match",
			Text: fmt.Sprintf("The planned spending comes to %s a year, which is %s %s than the personal budget of %s.",
				formatMoney(total), formatMoney(abs(total-annual)), word, formatMoney(annual))})
	}
	return blocks
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// plural returns one when n is 1 and other, formatted with n, otherwise.
func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	if !strings.Contains(other, "%d") {
		return other
	}
	return fmt.Sprintf(other, n)
}

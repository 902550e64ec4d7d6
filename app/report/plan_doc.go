package report

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// Plan is a support plan as it stands, in plain values, for
// PlanDocument. Text is the person's own; anything empty is shown as
// still to write.
type Plan struct {
	Person Person
	// Status says how far the plan has got, in words, such as
	// "Sent to the council".
	Status string
	// The plan's key dates; zero dates are left out.
	Started, Sent, Agreed, NextReview store.Date
	// HelpedBy names the people who helped write the plan.
	HelpedBy []string
	// Sections holds the free text of each section, by the guide's
	// section key.
	Sections map[string]string
	// Profile holds the one-page profile, by the guide's heading key.
	Profile  map[string]string
	Outcomes []PlanOutcome
	Support  []Support
	Budget   Budget
	Risks    []Risk
	Actions  []Action
	// Evidence is the index of evidence in the appendix.
	Evidence []EvidenceItem
}

// PlanOutcome is one thing the person wants to change or achieve.
type PlanOutcome struct {
	What       string
	Why        string
	HowIllKnow string
	// Needs names, in words, the eligible needs it is about.
	Needs []string
}

// Support is one support arrangement: who gives it, what, when, and what
// it costs a year.
type Support struct {
	Who, What, When string
	// Cost is in pence a year; it counts only if CostKnown, so unpaid
	// help can be a known £0.
	Cost      int64
	CostKnown bool
}

// Risk is something that could go wrong and how it is handled.
type Risk struct {
	What     string
	Managed  string
	WhoHelps string
	BackUp   string
}

// Action is one step of the action plan.
type Action struct {
	What, Who string
	By        store.Date // zero if no date yet
	Done      bool
	DoneOn    store.Date
}

// planTitle is the support plan's title.
const planTitle = "Support plan"

// PlanDocument lays out the support plan for the council: a cover with
// the person's details, the plan's status and dates, contents, the
// one-page profile, every section in the guide's order with its
// structured parts (outcomes, support, the personal budget and what the
// support costs, risks, next steps), an agreement to sign and an index of
// evidence. A section or part with nothing written yet shows the guide's
// prompt in a "Still to write" notice, so an empty plan still makes a
// useful document. Set the returned Document's Generated and LargePrint
// before rendering it.
func PlanDocument(g *plan.Guidance, p Plan) (*Document, error) {
	if g == nil {
		return nil, errors.New("making the support plan: no planning guide was given")
	}
	name := p.Person.name()
	d := &Document{
		Title:   planTitle,
		Subject: "The support plan " + name + " has written" + p.Person.forWhom(),
		Person:  name,
	}
	d.Add(p.cover(g), Contents{})
	d.Add(p.profile(g)...)
	d.Add(PageBreak{})
	for _, s := range g.Sections {
		d.Add(Heading{Level: 1, Text: s.Title})
		if text := p.Sections[s.Key]; blank(text) {
			d.Add(StillToWrite{Text: s.Prompt})
		} else {
			d.Add(Paragraph{Text: text})
		}
		for _, part := range s.Parts {
			d.Add(p.part(g, part)...)
		}
	}
	d.Add(p.otherSections(g)...)
	d.Add(p.agreement()...)
	d.Add(PageBreak{},
		Heading{Level: 1, Text: "Appendix: evidence index"},
		Paragraph{Text: "These are the letters, reports and other papers I keep that back up this plan. " +
			"I can send a copy of any of them.", KeepWithNext: true},
		evidenceTable("Evidence", p.Evidence, "No evidence has been added yet."),
	)
	return d, nil
}

// cover is the plan's title page.
func (p Plan) cover(g *plan.Guidance) Cover {
	facts := p.Person.facts()
	status := p.Status
	if blank(status) {
		status = "Draft"
	}
	facts = append(facts, Fact{"Plan status", status})
	facts = appendFact(facts, "Started", FormatDate(p.Started))
	facts = appendFact(facts, "Sent to the council", FormatDate(p.Sent))
	facts = appendFact(facts, "Agreed by the council", FormatDate(p.Agreed))
	facts = appendFact(facts, "Next review", FormatDate(p.NextReview))
	facts = appendFact(facts, "Written with help from", joinAnd(nonBlank(p.HelpedBy)))
	if annual, ok := p.Budget.annual(); ok {
		facts = append(facts, Fact{"Personal budget", formatMoney(annual) + " a year"})
	}
	if missing := p.missing(g); len(missing) > 0 {
		facts = append(facts, Fact{"Still to write", fmt.Sprintf("%d of %d parts: %s", len(missing), len(g.Sections), joinAnd(missing))})
	}
	return Cover{Subtitle: nonBlank([]string{p.Person.name(), p.Person.forCouncil()}), Facts: facts}
}

// missing returns the titles of the sections with nothing written yet:
// no text and nothing in any of their parts.
func (p Plan) missing(g *plan.Guidance) []string {
	var out []string
	for _, s := range g.Sections {
		if !blank(p.Sections[s.Key]) {
			continue
		}
		if !slices.ContainsFunc(s.Parts, p.hasPart) {
			out = append(out, s.Title)
		}
	}
	return out
}

// hasPart reports whether anything has been written in a structured part.
func (p Plan) hasPart(part string) bool {
	switch part {
	case plan.PartProfile:
		for _, t := range p.Profile {
			if !blank(t) {
				return true
			}
		}
	case plan.PartOutcomes:
		return len(p.Outcomes) > 0
	case plan.PartSupport:
		return len(p.Support) > 0
	case plan.PartBudget:
		_, known := p.Budget.annual()
		return known || p.Budget.hasCosts(p.Support)
	case plan.PartRisks:
		return len(p.Risks) > 0
	case plan.PartActions:
		return len(p.Actions) > 0
	}
	return false
}

// profile is the one-page profile, on a page of its own.
func (p Plan) profile(g *plan.Guidance) []Block {
	title := g.Profile.Title
	if blank(title) {
		title = "My one-page profile"
	}
	blocks := []Block{Heading{Level: 1, Text: title}}
	for _, h := range g.Profile.Headings {
		blocks = append(blocks, Heading{Level: 2, Text: h.Title})
		if text := p.Profile[h.Key]; blank(text) {
			blocks = append(blocks, StillToWrite{Text: h.Prompt})
		} else {
			blocks = append(blocks, Paragraph{Text: text})
		}
	}
	return blocks
}

// part lays out one structured part of a section.
func (p Plan) part(g *plan.Guidance, part string) []Block {
	words := g.Wording.Checklist
	switch part {
	case plan.PartOutcomes:
		return p.outcomes(words.OutcomesNone)
	case plan.PartSupport:
		return p.support(words.SupportNone)
	case plan.PartBudget:
		return p.Budget.blocks(p.Support)
	case plan.PartRisks:
		return p.risks(words.RisksNone)
	case plan.PartActions:
		return p.actions(words.ActionsNone)
	}
	// The one-page profile has a page of its own at the front.
	return nil
}

func (p Plan) outcomes(none string) []Block {
	blocks := []Block{Heading{Level: 2, Text: "My outcomes"}}
	if len(p.Outcomes) == 0 {
		return append(blocks, StillToWrite{Text: none})
	}
	t := Table{Columns: []Column{
		{Header: "What I want to change or achieve", Width: 3},
		{Header: "Why it matters", Width: 2.6},
		{Header: "How I'll know it's working", Width: 2.6},
	}}
	for _, o := range p.Outcomes {
		what := o.What
		if needs := nonBlank(o.Needs); len(needs) > 0 {
			for i, n := range needs {
				needs[i] = lowerFirst(n)
			}
			what += "\n(About " + joinAnd(needs) + ")"
		}
		t.Rows = append(t.Rows, []string{orDash(what), orDash(o.Why), orDash(o.HowIllKnow)})
	}
	return append(blocks, t)
}

func (p Plan) support(none string) []Block {
	blocks := []Block{Heading{Level: 2, Text: "Who supports me"}}
	if len(p.Support) == 0 {
		return append(blocks, StillToWrite{Text: none})
	}
	t := Table{Columns: []Column{{Header: "Who", Width: 2}, {Header: "What", Width: 3}, {Header: "When", Width: 2.4}}}
	for _, s := range p.Support {
		t.Rows = append(t.Rows, []string{orDash(s.Who), orDash(s.What), orDash(s.When)})
	}
	return append(blocks, t, Paragraph{Text: "What each arrangement costs is under “" + costsHeading + "”."})
}

func (p Plan) risks(none string) []Block {
	blocks := []Block{Heading{Level: 2, Text: "Risks and back-up plans"}}
	if len(p.Risks) == 0 {
		return append(blocks, StillToWrite{Text: none})
	}
	t := Table{Columns: []Column{
		{Header: "What could go wrong", Width: 2}, {Header: "How it is managed", Width: 2.4},
		{Header: "Who helps", Width: 1.5}, {Header: "Back-up plan", Width: 2.4},
	}}
	for _, r := range p.Risks {
		t.Rows = append(t.Rows, []string{orDash(r.What), orDash(r.Managed), orDash(r.WhoHelps), orDash(r.BackUp)})
	}
	return append(blocks, t)
}

func (p Plan) actions(none string) []Block {
	blocks := []Block{Heading{Level: 2, Text: "My next steps"}}
	if len(p.Actions) == 0 {
		return append(blocks, StillToWrite{Text: none})
	}
	t := Table{Columns: []Column{
		{Header: "What needs to happen", Width: 3}, {Header: "Who", Width: 1.8},
		{Header: "By when", Width: 1.6}, {Header: "Done", Width: 1.6},
	}}
	for _, a := range p.Actions {
		by := FormatDate(a.By)
		if by == "" {
			by = "No date yet"
		}
		done := "Not yet"
		if a.Done {
			done = "Done"
			if !a.DoneOn.IsZero() {
				done = "Done on " + FormatDate(a.DoneOn)
			}
		}
		t.Rows = append(t.Rows, []string{orDash(a.What), orDash(a.Who), by, done})
	}
	return append(blocks, t)
}

// otherSections keeps text written under section keys the guide does not
// have (from another region's guide, say), so nothing written is lost.
func (p Plan) otherSections(g *plan.Guidance) []Block {
	var keys []string
	for k, text := range p.Sections {
		if _, ok := g.Section(k); !ok && !blank(text) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	blocks := []Block{Heading{Level: 1, Text: "Other parts of my plan"}}
	for _, k := range keys {
		blocks = append(blocks, Heading{Level: 2, Text: sectionName(k)}, Paragraph{Text: p.Sections[k]})
	}
	return blocks
}

// sectionName turns a section key such as "my-home" into "My home".
func sectionName(k string) string {
	s := strings.TrimSpace(strings.ReplaceAll(k, "-", " "))
	if s == "" {
		return untitled
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// agreement is the part the person, and the council, sign.
func (p Plan) agreement() []Block {
	blocks := []Block{
		PageBreak{}, // the agreement and both signatures on one page
		Heading{Level: 1, Text: "Agreement"},
		Paragraph{Text: "I agree that this plan describes my needs, the support I want and how I will use my personal budget. " +
			"I understand that the council must agree the plan, and that I can ask to change it at any time."},
	}
	if !p.Agreed.IsZero() {
		blocks = append(blocks, Paragraph{Text: "The council agreed this plan on " + FormatDate(p.Agreed) + "."})
	}
	return append(blocks,
		Signature{Label: "Signed by the person this plan is about", Name: p.Person.Name},
		Signature{Label: "Signed for the council", JobTitle: true},
	)
}

// lowerFirst returns s with its first letter in lower case, for a title
// in the middle of a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// nonBlank returns the items that are not blank, trimmed.
func nonBlank(items []string) []string {
	var out []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

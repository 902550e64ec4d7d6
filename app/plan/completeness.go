package plan

import (
	"strings"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// ThinWords is the number of words below which a section counts as thin:
// about two or three sentences. Words in the section's structured parts
// (outcomes, support arrangements, risks, actions and the one-page profile)
// count as well as its free text.
const ThinWords = 30

// Draft is a support plan as it stands, in plain values, for
// [Guidance.Check]. Entries whose text is all blank are ignored.
type Draft struct {
	// Sections holds the free text of each section, by section key.
	Sections map[string]string
	// Profile holds the one-page profile, by profile heading key.
	Profile map[string]string
	// Outcomes are what the person wants to change or achieve.
	Outcomes []PlanOutcome
	// Support are the support arrangements.
	Support []Arrangement
	// Risks are the risks and their back-up plans.
	Risks []Risk
	// Actions are the next steps.
	Actions []Action
	// Budget is the personal budget in pence, for the same period as the
	// arrangements' costs (usually a year). It counts only if BudgetKnown.
	Budget      int64
	BudgetKnown bool
}

// PlanOutcome is one thing the person wants to change or achieve.
type PlanOutcome struct {
	What string
	// HowIllKnow says how the person will know it's working.
	HowIllKnow string
}

// Arrangement is one piece of support: what, who gives it, and its cost.
type Arrangement struct {
	What string
	Who  string
	// Cost is in pence for the same period as Draft.Budget. It counts only
	// if CostKnown, so that unpaid help can be costed at £0.
	Cost      int64
	CostKnown bool
}

// Risk is something that could go wrong and what happens then.
type Risk struct {
	What   string
	BackUp string
}

// Action is one next step in the action plan.
type Action struct {
	What string
	Who  string
	By   store.Date // zero if no date has been set
}

// State says how far a section of a plan has got.
type State int

// The states of a section, from least to most complete.
const (
	Missing State = iota // nothing written yet
	Thin                 // started, but short or with gaps
	Done                 // nothing more to suggest
)

// String returns "missing", "thin" or "done".
func (s State) String() string {
	switch s {
	case Missing:
		return "missing"
	case Thin:
		return "thin"
	case Done:
		return "done"
	}
	return "unknown"
}

// Item is one line of a [Checklist]: one section of the plan.
type Item struct {
	Section string // section key
	Title   string // section title
	State   State
	// Message is a kind, plain-English note on what to do next, or that
	// the section looks ready.
	Message string
	// Also holds any further notes, in order of importance.
	Also []string
}

// Checklist says how complete a draft plan is, section by section.
type Checklist struct {
	Items []Item
	// Done and Total count the sections that are done and all sections.
	Done, Total int
	// Ready reports whether every section is done.
	Ready bool
	// Summary says, for example, "5 of 11 parts done".
	Summary string
}

// Check returns the checklist for d, one item per section in the guide's
// order. A section with no text and no entries is missing. Otherwise it is
// thin if it has fewer than [ThinWords] words or if one of its parts has a
// gap: an outcome without "how I'll know", a support arrangement without a
// cost or a who, costed support that does not add up to a known budget, a
// risk without a back-up plan, no action with a date, or an empty heading
// in the one-page profile. Anything else is done.
func (g *Guidance) Check(d Draft) Checklist {
	w := g.Wording.Checklist
	c := Checklist{Total: len(g.Sections)}
	for _, s := range g.Sections {
		words, entries := countWords(d.Sections[s.Key]), 0
		var notes []string
		for _, p := range s.Parts {
			pw, pe, pn := g.checkPart(p, d)
			words, entries, notes = words+pw, entries+pe, append(notes, pn...)
		}
		it := Item{Section: s.Key, Title: s.Title}
		switch {
		case words == 0 && entries == 0:
			it.State, it.Message = Missing, s.Missing
		default:
			if words < ThinWords {
				notes = append(notes, w.Thin)
			}
			if len(notes) == 0 {
				it.State, it.Message = Done, w.Done
			} else {
				it.State, it.Message, it.Also = Thin, notes[0], notes[1:]
			}
		}
		if it.State == Done {
			c.Done++
		}
		c.Items = append(c.Items, it)
	}
	c.Ready = c.Done == c.Total
	c.Summary = fill(w.Summary.For(c.Total), "done", itoa(c.Done), "total", itoa(c.Total))
	return c
}

// checkPart returns the words and entries that part p of d adds to its
// section, and notes on any gaps.
func (g *Guidance) checkPart(p string, d Draft) (words, entries int, notes []string) {
	w := g.Wording.Checklist
	count := func(n int, pl Plural) {
		if n > 0 {
			notes = append(notes, fill(pl.For(n), "n", itoa(n)))
		}
	}
	switch p {
	case PartProfile:
		empty := 0
		for _, h := range g.Profile.Headings {
			if n := countWords(d.Profile[h.Key]); n > 0 {
				words += n
				entries++
			} else {
				empty++
			}
		}
		switch total := len(g.Profile.Headings); {
		case empty > 0 && empty == total:
			notes = append(notes, fill(w.ProfileEmpty, "total", itoa(total)))
		case empty > 0:
			notes = append(notes, fill(w.ProfileGaps.For(empty), "n", itoa(empty), "total", itoa(total)))
		}
	case PartOutcomes:
		noMeasure := 0
		for _, o := range d.Outcomes {
			if blank(o.What, o.HowIllKnow) {
				continue
			}
			entries++
			words += countWords(o.What) + countWords(o.HowIllKnow)
			if blank(o.HowIllKnow) {
				noMeasure++
			}
		}
		if entries == 0 {
			notes = append(notes, w.OutcomesNone)
		}
		count(noMeasure, w.OutcomesNoMeasure)
	case PartSupport:
		noCost, noWho := 0, 0
		for _, a := range d.Support {
			if blank(a.What, a.Who) && !a.CostKnown {
				continue
			}
			entries++
			words += countWords(a.What) + countWords(a.Who)
			if !a.CostKnown {
				noCost++
			}
			if blank(a.Who) {
				noWho++
			}
		}
		if entries == 0 {
			notes = append(notes, w.SupportNone)
		}
		count(noCost, w.SupportNoCost)
		count(noWho, w.SupportNoWho)
	case PartBudget:
		var total int64
		for _, a := range d.Support {
			if a.CostKnown {
				entries++
				total += a.Cost
			}
		}
		switch {
		case !d.BudgetKnown:
		case entries == 0:
			notes = append(notes, fill(w.BudgetNoCosts, "budget", money.Format(d.Budget)))
		case total < d.Budget:
			notes = append(notes, fill(w.BudgetUnder, "total", money.Format(total), "budget", money.Format(d.Budget), "difference", money.Format(d.Budget-total)))
		case total > d.Budget:
			notes = append(notes, fill(w.BudgetOver, "total", money.Format(total), "budget", money.Format(d.Budget), "difference", money.Format(total-d.Budget)))
		}
	case PartRisks:
		noBackUp := 0
		for _, r := range d.Risks {
			if blank(r.What, r.BackUp) {
				continue
			}
			entries++
			words += countWords(r.What) + countWords(r.BackUp)
			if blank(r.BackUp) {
				noBackUp++
			}
		}
		if entries == 0 {
			notes = append(notes, w.RisksNone)
		}
		count(noBackUp, w.RisksNoBackUp)
	case PartActions:
		dated := 0
		for _, a := range d.Actions {
			if blank(a.What, a.Who) && a.By.IsZero() {
				continue
			}
			entries++
			words += countWords(a.What) + countWords(a.Who)
			if !a.By.IsZero() {
				dated++
			}
		}
		switch {
		case entries == 0:
			notes = append(notes, w.ActionsNone)
		case dated == 0:
			notes = append(notes, w.ActionsNoDate)
		}
	}
	return words, entries, notes
}

// blank reports whether every s is empty or white space.
func blank(ss ...string) bool {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

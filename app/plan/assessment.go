package plan

import (
	"fmt"
	"slices"
	"strings"
)

// Answers are a person's answers to the questions about one eligibility
// outcome (see [Guidance.Questions]).
type Answers struct {
	// Outcome is the outcome's key.
	Outcome string

	CanDo    string // what I can do
	Hard     string // what is hard or impossible
	GoodDay  string // how it goes on a good day
	BadDay   string // how it goes on a bad day
	HowOften string // how often bad days like that happen

	// The four ways of being "unable to achieve" an outcome. An outcome
	// covers many tasks, so more than one may be true: washing may need
	// help with hair and be painful in the shower.
	UnableWithoutHelp bool // can't do it without help
	PainOrDistress    bool // causes significant pain, distress or anxiety
	Danger            bool // puts health or safety at risk
	TakesMuchLonger   bool // takes much longer than most people

	// Wellbeing holds the keys of the wellbeing areas it affects, and
	// WellbeingImpact how.
	Wellbeing       []string
	WellbeingImpact string
	// Evidence notes what shows this and where it is kept.
	Evidence string
	// DoesNotApply reports that the outcome is not part of the person's
	// life (caring for a child, for someone with no children): it counts
	// as answered, and never as unable to achieve.
	DoesNotApply bool
}

// Answered reports whether anything about the outcome has been written or
// ticked, or it has been marked as not applying.
func (a Answers) Answered() bool {
	return !blank(a.CanDo, a.Hard, a.GoodDay, a.BadDay, a.HowOften, a.WellbeingImpact, a.Evidence) ||
		a.UnableWithoutHelp || a.PainOrDistress || a.Danger || a.TakesMuchLonger || len(a.Wellbeing) > 0 || a.DoesNotApply
}

// says reports whether a answers yes to the question of meaning m.
func (a Answers) says(m string) bool {
	switch m {
	case MeaningWithoutHelp:
		return a.UnableWithoutHelp
	case MeaningPainDistress:
		return a.PainOrDistress
	case MeaningDanger:
		return a.Danger
	case MeaningTakesLonger:
		return a.TakesMuchLonger
	}
	return false
}

// Finding is what a person's answers about one outcome suggest.
type Finding struct {
	Outcome string `json:"outcome"` // the outcome's key
	Carer   bool   `json:"carer"`   // a carer's outcome
	// Unable reports whether the answers describe being "unable to
	// achieve" the outcome in any of the ways the law means.
	Unable bool `json:"unable"`
	// Meanings holds the keys of those ways, in the guide's order; it is
	// empty, never nil, when there are none.
	Meanings []string `json:"meanings"`
	// Message says it in plain words, without promising anything.
	Message string `json:"message"`
}

// Assess says whether a describes being "unable to achieve" its outcome in
// any of the ways the law means, and which. For a carer's outcome only the
// meanings that apply to carers count. It is an error if the outcome or a
// wellbeing area is not in the guide.
func (g *Guidance) Assess(a Answers) (Finding, error) {
	o, carer, ok := g.Outcome(a.Outcome)
	if !ok {
		return Finding{}, fmt.Errorf("there is no outcome %q in the %s guide", a.Outcome, g.Country)
	}
	for _, k := range a.Wellbeing {
		if !slices.ContainsFunc(g.Assessment.Wellbeing, func(w WellbeingArea) bool { return w.Key == k }) {
			return Finding{}, fmt.Errorf("there is no wellbeing area %q in the %s guide", k, g.Country)
		}
	}
	f := Finding{Outcome: a.Outcome, Carer: carer, Meanings: []string{}}
	w := g.Wording.Assessment
	if a.DoesNotApply {
		f.Message = fill(w.DoesNotApply, "outcome", o.InSentence)
		return f, nil
	}
	var reasons []string
	for _, m := range g.Assessment.Meanings {
		if (carer && !m.Carers) || !a.says(m.Key) {
			continue
		}
		f.Meanings = append(f.Meanings, m.Key)
		reasons = append(reasons, m.Because)
	}
	f.Unable = len(f.Meanings) > 0
	switch {
	case f.Unable:
		f.Message = fill(w.Unable, "outcome", o.InSentence, "reasons", g.Wording.list(reasons))
	case strings.TrimSpace(a.Hard+a.BadDay) != "":
		f.Message = fill(w.NotYet, "outcome", o.InSentence)
	default:
		f.Message = fill(w.NotUnable, "outcome", o.InSentence)
	}
	return f, nil
}

// Indicator is what a person's answers suggest about eligibility as a
// whole. It is only an indication: the council decides.
type Indicator struct {
	// Unable holds the keys of the outcomes the answers describe as
	// "unable to achieve", in the guide's order; empty, never nil, when
	// there are none.
	Unable []string `json:"unable"`
	// Suggests reports whether the answers describe two or more such
	// outcomes, so that the person may meet the eligibility criteria.
	Suggests bool `json:"suggests"`
	// Message says it in plain words, carefully and without promising.
	Message string `json:"message"`
}

// Eligibility looks at answers about the adult's outcomes (several answers
// about one outcome count once) and says whether they describe two or more
// outcomes the person may be unable to achieve. The other conditions (that
// the needs come from an impairment or illness, and the significant impact
// on wellbeing) are for the council to judge, and the message says so. It
// is an error to pass answers about a carer's outcome, whose rules differ.
func (g *Guidance) Eligibility(answers []Answers) (Indicator, error) {
	unable := map[string]bool{}
	for _, a := range answers {
		f, err := g.Assess(a)
		if err != nil {
			return Indicator{}, err
		}
		if f.Carer {
			return Indicator{}, fmt.Errorf("%q is a carer's outcome: a carer's eligibility follows different rules", a.Outcome)
		}
		unable[a.Outcome] = unable[a.Outcome] || f.Unable
	}
	ind := Indicator{Unable: []string{}}
	for _, o := range g.Assessment.Outcomes {
		if unable[o.Key] {
			ind.Unable = append(ind.Unable, o.Key)
		}
	}
	w := g.Wording.Assessment
	switch n := len(ind.Unable); n {
	case 0:
		ind.Message = w.EligibleNone
	case 1:
		ind.Message = w.EligibleOne
	default:
		ind.Suggests = true
		ind.Message = fill(w.EligibleMaybe, "n", itoa(n))
	}
	return ind, nil
}

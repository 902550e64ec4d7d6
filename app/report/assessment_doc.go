package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/plan"
)

// Assessment is a person's preparation for a needs assessment or a
// carer's assessment, in plain values, for AssessmentDocument.
type Assessment struct {
	Person Person
	// Carer reports a carer's assessment rather than a needs assessment.
	Carer bool
	// Answers are the person's answers, at most one per outcome. An
	// outcome with no answers is shown as not answered yet.
	Answers []plan.Answers
	// CarerHealth says how caring affects the carer's own health, and
	// CarerHealthAtRisk that it is, or may be, getting worse.
	CarerHealth       string
	CarerHealthAtRisk bool
	// Diary sums up the needs diary; nil when there is none.
	Diary *plan.DiarySummary
	// Evidence is the evidence to bring to the assessment.
	Evidence []EvidenceItem
}

// outcomeList is one list of eligibility outcomes in the pack.
type outcomeList struct {
	title    string
	outcomes []plan.Outcome
	carer    bool
}

// AssessmentDocument lays out the assessment preparation pack: for each
// eligibility outcome the person's answers (what they can do, what is
// hard, a good day, a bad day and how often), the ways the law counts
// them as unable to achieve it, the effect on their wellbeing, what the
// needs diary shows and the evidence; then the diary summed up per
// outcome and the evidence to bring. A carer's pack has the carer's
// outcomes and their own health. Set the returned Document's Generated
// and LargePrint before rendering it.
func AssessmentDocument(g *plan.Guidance, a Assessment) (*Document, error) {
	if g == nil {
		return nil, errors.New("making the assessment pack: no planning guide was given")
	}
	answers := map[string]plan.Answers{}
	areas := map[string]bool{}
	for _, w := range g.Assessment.Wellbeing {
		areas[w.Key] = true
	}
	for _, ans := range a.Answers {
		if _, _, ok := g.Outcome(ans.Outcome); !ok {
			continue // not an outcome of this guide's law
		}
		// Keep only the wellbeing areas the guide knows, so that the
		// answers can be assessed.
		var known []string
		for _, k := range ans.Wellbeing {
			if areas[k] {
				known = append(known, k)
			}
		}
		ans.Wellbeing = known
		answers[ans.Outcome] = ans
	}
	adult := outcomeList{title: "My needs, outcome by outcome", outcomes: g.Assessment.Outcomes}
	carer := outcomeList{title: "Caring, outcome by outcome", outcomes: g.Assessment.Carer.Outcomes, carer: true}
	main, other := adult, carer
	title, kind := "Assessment preparation pack", "needs assessment"
	if a.Carer {
		main, other = carer, adult
		title, kind = "Carer's assessment preparation pack", "carer's assessment"
	}
	name := a.Person.name()
	d := &Document{
		Title:   title,
		Subject: "What " + name + " wants the council to know at their " + kind + a.Person.forWhom(),
		Person:  name,
	}
	answered := 0
	for _, o := range main.outcomes {
		if answers[o.Key].Answered() {
			answered++
		}
	}
	facts := append(a.Person.facts(), Fact{"Assessment", upperFirst(kind)})
	facts = append(facts, Fact{"Outcomes answered", fmt.Sprintf("%d of %d", answered, len(main.outcomes))})
	if a.Diary != nil && a.Diary.Days > 0 {
		facts = append(facts, Fact{"Needs diary", diaryPeriod(a.Diary)})
	}
	subtitle := "For my " + kind
	if !blank(g.Law) {
		subtitle += " under the " + g.Law
	}
	d.Add(
		Cover{Subtitle: nonBlank([]string{name, subtitle, a.Person.forCouncil()}), Facts: facts},
		Contents{},
	)
	d.Add(aboutPack(g, kind, main)...)
	d.Add(atAGlance(g, main, answers)...)
	if a.Carer {
		d.Add(a.carerHealth(g)...)
	}
	d.Add(outcomeBlocks(g, main, answers, a.Diary, true)...)
	d.Add(outcomeBlocks(g, other, answers, a.Diary, false)...)
	d.Add(diaryBlocks(g, a.Diary)...)
	d.Add(evidenceToBring(g, main, other, answers, a.Evidence)...)
	return d, nil
}

// doesNotApply is how the pack shows an outcome the person says is not
// part of their life.
const doesNotApply = "Doesn't apply to me"

// aboutPack explains what the pack is, and the law's four ways of being
// unable to achieve an outcome.
func aboutPack(g *plan.Guidance, kind string, main outcomeList) []Block {
	intro := fmt.Sprintf("I have written this pack to prepare for my %s. For each of the %d eligibility outcomes "+
		"it says, in my own words, what I can do, what is hard, what a good day and a bad day are like, and how often "+
		"the bad days come. My needs come and go, so please look at my bad days as well as my good ones.", kind, len(main.outcomes))
	if src := g.Assessment.Source; !blank(src) && !main.carer {
		intro += " The outcomes are the ones in the " + src + "."
	}
	if src := g.Assessment.Carer.Source; !blank(src) && main.carer {
		intro += " The outcomes are the ones in the " + src + "."
	}
	blocks := []Block{Heading{Level: 1, Text: "About this pack"}, Paragraph{Text: intro}}
	who := "the adult"
	if main.carer {
		who = "the carer"
	}
	var ways []string
	for _, m := range g.Assessment.Meanings {
		if main.carer && !m.Carers {
			continue
		}
		ways = append(ways, meaningTitle(g, m.Key)+": "+who+" “"+strings.ReplaceAll(m.Legal, "the adult", who)+"”.")
	}
	if len(ways) > 0 {
		blocks = append(blocks,
			Paragraph{Text: "The law counts a person as unable to achieve an outcome in any of these ways. " +
				"Under each outcome I say which apply to me.", KeepWithNext: true},
			Bullets{Items: ways})
	}
	return blocks
}

// meaningTitle returns the short name of a way of being unable to
// achieve an outcome: the title of the question that asks about it.
func meaningTitle(g *plan.Guidance, key string) string {
	for _, q := range g.Assessment.Questions {
		if q.Key == key {
			return q.Title
		}
	}
	return key
}

// atAGlance is a table of every outcome: whether the answers describe
// being unable to achieve it, and how often the bad days come.
func atAGlance(g *plan.Guidance, main outcomeList, answers map[string]plan.Answers) []Block {
	t := Table{Columns: []Column{
		{Header: "Outcome", Width: 2.4}, {Header: "Unable to achieve it?", Width: 3}, {Header: "How often bad days come", Width: 2.4},
	}}
	unable := 0
	for _, o := range main.outcomes {
		ans, ok := answers[o.Key]
		if !ok || !ans.Answered() {
			t.Rows = append(t.Rows, []string{o.Title, "Not answered yet", "–"})
			continue
		}
		if ans.DoesNotApply {
			t.Rows = append(t.Rows, []string{o.Title, doesNotApply, "–"})
			continue
		}
		f, err := g.Assess(ans)
		verdict := "No"
		if err == nil && f.Unable {
			unable++
			titles := make([]string, len(f.Meanings))
			for i, m := range f.Meanings {
				titles[i] = lowerFirst(meaningTitle(g, m))
			}
			verdict = "Yes: " + strings.Join(titles, "; ")
		}
		t.Rows = append(t.Rows, []string{o.Title, verdict, orDash(ans.HowOften)})
	}
	summary := fmt.Sprintf("My answers describe %s that I may be unable to achieve, in the way the law uses those words. The council decides.",
		plural(unable, "1 of the "+fmt.Sprint(len(main.outcomes))+" outcomes as one", "%d of the "+fmt.Sprint(len(main.outcomes))+" outcomes as ones"))
	if unable == 0 {
		summary = "My answers do not yet describe an outcome I may be unable to achieve, in the way the law uses those words. The council decides."
	}
	return []Block{Heading{Level: 1, Text: "At a glance"}, t, Paragraph{Text: summary}}
}

// carerHealth is the carer's-health condition, which counts on its own.
func (a Assessment) carerHealth(g *plan.Guidance) []Block {
	h := g.Assessment.Carer.Health
	legal := appendFact(nil, "In the regulations", h.Legal)
	blocks := []Block{Heading{Level: 1, Text: "My own health"}}
	if blank(a.CarerHealth) && !a.CarerHealthAtRisk {
		return append(blocks, Facts{Items: legal}, StillToWrite{Title: "Not answered yet", Text: h.Prompt})
	}
	atRisk := "No"
	if a.CarerHealthAtRisk {
		atRisk = "Yes"
	}
	return append(blocks, Facts{Items: append(legal,
		Fact{"How caring affects my health", orDash(a.CarerHealth)},
		Fact{"Getting worse, or likely to", atRisk},
	)})
}

// becauseMine completes "I am unable to achieve it because …", in the
// first person, for each way of being unable to achieve an outcome.
var becauseMine = map[string]string{
	plan.MeaningWithoutHelp:  "I can't do it without help",
	plan.MeaningPainDistress: "doing it on my own causes me significant pain, distress or anxiety",
	plan.MeaningDanger:       "doing it on my own puts my health or safety, or someone else's, at risk",
	plan.MeaningTakesLonger:  "it takes me much longer than it would take most people",
}

// outcomeBlocks lays out each outcome of a list with the answers about
// it. Outcomes with no answers are shown only when all is set, as in the
// list for the assessment the person is preparing for.
func outcomeBlocks(g *plan.Guidance, list outcomeList, answers map[string]plan.Answers, diary *plan.DiarySummary, all bool) []Block {
	var blocks []Block
	for _, o := range list.outcomes {
		ans, ok := answers[o.Key]
		if !all && (!ok || !ans.Answered()) {
			continue
		}
		blocks = append(blocks, Heading{Level: 2, Text: o.Title})
		legal := appendFact(nil, "In the regulations", o.Legal)
		if !ok || !ans.Answered() {
			blocks = append(blocks, Facts{Items: legal}, StillToWrite{Title: "Not answered yet", Text: o.Prompt})
			continue
		}
		if ans.DoesNotApply {
			facts := append(legal, Fact{"For me", doesNotApply + "."})
			blocks = append(blocks, Facts{Items: appendFact(facts, "Why", ans.CanDo)})
			continue
		}
		blocks = append(blocks, Facts{Items: append(legal, answerFacts(g, o, ans, diary)...)})
	}
	if len(blocks) == 0 {
		return nil
	}
	return append([]Block{Heading{Level: 1, Text: list.title}}, blocks...)
}

// answerFacts are the answers about one outcome, with what the diary
// shows.
func answerFacts(g *plan.Guidance, o plan.Outcome, ans plan.Answers, diary *plan.DiarySummary) []Fact {
	const notYet = "Not written yet"
	facts := appendFact(nil, "What I can do", ans.CanDo)
	facts = appendFact(facts, "What's hard or impossible", ans.Hard)
	facts = appendFact(facts, "A good day", ans.GoodDay)
	facts = append(facts, Fact{"A bad day", orText(ans.BadDay, notYet)}, Fact{"How often", orText(ans.HowOften, notYet)})
	if f, err := g.Assess(ans); err == nil {
		if len(f.Meanings) == 0 {
			facts = append(facts, Fact{"Unable to achieve it because", "None of the ways the law counts has been ticked yet"})
		} else {
			reasons := make([]string, len(f.Meanings))
			for i, m := range f.Meanings {
				because, ok := becauseMine[m]
				if !ok {
					because = lowerFirst(meaningTitle(g, m))
				}
				reasons[i] = because
			}
			facts = append(facts, Fact{"Unable to achieve it because", upperFirst(strings.Join(reasons, "; ")) + "."})
		}
	}
	var areas []string
	for _, k := range ans.Wellbeing {
		for _, w := range g.Assessment.Wellbeing {
			if w.Key == k {
				areas = append(areas, upperFirst(w.Legal))
			}
		}
	}
	if len(areas) > 0 {
		facts = append(facts, Fact{"Parts of my wellbeing it affects", strings.Join(areas, "; ") + "."})
	}
	facts = appendFact(facts, "How it affects my wellbeing", ans.WellbeingImpact)
	if diary != nil {
		for _, do := range diary.Outcomes {
			if do.Outcome == o.Key {
				facts = append(facts, Fact{"My needs diary", diaryLine(diary, do)})
			}
		}
	}
	return appendFact(facts, "Evidence", ans.Evidence)
}

// diaryLine sums up one outcome's diary entries in the first person.
func diaryLine(s *plan.DiarySummary, o plan.DiaryOutcome) string {
	var b strings.Builder
	if o.DaysNeedingHelp > 0 {
		fmt.Fprintf(&b, "I needed help on %d of the %d days", o.DaysNeedingHelp, s.Days)
	} else {
		fmt.Fprintf(&b, "I wrote about this on %d of the %d days", o.DaysWithEntries, s.Days)
	}
	fmt.Fprintf(&b, " from %s to %s.", FormatDate(s.From), FormatDate(s.To))
	if o.TypicalMinutes > 0 {
		fmt.Fprintf(&b, " The help usually took %s a day.", minutes(o.TypicalMinutes))
	}
	if o.BadDays > 0 {
		fmt.Fprintf(&b, " %s.", plural(o.BadDays, "1 of those days was a bad day", "%d of those days were bad days"))
	}
	return b.String()
}

// diaryPeriod says how long the diary covers: "14 days, 10 to 23 November 2026".
func diaryPeriod(s *plan.DiarySummary) string {
	return fmt.Sprintf("%s, %s to %s", plural(s.Days, "1 day", "%d days"), FormatDate(s.From), FormatDate(s.To))
}

// minutes says a number of minutes as "40 minutes" or "1 hour 30 minutes".
func minutes(n int) string {
	h, m := n/60, n%60
	var parts []string
	if h > 0 {
		parts = append(parts, plural(h, "1 hour", "%d hours"))
	}
	if m > 0 || h == 0 {
		parts = append(parts, plural(m, "1 minute", "%d minutes"))
	}
	return strings.Join(parts, " ")
}

// diaryBlocks sums up the needs diary, outcome by outcome.
func diaryBlocks(g *plan.Guidance, s *plan.DiarySummary) []Block {
	blocks := []Block{Heading{Level: 1, Text: "My needs diary"}}
	if s == nil || len(s.Outcomes) == 0 {
		return append(blocks, StillToWrite{Title: "No diary entries yet",
			Text: "A needs diary of a week or two, written on good days and bad days, shows what help is needed and how often."})
	}
	blocks = append(blocks, Paragraph{Text: fmt.Sprintf("I kept a needs diary for %s, from %s to %s. %s.",
		plural(s.Days, "1 day", "%d days"), FormatDate(s.From), FormatDate(s.To),
		plural(s.BadDays, "1 of those days was a bad day", "%d of those days were bad days")), KeepWithNext: true})
	t := Table{Columns: []Column{
		{Header: "Outcome", Width: 2.6}, {Header: "Days written about", Width: 1.5, Align: AlignRight},
		{Header: "Days I needed help", Width: 1.5, Align: AlignRight}, {Header: "Usual help a day", Width: 1.8, Align: AlignRight},
		{Header: "Bad days", Width: 1.2, Align: AlignRight},
	}}
	for _, o := range s.Outcomes {
		title := o.Outcome
		if out, _, ok := g.Outcome(o.Outcome); ok {
			title = out.Title
		}
		usual := "–"
		if o.TypicalMinutes > 0 {
			usual = minutes(o.TypicalMinutes)
		}
		t.Rows = append(t.Rows, []string{title, fmt.Sprint(o.DaysWithEntries), fmt.Sprint(o.DaysNeedingHelp), usual, fmt.Sprint(o.BadDays)})
	}
	return append(blocks, t)
}

// evidenceToBring lists what the answers say shows each need, and the
// evidence items kept.
func evidenceToBring(g *plan.Guidance, main, other outcomeList, answers map[string]plan.Answers, items []EvidenceItem) []Block {
	blocks := []Block{Heading{Level: 1, Text: "Evidence to bring"}}
	var notes []string
	for _, list := range []outcomeList{main, other} {
		for _, o := range list.outcomes {
			if ev := strings.TrimSpace(answers[o.Key].Evidence); ev != "" {
				notes = append(notes, o.Title+": "+ev)
			}
		}
	}
	if len(notes) == 0 && len(items) == 0 {
		return append(blocks, StillToWrite{Title: "No evidence noted yet",
			Text: "Letters and reports from doctors, therapists and others, and a needs diary, help the council understand your needs."})
	}
	if len(notes) > 0 {
		blocks = append(blocks, Paragraph{Text: "What shows each need, in my own words:", KeepWithNext: true}, Bullets{Items: notes})
	}
	if len(items) > 0 {
		blocks = append(blocks, evidenceTable("Letters, reports and other papers", items, ""))
	}
	return blocks
}

// orText returns s, or instead when s is blank.
func orText(s, instead string) string {
	if blank(s) {
		return instead
	}
	return s
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

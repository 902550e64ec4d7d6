package report

import (
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app/plan"
)

func TestAssessmentDocumentHasEveryOutcome(t *testing.T) {
	g := guide(t)
	a := sampleAssessment(t)
	d, err := AssessmentDocument(g, a)
	if err != nil {
		t.Fatal(err)
	}
	text := flatText(t, renderDoc(t, d, false))
	inOrder(t, text, "Assessment preparation pack", samplePerson, "For my needs assessment under the Care Act 2014",
		"Council reference ASC-2026-004512", "Assessment Needs assessment", "Outcomes answered 9 of 10",
		"Needs diary 14 days, 10 November 2026 to 23 November 2026", "Contents", "About this pack", "At a glance")
	// Every adult outcome, in the guide's order, in the table at a glance
	// and then with the answers.
	var titles []string
	for _, o := range g.Assessment.Outcomes {
		titles = append(titles, o.Title)
	}
	glance := text[strings.Index(text, "At a glance Outcome"):]
	inOrder(t, glance, titles...)
	inOrder(t, glance, "Eating and drinking Yes: needing help; pain, distress or anxiety About three days a week",
		"Washing and keeping clean No About three days a week", "Caring for a child Not answered yet",
		"My answers describe 6 of the 10 outcomes as ones that I may be unable to achieve")
	body := glance[strings.Index(glance, "My needs, outcome by outcome"):]
	var want []string
	for i, o := range g.Assessment.Outcomes {
		want = append(want, o.Title)
		if !strings.Contains(body, o.Legal) {
			t.Errorf("the pack lacks the regulations' words for %s: %q", o.Title, o.Legal)
		}
		if i < 9 {
			want = append(want, "A bad day I can't do any of it", "How often About three days a week")
		} else {
			want = append(want, "Not answered yet", o.Prompt)
		}
	}
	want = append(want, "My needs diary", "Evidence to bring")
	inOrder(t, body, want...)
	for _, w := range []string{
		"Unable to achieve it because I can't do it without help; doing it on my own causes me significant pain, distress or anxiety.",
		"doing it on my own puts my health or safety, or someone else's, at risk.",
		"Parts of my wellbeing it affects Personal dignity (including treatment of the individual with respect); Physical and mental health and emotional well-being.",
		"How it affects my wellbeing It leaves me in bed for the day.",
		"None of the ways the law counts has been ticked yet",
		"My needs diary I needed help on 14 of the 14 days from 10 November 2026 to 23 November 2026. The help usually took 37 minutes a day. 5 of those days were bad days.",
		"I kept a needs diary for 14 days, from 10 November 2026 to 23 November 2026. 5 of those days were bad days.",
		"Eating and drinking 14 14 37 minutes 5",
		"Washing and keeping clean: Occupational therapist's report, March 2026",
		"Needing help: the adult “is unable to achieve it without assistance”.",
		"Evidence item 2: letter about my needs", "Washing and keeping clean; Getting dressed",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the pack lacks %q", w)
		}
	}
	if strings.Contains(text, "Caring, outcome by outcome") {
		t.Error("a needs assessment pack with no carer's answers shows the carer's outcomes")
	}
}

func TestAssessmentDocumentForACarer(t *testing.T) {
	g := guide(t)
	for _, tc := range []struct {
		name string
		a    Assessment
		want []string
	}{
		{"empty", Assessment{Carer: true},
			[]string{"Carer's assessment preparation pack", "Outcomes answered 0 of 8", "My own health", "Not answered yet", g.Assessment.Carer.Health.Prompt,
				"No diary entries yet", "No evidence noted yet"}},
		{"answered", Assessment{Carer: true, CarerHealth: "I sleep four hours a night.", CarerHealthAtRisk: true,
			Answers: []plan.Answers{
				{Outcome: "carer-recreation", BadDay: "No time to myself at all.", UnableWithoutHelp: true, TakesMuchLonger: true},
				{Outcome: "nutrition", Hard: "Cooking", UnableWithoutHelp: true},
			}},
			[]string{"Outcomes answered 1 of 8", "Time for yourself Yes: needing help",
				"How caring affects my health I sleep four hours a night.", "Getting worse, or likely to Yes",
				"Caring, outcome by outcome", "A bad day No time to myself at all.",
				"My needs, outcome by outcome", "Eating and drinking"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := AssessmentDocument(g, tc.a)
			if err != nil {
				t.Fatal(err)
			}
			text := flatText(t, renderDoc(t, d, false))
			inOrder(t, text, tc.want...)
			if strings.Contains(text, "Taking much longer") {
				t.Error("a carer's pack counts taking much longer, which does not apply to carers")
			}
		})
	}
}

func TestAssessmentDocumentIgnoresUnknownKeys(t *testing.T) {
	a := Assessment{Answers: []plan.Answers{
		{Outcome: "flying", Hard: "Wings"},
		{Outcome: "nutrition", Hard: "Cooking", Danger: true, Wellbeing: []string{"no-such-area", "health"}},
	}}
	d, err := AssessmentDocument(guide(t), a)
	if err != nil {
		t.Fatal(err)
	}
	text := flatText(t, renderDoc(t, d, false))
	for _, w := range []string{"Outcomes answered 1 of 10", "Eating and drinking Yes: risk to health or safety", "Physical and mental health"} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q", w)
		}
	}
	if strings.Contains(text, "Wings") {
		t.Error("answers about an outcome the guide lacks were shown")
	}
}

// An outcome that is not part of the person's life is shown as such, at
// a glance and in the body, and counts as answered, never as unable.
func TestAssessmentDocumentDoesNotApply(t *testing.T) {
	a := Assessment{Answers: []plan.Answers{
		{Outcome: "nutrition", Hard: "Cooking", UnableWithoutHelp: true},
		{Outcome: "caring-for-child", CanDo: "I have no children.", DoesNotApply: true, Danger: true},
	}}
	d, err := AssessmentDocument(guide(t), a)
	if err != nil {
		t.Fatal(err)
	}
	text := flatText(t, renderDoc(t, d, false))
	inOrder(t, text, "Outcomes answered 2 of 10", "At a glance", "Caring for a child Doesn't apply to me",
		"My answers describe 1 of the 10 outcomes as one", "My needs, outcome by outcome", "Caring for a child",
		"For me Doesn't apply to me.", "Why I have no children.")
	if strings.Contains(text, "risk to health or safety") {
		t.Error("a tick left on an outcome that does not apply was shown")
	}
}

package plan

import (
	"slices"
	"strings"
	"testing"
)

func TestAssess(t *testing.T) {
	g := england(t)
	for _, tc := range []struct {
		name     string
		a        Answers
		unable   bool
		meanings []string
		message  string
	}{
		{
			name:    "nothing answered",
			a:       Answers{Outcome: "personal-hygiene"},
			message: "Your answers don't yet show that you're unable to achieve washing and keeping clean, in the way the law uses those words. If it's hard on bad days, say so: bad days count.",
		},
		{
			name:    "does not apply, even with a box ticked before",
			a:       Answers{Outcome: "caring-for-child", DoesNotApply: true, UnableWithoutHelp: true},
			message: "You've said caring for a child doesn't apply to you, so it is left out. If you like, say why in \"What you can do\", so the assessor knows without asking.",
		},
		{
			name:    "hard, but no question answered",
			a:       Answers{Outcome: "personal-hygiene", BadDay: "I can't lift my arms to wash my hair."},
			message: "You've written about what's hard with washing and keeping clean. Now answer the yes-or-no questions with your bad days in mind: they're what the law looks at.",
		},
		{
			name:     "needs help",
			a:        Answers{Outcome: "personal-hygiene", UnableWithoutHelp: true},
			unable:   true,
			meanings: []string{MeaningWithoutHelp},
			message:  "Your answers suggest you may be unable to achieve washing and keeping clean, in the way the law uses those words, because you can't do it without help. The council decides, so tell them this in your own words.",
		},
		{
			name:     "two meanings",
			a:        Answers{Outcome: "nutrition", TakesMuchLonger: true, PainOrDistress: true},
			unable:   true,
			meanings: []string{MeaningPainDistress, MeaningTakesLonger},
			message:  "Your answers suggest you may be unable to achieve eating and drinking, in the way the law uses those words, because doing it on your own causes you significant pain, distress or anxiety and it takes you much longer than it would take most people. The council decides, so tell them this in your own words.",
		},
		{
			name:     "all four",
			a:        Answers{Outcome: "community", UnableWithoutHelp: true, PainOrDistress: true, Danger: true, TakesMuchLonger: true, Wellbeing: []string{"relationships", "health"}},
			unable:   true,
			meanings: []string{MeaningWithoutHelp, MeaningPainDistress, MeaningDanger, MeaningTakesLonger},
			message:  "Your answers suggest you may be unable to achieve getting out and about, in the way the law uses those words, because you can't do it without help, doing it on your own causes you significant pain, distress or anxiety, doing it on your own puts your health or safety, or someone else's, at risk and it takes you much longer than it would take most people. The council decides, so tell them this in your own words.",
		},
		{
			name:    "carer: taking longer does not count",
			a:       Answers{Outcome: "carer-recreation", TakesMuchLonger: true},
			message: "Your answers don't yet show that you're unable to achieve having time for yourself, in the way the law uses those words. If it's hard on bad days, say so: bad days count.",
		},
		{
			name:     "carer: distress counts",
			a:        Answers{Outcome: "carer-recreation", PainOrDistress: true, TakesMuchLonger: true},
			unable:   true,
			meanings: []string{MeaningPainDistress},
			message:  "Your answers suggest you may be unable to achieve having time for yourself, in the way the law uses those words, because doing it on your own causes you significant pain, distress or anxiety. The council decides, so tell them this in your own words.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := g.Assess(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			if f.Unable != tc.unable || !slices.Equal(f.Meanings, tc.meanings) || f.Message != tc.message {
				t.Errorf("got %v %q\n%q\nwant %v %q\n%q", f.Unable, f.Meanings, f.Message, tc.unable, tc.meanings, tc.message)
			}
			if f.Carer != strings.HasPrefix(tc.a.Outcome, "carer-") {
				t.Errorf("Carer = %v", f.Carer)
			}
		})
	}
}

func TestAssessErrors(t *testing.T) {
	g := england(t)
	if _, err := g.Assess(Answers{Outcome: "flying"}); err == nil {
		t.Error("unknown outcome: no error")
	}
	if _, err := g.Assess(Answers{Outcome: "nutrition", Wellbeing: []string{"luck"}}); err == nil {
		t.Error("unknown wellbeing area: no error")
	}
}

func TestEligibility(t *testing.T) {
	g := england(t)
	help := func(k string) Answers { return Answers{Outcome: k, UnableWithoutHelp: true} }
	for _, tc := range []struct {
		name     string
		answers  []Answers
		unable   []string
		suggests bool
		message  string
	}{
		{
			name:    "none",
			answers: []Answers{{Outcome: "nutrition", CanDo: "Everything"}},
			message: "Your answers don't yet describe an outcome you may be unable to achieve. That may just be because you haven't filled them in yet. Bad days count, so think about your worst days too. The council decides.",
		},
		{
			name:    "one, answered twice",
			answers: []Answers{help("clothing"), {Outcome: "clothing"}, {Outcome: "nutrition"}},
			unable:  []string{"clothing"},
			message: "Your answers so far describe 1 outcome you may be unable to achieve, and the rules ask for two or more. Bad days count, so look at the other outcomes again with your worst days in mind. The council decides.",
		},
		{
			name:     "two",
			answers:  []Answers{help("community"), {Outcome: "nutrition", Danger: true}},
			unable:   []string{"nutrition", "community"},
			suggests: true,
			message:  "Your answers suggest you may meet the eligibility criteria: they describe 2 outcomes you may be unable to achieve, and the rules ask for two or more. The council decides, and it will also look at how much this affects your wellbeing, so tell them about that too.",
		},
		{
			name:     "Zoë's six",
			answers:  []Answers{help("nutrition"), help("personal-hygiene"), help("clothing"), help("home-safely"), help("habitable-home"), help("community"), {Outcome: "work-learning"}},
			unable:   []string{"nutrition", "personal-hygiene", "clothing", "home-safely", "habitable-home", "community"},
			suggests: true,
			message:  "Your answers suggest you may meet the eligibility criteria: they describe 6 outcomes you may be unable to achieve, and the rules ask for two or more. The council decides, and it will also look at how much this affects your wellbeing, so tell them about that too.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ind, err := g.Eligibility(tc.answers)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ind.Unable, tc.unable) || ind.Suggests != tc.suggests || ind.Message != tc.message {
				t.Errorf("got %q %v\n%q\nwant %q %v\n%q", ind.Unable, ind.Suggests, ind.Message, tc.unable, tc.suggests, tc.message)
			}
		})
	}
	if _, err := g.Eligibility([]Answers{help("carer-home")}); err == nil {
		t.Error("a carer's outcome: no error")
	}
}

// Nothing the assessment helpers say may promise an outcome.
func TestAssessmentWordingNeverPromises(t *testing.T) {
	w := england(t).Wording.Assessment
	for _, s := range []string{w.Unable, w.NotYet, w.NotUnable, w.DoesNotApply, w.EligibleMaybe, w.EligibleOne, w.EligibleNone} {
		for _, bad := range []string{"you are eligible", "you will get", "you're eligible", "not eligible", "you will be"} {
			if strings.Contains(strings.ToLower(s), bad) {
				t.Errorf("%q says %q", s, bad)
			}
		}
	}
	for _, s := range []string{w.Unable, w.EligibleMaybe, w.EligibleOne, w.EligibleNone} {
		if !strings.Contains(s, "The council decides") {
			t.Errorf("%q does not say the council decides", s)
		}
	}
}

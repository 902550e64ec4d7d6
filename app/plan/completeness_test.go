package plan

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/store"
)

// zoe is Zoë's plan, built from the guide's own worked examples.
func zoe(g *Guidance) Draft {
	d := Draft{
		Sections: map[string]string{},
		Profile:  map[string]string{},
		Outcomes: []PlanOutcome{
			{"Shower and get dressed every day without it using up all my energy", "I'm washed and dressed by 11 most days"},
			{"See my friends and get out of the house", "At least twice a month, without a crash lasting more than two days"},
		},
		Support: []Arrangement{
			{"Wages, 23 hours a week", "Jess and Priya", 1554800, true},
			{"Cover for holidays and sickness", "Priya, or Jess", 130000, true},
			{"Taxis", "A2B Taxis", 43200, true},
			{"Swimming in the warm pool", "Leisure centre", 30000, true},
			{"Employer pension contributions", "Payroll service", 21800, true},
			{"Payroll service", "Payroll service", 17400, true},
			{"Employer's liability insurance", "Insurer", 12800, true},
			{"Moving and handling course", "Trainer", 10000, true},
			{"Emergency back-up", "Aoife", 0, true},
		},
		Risks:       []Risk{{"Jess is ill", "Priya covers, or Aoife comes over"}},
		Actions:     []Action{{"Apply for a Disabled Facilities Grant", "Me and the OT", store.NewDate(2027, time.January, 31)}},
		Budget:      1820000,
		BudgetKnown: true,
	}
	for _, s := range g.Sections {
		d.Sections[s.Key] = s.Example
	}
	for _, h := range g.Profile.Headings {
		d.Profile[h.Key] = h.Example
	}
	return d
}

func words(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }

func TestCheckZoeIsReady(t *testing.T) {
	g := england(t)
	c := g.Check(zoe(g))
	for _, it := range c.Items {
		if it.State != Done {
			t.Errorf("%s: %s: %s %q", it.Section, it.State, it.Message, it.Also)
		}
	}
	if !c.Ready || c.Summary != "11 of 11 parts done" {
		t.Errorf("Ready = %v, Summary = %q", c.Ready, c.Summary)
	}
}

func TestCheckEmpty(t *testing.T) {
	g := england(t)
	c := g.Check(Draft{})
	if c.Ready || c.Done != 0 || c.Total != 11 || c.Summary != "0 of 11 parts done" {
		t.Errorf("empty draft: Ready %v, %d of %d, %q", c.Ready, c.Done, c.Total, c.Summary)
	}
	for _, it := range c.Items {
		if it.State != Missing {
			t.Errorf("%s: %s, want missing", it.Section, it.State)
		}
	}
	if got, want := c.Items[3].Message, "You haven't written about what you'd like to change yet. Even a few lines help the council understand what matters to you."; got != want {
		t.Errorf("change-and-achieve message\n got %q\nwant %q", got, want)
	}
}

func TestCheckSummaryCounts(t *testing.T) {
	g := england(t)
	d := zoe(g)
	for _, k := range []string{"my-needs", "eligible-needs", "how-needs-met", "how-managed", "staying-well"} {
		delete(d.Sections, k)
	}
	d.Actions = nil
	delete(d.Sections, "make-it-happen")
	c := g.Check(d)
	if c.Summary != "5 of 11 parts done" || c.Ready {
		t.Errorf("Summary = %q, Ready = %v; want 5 of 11, not ready", c.Summary, c.Ready)
	}
}

// item returns the checklist item for section key.
func item(t *testing.T, c Checklist, key string) Item {
	t.Helper()
	i := slices.IndexFunc(c.Items, func(it Item) bool { return it.Section == key })
	if i < 0 {
		t.Fatalf("no item for %s", key)
	}
	return c.Items[i]
}

func TestCheckRules(t *testing.T) {
	g := england(t)
	for _, tc := range []struct {
		name    string
		change  func(d *Draft)
		section string
		state   State
		message string
		also    []string
	}{
		{
			name:    "29 words is thin",
			change:  func(d *Draft) { d.Sections["my-needs"] = words(ThinWords - 1) },
			section: "my-needs", state: Thin,
			message: "You've made a start here. A few more lines would help the council understand your life as you see it, and the example may give you ideas.",
		},
		{
			name:    "30 words is done",
			change:  func(d *Draft) { d.Sections["my-needs"] = words(ThinWords) },
			section: "my-needs", state: Done,
			message: "This part looks ready. You can still change it whenever you like.",
		},
		{
			name:    "white space is missing",
			change:  func(d *Draft) { d.Sections["my-needs"] = " \n\t" },
			section: "my-needs", state: Missing,
			message: "You haven't written about what you need help with yet. A simple list in your own words is a good start, and bad days count.",
		},
		{
			name: "outcome without a measure",
			change: func(d *Draft) {
				d.Outcomes = append(d.Outcomes, PlanOutcome{What: "Draw again"})
			},
			section: "change-and-achieve", state: Thin,
			message: "1 of your outcomes doesn't say yet how you'll know it's working. A few words are enough, such as “I get out twice a month”.",
		},
		{
			name: "outcomes without measures",
			change: func(d *Draft) {
				for i := range d.Outcomes {
					d.Outcomes[i].HowIllKnow = ""
				}
			},
			section: "change-and-achieve", state: Thin,
			message: "2 of your outcomes don't say yet how you'll know they're working. A few words for each are enough, such as “I get out twice a month”.",
		},
		{
			name:    "text but no outcomes",
			change:  func(d *Draft) { d.Outcomes = []PlanOutcome{{" ", ""}} },
			section: "change-and-achieve", state: Thin,
			message: "Add at least one thing you'd like to change or achieve, so the council can see what your support is for.",
		},
		{
			name:    "only an outcome, no text",
			change:  func(d *Draft) { delete(d.Sections, "change-and-achieve"); d.Outcomes = d.Outcomes[:1] },
			section: "change-and-achieve", state: Thin,
			message: "You've made a start here. A few more lines would help the council understand your life as you see it, and the example may give you ideas.",
		},
		{
			name: "support without cost or who",
			change: func(d *Draft) {
				d.Support = append(d.Support, Arrangement{What: "Cleaner"}, Arrangement{What: "Gardener", Who: "Sam"})
			},
			section: "how-supported", state: Thin,
			message: "2 of your support arrangements don't have a cost yet. If any are unpaid help from family or friends, put £0 for those.",
			also:    []string{"1 of your support arrangements doesn't say who will give it. A name or a role, such as “a PA” or “my sister”, is enough."},
		},
		{
			name:    "under budget",
			change:  func(d *Draft) { d.Support[1].Cost -= 120000 },
			section: "my-money", state: Thin,
			message: "Your costed support adds up to £17,000.00 and your personal budget is £18,200.00, so £1,200.00 isn't planned yet. If you're keeping some aside for holiday pay or emergencies, add it as a line so the council can see it.",
		},
		{
			name: "over budget",
			change: func(d *Draft) {
				d.Support = append(d.Support, Arrangement{"Short break", "Short Breaks Ltd", 42050, true})
			},
			section: "my-money", state: Thin,
			message: "Your costed support adds up to £18,620.50 but your personal budget is £18,200.00, so the plan is £420.50 over. You could look at the costs again, or ask the council whether your budget is enough.",
		},
		{
			name:    "budget unknown: totals not compared",
			change:  func(d *Draft) { d.Support[1].Cost -= 120000; d.BudgetKnown = false },
			section: "my-money", state: Done,
			message: "This part looks ready. You can still change it whenever you like.",
		},
		{
			name: "budget known, nothing costed",
			change: func(d *Draft) {
				for i := range d.Support {
					d.Support[i].CostKnown = false
				}
			},
			section: "my-money", state: Thin,
			message: "Your personal budget is £18,200.00. Add what each part of your support costs, so the council can see how you'll use it.",
		},
		{
			name:    "risk without back-up",
			change:  func(d *Draft) { d.Risks = append(d.Risks, Risk{What: "Falling on the stairs"}) },
			section: "control-and-safe", state: Thin,
			message: "1 of your risks doesn't have a back-up plan yet. Write what would happen instead, even something simple such as “my sister comes over”.",
		},
		{
			name:    "no risks",
			change:  func(d *Draft) { d.Risks = nil },
			section: "control-and-safe", state: Thin,
			message: "Add at least one thing that could go wrong, such as a PA being ill, and what you'd do then.",
		},
		{
			name:    "actions without dates",
			change:  func(d *Draft) { d.Actions[0].By = store.Date{} },
			section: "make-it-happen", state: Thin,
			message: "Give at least one of your next steps a date, even a rough one. It helps everyone know what happens next.",
		},
		{
			name:    "no actions",
			change:  func(d *Draft) { d.Actions = nil },
			section: "make-it-happen", state: Thin,
			message: "Add your next steps: what needs to happen, who will do it and by when.",
		},
		{
			name:    "profile gap",
			change:  func(d *Draft) { d.Profile["support-me"] = "" },
			section: "important-to-me", state: Thin,
			message: "1 of the 3 headings in your one-page profile is still empty. A few words under it are enough.",
		},
		{
			name:    "profile empty, section written",
			change:  func(d *Draft) { d.Profile = map[string]string{} },
			section: "important-to-me", state: Thin,
			message: "All 3 headings in your one-page profile are still empty. A few words under each are enough to start.",
		},
		{
			name: "nothing but a profile",
			change: func(d *Draft) {
				delete(d.Sections, "important-to-me")
			},
			section: "important-to-me", state: Done,
			message: "This part looks ready. You can still change it whenever you like.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := zoe(g)
			tc.change(&d)
			c := g.Check(d)
			it := item(t, c, tc.section)
			if it.State != tc.state || it.Message != tc.message || !slices.Equal(it.Also, tc.also) {
				t.Errorf("got %s %q %q\nwant %s %q %q", it.State, it.Message, it.Also, tc.state, tc.message, tc.also)
			}
			if c.Ready != (tc.state == Done) {
				t.Errorf("Ready = %v with this section %s", c.Ready, it.State)
			}
		})
	}
}

func TestStateString(t *testing.T) {
	for s, want := range map[State]string{Missing: "missing", Thin: "thin", Done: "done", State(9): "unknown"} {
		if s.String() != want {
			t.Errorf("State(%d) = %q, want %q", s, s.String(), want)
		}
	}
}

// CountWords splits at white space exactly as strings.Fields does.
func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "tab\tand\nnew\r\nlines", "no\u00a0break space",
		"شلום 你好 e\u0301 👨\u200d👩\u200d👧", "\u2003em\u2003space\u3000ideographic", "a\x00b", "bad\xffutf8 here"} {
		if got, want := CountWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("CountWords(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}

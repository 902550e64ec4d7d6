package plan

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app/money"
)

func england(t *testing.T) *Guidance {
	t.Helper()
	g, err := Guide("")
	if err != nil {
		t.Fatalf("Guide(\"\"): %v", err)
	}
	return g
}

func TestGuideDefaultIsEngland(t *testing.T) {
	g := england(t)
	if g.Region != DefaultRegion || g.Country != "England" {
		t.Errorf("default guide is %q (%q), want %q (England)", g.Region, g.Country, DefaultRegion)
	}
	if !slices.Contains(Regions(), DefaultRegion) {
		t.Errorf("Regions() = %q, want it to include %q", Regions(), DefaultRegion)
	}
	// Each call gets its own copy.
	g.Sections[0].Title = "changed"
	if england(t).Sections[0].Title == "changed" {
		t.Error("changing one guide changed the next one loaded")
	}
}

func TestGuideUnknownRegion(t *testing.T) {
	_, err := Guide("en-GB-narnia")
	if !errors.Is(err, ErrUnknownRegion) {
		t.Fatalf("Guide(narnia) error = %v, want ErrUnknownRegion", err)
	}
}

func TestSectionsInGoodPracticeOrder(t *testing.T) {
	g := england(t)
	var keys, inControl []string
	for i, s := range g.Sections {
		keys = append(keys, s.Key)
		if s.InControl != 0 {
			inControl = append(inControl, s.Key)
			if want := len(inControl); s.InControl != want {
				t.Errorf("section %d (%s) is In Control question %d, want %d", i, s.Key, s.InControl, want)
			}
		}
	}
	wantIC := []string{"important-to-me", "change-and-achieve", "how-supported", "my-money", "how-managed", "control-and-safe", "make-it-happen"}
	if !slices.Equal(inControl, wantIC) {
		t.Errorf("In Control's seven questions are %q, want %q", inControl, wantIC)
	}
	want := []string{"important-to-me", "my-needs", "eligible-needs", "change-and-achieve", "how-supported", "how-needs-met", "my-money", "how-managed", "control-and-safe", "staying-well", "make-it-happen"}
	if !slices.Equal(keys, want) {
		t.Errorf("sections are %q, want %q", keys, want)
	}
	if s, _ := g.Section("change-and-achieve"); s.Title != "What I want to change or achieve" || !slices.Equal(s.Parts, []string{PartOutcomes}) {
		t.Errorf("change-and-achieve = %q with parts %q", s.Title, s.Parts)
	}
}

func TestAssessmentData(t *testing.T) {
	a := england(t).Assessment
	var keys []string
	for _, o := range a.Outcomes {
		keys = append(keys, o.Key)
	}
	want := []string{"nutrition", "personal-hygiene", "toilet-needs", "clothing", "home-safely", "habitable-home", "relationships", "work-learning", "community", "caring-for-child"}
	if !slices.Equal(keys, want) {
		t.Errorf("eligibility outcomes are %q, want these ten: %q", keys, want)
	}
	if o := a.Outcomes[0]; o.Legal != "managing and maintaining nutrition" || o.Title != "Eating and drinking" {
		t.Errorf("first outcome = %q / %q", o.Legal, o.Title)
	}
	if n := len(a.Carer.Outcomes); n != 8 {
		t.Errorf("carer's outcomes: %d, want 8", n)
	}
	if n := len(a.Wellbeing); n != 9 {
		t.Errorf("wellbeing areas: %d, want 9", n)
	}
	var meanings []string
	for _, m := range a.Meanings {
		meanings = append(meanings, m.Key)
	}
	if !slices.Equal(meanings, knownMeanings) {
		t.Errorf("meanings = %q", meanings)
	}
	for _, o := range append(slices.Clone(a.Outcomes), a.Carer.Outcomes...) {
		if o.InSentence != strings.ToLower(o.InSentence[:1])+o.InSentence[1:] {
			t.Errorf("outcome %s: in-sentence form %q should start in lower case", o.Key, o.InSentence)
		}
		if len(o.Forgotten) < 3 {
			t.Errorf("outcome %s: only %d things people forget", o.Key, len(o.Forgotten))
		}
	}
}

func TestQuestions(t *testing.T) {
	g := england(t)
	adult, err := g.Questions("nutrition")
	if err != nil || len(adult) != 11 {
		t.Fatalf("Questions(nutrition) = %d questions, %v; want 11", len(adult), err)
	}
	carer, err := g.Questions("carer-nutrition")
	if err != nil || len(carer) != 10 || slices.ContainsFunc(carer, func(q Question) bool { return q.Key == MeaningTakesLonger }) {
		t.Errorf("Questions(carer-nutrition) = %d questions, %v; want 10, without %q", len(carer), err, MeaningTakesLonger)
	}
	if _, err := g.Questions("flying"); err == nil {
		t.Error("Questions(flying): no error")
	}
	kinds := map[string]string{}
	for _, q := range adult {
		kinds[q.Key] = q.Kind()
	}
	if kinds[QuestionBadDay] != KindText || kinds[MeaningDanger] != KindYesNo || kinds[QuestionWellbeing] != KindWellbeing {
		t.Errorf("question kinds = %v", kinds)
	}
}

// sentences counts the sentences in s, roughly: full stops, question and
// exclamation marks followed by a space, a closing quote or the end.
func sentences(s string) int {
	return len(regexp.MustCompile(`[.?!][”"]?(\s|$)`).FindAllString(s, -1))
}

func TestWordingIsShortAndKind(t *testing.T) {
	g := england(t)
	for _, s := range g.Sections {
		if n := sentences(s.Prompt); n < 1 || n > 2 {
			t.Errorf("section %s: prompt has %d sentences, want 1 or 2: %q", s.Key, n, s.Prompt)
		}
		if !strings.Contains(s.Prompt, "you") {
			t.Errorf("section %s: prompt should speak to the person as “you”: %q", s.Key, s.Prompt)
		}
		if n := countWords(s.Example); n < ThinWords {
			t.Errorf("section %s: example has %d words; a worked example should be a real paragraph", s.Key, n)
		}
		if !regexp.MustCompile(`\b(I|I'm|My|my)\b`).MatchString(s.Example) {
			t.Errorf("section %s: example is not in the first person", s.Key)
		}
	}
	var terms []string
	for _, term := range g.Glossary {
		terms = append(terms, term.Term)
		if n := sentences(term.Meaning); n < 1 || n > 2 {
			t.Errorf("glossary %q: %d sentences, want 1 or 2", term.Term, n)
		}
	}
	if !slices.IsSorted(terms) {
		t.Errorf("glossary is not in alphabetical order: %q", terms)
	}
	for _, want := range []string{"Direct payment", "Individual service fund (ISF)", "Personal assistant (PA)", "Outcome", "Eligible"} {
		if !slices.Contains(terms, want) {
			t.Errorf("glossary has no entry for %q", want)
		}
	}
	var headings []string
	for _, h := range g.Profile.Headings {
		headings = append(headings, h.Title)
	}
	if want := []string{"What people like and admire about me", "What's important to me", "How best to support me"}; !slices.Equal(headings, want) {
		t.Errorf("profile headings = %q, want %q", headings, want)
	}
}

// The money example must add up: the budget, then the costs, then the
// total. The hourly rate is the one amount that is not a yearly cost.
func TestMoneyExampleAddsUp(t *testing.T) {
	g := england(t)
	s, _ := g.Section("my-money")
	var amounts []int64
	for _, m := range regexp.MustCompile(`£[0-9,]+`).FindAllString(s.Example, -1) {
		p, err := money.Parse(m)
		if err != nil {
			t.Fatal(err)
		}
		amounts = append(amounts, p)
	}
	if len(amounts) < 4 {
		t.Fatalf("money example has amounts %v", amounts)
	}
	budget, rate, costs, total := amounts[0], amounts[1], amounts[2:len(amounts)-1], amounts[len(amounts)-1]
	var sum int64
	for _, c := range costs {
		sum += c
	}
	if budget != 1820000 || total != budget || sum != budget {
		t.Errorf("money example: budget %s, costs add up to %s, says total %s", money.Format(budget), money.Format(sum), money.Format(total))
	}
	if wages := rate * 23 * 52; costs[0] != wages {
		t.Errorf("money example: wages %s, but 23 hours at %s for 52 weeks is %s", money.Format(costs[0]), money.Format(rate), money.Format(wages))
	}
	if !strings.Contains(g.ExamplePerson.About, "£18,200") {
		t.Errorf("example person's budget differs: %q", g.ExamplePerson.About)
	}
}

func TestGuideValidation(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(g *Guidance)
		want   string
	}{
		{"duplicate section", func(g *Guidance) { g.Sections[1].Key = g.Sections[0].Key }, `section "important-to-me" appears more than once`},
		{"empty title", func(g *Guidance) { g.Sections[2].Title = " " }, "guide.sections[2].title is empty"},
		{"empty list", func(g *Guidance) { g.Glossary = nil }, "guide.glossary is empty"},
		{"empty list item", func(g *Guidance) { g.Assessment.Outcomes[0].Forgotten[1] = "" }, "guide.assessment.outcomes[0].forgotten[1] is empty"},
		{"too many points", func(g *Guidance) {
			g.Sections[0].CouncilLooksFor = append(g.Sections[0].CouncilLooksFor, "a", "b")
		}, "has 5 points"},
		{"adult and carer outcome share a key", func(g *Guidance) { g.Assessment.Carer.Outcomes[3].Key = "nutrition" }, `outcome "nutrition" appears more than once`},
		{"duplicate glossary term", func(g *Guidance) { g.Glossary[1].Term = g.Glossary[0].Term }, "glossary term"},
		{"unknown placeholder", func(g *Guidance) { g.Wording.Diary.Help.Other = "{outcome} on {n} of {weeks}" }, "guide.wording.diary.help.other has an unknown placeholder {weeks}"},
		{"placeholder where none allowed", func(g *Guidance) { g.Sections[0].Prompt = "Hello {name}." }, "unknown placeholder {name}"},
		{"questions out of order", func(g *Guidance) {
			g.Sections[3], g.Sections[4] = g.Sections[4], g.Sections[3]
		}, "question 2 should come next"},
		{"a question lost", func(g *Guidance) { g.Sections[10].InControl = 0 }, "not all seven"},
		{"unknown part", func(g *Guidance) { g.Sections[1].Parts = []string{"pets"} }, `unknown part "pets"`},
		{"part twice", func(g *Guidance) { g.Sections[1].Parts = []string{PartRisks} }, `part "risks" is in both`},
		{"part nowhere", func(g *Guidance) { g.Sections[10].Parts = nil }, `no section holds the part "actions"`},
		{"unknown question", func(g *Guidance) { g.Assessment.Questions[0].Key = "mood" }, `question "mood" is not one`},
		{"meanings changed", func(g *Guidance) { g.Assessment.Meanings = g.Assessment.Meanings[:3] }, "meanings of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := england(t)
			if err := g.validate(); err != nil {
				t.Fatalf("unchanged guide: %v", err)
			}
			tc.change(g)
			err := g.validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("validate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestParseGuideStrict(t *testing.T) {
	data, err := guideFiles.ReadFile("guide/" + DefaultRegion + ".json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseGuide("en-GB-wales", data); err == nil || !strings.Contains(err.Error(), "region") {
		t.Errorf("a file under another region's name: %v", err)
	}
	typo := strings.Replace(string(data), `"councilLooksFor"`, `"councilWants"`, 1)
	if _, err := parseGuide(DefaultRegion, []byte(typo)); err == nil || !strings.Contains(err.Error(), "councilWants") {
		t.Errorf("a misspelt field: %v", err)
	}
}

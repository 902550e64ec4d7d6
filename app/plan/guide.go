package plan

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed guide/*.json
var guideFiles embed.FS

// DefaultRegion is the guide used when no region is given: England, under
// the Care Act 2014.
const DefaultRegion = "en-GB-england"

// ErrUnknownRegion is returned (wrapped) by [Guide] when there is no guide
// for the region asked for.
var ErrUnknownRegion = errors.New("there is no planning guide for that region")

// The structured parts of a plan. A [Section] lists the parts that belong to
// it; [Guidance.Check] applies each part's rules to the section it belongs
// to. Every part belongs to exactly one section.
const (
	// PartProfile is the one-page profile ([Draft.Profile]).
	PartProfile = "profile"
	// PartOutcomes is the list of outcomes ([Draft.Outcomes]).
	PartOutcomes = "outcomes"
	// PartSupport is the list of support arrangements ([Draft.Support]).
	PartSupport = "support"
	// PartBudget is the costed plan: the costs of the support arrangements
	// added up and compared with the personal budget ([Draft.Budget]).
	PartBudget = "budget"
	// PartRisks is the list of risks and back-up plans ([Draft.Risks]).
	PartRisks = "risks"
	// PartActions is the action plan ([Draft.Actions]).
	PartActions = "actions"
)

var knownParts = []string{PartProfile, PartOutcomes, PartSupport, PartBudget, PartRisks, PartActions}

// Guidance is the planning guide for one region: the plan's sections in
// order, the one-page profile, the assessment questions, the glossary and
// the sentences this package builds. Get one with [Guide].
type Guidance struct {
	// Region is the guide's name, such as "en-GB-england"; it matches the
	// name of its data file.
	Region string `json:"region"`
	// Country is the country's name for people, such as "England".
	Country string `json:"country"`
	// Law is the main law behind the guide, such as "Care Act 2014".
	Law string `json:"law"`
	// ExamplePerson introduces the person who writes the worked examples.
	ExamplePerson ExamplePerson `json:"examplePerson"`
	// Sections are the parts of a support plan in the order to write them.
	Sections []Section `json:"sections"`
	// Profile is the one-page profile.
	Profile Profile `json:"profile"`
	// Assessment is the guide to preparing for an assessment.
	Assessment Assessment `json:"assessment"`
	// Glossary explains the jargon, in alphabetical order.
	Glossary []Term `json:"glossary"`
	// Wording holds the sentences this package fills in.
	Wording Wording `json:"wording"`
}

// ExamplePerson is the person who "writes" the worked examples, so that the
// examples tell one consistent story.
type ExamplePerson struct {
	Name  string `json:"name"`
	About string `json:"about"` // a short introduction in the third person
}

// Section is one part of a support plan.
//
// The England guide puts In Control's seven questions in their own order
// and places what the Care Act (s.25) says a plan must contain where it
// naturally falls: the needs found by the assessment and which of them are
// eligible come straight after "what is important to me", because they set
// the scene for what the person wants to change; "how my needs will be met"
// follows "how I will be supported", as a check that every eligible need is
// covered; and advice on preventing or delaying needs comes after "how I
// will stay in control and safe", just before the action plan that turns it
// into steps.
type Section struct {
	// Key is stable across versions and languages; drafts store text by it.
	Key string `json:"key"`
	// Title is a plain-English heading, in the first person.
	Title string `json:"title"`
	// Basis says where the section comes from, in plain words.
	Basis string `json:"basis"`
	// InControl is the number (1 to 7) of In Control's question this
	// section answers, or 0 when it comes from the law instead.
	InControl int `json:"inControl,omitempty"`
	// Prompt invites the person to write, in one or two kind sentences.
	Prompt string `json:"prompt"`
	// CouncilLooksFor lists, in two to four short points, what the council
	// looks for in this section.
	CouncilLooksFor []string `json:"councilLooksFor"`
	// Example is a worked example written by the [ExamplePerson].
	Example string `json:"example"`
	// Parts lists the structured parts (PartProfile, PartOutcomes and so
	// on) that belong to this section, if any.
	Parts []string `json:"parts,omitempty" guide:"optional"`
	// Missing is what [Guidance.Check] says when nothing has been written.
	Missing string `json:"missing"`
}

// Profile is the one-page profile used in person-centred planning.
type Profile struct {
	Title    string           `json:"title"`
	Intro    string           `json:"intro"`
	Headings []ProfileHeading `json:"headings"`
}

// ProfileHeading is one of the one-page profile's headings.
type ProfileHeading struct {
	Key     string `json:"key"`
	Title   string `json:"title"`
	Prompt  string `json:"prompt"`
	Example string `json:"example"` // by the ExamplePerson
}

// Assessment is the guide to preparing for a needs assessment and a
// carer's assessment.
type Assessment struct {
	// Intro explains the outcomes and that bad days count.
	Intro string `json:"intro"`
	// Eligibility explains the eligibility conditions in plain words.
	Eligibility string `json:"eligibility"`
	// Source names the regulation that lists Outcomes.
	Source string `json:"source"`
	// Outcomes are the eligibility outcomes for adults who need care and
	// support (in England, the ten in regulation 2).
	Outcomes []Outcome `json:"outcomes"`
	// Questions are asked about each outcome, in this order.
	Questions []Question `json:"questions"`
	// UnableIntro introduces Meanings.
	UnableIntro string `json:"unableIntro"`
	// Meanings are the ways in which the law counts a person as "unable to
	// achieve" an outcome.
	Meanings []Meaning `json:"meanings"`
	// WellbeingSource names the law that lists Wellbeing.
	WellbeingSource string `json:"wellbeingSource"`
	// Wellbeing are the areas of wellbeing the council must consider.
	Wellbeing []WellbeingArea `json:"wellbeing"`
	// Carer is the guide to a carer's assessment.
	Carer CarerAssessment `json:"carer"`
}

// CarerAssessment is the guide to a carer's assessment.
type CarerAssessment struct {
	Intro  string `json:"intro"`
	Source string `json:"source"`
	// Health is the condition that counts on its own: the carer's health
	// is, or is at risk of, getting worse.
	Health CarerHealth `json:"health"`
	// Outcomes are the carer's eligibility outcomes (in England, the eight
	// in regulation 3). Their keys differ from the adult outcomes' keys.
	Outcomes []Outcome `json:"outcomes"`
}

// CarerHealth is the carer's-health condition of a carer's assessment.
type CarerHealth struct {
	Legal  string `json:"legal"`
	Title  string `json:"title"`
	Prompt string `json:"prompt"`
}

// Outcome is one eligibility outcome.
type Outcome struct {
	// Key is stable; answers and diary entries refer to it.
	Key string `json:"key"`
	// Legal is the wording of the regulation.
	Legal string `json:"legal"`
	// Title is a plain-English heading, such as "Eating and drinking".
	Title string `json:"title"`
	// InSentence is the title as it reads in the middle of a sentence,
	// such as "eating and drinking".
	InSentence string `json:"inSentence"`
	// Prompt says in one sentence what the outcome covers.
	Prompt string `json:"prompt"`
	// Forgotten lists things people often forget to mention.
	Forgotten []string `json:"forgotten"`
}

// The keys of the questions asked about each outcome. Each matches a field
// of [Answers]; the four yes-or-no questions share their keys with the
// meanings of "unable to achieve".
const (
	QuestionCanDo     = "can-do"
	QuestionHard      = "hard"
	QuestionGoodDay   = "good-day"
	QuestionBadDay    = "bad-day"
	QuestionHowOften  = "how-often"
	QuestionWellbeing = "wellbeing"
	QuestionEvidence  = "evidence"
	// The yes-or-no questions are MeaningWithoutHelp, MeaningPainDistress,
	// MeaningDanger and MeaningTakesLonger.
)

// The kinds of answer a [Question] takes.
const (
	KindText      = "text"      // free text
	KindYesNo     = "yes-no"    // a tick box
	KindWellbeing = "wellbeing" // a choice of wellbeing areas, plus text
)

var questionKinds = map[string]string{
	QuestionCanDo:       KindText,
	QuestionHard:        KindText,
	QuestionGoodDay:     KindText,
	QuestionBadDay:      KindText,
	QuestionHowOften:    KindText,
	MeaningWithoutHelp:  KindYesNo,
	MeaningPainDistress: KindYesNo,
	MeaningDanger:       KindYesNo,
	MeaningTakesLonger:  KindYesNo,
	QuestionWellbeing:   KindWellbeing,
	QuestionEvidence:    KindText,
}

// Question is one question asked about each outcome.
type Question struct {
	Key    string `json:"key"`
	Title  string `json:"title"`
	Prompt string `json:"prompt"`
}

// Kind says what kind of answer q takes: KindText, KindYesNo or
// KindWellbeing.
func (q Question) Kind() string { return questionKinds[q.Key] }

// The keys of the meanings of "unable to achieve" (in England, regulation
// 2(3) for adults and 3(3) for carers).
const (
	MeaningWithoutHelp  = "without-help"
	MeaningPainDistress = "pain-distress-anxiety"
	MeaningDanger       = "danger"
	MeaningTakesLonger  = "takes-longer"
)

var knownMeanings = []string{MeaningWithoutHelp, MeaningPainDistress, MeaningDanger, MeaningTakesLonger}

// Meaning is one of the ways in which the law counts a person as "unable to
// achieve" an outcome.
type Meaning struct {
	Key string `json:"key"`
	// Legal is the regulation's wording for adults; for carers it reads
	// "the carer" where it says "the adult".
	Legal string `json:"legal"`
	// Plain says the same in plain words, to the person.
	Plain string `json:"plain"`
	// Because completes "… because {Because}" in [Guidance.Assess].
	Because string `json:"because"`
	// Carers reports whether the meaning applies in a carer's assessment
	// too (in England, taking much longer does not).
	Carers bool `json:"carers"`
}

// WellbeingArea is one of the areas of wellbeing the council must consider.
type WellbeingArea struct {
	Key   string `json:"key"`
	Legal string `json:"legal"`
	Title string `json:"title"`
}

// Term is one glossary entry.
type Term struct {
	Term    string `json:"term"`
	Meaning string `json:"meaning"` // one or two plain sentences
}

// Regions returns the names of the regions that have a guide, sorted.
func Regions() []string {
	names, _ := fs.Glob(guideFiles, "guide/*.json")
	regions := make([]string, len(names))
	for i, n := range names {
		regions[i] = strings.TrimSuffix(path.Base(n), ".json")
	}
	slices.Sort(regions)
	return regions
}

// Guide returns the planning guide for region, such as "en-GB-england"; the
// empty string means [DefaultRegion]. The guide is read from the embedded
// data and checked (unique keys, nothing empty, known placeholders) every
// time, and the caller gets its own copy. An unknown region is an error
// wrapping [ErrUnknownRegion]: the app should ask, not quietly use another
// country's law.
func Guide(region string) (*Guidance, error) {
	if region == "" {
		region = DefaultRegion
	}
	if !slices.Contains(Regions(), region) {
		return nil, fmt.Errorf("%w: %q (there are guides for %s)", ErrUnknownRegion, region, strings.Join(Regions(), ", "))
	}
	data, err := guideFiles.ReadFile("guide/" + region + ".json")
	if err != nil {
		return nil, err
	}
	return parseGuide(region, data)
}

// parseGuide decodes and checks the guide for region.
func parseGuide(region string, data []byte) (*Guidance, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var g Guidance
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("guide %s: %w", region, err)
	}
	if g.Region != region {
		return nil, fmt.Errorf("guide %s: the file says its region is %q", region, g.Region)
	}
	if err := g.validate(); err != nil {
		return nil, fmt.Errorf("guide %s: %w", region, err)
	}
	return &g, nil
}

// Section returns the section with key k.
func (g *Guidance) Section(k string) (Section, bool) {
	i := slices.IndexFunc(g.Sections, func(s Section) bool { return s.Key == k })
	if i < 0 {
		return Section{}, false
	}
	return g.Sections[i], true
}

// Outcome returns the eligibility outcome with key k, looking at the
// adult's outcomes and then the carer's. carer reports which list it is in.
func (g *Guidance) Outcome(k string) (o Outcome, carer, ok bool) {
	if i := slices.IndexFunc(g.Assessment.Outcomes, func(o Outcome) bool { return o.Key == k }); i >= 0 {
		return g.Assessment.Outcomes[i], false, true
	}
	if i := slices.IndexFunc(g.Assessment.Carer.Outcomes, func(o Outcome) bool { return o.Key == k }); i >= 0 {
		return g.Assessment.Carer.Outcomes[i], true, true
	}
	return Outcome{}, false, false
}

// Questions returns the questions to ask about the outcome with key k, in
// order. For a carer's outcome it leaves out the yes-or-no questions whose
// meaning of "unable to achieve" does not apply to carers.
func (g *Guidance) Questions(k string) ([]Question, error) {
	_, carer, ok := g.Outcome(k)
	if !ok {
		return nil, fmt.Errorf("there is no outcome %q in the %s guide", k, g.Country)
	}
	var qs []Question
	for _, q := range g.Assessment.Questions {
		if carer {
			if m, ok := g.meaning(q.Key); ok && !m.Carers {
				continue
			}
		}
		qs = append(qs, q)
	}
	return qs, nil
}

func (g *Guidance) meaning(k string) (Meaning, bool) {
	i := slices.IndexFunc(g.Assessment.Meanings, func(m Meaning) bool { return m.Key == k })
	if i < 0 {
		return Meaning{}, false
	}
	return g.Assessment.Meanings[i], true
}

package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// The kinds of assessment a person can prepare for.
const (
	AssessAdult = "adult" // a needs assessment of the person's own needs
	AssessCarer = "carer" // a carer's assessment
)

// Assessment is the person's preparation for an assessment: each
// eligibility outcome with their answers and what the answers suggest.
type Assessment struct {
	Setup store.AssessmentSetup `json:"setup"`
	// Outcomes are the adult's ten outcomes, or in carer mode the
	// carer's, in the guide's order.
	Outcomes []AssessedOutcome `json:"outcomes"`
	// Indicator is what the adult's answers suggest about eligibility as
	// a whole; empty in carer mode.
	Indicator *plan.Indicator `json:"indicator,omitempty"`
	// CarerMessage says, in carer mode, what the answers suggest.
	CarerMessage string `json:"carer_message,omitempty"`
}

// AssessedOutcome is one eligibility outcome with the person's answers.
type AssessedOutcome struct {
	Key    string `json:"key"`
	Title  string `json:"title"`
	Legal  string `json:"legal"`
	Prompt string `json:"prompt"`
	Carer  bool   `json:"carer"`
	// Answered reports whether anything has been written or ticked.
	Answered bool                   `json:"answered"`
	Answers  store.AssessmentAnswer `json:"answers"`
	// Finding is what the answers suggest about this outcome.
	Finding plan.Finding `json:"finding"`
}

// AssessmentSetup returns which assessment the person is preparing for.
func (a *App) AssessmentSetup(ctx context.Context) (store.AssessmentSetup, error) {
	s, err := a.store().AssessmentSetup(ctx)
	if s.Mode == "" {
		s.Mode = AssessAdult
	}
	return s, err
}

// SaveAssessmentSetup saves the kind of assessment (AssessAdult or
// AssessCarer) and, for a carer, how caring affects their health.
func (a *App) SaveAssessmentSetup(ctx context.Context, s store.AssessmentSetup) error {
	if s.Mode == "" {
		s.Mode = AssessAdult
	}
	if s.Mode != AssessAdult && s.Mode != AssessCarer {
		return fmt.Errorf("%q is not a kind of assessment; use %s (your own needs) or %s (a carer's assessment)", s.Mode, AssessAdult, AssessCarer)
	}
	if err := checkText("what you wrote about your health", s.CarerHealth); err != nil {
		return err
	}
	return a.store().SaveAssessmentSetup(ctx, s)
}

// Assessment returns the outcomes for the current kind of assessment
// with the answers saved so far and what they suggest. The council
// decides eligibility; the messages say so.
func (a *App) Assessment(ctx context.Context) (Assessment, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return Assessment{}, err
	}
	setup, err := a.AssessmentSetup(ctx)
	if err != nil {
		return Assessment{}, err
	}
	answers, err := a.assessmentAnswers(ctx)
	if err != nil {
		return Assessment{}, err
	}
	out := Assessment{Setup: setup}
	outcomes, carer := g.Assessment.Outcomes, false
	if setup.Mode == AssessCarer {
		outcomes, carer = g.Assessment.Carer.Outcomes, true
	}
	var adult []plan.Answers
	unable := 0
	for _, o := range outcomes {
		ans := answers[o.Key]
		ans.Outcome = o.Key
		pa := planAnswers(ans)
		f, err := g.Assess(pa)
		if err != nil {
			return Assessment{}, err
		}
		ao := AssessedOutcome{Key: o.Key, Title: o.Title, Legal: o.Legal, Prompt: o.Prompt, Carer: carer,
			Answered: pa.Answered(), Answers: ans, Finding: f}
		if ao.Answers.Wellbeing == nil {
			ao.Answers.Wellbeing = []string{}
		}
		out.Outcomes = append(out.Outcomes, ao)
		if !carer {
			adult = append(adult, pa)
		} else if f.Unable {
			unable++
		}
	}
	if !carer {
		ind, err := g.Eligibility(adult)
		if err != nil {
			return Assessment{}, err
		}
		out.Indicator = &ind
	} else {
		out.CarerMessage = carerMessage(setup, unable)
	}
	return out, nil
}

// carerMessage says what a carer's answers suggest. A carer may be
// eligible with one outcome, or because their health is at risk.
func carerMessage(s store.AssessmentSetup, unable int) string {
	switch {
	case s.CarerHealthAtRisk && unable > 0:
		return fmt.Sprintf("Your answers suggest you may meet the eligibility criteria for carers: caring is affecting your health, and they describe %s you may be unable to achieve. The council decides, and it will also look at how much this affects your wellbeing.", plural(unable, "outcome"))
	case s.CarerHealthAtRisk:
		return "Your answers suggest you may meet the eligibility criteria for carers, because caring is affecting your health. The council decides, and it will also look at how much this affects your wellbeing."
	case unable > 0:
		return fmt.Sprintf("Your answers suggest you may meet the eligibility criteria for carers: they describe %s you may be unable to achieve, and for carers one is enough. The council decides, and it will also look at how much this affects your wellbeing.", plural(unable, "outcome"))
	}
	return "Your answers don't yet describe an outcome you may be unable to achieve, or a risk to your health. That may just be because you haven't filled them in yet. Think about your hardest weeks too. The council decides."
}

func (a *App) assessmentAnswers(ctx context.Context) (map[string]store.AssessmentAnswer, error) {
	list, err := a.store().AssessmentAnswers(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[string]store.AssessmentAnswer, len(list))
	for _, x := range list {
		m[x.Outcome] = x
	}
	return m, nil
}

// AssessmentAnswer returns the answers saved about the outcome key (empty
// answers if none yet).
func (a *App) AssessmentAnswer(ctx context.Context, key string) (store.AssessmentAnswer, error) {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return store.AssessmentAnswer{}, err
	}
	if _, _, ok := g.Outcome(key); !ok {
		return store.AssessmentAnswer{}, unknownOutcome(g, key)
	}
	m, err := a.assessmentAnswers(ctx)
	if err != nil {
		return store.AssessmentAnswer{}, err
	}
	ans := m[key]
	ans.Outcome = key
	return ans, nil
}

// SaveAssessmentAnswer saves the answers about one outcome (an adult's or
// a carer's), exactly as written. Wellbeing must hold wellbeing area keys
// from the guide.
func (a *App) SaveAssessmentAnswer(ctx context.Context, ans store.AssessmentAnswer) error {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return err
	}
	if _, _, ok := g.Outcome(ans.Outcome); !ok {
		return unknownOutcome(g, ans.Outcome)
	}
	for _, f := range []string{ans.CanDo, ans.Hard, ans.GoodDay, ans.BadDay, ans.HowOften, ans.WellbeingImpact, ans.Evidence} {
		if err := checkText("this answer", f); err != nil {
			return err
		}
	}
	for _, w := range ans.Wellbeing {
		if !isWellbeing(g, w) {
			return fmt.Errorf("%q is not a wellbeing area; use: %s", w, wellbeingKeys(g))
		}
	}
	return a.store().SaveAssessmentAnswer(ctx, ans)
}

// AssessmentFields are the names SetAssessmentField accepts: the guide's
// question keys, plus wellbeing-impact for how wellbeing is affected.
func AssessmentFields() []string {
	return []string{
		plan.QuestionCanDo, plan.QuestionHard, plan.QuestionGoodDay, plan.QuestionBadDay, plan.QuestionHowOften,
		plan.MeaningWithoutHelp, plan.MeaningPainDistress, plan.MeaningDanger, plan.MeaningTakesLonger,
		plan.QuestionWellbeing, "wellbeing-impact", plan.QuestionEvidence, FieldDoesNotApply,
	}
}

// FieldDoesNotApply is the yes-or-no answer that an outcome is not part
// of the person's life (caring for a child, for someone with none).
const FieldDoesNotApply = "does-not-apply"

// SetAssessmentField changes one answer about the outcome key from text,
// for the command line. Text fields take the text as written; the four
// yes-or-no questions take yes or no; wellbeing takes area keys
// separated by commas. Underscores may be used for dashes, and "impact"
// means wellbeing-impact.
func (a *App) SetAssessmentField(ctx context.Context, key, field, value string) error {
	ans, err := a.AssessmentAnswer(ctx, key)
	if err != nil {
		return err
	}
	f := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(field)), "_", "-")
	yes := func() (bool, error) {
		switch strings.ToLower(strings.TrimSpace(value)) {
		case "yes", "y", "true", "1", "on":
			return true, nil
		case "no", "n", "false", "0", "off", "":
			return false, nil
		}
		return false, fmt.Errorf("answer %s with yes or no, not %q", f, value)
	}
	switch f {
	case plan.QuestionCanDo:
		ans.CanDo = value
	case plan.QuestionHard:
		ans.Hard = value
	case plan.QuestionGoodDay:
		ans.GoodDay = value
	case plan.QuestionBadDay:
		ans.BadDay = value
	case plan.QuestionHowOften:
		ans.HowOften = value
	case plan.MeaningWithoutHelp, "unable-without-help", "needs-help":
		ans.WithoutHelp, err = yes()
	case plan.MeaningPainDistress, "pain", "pain-distress", "distress":
		ans.PainDistress, err = yes()
	case plan.MeaningDanger:
		ans.Danger, err = yes()
	case plan.MeaningTakesLonger, "takes-much-longer":
		ans.TakesLonger, err = yes()
	case plan.QuestionWellbeing:
		ans.Wellbeing = nil
		for _, w := range strings.Split(value, ",") {
			if w = strings.TrimSpace(w); w != "" {
				ans.Wellbeing = append(ans.Wellbeing, w)
			}
		}
	case "wellbeing-impact", "impact":
		ans.WellbeingImpact = value
	case plan.QuestionEvidence:
		ans.Evidence = value
	case FieldDoesNotApply, "not-applicable", "n/a", "na", "doesnt-apply", "does-not-apply-to-me":
		ans.DoesNotApply, err = yes()
	default:
		return fmt.Errorf("there is no question called %q; use one of: %s", field, strings.Join(AssessmentFields(), ", "))
	}
	if err != nil {
		return err
	}
	return a.SaveAssessmentAnswer(ctx, ans)
}

// planAnswers turns stored answers into the guide's plain values.
func planAnswers(s store.AssessmentAnswer) plan.Answers {
	return plan.Answers{
		Outcome: s.Outcome, CanDo: s.CanDo, Hard: s.Hard, GoodDay: s.GoodDay, BadDay: s.BadDay, HowOften: s.HowOften,
		UnableWithoutHelp: s.WithoutHelp, PainOrDistress: s.PainDistress, Danger: s.Danger, TakesMuchLonger: s.TakesLonger,
		Wellbeing: s.Wellbeing, WellbeingImpact: s.WellbeingImpact, Evidence: s.Evidence,
		DoesNotApply: s.DoesNotApply,
	}
}

func isWellbeing(g *plan.Guidance, k string) bool {
	for _, w := range g.Assessment.Wellbeing {
		if w.Key == k {
			return true
		}
	}
	return false
}

func wellbeingKeys(g *plan.Guidance) string {
	var keys []string
	for _, w := range g.Assessment.Wellbeing {
		keys = append(keys, w.Key)
	}
	return strings.Join(keys, ", ")
}

func unknownOutcome(g *plan.Guidance, key string) error {
	return fmt.Errorf("there is no outcome called %q; the outcomes are: %s", key, outcomeKeys(g, false))
}

package app

import (
	"context"
	"fmt"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// ReviewSoonDays is how long before the next review Home starts to
// mention it.
const ReviewSoonDays = 56

func init() { stepSources = append(stepSources, planSteps) }

// planSteps suggests the next part of the plan to write, a review that is
// coming up, and getting ready for an assessment.
func planSteps(ctx context.Context, a *App) ([]Step, error) {
	p, err := a.Plan(ctx)
	if err != nil {
		return nil, err
	}
	g, err := guideFor(p.Region)
	if err != nil {
		return nil, err
	}
	var steps []Step
	if p.Started.IsZero() {
		first := g.Sections[0]
		steps = append(steps, Step{
			Title:  "Start your support plan",
			Why:    fmt.Sprintf("Begin with “%s”. %s", first.Title, first.Prompt),
			Screen: "plan",
		})
	} else if step, ok := nextPart(p, g); ok {
		steps = append(steps, step)
	}
	if s, ok := reviewStep(p, store.Today()); ok {
		steps = append(steps, s)
	}
	if p.Status == PlanDraft || p.Status == PlanShared {
		answers, err := a.store().AssessmentAnswers(ctx)
		if err != nil {
			return nil, err
		}
		if len(answers) == 0 {
			steps = append(steps, Step{
				Title:  "Get ready for your assessment",
				Why:    "Write down what is hard for you, especially on bad days, so nothing is forgotten when the council asks.",
				Screen: "assessment",
			})
		}
	}
	return steps, nil
}

// nextPart is the first section of the plan that is missing, or else the
// first that is thin.
func nextPart(p Plan, g *plan.Guidance) (Step, bool) {
	c := g.Check(p.Draft())
	for _, want := range []plan.State{plan.Missing, plan.Thin} {
		for _, it := range c.Items {
			if it.State != want {
				continue
			}
			verb := "Write"
			if want == plan.Thin {
				verb = "Add to"
			}
			return Step{
				Title:  fmt.Sprintf("%s “%s”", verb, it.Title),
				Why:    fmt.Sprintf("Your plan: %s. %s", c.Summary, it.Message),
				Screen: "plan",
			}, true
		}
	}
	return Step{}, false
}

// reviewStep mentions the next review when it is soon or overdue.
func reviewStep(p Plan, today store.Date) (Step, bool) {
	if p.NextReview.IsZero() || p.Status == PlanUnderReview {
		return Step{}, false
	}
	days := p.NextReview.DaysSince(today)
	switch {
	case days < 0:
		return Step{
			Title:  fmt.Sprintf("Your plan review was due on %s", HumanDate(p.NextReview)),
			Why:    "The council should review your plan at least once a year. You can ask them when it will happen, and get your plan ready by updating what has changed.",
			Screen: "plan",
		}, true
	case days <= ReviewSoonDays:
		return Step{
			Title:  fmt.Sprintf("Your plan review is on %s", HumanDate(p.NextReview)),
			Why:    "Get ready: look at what has changed for you and update your plan, then save a version to take to the review.",
			Screen: "plan",
		}, true
	}
	return Step{}, false
}

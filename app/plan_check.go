package app

import (
	"context"

	"github.com/ownplan/ownplan/app/plan"
)

// CheckPlan returns the "Before you send" checklist: for each section, in
// the guide's order, whether it is missing, thin or done, with a kind
// note on what would help. It never stops the person sending their plan.
func (a *App) CheckPlan(ctx context.Context) (plan.Checklist, error) {
	p, err := a.Plan(ctx)
	if err != nil {
		return plan.Checklist{}, err
	}
	g, err := guideFor(p.Region)
	if err != nil {
		return plan.Checklist{}, err
	}
	return g.Check(p.Draft()), nil
}

// SectionState is how far one section of the plan has got.
type SectionState struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	// Filled reports whether anything is written in the section or its
	// structured parts.
	Filled bool `json:"filled"`
	// State is "missing", "thin" or "done".
	State string `json:"state"`
	// Words counts the words of the section's free text.
	Words int `json:"words"`
	// Message is the checklist's note on the section.
	Message string `json:"message"`
}

// PlanSectionStates lists the plan's sections in order with how far each
// has got, for the section list and `ownplanctl plan sections`.
func (a *App) PlanSectionStates(ctx context.Context) ([]SectionState, error) {
	_, states, err := a.PlanAndStates(ctx)
	return states, err
}

// PlanAndStates returns the plan and its sections' states from one read,
// for a screen that shows both after every autosave.
func (a *App) PlanAndStates(ctx context.Context) (Plan, []SectionState, error) {
	p, err := a.Plan(ctx)
	if err != nil {
		return Plan{}, nil, err
	}
	g, err := guideFor(p.Region)
	if err != nil {
		return Plan{}, nil, err
	}
	return p, sectionStates(p, g.Check(p.Draft())), nil
}

// SectionStatesOf lists how far each section of p has got by the guide
// g: for a saved version of the plan, which PlanSectionStates cannot see.
func SectionStatesOf(p Plan, g *plan.Guidance) []SectionState {
	return sectionStates(p, g.Check(p.Draft()))
}

func sectionStates(p Plan, c plan.Checklist) []SectionState {
	out := make([]SectionState, 0, len(c.Items))
	for _, it := range c.Items {
		out = append(out, SectionState{
			Key: it.Section, Title: it.Title,
			Filled:  it.State != plan.Missing,
			State:   it.State.String(),
			Words:   plan.CountWords(p.Text(it.Section)),
			Message: it.Message,
		})
	}
	return out
}

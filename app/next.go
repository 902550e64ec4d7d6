package app

import (
	"context"
	"fmt"
)

// Step is one thing the Home screen suggests doing next.
type Step struct {
	Title  string // what to do, in a few plain words
	Why    string // why it helps
	Screen string // the screen where it is done: "profile", "settings"...
}

// stepSources suggest next steps, one per capability, in the order Home
// shows them. Each capability's file adds its own in an init function.
var stepSources = []func(ctx context.Context, a *App) ([]Step, error){profileSteps}

// NextSteps suggests what to do next, most useful first, ending with the
// reminder to make a backup.
func (a *App) NextSteps(ctx context.Context) ([]Step, error) {
	if _, has, err := a.Profile(ctx); err != nil || !has {
		return profileSteps(ctx, a)
	}
	var steps []Step
	for _, src := range stepSources {
		s, err := src(ctx, a)
		if err != nil {
			return nil, err
		}
		steps = append(steps, s...)
	}
	steps = append(steps, Step{
		Title:  "Make a backup",
		Why:    "Keep a copy of everything on a memory stick or another computer, in case this one breaks.",
		Screen: "settings",
	})
	return steps, nil
}

func profileSteps(ctx context.Context, a *App) ([]Step, error) {
	p, has, err := a.Profile(ctx)
	if err != nil {
		return nil, err
	}
	if !has {
		return []Step{{Title: "Tell OwnPlan your name", Why: "Everything you make here starts with you.", Screen: "profile"}}, nil
	}
	var steps []Step
	var missing []string
	if p.Council == "" {
		missing = append(missing, "your council")
	}
	if p.CouncilRef == "" {
		missing = append(missing, "your council reference")
	}
	if p.CommunicationNeeds == "" {
		missing = append(missing, "how you like to be communicated with")
	}
	if len(missing) > 0 {
		steps = append(steps, Step{
			Title:  "Finish your profile",
			Why:    fmt.Sprintf("Add %s. Councils ask for these on every form, and OwnPlan fills them in for you.", joinAnd(missing)),
			Screen: "profile",
		})
	}
	people, err := a.People(ctx)
	if err != nil {
		return nil, err
	}
	if len(people) == 0 {
		steps = append(steps, Step{
			Title:  "Add the people who matter to you",
			Why:    "Family, friends, personal assistants or an advocate: your plan should say who is in your life.",
			Screen: "profile",
		})
	}
	return steps, nil
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	out := items[0]
	for _, s := range items[1 : len(items)-1] {
		out += ", " + s
	}
	return out + " and " + items[len(items)-1]
}

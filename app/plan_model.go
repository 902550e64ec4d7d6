package app

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// PlanStatus says how far the support plan has got. Its value is a
// stable key used in storage, JSON and the command line.
type PlanStatus string

// The statuses of a plan, in the order a plan usually goes through them.
const (
	PlanDraft       PlanStatus = "draft"
	PlanShared      PlanStatus = "shared"       // shared with a supporter
	PlanSent        PlanStatus = "sent"         // sent to the council
	PlanAgreed      PlanStatus = "agreed"       // agreed by the council
	PlanUnderReview PlanStatus = "under-review" // the council is reviewing it
)

// PlanStatuses returns the statuses in their usual order.
func PlanStatuses() []PlanStatus {
	return []PlanStatus{PlanDraft, PlanShared, PlanSent, PlanAgreed, PlanUnderReview}
}

// Label returns the status in plain words, such as "Sent to the council".
func (s PlanStatus) Label() string {
	switch s {
	case PlanDraft, "":
		return "Draft"
	case PlanShared:
		return "Shared with my supporter"
	case PlanSent:
		return "Sent to the council"
	case PlanAgreed:
		return "Agreed by the council"
	case PlanUnderReview:
		return "Being reviewed by the council"
	}
	return string(s)
}

// ParsePlanStatus reads a status key ("sent") or its label, ignoring
// case; "review" and "under review" mean under-review.
func ParsePlanStatus(s string) (PlanStatus, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.ReplaceAll(k, "_", "-")
	k = strings.ReplaceAll(k, " ", "-")
	switch k {
	case "review", "reviewed":
		return PlanUnderReview, nil
	case "shared-with-supporter":
		return PlanShared, nil
	case "sent-to-council", "sent-to-the-council":
		return PlanSent, nil
	}
	for _, st := range PlanStatuses() {
		if k == string(st) || strings.EqualFold(strings.TrimSpace(s), st.Label()) {
			return st, nil
		}
	}
	keys := make([]string, 0, 5)
	for _, st := range PlanStatuses() {
		keys = append(keys, string(st))
	}
	return "", fmt.Errorf("%q is not a plan status; use one of: %s", s, strings.Join(keys, ", "))
}

// Plan is the whole support plan as it stands: status, key dates, the
// free text of each section, the one-page profile and the structured
// parts. Its JSON form is what `ownplanctl plan show --json` prints and
// what a saved version holds.
type Plan struct {
	// Format is the version of this JSON shape, for saved versions.
	Format      int        `json:"format"`
	Region      string     `json:"region"`
	Status      PlanStatus `json:"status"`
	StatusLabel string     `json:"status_label"`
	// Started is zero until something has been written.
	Started    store.Date `json:"started"`
	Sent       store.Date `json:"sent"`
	Agreed     store.Date `json:"agreed"`
	NextReview store.Date `json:"next_review"`
	// PersonalBudget is the yearly personal budget in pence, if known.
	PersonalBudget int64 `json:"personal_budget_pence"`
	BudgetKnown    bool  `json:"budget_known"`
	// BudgetFrom says where PersonalBudget comes from: BudgetFromPlan
	// when it was given for the plan, BudgetFromSetup when the plan
	// leaves it unsaid and it is the yearly amount of the budget set up
	// on the Budget screen, or empty when it is not known.
	BudgetFrom string `json:"personal_budget_from"`
	// Sections are in the guide's order, each with its title; sections
	// not written yet have empty text.
	Sections []PlanSection `json:"sections"`
	// Profile is the one-page profile, in the guide's heading order.
	Profile  []PlanSection              `json:"profile"`
	Outcomes []store.PlanOutcome        `json:"outcomes"`
	Support  []store.SupportArrangement `json:"support"`
	Risks    []store.PlanRisk           `json:"risks"`
	Actions  []store.PlanAction         `json:"actions"`
}

// Where a plan's personal budget comes from (Plan.BudgetFrom).
const (
	BudgetFromPlan  = "plan"  // said for the plan (plan budget, or My plan)
	BudgetFromSetup = "setup" // the yearly amount of the budget's setup
)

// planFormat is the current Plan JSON format.
const planFormat = 1

// PlanSection is the text under one heading: a plan section or a
// heading of the one-page profile.
type PlanSection struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Text returns the free text of the section with key.
func (p Plan) Text(key string) string {
	for _, s := range p.Sections {
		if s.Key == key {
			return s.Text
		}
	}
	return ""
}

// ProfileText returns the text under the one-page profile heading key.
func (p Plan) ProfileText(key string) string {
	for _, s := range p.Profile {
		if s.Key == key {
			return s.Text
		}
	}
	return ""
}

// SupportTotal adds up the yearly cost of the support arrangements whose
// cost is known, and counts those whose cost is not.
func (p Plan) SupportTotal() (total int64, unknown int) {
	for _, s := range p.Support {
		if s.CostKnown {
			total += s.AnnualCost
		} else if strings.TrimSpace(s.Who+s.What+s.When) != "" {
			unknown++
		}
	}
	return total, unknown
}

// Draft turns the plan into the plain values the guide's checklist reads.
func (p Plan) Draft() plan.Draft {
	d := plan.Draft{
		Sections:    map[string]string{},
		Profile:     map[string]string{},
		Budget:      p.PersonalBudget,
		BudgetKnown: p.BudgetKnown,
	}
	for _, s := range p.Sections {
		d.Sections[s.Key] = s.Text
	}
	for _, s := range p.Profile {
		d.Profile[s.Key] = s.Text
	}
	for _, o := range p.Outcomes {
		d.Outcomes = append(d.Outcomes, plan.PlanOutcome{What: strings.TrimSpace(o.What + " " + o.Why), HowIllKnow: o.HowIllKnow})
	}
	for _, s := range p.Support {
		d.Support = append(d.Support, plan.Arrangement{What: strings.TrimSpace(s.What + " " + s.When), Who: s.Who, Cost: s.AnnualCost, CostKnown: s.CostKnown})
	}
	for _, r := range p.Risks {
		d.Risks = append(d.Risks, plan.Risk{What: strings.TrimSpace(r.What + " " + r.Managed + " " + r.WhoHelps), BackUp: r.BackUp})
	}
	for _, x := range p.Actions {
		d.Actions = append(d.Actions, plan.Action{What: x.What, Who: x.Who, By: x.By})
	}
	return d
}

// Plan returns the support plan as it stands. Before anything has been
// written it is an empty draft with every section listed.
func (a *App) Plan(ctx context.Context) (Plan, error) {
	st := a.store()
	r, _, err := st.PlanRecord(ctx)
	if err != nil {
		return Plan{}, err
	}
	g, err := guideFor(r.Region)
	if err != nil {
		return Plan{}, err
	}
	p := Plan{
		Format: planFormat, Region: g.Region, Status: PlanStatus(r.Status),
		Started: r.Started, Sent: r.Sent, Agreed: r.Agreed, NextReview: r.NextReview,
		PersonalBudget: r.PersonalBudget, BudgetKnown: r.BudgetKnown,
	}
	if p.Status == "" {
		p.Status = PlanDraft
	}
	switch {
	case p.BudgetKnown:
		p.BudgetFrom = BudgetFromPlan
	default:
		// One amount, not two: a budget set up on the Budget screen is
		// the plan's personal budget until the plan says otherwise.
		setup, has, err := a.BudgetSetup(ctx)
		if err != nil {
			return Plan{}, err
		}
		if has && setup.Annual() > 0 {
			p.PersonalBudget, p.BudgetKnown, p.BudgetFrom = setup.Annual(), true, BudgetFromSetup
		}
	}
	p.StatusLabel = p.Status.Label()
	texts, err := st.PlanSections(ctx)
	if err != nil {
		return Plan{}, err
	}
	p.Sections = inGuideOrder(texts, sectionTitles(g))
	profile, err := st.PlanProfile(ctx)
	if err != nil {
		return Plan{}, err
	}
	var headings [][2]string
	for _, h := range g.Profile.Headings {
		headings = append(headings, [2]string{h.Key, h.Title})
	}
	p.Profile = inGuideOrder(profile, headings)
	if p.Outcomes, err = st.PlanOutcomes(ctx); err != nil {
		return Plan{}, err
	}
	if p.Support, err = st.SupportArrangements(ctx); err != nil {
		return Plan{}, err
	}
	if p.Risks, err = st.PlanRisks(ctx); err != nil {
		return Plan{}, err
	}
	if p.Actions, err = st.PlanActions(ctx); err != nil {
		return Plan{}, err
	}
	return p, nil
}

func sectionTitles(g *plan.Guidance) [][2]string {
	out := make([][2]string, len(g.Sections))
	for i, s := range g.Sections {
		out[i] = [2]string{s.Key, s.Title}
	}
	return out
}

// inGuideOrder lists texts under the guide's keys and titles, in order,
// then any text under a key this guide does not know (written by a newer
// OwnPlan on another device), so nothing is hidden.
func inGuideOrder(texts map[string]string, keys [][2]string) []PlanSection {
	out := make([]PlanSection, 0, len(keys))
	known := map[string]bool{}
	for _, k := range keys {
		out = append(out, PlanSection{Key: k[0], Title: k[1], Text: texts[k[0]]})
		known[k[0]] = true
	}
	var extra []string
	for k := range texts {
		if !known[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		out = append(out, PlanSection{Key: k, Title: k, Text: texts[k]})
	}
	return out
}

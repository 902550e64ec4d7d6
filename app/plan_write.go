package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// planRecord returns the plan's record, making it (a draft started
// today) the first time anything is written to the plan.
func (a *App) planRecord(ctx context.Context) (store.PlanRecord, *plan.Guidance, error) {
	st := a.store()
	r, has, err := st.PlanRecord(ctx)
	if err != nil {
		return r, nil, err
	}
	g, err := guideFor(r.Region)
	if err != nil {
		return r, nil, err
	}
	if !has || r.Started.IsZero() || r.Status == "" {
		if r.Region == "" {
			r.Region = g.Region
		}
		if r.Status == "" {
			r.Status = string(PlanDraft)
		}
		if r.Started.IsZero() {
			r.Started = store.Today()
		}
		if err := st.SavePlanRecord(ctx, r); err != nil {
			return r, nil, err
		}
	}
	return r, g, nil
}

// SetPlanSection saves the free text of the plan section key, exactly as
// given. It is what autosave calls as the person types.
func (a *App) SetPlanSection(ctx context.Context, key, text string) error {
	_, g, err := a.planRecord(ctx)
	if err != nil {
		return err
	}
	sec, ok := g.Section(key)
	if !ok {
		return unknownSection(g, key)
	}
	if err := checkText(fmt.Sprintf("“%s”", sec.Title), text); err != nil {
		return err
	}
	return a.store().SetPlanSection(ctx, key, text)
}

// SetPlanProfile saves the text under one heading of the one-page
// profile (like-and-admire, important-to-me or support-me).
func (a *App) SetPlanProfile(ctx context.Context, heading, text string) error {
	_, g, err := a.planRecord(ctx)
	if err != nil {
		return err
	}
	var title string
	var keys []string
	for _, h := range g.Profile.Headings {
		keys = append(keys, h.Key)
		if h.Key == heading {
			title = h.Title
		}
	}
	if title == "" {
		return fmt.Errorf("the one-page profile has no heading called %q; the headings are: %s", heading, strings.Join(keys, ", "))
	}
	if err := checkText(fmt.Sprintf("“%s”", title), text); err != nil {
		return err
	}
	return a.store().SetPlanProfile(ctx, heading, text)
}

// SavePlanOutcome adds an outcome (when o.ID is empty) or saves it, and
// returns its ID. Needs must be eligibility outcome keys from the guide,
// and Support the IDs of support arrangements.
func (a *App) SavePlanOutcome(ctx context.Context, o store.PlanOutcome) (string, error) {
	_, g, err := a.planRecord(ctx)
	if err != nil {
		return "", err
	}
	if err := checkTexts("outcome", o.What, o.Why, o.HowIllKnow); err != nil {
		return "", err
	}
	if strings.TrimSpace(o.What+o.Why+o.HowIllKnow) == "" {
		return "", errors.New("write what you want to change or achieve first")
	}
	for _, k := range o.Needs {
		if _, _, ok := g.Outcome(k); !ok {
			return "", fmt.Errorf("%q is not one of the needs (eligibility outcomes); they are: %s", k, outcomeKeys(g, false))
		}
	}
	if len(o.Support) > 0 {
		have, err := a.store().SupportArrangements(ctx)
		if err != nil {
			return "", err
		}
		ids := map[string]bool{}
		for _, s := range have {
			ids[s.ID] = true
		}
		for _, id := range o.Support {
			if !ids[id] {
				return "", fmt.Errorf("there is no support arrangement with ID %s (see plan show)", id)
			}
		}
	}
	return a.store().SavePlanOutcome(ctx, o)
}

// MaxAnnualCost is the largest yearly cost one support arrangement may
// have: £10 million, far above any real one, to catch typing mistakes.
const MaxAnnualCost = 10_000_000_00

// SaveSupportArrangement adds a support arrangement (when s.ID is empty)
// or saves it, and returns its ID. AnnualCost is pence a year; Category
// must be empty or the key of a budget category for money going out.
func (a *App) SaveSupportArrangement(ctx context.Context, s store.SupportArrangement) (string, error) {
	if _, _, err := a.planRecord(ctx); err != nil {
		return "", err
	}
	if err := checkTexts("support arrangement", s.Who, s.What, s.When); err != nil {
		return "", err
	}
	if strings.TrimSpace(s.Who+s.What+s.When) == "" {
		return "", errors.New("write who helps or what they do first")
	}
	if s.AnnualCost < 0 {
		return "", errors.New("a cost cannot be less than £0; for unpaid help put £0")
	}
	if s.AnnualCost > MaxAnnualCost {
		return "", fmt.Errorf("%s a year is more than OwnPlan expects for one arrangement; check the amount", money.Format(s.AnnualCost))
	}
	if s.AnnualCost != 0 {
		s.CostKnown = true
	}
	if s.Category != "" {
		cats, err := a.PlanSupportCategories(ctx)
		if err != nil {
			return "", err
		}
		if _, ok := findCategory(cats, s.Category); !ok {
			keys := make([]string, len(cats))
			for i, c := range cats {
				keys[i] = c.Key
			}
			return "", fmt.Errorf("%q is not a budget category; use one of: %s", s.Category, strings.Join(keys, ", "))
		}
	}
	return a.store().SaveSupportArrangement(ctx, s)
}

// PlanSupportCategories returns the budget categories a support
// arrangement can be planned under: the budget's own categories for
// money going out, including any the person added, once the budget is
// set up, or else the usual ones (SupportCategories).
func (a *App) PlanSupportCategories(ctx context.Context) ([]budget.Category, error) {
	cats, err := a.budgetCategories(ctx)
	if err != nil {
		return nil, err
	}
	var out []budget.Category
	for _, c := range cats {
		if c.Kind == budget.MoneyOut {
			out = append(out, c)
		}
	}
	return out, nil
}

// findCategory returns the category with key k in cats.
func findCategory(cats []budget.Category, k string) (budget.Category, bool) {
	for _, c := range cats {
		if c.Key == k {
			return c, true
		}
	}
	return budget.Category{}, false
}

// SupportCategories returns the usual spending headings of a direct
// payment, which a support arrangement can be planned under before the
// budget is set up (see PlanSupportCategories).
func SupportCategories() []budget.Category {
	var out []budget.Category
	for _, c := range budget.DefaultCategories() {
		if c.Kind == budget.MoneyOut {
			out = append(out, c)
		}
	}
	return out
}

// SupportCategory returns the usual spending category with key k.
func SupportCategory(k string) (budget.Category, bool) {
	return findCategory(SupportCategories(), k)
}

// SavePlanRisk adds a risk (when r.ID is empty) or saves it, and returns
// its ID.
func (a *App) SavePlanRisk(ctx context.Context, r store.PlanRisk) (string, error) {
	if _, _, err := a.planRecord(ctx); err != nil {
		return "", err
	}
	if err := checkTexts("risk", r.What, r.Managed, r.WhoHelps, r.BackUp); err != nil {
		return "", err
	}
	if strings.TrimSpace(r.What+r.Managed+r.WhoHelps+r.BackUp) == "" {
		return "", errors.New("write what could go wrong first")
	}
	return a.store().SavePlanRisk(ctx, r)
}

// SavePlanAction adds a step to the action plan (when x.ID is empty) or
// saves it, and returns its ID. A step marked done without a date is
// dated today.
func (a *App) SavePlanAction(ctx context.Context, x store.PlanAction) (string, error) {
	if _, _, err := a.planRecord(ctx); err != nil {
		return "", err
	}
	if err := checkTexts("next step", x.What, x.Who); err != nil {
		return "", err
	}
	if strings.TrimSpace(x.What+x.Who) == "" {
		return "", errors.New("write what needs to happen first")
	}
	if !x.By.IsZero() && (x.By.Year < 1900 || x.By.Year > 2200) {
		return "", fmt.Errorf("%s cannot be right for a next step; check the year", HumanDate(x.By))
	}
	switch {
	case x.Done && x.DoneOn.IsZero():
		x.DoneOn = store.Today()
	case !x.Done:
		x.DoneOn = store.Date{}
	}
	return a.store().SavePlanAction(ctx, x)
}

// SetActionDone marks the step id done (today) or not done.
func (a *App) SetActionDone(ctx context.Context, id string, done bool) error {
	actions, err := a.store().PlanActions(ctx)
	if err != nil {
		return err
	}
	for _, x := range actions {
		if x.ID == id {
			if x.Done == done {
				return nil
			}
			x.Done, x.DoneOn = done, store.Date{}
			_, err := a.SavePlanAction(ctx, x)
			return err
		}
	}
	return notFoundf("there is no step with ID %s in your action plan; see the IDs with: ownplanctl plan show", id)
}

// PlanItemKinds are the kinds of record RemovePlanItem removes:
// outcome, support, risk, action, diary (a needs diary entry), comment
// and version.
func PlanItemKinds() []string { return store.PlanRecordKinds() }

// RemovePlanItem removes one record of kind (see PlanItemKinds).
// Nothing is lost: RestorePlanItem brings it back.
func (a *App) RemovePlanItem(ctx context.Context, kind, id string) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	if err := a.store().RemovePlanRecord(ctx, kind, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return notFoundf("there is no %s with ID %s, or it was already removed", kind, id)
		}
		return err
	}
	return nil
}

// RestorePlanItem brings back a record removed by RemovePlanItem (undo).
func (a *App) RestorePlanItem(ctx context.Context, kind, id string) error {
	if err := checkKind(kind); err != nil {
		return err
	}
	if err := a.store().RestorePlanRecord(ctx, kind, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return notFoundf("there is no %s with ID %s to bring back", kind, id)
		}
		return err
	}
	return nil
}

func checkKind(kind string) error {
	for _, k := range PlanItemKinds() {
		if k == kind {
			return nil
		}
	}
	return fmt.Errorf("%q is not a kind of plan item; use one of: %s", kind, strings.Join(PlanItemKinds(), ", "))
}

// SetPersonalBudget records the personal budget the plan is costed
// against, in pence a year; known false means it is not known yet.
func (a *App) SetPersonalBudget(ctx context.Context, pence int64, known bool) error {
	r, _, err := a.planRecord(ctx)
	if err != nil {
		return err
	}
	if pence < 0 {
		return errors.New("a personal budget cannot be less than £0")
	}
	if pence > 100*MaxAnnualCost {
		return fmt.Errorf("%s a year is more than OwnPlan expects; check the amount", money.Format(pence))
	}
	if !known {
		pence = 0
	}
	r.PersonalBudget, r.BudgetKnown = pence, known
	return a.store().SavePlanRecord(ctx, r)
}

// checkTexts checks each field of a record with checkText.
func checkTexts(what string, fields ...string) error {
	for _, f := range fields {
		if err := checkText("this "+what, f); err != nil {
			return err
		}
	}
	return nil
}

// outcomeKeys lists the eligibility outcome keys, and the carer's too
// when carer is true, for error messages.
func outcomeKeys(g *plan.Guidance, carerOnly bool) string {
	var keys []string
	if !carerOnly {
		for _, o := range g.Assessment.Outcomes {
			keys = append(keys, o.Key)
		}
	}
	for _, o := range g.Assessment.Carer.Outcomes {
		keys = append(keys, o.Key)
	}
	return strings.Join(keys, ", ")
}

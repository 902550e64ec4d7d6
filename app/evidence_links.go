package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// LinkTarget is something evidence can be for: a plan section, an
// assessment outcome or a budget transaction.
type LinkTarget struct {
	Link  store.EvidenceLink `json:"link"`
	Label string             `json:"label"` // such as "Plan: How I will use my money"
}

// evidenceGuide is the planning guide whose sections and outcomes
// evidence links to.
func evidenceGuide() (*plan.Guidance, error) { return plan.Guide(plan.DefaultRegion) }

// checkLink makes sure a link's target is something OwnPlan knows.
func (a *App) checkLink(ctx context.Context, l store.EvidenceLink) error {
	if _, err := store.ParseEvidenceLink(l.String()); err != nil {
		return err
	}
	g, err := evidenceGuide()
	if err != nil {
		return err
	}
	switch l.TargetKind {
	case store.LinkPlanSection:
		if _, ok := g.Section(l.TargetID); !ok {
			keys := make([]string, len(g.Sections))
			for i, s := range g.Sections {
				keys[i] = s.Key
			}
			return fmt.Errorf("there is no plan section %q; the sections are: %s", l.TargetID, strings.Join(keys, ", "))
		}
	case store.LinkOutcome:
		// Outcomes are the eligibility outcomes by key, or an outcome
		// recorded in the plan by its ID.
		if _, _, ok := g.Outcome(l.TargetID); !ok && len(l.TargetID) != 26 {
			var keys []string
			for _, o := range g.Assessment.Outcomes {
				keys = append(keys, o.Key)
			}
			return fmt.Errorf("there is no outcome %q; the outcomes are: %s", l.TargetID, strings.Join(keys, ", "))
		}
	}
	return nil
}

// LinkLabel says in words what a link points to.
func (a *App) LinkLabel(ctx context.Context, l store.EvidenceLink) string {
	g, err := evidenceGuide()
	switch l.TargetKind {
	case store.LinkPlanSection:
		if err == nil {
			if s, ok := g.Section(l.TargetID); ok {
				return "Plan: " + s.Title
			}
		}
		return "Plan: " + l.TargetID
	case store.LinkOutcome:
		if err == nil {
			if o, _, ok := g.Outcome(l.TargetID); ok {
				return "Outcome: " + o.Title
			}
		}
		return "Outcome: " + l.TargetID
	case store.LinkTransaction:
		if t, ok, _ := a.store().EvidenceTransactionByID(ctx, l.TargetID); ok {
			return fmt.Sprintf("Payment: %s, %s, %s", t.Payee, FormatEvidenceDate(t.Date), money.Format(evidenceAbs(t.Amount)))
		}
		return "Payment " + l.TargetID
	}
	return l.String()
}

func evidenceAbs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// LinkTargets lists the plan sections and assessment outcomes evidence
// can be linked to, for a picker. Transactions are linked from the
// budget, or by ID.
func (a *App) LinkTargets(ctx context.Context) ([]LinkTarget, error) {
	g, err := evidenceGuide()
	if err != nil {
		return nil, err
	}
	var out []LinkTarget
	for _, s := range g.Sections {
		l := store.EvidenceLink{TargetKind: store.LinkPlanSection, TargetID: s.Key}
		out = append(out, LinkTarget{l, "Plan: " + s.Title})
	}
	for _, o := range g.Assessment.Outcomes {
		l := store.EvidenceLink{TargetKind: store.LinkOutcome, TargetID: o.Key}
		out = append(out, LinkTarget{l, "Outcome: " + o.Title})
	}
	return out, nil
}

// LinkEvidence records that an item is evidence for l's target, after
// checking the target exists.
func (a *App) LinkEvidence(ctx context.Context, itemID string, l store.EvidenceLink) error {
	if err := a.checkLink(ctx, l); err != nil {
		return err
	}
	return a.store().LinkEvidence(ctx, itemID, l)
}

// UnlinkEvidence removes a link.
func (a *App) UnlinkEvidence(ctx context.Context, itemID string, l store.EvidenceLink) error {
	return a.store().UnlinkEvidence(ctx, itemID, l)
}

// EvidenceFor returns the evidence (not in the bin) for a plan section
// ("plan-section", key), an outcome ("outcome", key) or a budget
// transaction ("transaction", ID), for the "Evidence for this" panels.
func (a *App) EvidenceFor(ctx context.Context, kind, id string) ([]store.EvidenceItem, error) {
	return a.store().EvidenceFor(ctx, store.EvidenceLink{TargetKind: kind, TargetID: id})
}

// EvidenceTransactionsByPayee returns the IDs of budget transactions whose payee
// contains text, oldest first, so a receipt can be linked to them. It
// returns none when there is no budget yet.
func (a *App) EvidenceTransactionsByPayee(ctx context.Context, text string) ([]string, error) {
	return a.store().EvidenceTransactionsByPayee(ctx, text)
}

// EvidenceTransaction returns a budget transaction to show beside the
// evidence linked to it, and false when there is none with that ID.
func (a *App) EvidenceTransaction(ctx context.Context, id string) (store.EvidenceTransaction, bool, error) {
	return a.store().EvidenceTransactionByID(ctx, id)
}

// ParseLink reads what someone typed to say what evidence is for: the
// full form ("plan-section:my-money", "outcome:home-safely",
// "transaction:01J…"), a short one ("plan:my-money", "payment:01J…"), or
// just a plan section's or outcome's key ("my-money") or a payment's ID.
// It checks that the target exists and says what to type when it does
// not.
func (a *App) ParseLink(ctx context.Context, s string) (store.EvidenceLink, error) {
	s = strings.TrimSpace(s)
	kind, id, hasKind := strings.Cut(s, ":")
	if hasKind {
		kind, id = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(id)
		switch kind {
		case "plan", "section", "plan section", "plansection", "plan_section":
			kind = store.LinkPlanSection
		case "outcomes", "need", "eligibility":
			kind = store.LinkOutcome
		case "tx", "payment", "receipt", "transactions":
			kind = store.LinkTransaction
		}
		l, err := store.ParseEvidenceLink(kind + ":" + id)
		if err != nil {
			return l, err
		}
		// Keys are lower case ("My-Money" means my-money); IDs are not.
		if g, err := evidenceGuide(); err == nil {
			key := strings.ToLower(l.TargetID)
			if _, ok := g.Section(key); ok && l.TargetKind == store.LinkPlanSection {
				l.TargetID = key
			}
			if _, _, ok := g.Outcome(key); ok && l.TargetKind == store.LinkOutcome {
				l.TargetID = key
			}
		}
		if l.TargetKind == store.LinkTransaction {
			if _, ok, err := a.store().EvidenceTransactionByID(ctx, l.TargetID); err != nil || !ok {
				return l, fmt.Errorf("there is no payment with ID %s in your budget (see tx list)", l.TargetID)
			}
			return l, nil
		}
		return l, a.checkLink(ctx, l)
	}
	if s == "" {
		return store.EvidenceLink{}, fmt.Errorf("say what it is evidence for, such as my-money or plan-section:my-money (see evidence links)")
	}
	g, err := evidenceGuide()
	if err != nil {
		return store.EvidenceLink{}, err
	}
	key := strings.ToLower(s)
	if _, ok := g.Section(key); ok {
		return store.EvidenceLink{TargetKind: store.LinkPlanSection, TargetID: key}, nil
	}
	if _, _, ok := g.Outcome(key); ok {
		return store.EvidenceLink{TargetKind: store.LinkOutcome, TargetID: key}, nil
	}
	if _, ok, err := a.store().EvidenceTransactionByID(ctx, s); err == nil && ok {
		return store.EvidenceLink{TargetKind: store.LinkTransaction, TargetID: s}, nil
	}
	return store.EvidenceLink{}, fmt.Errorf("%q is not a plan section, an assessment outcome or a payment in your budget; "+
		"see the keys with: ownplanctl evidence links", s)
}

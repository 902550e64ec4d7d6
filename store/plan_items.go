package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// PlanOutcome is one thing the person wants to change or achieve.
type PlanOutcome struct {
	ID         string   `json:"id"`
	What       string   `json:"what"`         // what I want
	Why        string   `json:"why"`          // why it matters
	HowIllKnow string   `json:"how_ill_know"` // how I'll know it's working
	Needs      []string `json:"needs"`        // eligibility outcome keys it is about
	Support    []string `json:"support"`      // IDs of the support arrangements that help
}

// SupportArrangement is one piece of support: who gives it, what, when,
// and what it costs a year.
type SupportArrangement struct {
	ID   string `json:"id"`
	Who  string `json:"who"`
	What string `json:"what"`
	When string `json:"when"`
	// AnnualCost is in pence a year. It counts only if CostKnown, so that
	// unpaid help can be a known £0.
	AnnualCost int64 `json:"annual_cost"`
	CostKnown  bool  `json:"cost_known"`
	// Category is the key of the budget category the cost is planned
	// under, such as "pa_wages"; empty if not chosen yet.
	Category string `json:"category"`
}

// PlanRisk is something that could go wrong and what happens then.
type PlanRisk struct {
	ID       string `json:"id"`
	What     string `json:"what"`      // what could go wrong
	Managed  string `json:"managed"`   // how it is managed
	WhoHelps string `json:"who_helps"` // who helps
	BackUp   string `json:"back_up"`   // the back-up plan
}

// PlanAction is one step of the action plan.
type PlanAction struct {
	ID     string `json:"id"`
	What   string `json:"what"`
	Who    string `json:"who"`
	By     Date   `json:"by"` // zero if no date yet
	Done   bool   `json:"done"`
	DoneOn Date   `json:"done_on"`
}

// PlanOutcomes returns the outcomes in the order they were added.
func (s *Store) PlanOutcomes(ctx context.Context) ([]PlanOutcome, error) {
	var out []PlanOutcome
	err := s.planRows(ctx, "plan_outcomes", `SELECT id, what, why, how_know, needs, support FROM plan_outcomes WHERE deleted = 0 ORDER BY id`,
		func(r *sql.Rows) error {
			var o PlanOutcome
			var needs, support string
			if err := r.Scan(&o.ID, &o.What, &o.Why, &o.HowIllKnow, &needs, &support); err != nil {
				return err
			}
			o.Needs, o.Support = decodeKeys(needs), decodeKeys(support)
			out = append(out, o)
			return nil
		})
	return out, err
}

// SavePlanOutcome adds o (when o.ID is empty) or saves its changed
// fields, and returns its ID.
func (s *Store) SavePlanOutcome(ctx context.Context, o PlanOutcome) (string, error) {
	return s.savePlanItem(ctx, "plan_outcomes", o.ID, []planField{
		{"what", o.What}, {"why", o.Why}, {"how_know", o.HowIllKnow},
		{"needs", encodeKeys(o.Needs)}, {"support", encodeKeys(o.Support)},
	})
}

// SupportArrangements returns the support arrangements in the order they
// were added.
func (s *Store) SupportArrangements(ctx context.Context) ([]SupportArrangement, error) {
	var out []SupportArrangement
	err := s.planRows(ctx, "plan_support", `SELECT id, who, what, schedule, annual_cost, cost_known, category
		FROM plan_support WHERE deleted = 0 ORDER BY id`,
		func(r *sql.Rows) error {
			var a SupportArrangement
			if err := r.Scan(&a.ID, &a.Who, &a.What, &a.When, &a.AnnualCost, &a.CostKnown, &a.Category); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	return out, err
}

// SaveSupportArrangement adds a (when a.ID is empty) or saves its changed
// fields, and returns its ID.
func (s *Store) SaveSupportArrangement(ctx context.Context, a SupportArrangement) (string, error) {
	return s.savePlanItem(ctx, "plan_support", a.ID, []planField{
		{"who", a.Who}, {"what", a.What}, {"schedule", a.When},
		{"annual_cost", a.AnnualCost}, {"cost_known", a.CostKnown}, {"category", a.Category},
	})
}

// PlanRisks returns the risks in the order they were added.
func (s *Store) PlanRisks(ctx context.Context) ([]PlanRisk, error) {
	var out []PlanRisk
	err := s.planRows(ctx, "plan_risks", `SELECT id, what, managed, who_helps, back_up FROM plan_risks WHERE deleted = 0 ORDER BY id`,
		func(r *sql.Rows) error {
			var k PlanRisk
			if err := r.Scan(&k.ID, &k.What, &k.Managed, &k.WhoHelps, &k.BackUp); err != nil {
				return err
			}
			out = append(out, k)
			return nil
		})
	return out, err
}

// SavePlanRisk adds r (when r.ID is empty) or saves its changed fields,
// and returns its ID.
func (s *Store) SavePlanRisk(ctx context.Context, r PlanRisk) (string, error) {
	return s.savePlanItem(ctx, "plan_risks", r.ID, []planField{
		{"what", r.What}, {"managed", r.Managed}, {"who_helps", r.WhoHelps}, {"back_up", r.BackUp},
	})
}

// PlanActions returns the action plan in the order the steps were added.
func (s *Store) PlanActions(ctx context.Context) ([]PlanAction, error) {
	var out []PlanAction
	err := s.planRows(ctx, "plan_actions", `SELECT id, what, who, by_date, done, done_on FROM plan_actions WHERE deleted = 0 ORDER BY id`,
		func(r *sql.Rows) error {
			var a PlanAction
			var by, doneOn string
			if err := r.Scan(&a.ID, &a.What, &a.Who, &by, &a.Done, &doneOn); err != nil {
				return err
			}
			a.By, _ = ParseDate(by)
			a.DoneOn, _ = ParseDate(doneOn)
			out = append(out, a)
			return nil
		})
	return out, err
}

// SavePlanAction adds a (when a.ID is empty) or saves its changed fields,
// and returns its ID.
func (s *Store) SavePlanAction(ctx context.Context, a PlanAction) (string, error) {
	return s.savePlanItem(ctx, "plan_actions", a.ID, []planField{
		{"what", a.What}, {"who", a.Who}, {"by_date", a.By}, {"done", a.Done}, {"done_on", a.DoneOn},
	})
}

// planKinds maps the kinds of record RemovePlanRecord and
// RestorePlanRecord accept to their tables.
var planKinds = map[string]string{
	"outcome": "plan_outcomes",
	"support": "plan_support",
	"risk":    "plan_risks",
	"action":  "plan_actions",
	"diary":   "diary_entries",
	"comment": "comments",
	"version": "plan_versions",
}

// PlanRecordKinds returns the kinds of record RemovePlanRecord accepts,
// sorted: action, comment, diary, outcome, risk, support and version.
func PlanRecordKinds() []string {
	out := make([]string, 0, len(planKinds))
	for k := range planKinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// RemovePlanRecord removes the record id of kind (see PlanRecordKinds).
// The tombstone syncs; RestorePlanRecord undoes it. It returns
// ErrNotFound if there is no such record or it is already removed.
func (s *Store) RemovePlanRecord(ctx context.Context, kind, id string) error {
	table, ok := planKinds[kind]
	if !ok {
		return fmt.Errorf("store: no plan records of kind %q", kind)
	}
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove(table, id); err != nil {
			return fmt.Errorf("remove %s %s: %w", kind, id, err)
		}
		return nil
	})
}

// RestorePlanRecord brings back a record removed by RemovePlanRecord. It
// returns ErrNotFound if no such record was ever made.
func (s *Store) RestorePlanRecord(ctx context.Context, kind, id string) error {
	table, ok := planKinds[kind]
	if !ok {
		return fmt.Errorf("store: no plan records of kind %q", kind)
	}
	return s.update(ctx, func(t *Tx) error {
		var deleted int64
		err := t.tx.QueryRowContext(t.ctx, `SELECT deleted FROM "`+table+`" WHERE id = ?`, id).Scan(&deleted)
		if err == sql.ErrNoRows {
			return fmt.Errorf("restore %s %s: %w", kind, id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("restore %s %s: %w", kind, id, plainDBError(err))
		}
		return t.set(table, id, "deleted", int64(0))
	})
}

// planField is one column and value to save.
type planField struct {
	k string
	v any
}

// savePlanItem saves the fields of the record id in table in one
// transaction, making a new ID when id is empty, and returns the ID.
func (s *Store) savePlanItem(ctx context.Context, table, id string, fields []planField) (string, error) {
	if id == "" {
		id = NewID()
	}
	err := s.update(ctx, func(t *Tx) error {
		for _, f := range fields {
			if err := t.set(table, id, f.k, f.v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("save %s: %w", table, err)
	}
	return id, nil
}

// planRows runs query and calls fn for every row.
func (s *Store) planRows(ctx context.Context, table, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", table, plainDBError(err))
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return fmt.Errorf("read %s: %w", table, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read %s: %w", table, plainDBError(err))
	}
	return nil
}

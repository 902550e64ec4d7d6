package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// planID is the ID of the single plan record.
const planID = "plan"

// PlanRecord is the support plan's own facts: which guide it follows,
// how far it has got, its key dates and the personal budget it is costed
// against. The sections, parts and versions are separate records.
type PlanRecord struct {
	Region     string // the planning guide's region, such as "en-GB-england"
	Status     string // draft, shared, sent, agreed or under-review
	Started    Date
	Sent       Date // sent to the council
	Agreed     Date // agreed by the council
	NextReview Date
	// PersonalBudget is in pence a year; it counts only if BudgetKnown.
	PersonalBudget int64
	BudgetKnown    bool
}

// PlanRecord returns the plan's record, and false before anything has
// been written to the plan.
func (s *Store) PlanRecord(ctx context.Context) (PlanRecord, bool, error) {
	var r PlanRecord
	var started, sent, agreed, review string
	err := s.db.QueryRowContext(ctx, `SELECT region, status, started, sent, agreed, next_review,
		personal_budget, budget_known FROM plan WHERE id = ? AND deleted = 0`, planID).
		Scan(&r.Region, &r.Status, &started, &sent, &agreed, &review, &r.PersonalBudget, &r.BudgetKnown)
	if err == sql.ErrNoRows {
		return PlanRecord{}, false, nil
	}
	if err != nil {
		return PlanRecord{}, false, fmt.Errorf("read plan: %w", plainDBError(err))
	}
	// A date that does not parse (from a damaged sync) reads as not set.
	r.Started, _ = ParseDate(started)
	r.Sent, _ = ParseDate(sent)
	r.Agreed, _ = ParseDate(agreed)
	r.NextReview, _ = ParseDate(review)
	return r, true, nil
}

// SavePlanRecord saves every field of r that changed.
func (s *Store) SavePlanRecord(ctx context.Context, r PlanRecord) error {
	return s.update(ctx, func(t *Tx) error {
		for _, f := range []struct {
			k string
			v any
		}{
			{"region", r.Region}, {"status", r.Status}, {"started", r.Started}, {"sent", r.Sent},
			{"agreed", r.Agreed}, {"next_review", r.NextReview},
			{"personal_budget", r.PersonalBudget}, {"budget_known", r.BudgetKnown},
		} {
			if err := t.set("plan", planID, f.k, f.v); err != nil {
				return fmt.Errorf("save plan: %w", err)
			}
		}
		return nil
	})
}

// PlanSections returns the free text of every section that has been
// written, by section key.
func (s *Store) PlanSections(ctx context.Context) (map[string]string, error) {
	return s.keyedTexts(ctx, "plan_sections")
}

// SetPlanSection saves the free text of the section with key. The text
// is stored exactly as given.
func (s *Store) SetPlanSection(ctx context.Context, key, text string) error {
	return s.setKeyedText(ctx, "plan_sections", key, text)
}

// PlanProfile returns the one-page profile, by heading key.
func (s *Store) PlanProfile(ctx context.Context) (map[string]string, error) {
	return s.keyedTexts(ctx, "plan_profile")
}

// SetPlanProfile saves the text under the one-page profile heading key.
func (s *Store) SetPlanProfile(ctx context.Context, key, text string) error {
	return s.setKeyedText(ctx, "plan_profile", key, text)
}

// keyedTexts reads a table of texts whose IDs are keys.
func (s *Store) keyedTexts(ctx context.Context, table string) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, text FROM "`+table+`" WHERE deleted = 0`)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", table, plainDBError(err))
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read %s: %w", table, err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

func (s *Store) setKeyedText(ctx context.Context, table, key, text string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.set(table, key, "text", text); err != nil {
			return err
		}
		// Writing to a section brings it back if it had been removed.
		return t.set(table, key, "deleted", int64(0))
	})
}

// encodeKeys stores a list of keys or IDs as a JSON array.
func encodeKeys(v []string) string {
	if len(v) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(v) // a []string always encodes
	return string(b)
}

// decodeKeys reads a list stored by encodeKeys; anything unreadable
// reads as empty rather than failing the whole plan.
func decodeKeys(s string) []string {
	var out []string
	if json.Unmarshal([]byte(s), &out) != nil {
		return nil
	}
	return out
}

package store

import (
	"context"
	"fmt"
	"strings"
)

// BudgetCategory is a heading money is planned and recorded under, with
// the amount planned per period. Key is the category's stable identifier
// and its record's ID ("pa_wages"). Kind and Period hold package budget's
// keys.
type BudgetCategory struct {
	Key      string   `json:"key"`
	Name     string   `json:"name"`
	Hint     string   `json:"hint,omitempty"`
	Kind     string   `json:"kind"`
	Planned  int64    `json:"planned_pence"`
	Period   string   `json:"period"`
	Position int      `json:"position"`
	Outcomes []string `json:"outcomes,omitempty"` // IDs of the plan outcomes this money is for
	Note     string   `json:"note,omitempty"`     // how the planned amount was worked out
}

// BudgetCategories returns the saved categories in the order the person
// sees them. It returns none before the budget is set up.
func (s *Store) BudgetCategories(ctx context.Context) ([]BudgetCategory, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, hint, kind, planned, period, position, outcomes, note
		FROM budget_categories WHERE deleted = 0 ORDER BY position, id`)
	if err != nil {
		return nil, fmt.Errorf("read budget categories: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []BudgetCategory
	for rows.Next() {
		var c BudgetCategory
		var outcomes string
		if err := rows.Scan(&c.Key, &c.Name, &c.Hint, &c.Kind, &c.Planned, &c.Period, &c.Position, &outcomes, &c.Note); err != nil {
			return nil, fmt.Errorf("read budget categories: %w", err)
		}
		c.Outcomes = strings.Fields(outcomes)
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveBudgetCategory adds c, or saves its changed fields when a category
// with its key exists (or existed and was removed: it comes back).
func (s *Store) SaveBudgetCategory(ctx context.Context, c BudgetCategory) error {
	return s.update(ctx, func(t *Tx) error { return t.saveCategory(c) })
}

func (t *Tx) saveCategory(c BudgetCategory) error {
	if strings.TrimSpace(c.Key) == "" {
		return fmt.Errorf("save category: a category needs a key")
	}
	for _, f := range []struct {
		k string
		v any
	}{
		{"name", strings.TrimSpace(c.Name)}, {"hint", c.Hint}, {"kind", c.Kind},
		{"planned", c.Planned}, {"period", c.Period}, {"position", c.Position},
		{"outcomes", strings.Join(c.Outcomes, " ")}, {"note", strings.TrimSpace(c.Note)}, {"deleted", 0},
	} {
		if err := t.set("budget_categories", c.Key, f.k, f.v); err != nil {
			return fmt.Errorf("save category %s: %w", c.Key, err)
		}
	}
	return nil
}

// DeleteBudgetCategory removes a category. Money already put in it
// shows as not yet categorised until the category is brought back.
func (s *Store) DeleteBudgetCategory(ctx context.Context, key string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove("budget_categories", key); err != nil {
			return fmt.Errorf("remove category %s: %w", key, err)
		}
		return nil
	})
}

// RestoreBudgetCategory brings back a removed category (undo).
func (s *Store) RestoreBudgetCategory(ctx context.Context, key string) error {
	return s.update(ctx, func(t *Tx) error { return t.restore("budget_categories", key) })
}

// restore clears a record's tombstone. A record that never existed is
// not made: it is ErrNotFound.
func (t *Tx) restore(table, id string) error {
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM "`+table+`" WHERE id = ?`, id).Scan(&n); err != nil {
		return plainDBError(err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return t.set(table, id, "deleted", int64(0))
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PayeeRule says which category payments to or from a payee go in. OwnPlan
// learns rules from the person's own choices and applies them to
// imported statements. Payee is the payee as normalised by the app for
// matching; it is the rule's record ID, so a later choice for the same
// payee replaces the earlier one.
type PayeeRule struct {
	Payee    string `json:"payee"`
	Category string `json:"category"`
}

// PayeeRules returns every payee rule, sorted by payee.
func (s *Store) PayeeRules(ctx context.Context) ([]PayeeRule, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, category FROM budget_payee_rules WHERE deleted = 0 ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read payee rules: %w", plainDBError(err))
	}
	defer rows.Close()
	out := []PayeeRule{}
	for rows.Next() {
		var r PayeeRule
		if err := rows.Scan(&r.Payee, &r.Category); err != nil {
			return nil, fmt.Errorf("read payee rules: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SavePayeeRules saves rules, replacing any for the same payees.
func (s *Store) SavePayeeRules(ctx context.Context, rules ...PayeeRule) error {
	return s.update(ctx, func(t *Tx) error { return t.savePayeeRules(rules) })
}

func (t *Tx) savePayeeRules(rules []PayeeRule) error {
	for _, r := range rules {
		if r.Payee == "" || r.Category == "" {
			continue
		}
		if err := t.set("budget_payee_rules", r.Payee, "category", r.Category); err != nil {
			return fmt.Errorf("save payee rule: %w", err)
		}
		if err := t.set("budget_payee_rules", r.Payee, "deleted", 0); err != nil {
			return fmt.Errorf("save payee rule: %w", err)
		}
	}
	return nil
}

// DeletePayeeRule forgets the rule for payee.
func (s *Store) DeletePayeeRule(ctx context.Context, payee string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove("budget_payee_rules", payee); err != nil {
			return fmt.Errorf("forget payee rule %q: %w", payee, err)
		}
		return nil
	})
}

// ImportMapping returns the column mapping the person chose for a bank
// statement layout (as JSON the app understands), and false when there
// is none. Mappings are this computer's: they are not synced.
func (s *Store) ImportMapping(ctx context.Context, fingerprint string) (string, bool, error) {
	var m string
	err := s.db.QueryRowContext(ctx, `SELECT mapping FROM budget_import_mappings WHERE fingerprint = ?`, fingerprint).Scan(&m)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read remembered columns: %w", plainDBError(err))
	}
	return m, true, nil
}

// SaveImportMapping remembers the column mapping for a statement layout.
func (s *Store) SaveImportMapping(ctx context.Context, fingerprint, mapping string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO budget_import_mappings (fingerprint, mapping, updated) VALUES (?, ?, ?)
		ON CONFLICT (fingerprint) DO UPDATE SET mapping = excluded.mapping, updated = excluded.updated`,
		fingerprint, mapping, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("remember the columns: %w", plainDBError(err))
	}
	return nil
}

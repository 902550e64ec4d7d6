package store

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// BudgetImport is one bank statement imported into the budget.
type BudgetImport struct {
	ID         string    `json:"id"`
	FileName   string    `json:"file_name"`
	Format     string    `json:"format"`
	ImportedAt time.Time `json:"imported_at"`
	FirstDate  Date      `json:"first_date"`
	LastDate   Date      `json:"last_date"`
	Added      int       `json:"added"`
	Duplicates int       `json:"already_there"`
	Matched    int       `json:"matched"` // transactions typed in by hand that the statement showed
}

// BudgetImportKeys returns the import keys of every transaction in the
// store, including deleted ones: a transaction the person deleted stays
// deleted when an overlapping statement is imported again.
func (s *Store) BudgetImportKeys(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT import_key FROM budget_transactions WHERE import_key != ''`)
	if err != nil {
		return nil, fmt.Errorf("read import keys: %w", plainDBError(err))
	}
	defer rows.Close()
	keys := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("read import keys: %w", err)
		}
		keys[k] = true
	}
	return keys, rows.Err()
}

// ImportBudgetTransactions adds the transactions of one statement in a
// single SQLite transaction: all of them or, if anything fails, none.
// Transactions whose ImportKey is already in the store (or earlier in
// txs) are counted as duplicates and not added. A transaction with an ID
// is one already in the store (typed in by hand) that the statement
// shows: it gets its ImportKey and is marked reconciled, and is counted
// as Matched. It returns the import as recorded, and the IDs of the
// transactions added, in txs' order (empty for the others).
func (s *Store) ImportBudgetTransactions(ctx context.Context, imp BudgetImport, txs []BudgetTransaction) (BudgetImport, []string, error) {
	if imp.ID == "" {
		imp.ID = NewID()
	}
	if imp.ImportedAt.IsZero() {
		imp.ImportedAt = time.Now()
	}
	imp.Added, imp.Duplicates, imp.Matched = 0, 0, 0
	imp.FirstDate, imp.LastDate = Date{}, Date{}
	ids := make([]string, len(txs))
	// An import's statements write many rows each, so SQLite keeps a
	// statement journal for each; in memory rather than in a temporary
	// file, that costs half as much. (This is a setting of the
	// connection, harmless for everything else; it belongs with the
	// others where the store is opened.)
	if _, err := s.db.ExecContext(ctx, "PRAGMA temp_store=MEMORY"); err != nil {
		return imp, nil, fmt.Errorf("import: %w", plainDBError(err))
	}
	err := s.update(ctx, func(t *Tx) error {
		// Read the keys inside the transaction, so two imports at once
		// cannot both add the same payment.
		keys := map[string]bool{}
		existing, err := t.ids(`SELECT import_key FROM budget_transactions WHERE import_key != ''`)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		for _, k := range existing {
			keys[k] = true
		}
		in := newInserter(t)
		for i, tr := range txs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if tr.ImportKey != "" && keys[tr.ImportKey] {
				imp.Duplicates++
				continue
			}
			keys[tr.ImportKey] = true
			if tr.ID != "" {
				// The journal stays in the order of the changes.
				if err := in.flush(); err != nil {
					return err
				}
				if err := t.match(tr); err != nil {
					return err
				}
				imp.Matched++
				continue
			}
			id := NewID()
			ids[i] = id
			if err := in.insert("budget_transactions", id, []fieldValue{
				{"date", tr.Date.String()}, {"amount", tr.Amount}, {"payee", tr.Payee},
				{"type", tr.Type}, {"reference", tr.Reference}, {"note", tr.Note},
				{"reconciled", tr.Reconciled}, {"import_key", tr.ImportKey}, {"import_id", imp.ID},
				{"receipt", tr.Receipt},
			}); err != nil {
				return fmt.Errorf("import line dated %s: %w", tr.Date, err)
			}
			for j, sp := range tr.Splits {
				if err := in.insert("budget_splits", id+"/"+strconv.Itoa(j), []fieldValue{
					{"transaction_id", id}, {"category", sp.Category}, {"amount", sp.Amount}, {"position", j},
				}); err != nil {
					return fmt.Errorf("import line dated %s: %w", tr.Date, err)
				}
			}
			imp.Added++
			if imp.FirstDate.IsZero() || tr.Date.Before(imp.FirstDate) {
				imp.FirstDate = tr.Date
			}
			if tr.Date.After(imp.LastDate) {
				imp.LastDate = tr.Date
			}
		}
		if imp.Added == 0 && imp.Matched == 0 {
			return in.flush()
		}
		if err := in.insert("budget_imports", imp.ID, []fieldValue{
			{"file_name", imp.FileName}, {"format", imp.Format},
			{"imported_at", imp.ImportedAt.UTC().Format(time.RFC3339)},
			{"first_date", imp.FirstDate.String()}, {"last_date", imp.LastDate.String()},
			{"added", imp.Added}, {"duplicates", imp.Duplicates},
		}); err != nil {
			return err
		}
		return in.flush()
	})
	if err != nil {
		return BudgetImport{}, nil, err
	}
	return imp, ids, nil
}

// match marks the stored transaction tr.ID as the statement line tr.
func (t *Tx) match(tr BudgetTransaction) error {
	var n int
	if err := t.tx.QueryRowContext(t.ctx, `SELECT count(*) FROM budget_transactions WHERE id = ? AND deleted = 0`, tr.ID).Scan(&n); err != nil {
		return plainDBError(err)
	}
	if n == 0 {
		return fmt.Errorf("import: the payment of %s on %s was deleted meanwhile; import the statement again: %w", formatPence(tr.Amount), tr.Date, ErrNotFound)
	}
	if err := t.set("budget_transactions", tr.ID, "import_key", tr.ImportKey); err != nil {
		return err
	}
	return t.set("budget_transactions", tr.ID, "reconciled", true)
}

func formatPence(p int64) string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return fmt.Sprintf("%s£%d.%02d", sign, p/100, p%100)
}

// BudgetImports returns the statements imported, newest first.
func (s *Store) BudgetImports(ctx context.Context) ([]BudgetImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, file_name, format, imported_at, first_date, last_date, added, duplicates
		FROM budget_imports WHERE deleted = 0 ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("read imports: %w", plainDBError(err))
	}
	defer rows.Close()
	out := []BudgetImport{}
	for rows.Next() {
		var imp BudgetImport
		var at, first, last string
		if err := rows.Scan(&imp.ID, &imp.FileName, &imp.Format, &at, &first, &last, &imp.Added, &imp.Duplicates); err != nil {
			return nil, fmt.Errorf("read imports: %w", err)
		}
		imp.ImportedAt, _ = time.Parse(time.RFC3339, at)
		imp.FirstDate, _ = ParseDate(first)
		imp.LastDate, _ = ParseDate(last)
		out = append(out, imp)
	}
	return out, rows.Err()
}

// UndoBudgetImport deletes every transaction an import added, and the
// import itself, in one transaction. It returns how many transactions
// were deleted. RedoBudgetImport brings them back.
func (s *Store) UndoBudgetImport(ctx context.Context, importID string) (int, error) {
	return s.setImportDeleted(ctx, importID, true)
}

// RedoBudgetImport undoes UndoBudgetImport.
func (s *Store) RedoBudgetImport(ctx context.Context, importID string) (int, error) {
	return s.setImportDeleted(ctx, importID, false)
}

func (s *Store) setImportDeleted(ctx context.Context, importID string, deleted bool) (int, error) {
	n := 0
	err := s.update(ctx, func(t *Tx) error {
		var exists int
		if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM budget_imports WHERE id = ?`, importID).Scan(&exists); err != nil {
			return plainDBError(err)
		}
		if exists == 0 {
			return fmt.Errorf("import %s: %w", importID, ErrNotFound)
		}
		was := int64(1)
		if deleted {
			was = 0
		}
		ids, err := t.ids(`SELECT id FROM budget_transactions WHERE import_id = ? AND deleted = ?`, importID, was)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := t.set("budget_transactions", id, "deleted", deleted); err != nil {
				return err
			}
		}
		n = len(ids)
		return t.set("budget_imports", importID, "deleted", deleted)
	})
	return n, err
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// BudgetTransaction is one line of the budget's account: a payment in
// (positive Amount) or out (negative), in pence.
type BudgetTransaction struct {
	ID        string        `json:"id"`
	Date      Date          `json:"date"`
	Amount    int64         `json:"amount_pence"`
	Payee     string        `json:"payee"`               // who was paid or who paid, as the bank wrote it
	Type      string        `json:"type,omitempty"`      // the bank's type, such as "Direct debit"
	Reference string        `json:"reference,omitempty"` // a payment reference
	Note      string        `json:"note,omitempty"`
	Splits    []BudgetSplit `json:"splits"` // the categories it is shared between; none means not yet categorised

	Reconciled bool   `json:"reconciled"`           // checked against the bank statement
	ImportKey  string `json:"import_key,omitempty"` // identifies an imported line, for de-duplication
	ImportID   string `json:"import_id,omitempty"`  // the import it came from
	Receipt    string `json:"receipt,omitempty"`    // the ID of an evidence item: a receipt or invoice
	Deleted    bool   `json:"deleted,omitempty"`
}

// BudgetSplit is the part of a transaction that belongs to one category,
// signed like the transaction.
type BudgetSplit struct {
	Category string `json:"category"`
	Amount   int64  `json:"amount_pence"`
}

// TransactionFilter chooses transactions by date. Zero dates are open
// ends.
type TransactionFilter struct {
	From, To       Date
	IncludeDeleted bool
}

// BudgetTransactions returns the transactions the filter chooses, oldest
// first; those of one day in the order they were added, which for an
// import is the statement's order.
func (s *Store) BudgetTransactions(ctx context.Context, f TransactionFilter) ([]BudgetTransaction, error) {
	q := `SELECT id, date, amount, payee, type, reference, note, reconciled, import_key, import_id, receipt, deleted
		FROM budget_transactions WHERE 1`
	var args []any
	if !f.IncludeDeleted {
		q += ` AND deleted = 0`
	}
	if !f.From.IsZero() {
		q += ` AND date >= ?`
		args = append(args, f.From.String())
	}
	if !f.To.IsZero() {
		q += ` AND date <= ?`
		args = append(args, f.To.String())
	}
	q += ` ORDER BY date, rowid`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read transactions: %w", plainDBError(err))
	}
	defer rows.Close()
	out := []BudgetTransaction{}
	index := map[string]int{}
	for rows.Next() {
		var t BudgetTransaction
		var date string
		if err := rows.Scan(&t.ID, &date, &t.Amount, &t.Payee, &t.Type, &t.Reference, &t.Note,
			&t.Reconciled, &t.ImportKey, &t.ImportID, &t.Receipt, &t.Deleted); err != nil {
			return nil, fmt.Errorf("read transactions: %w", err)
		}
		t.Date, _ = ParseDate(date)
		index[t.ID] = len(out)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read transactions: %w", plainDBError(err))
	}
	if len(out) == 0 {
		return out, nil
	}
	if err := s.attachSplits(ctx, out, index); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Store) attachSplits(ctx context.Context, txs []BudgetTransaction, index map[string]int) error {
	rows, err := s.db.QueryContext(ctx,
		`SELECT transaction_id, category, amount FROM budget_splits WHERE deleted = 0 ORDER BY transaction_id, position`)
	if err != nil {
		return fmt.Errorf("read splits: %w", plainDBError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var sp BudgetSplit
		if err := rows.Scan(&id, &sp.Category, &sp.Amount); err != nil {
			return fmt.Errorf("read splits: %w", err)
		}
		if i, ok := index[id]; ok {
			txs[i].Splits = append(txs[i].Splits, sp)
		}
	}
	return rows.Err()
}

// BudgetTransaction returns one transaction, deleted or not.
func (s *Store) BudgetTransaction(ctx context.Context, id string) (BudgetTransaction, error) {
	var t BudgetTransaction
	var date string
	err := s.db.QueryRowContext(ctx, `SELECT id, date, amount, payee, type, reference, note, reconciled,
		import_key, import_id, receipt, deleted FROM budget_transactions WHERE id = ?`, id).
		Scan(&t.ID, &date, &t.Amount, &t.Payee, &t.Type, &t.Reference, &t.Note, &t.Reconciled,
			&t.ImportKey, &t.ImportID, &t.Receipt, &t.Deleted)
	if err == sql.ErrNoRows {
		return t, fmt.Errorf("transaction %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("read transaction %s: %w", id, plainDBError(err))
	}
	t.Date, _ = ParseDate(date)
	rows, err := s.db.QueryContext(ctx,
		`SELECT category, amount FROM budget_splits WHERE transaction_id = ? AND deleted = 0 ORDER BY position`, id)
	if err != nil {
		return t, fmt.Errorf("read splits: %w", plainDBError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var sp BudgetSplit
		if err := rows.Scan(&sp.Category, &sp.Amount); err != nil {
			return t, fmt.Errorf("read splits: %w", err)
		}
		t.Splits = append(t.Splits, sp)
	}
	return t, rows.Err()
}

// SaveBudgetTransaction adds t (when t.ID is empty) or saves its changed
// fields and splits, and returns its ID. The payee rules are saved in
// the same transaction: the app passes the rule the person's
// categorisation teaches. The caller checks that t makes sense.
func (s *Store) SaveBudgetTransaction(ctx context.Context, t BudgetTransaction, rules ...PayeeRule) (string, error) {
	if t.ID == "" {
		t.ID = NewID()
	}
	err := s.update(ctx, func(tx *Tx) error {
		if err := tx.saveTransaction(t); err != nil {
			return err
		}
		return tx.savePayeeRules(rules)
	})
	return t.ID, err
}

// SaveBudgetTransactions saves the changes to several transactions (each
// with an ID) in one transaction: all of them or none.
func (s *Store) SaveBudgetTransactions(ctx context.Context, txs []BudgetTransaction, rules ...PayeeRule) error {
	return s.update(ctx, func(tx *Tx) error {
		for _, t := range txs {
			if t.ID == "" {
				return fmt.Errorf("save transactions: a transaction without an ID")
			}
			if err := tx.saveTransaction(t); err != nil {
				return err
			}
		}
		return tx.savePayeeRules(rules)
	})
}

func (tx *Tx) saveTransaction(t BudgetTransaction) error {
	for _, f := range []struct {
		k string
		v any
	}{
		{"date", t.Date.String()}, {"amount", t.Amount}, {"payee", strings.TrimSpace(t.Payee)},
		{"type", t.Type}, {"reference", t.Reference}, {"note", strings.TrimSpace(t.Note)},
		{"reconciled", t.Reconciled}, {"import_key", t.ImportKey}, {"import_id", t.ImportID},
		{"receipt", strings.TrimSpace(t.Receipt)}, {"deleted", t.Deleted},
	} {
		if err := tx.set("budget_transactions", t.ID, f.k, f.v); err != nil {
			return fmt.Errorf("save transaction: %w", err)
		}
	}
	return tx.saveSplits(t.ID, t.Splits)
}

// saveSplits makes splits the transaction's categories, reusing the
// records "ID/0", "ID/1"... and removing any beyond them.
func (tx *Tx) saveSplits(id string, splits []BudgetSplit) error {
	for i, sp := range splits {
		sid := id + "/" + strconv.Itoa(i)
		for _, f := range []struct {
			k string
			v any
		}{
			{"transaction_id", id}, {"category", sp.Category}, {"amount", sp.Amount}, {"position", i}, {"deleted", 0},
		} {
			if err := tx.set("budget_splits", sid, f.k, f.v); err != nil {
				return fmt.Errorf("save split: %w", err)
			}
		}
	}
	old, err := tx.ids(`SELECT id FROM budget_splits WHERE transaction_id = ? AND deleted = 0 AND position >= ?`, id, len(splits))
	if err != nil {
		return fmt.Errorf("save splits: %w", err)
	}
	for _, sid := range old {
		if err := tx.remove("budget_splits", sid); err != nil {
			return fmt.Errorf("save splits: %w", err)
		}
	}
	return nil
}

// DeleteBudgetTransaction removes a transaction. The tombstone syncs;
// RestoreBudgetTransaction undoes it.
func (s *Store) DeleteBudgetTransaction(ctx context.Context, id string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove("budget_transactions", id); err != nil {
			return fmt.Errorf("delete transaction %s: %w", id, err)
		}
		return nil
	})
}

// RestoreBudgetTransaction brings back a deleted transaction (undo).
func (s *Store) RestoreBudgetTransaction(ctx context.Context, id string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.restore("budget_transactions", id); err != nil {
			return fmt.Errorf("restore transaction %s: %w", id, err)
		}
		return nil
	})
}

// SetReconciled marks transactions as checked against the bank statement
// (or not), all in one transaction.
func (s *Store) SetReconciled(ctx context.Context, reconciled bool, ids ...string) error {
	return s.update(ctx, func(t *Tx) error {
		for _, id := range ids {
			var n int
			if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM budget_transactions WHERE id = ? AND deleted = 0`, id).Scan(&n); err != nil {
				return plainDBError(err)
			}
			if n == 0 {
				return fmt.Errorf("transaction %s: %w", id, ErrNotFound)
			}
			if err := t.set("budget_transactions", id, "reconciled", reconciled); err != nil {
				return fmt.Errorf("reconcile %s: %w", id, err)
			}
		}
		return nil
	})
}

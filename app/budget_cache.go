package app

import (
	"context"
	"slices"
	"sync"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

// txCache keeps the budget's transactions in memory between reads, so
// that the summary, the chart, the list and Home's line do not each read
// tens of thousands of rows. It is good while the journal has no new
// entries for the transactions or their splits: every saved change, local
// or from sync, adds to the journal. One cache serves the most recently
// read data folder.
var txCache struct {
	mu   sync.Mutex
	st   *store.Store
	seq  int64
	txs  []store.BudgetTransaction // every transaction, deleted ones too, oldest first
	btxs []budget.Transaction      // the ones not deleted, as the budget maths takes them
}

// load brings the cache up to date; the caller holds txCache.mu.
func (a *App) loadTxCache(ctx context.Context) error {
	st := a.store()
	seq, err := st.LastSeq(ctx)
	if err != nil {
		return err
	}
	if txCache.st == st && txCache.txs != nil {
		if txCache.seq == seq {
			return nil
		}
		// Most changes are to other things (the plan, as it autosaves):
		// then the transactions read before are still right.
		if seq > txCache.seq && seq-txCache.seq <= maxJournalCheck {
			entries, err := st.Journal(ctx, txCache.seq, maxJournalCheck)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(entries, touchesTransactions) {
				txCache.seq = seq
				return nil
			}
		}
	}
	txs, err := st.BudgetTransactions(ctx, store.TransactionFilter{IncludeDeleted: true})
	if err != nil {
		return err
	}
	txCache.st, txCache.seq, txCache.txs, txCache.btxs = st, seq, txs, nil
	return nil
}

// maxJournalCheck is how many journal entries the cache looks through to
// see whether any change touched the transactions; after more, reading
// them again is quicker.
const maxJournalCheck = 2000

func touchesTransactions(e store.JournalEntry) bool {
	return e.Table == "budget_transactions" || e.Table == "budget_splits"
}

// budgetTransactions returns the transactions not deleted, oldest
// first, for the budget maths. The slice is shared: read it, never
// change it.
func (a *App) budgetTransactions(ctx context.Context) ([]budget.Transaction, error) {
	txCache.mu.Lock()
	defer txCache.mu.Unlock()
	if err := a.loadTxCache(ctx); err != nil {
		return nil, err
	}
	if txCache.btxs == nil {
		out := make([]budget.Transaction, 0, len(txCache.txs))
		for _, t := range txCache.txs {
			if !t.Deleted {
				out = append(out, toBudgetTx(t))
			}
		}
		txCache.btxs = out
	}
	return txCache.btxs, nil
}

// allTransactions returns every transaction (deleted ones only with
// deleted), oldest first, as a copy the caller may change.
func (a *App) allTransactions(ctx context.Context, deleted bool) ([]store.BudgetTransaction, error) {
	txCache.mu.Lock()
	defer txCache.mu.Unlock()
	if err := a.loadTxCache(ctx); err != nil {
		return nil, err
	}
	n, splits := 0, 0
	for _, t := range txCache.txs {
		if deleted || !t.Deleted {
			n++
			splits += len(t.Splits)
		}
	}
	out := make([]store.BudgetTransaction, 0, n)
	backing := make([]store.BudgetSplit, 0, splits)
	for _, t := range txCache.txs {
		if !deleted && t.Deleted {
			continue
		}
		if len(t.Splits) > 0 {
			start := len(backing)
			backing = append(backing, t.Splits...)
			t.Splits = backing[start:len(backing):len(backing)]
		}
		out = append(out, t)
	}
	return out, nil
}

// transactionsBetween returns the transactions from from to to (zero
// dates are open ends), oldest first.
func (a *App) transactionsBetween(ctx context.Context, from, to store.Date, deleted bool) ([]store.BudgetTransaction, error) {
	all, err := a.allTransactions(ctx, deleted)
	if err != nil {
		return nil, err
	}
	if from.IsZero() && to.IsZero() {
		return all, nil
	}
	out := all[:0]
	for _, t := range all {
		if (!from.IsZero() && t.Date.Before(from)) || (!to.IsZero() && t.Date.After(to)) {
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// TransactionFilter chooses which transactions to list. The zero value
// lists them all.
type TransactionFilter struct {
	From, To       store.Date // inclusive; zero dates are open ends
	Search         string     // words that must all appear in the payee, note, reference or category
	Category       string     // only this category's (UncategorisedKey: only those not yet categorised)
	ByCategory     bool       // whether Category applies (so that "" can mean not yet categorised)
	Unreconciled   bool       // only those not yet checked against the statement
	MoneyIn        bool       // only money in
	MoneyOut       bool       // only money out
	IncludeDeleted bool       // include deleted transactions
}

// Transactions returns the transactions the filter chooses, oldest first.
func (a *App) Transactions(ctx context.Context, f TransactionFilter) ([]store.BudgetTransaction, error) {
	all, err := a.transactionsBetween(ctx, f.From, f.To, f.IncludeDeleted)
	if err != nil {
		return nil, err
	}
	words := strings.Fields(strings.ToLower(f.Search))
	var names map[string]string
	if len(words) > 0 {
		cats, err := a.BudgetCategories(ctx)
		if err != nil {
			return nil, err
		}
		names = map[string]string{}
		for _, c := range cats {
			names[c.Key] = strings.ToLower(c.Name)
		}
	}
	out := all[:0]
	for _, t := range all {
		if f.Unreconciled && t.Reconciled || f.MoneyIn && t.Amount < 0 || f.MoneyOut && t.Amount > 0 {
			continue
		}
		if f.ByCategory && !hasCategory(t, f.Category) {
			continue
		}
		if len(words) > 0 && !matchesWords(t, words, names) {
			continue
		}
		out = append(out, t)
	}
	return out, nil
}

func hasCategory(t store.BudgetTransaction, key string) bool {
	if key == budget.UncategorisedKey {
		return len(t.Splits) == 0
	}
	for _, sp := range t.Splits {
		if sp.Category == key {
			return true
		}
	}
	return false
}

func matchesWords(t store.BudgetTransaction, words []string, names map[string]string) bool {
	var b strings.Builder
	for _, s := range []string{t.Payee, t.Note, t.Reference, t.Type, money.Format(t.Amount), money.Plain(t.Amount)} {
		b.WriteString(strings.ToLower(s))
		b.WriteByte(' ')
	}
	for _, sp := range t.Splits {
		b.WriteString(names[sp.Category])
		b.WriteByte(' ')
	}
	hay := b.String()
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Transaction returns one transaction.
func (a *App) Transaction(ctx context.Context, id string) (store.BudgetTransaction, error) {
	t, err := a.store().BudgetTransaction(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return t, fmt.Errorf("there is no payment with ID %s; list them with ownplanctl tx list: %w", id, store.ErrNotFound)
	}
	return t, err
}

// SaveTransaction checks t and adds it (when t.ID is empty) or saves its
// changes, returning its ID. A new transaction with no category is put
// in the one the person last chose for the same payee. When it has one
// category, OwnPlan learns that payments to that payee go there.
func (a *App) SaveTransaction(ctx context.Context, t store.BudgetTransaction) (string, error) {
	cats, err := a.budgetCategories(ctx)
	if err != nil {
		return "", err
	}
	if t.ID == "" && len(t.Splits) == 0 && t.Amount != 0 {
		rules, err := a.payeeRules(ctx)
		if err != nil {
			return "", err
		}
		if key := rules.match(t.Payee); key != "" && known(cats, key) {
			t.Splits = []store.BudgetSplit{{Category: key, Amount: t.Amount}}
		}
	}
	if err := checkTransaction(t, cats); err != nil {
		return "", err
	}
	if err := a.checkReceipt(ctx, t); err != nil {
		return "", err
	}
	return a.store().SaveBudgetTransaction(ctx, t, learn(t)...)
}

// checkReceipt makes sure the receipt a payment is given is one kept in
// the evidence, unless the payment had it already (it may have come by
// sync before the receipt did).
func (a *App) checkReceipt(ctx context.Context, t store.BudgetTransaction) error {
	id := strings.TrimSpace(t.Receipt)
	if id == "" {
		return nil
	}
	if t.ID != "" {
		if old, err := a.store().BudgetTransaction(ctx, t.ID); err == nil && strings.TrimSpace(old.Receipt) == id {
			return nil
		}
	}
	if _, err := a.store().EvidenceItem(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("there is no kept receipt or invoice with ID %s; keep it in Evidence first (ownplanctl evidence add), then give its ID", id)
		}
		return fmt.Errorf("checking the receipt %s: %w", id, err)
	}
	return nil
}

// checkTransaction explains what is wrong with t, if anything.
func checkTransaction(t store.BudgetTransaction, cats []budget.Category) error {
	if strings.TrimSpace(t.Payee) == "" {
		return fmt.Errorf("please say who the payment was to or from")
	}
	if err := budget.ValidateTransactions([]budget.Transaction{toBudgetTx(t)}, cats); err != nil {
		return err
	}
	return nil
}

// learn returns the payee rule a transaction teaches: its payee goes in
// its category, when it has exactly one.
func learn(t store.BudgetTransaction) []store.PayeeRule {
	if len(t.Splits) == 0 {
		return nil
	}
	key := t.Splits[0].Category
	for _, sp := range t.Splits[1:] {
		if sp.Category != key {
			return nil
		}
	}
	if p := PayeeKey(t.Payee); p != "" {
		return []store.PayeeRule{{Payee: p, Category: key}}
	}
	return nil
}

// CategoriseTransaction puts the whole of a transaction in one category
// ("" takes it out of any). OwnPlan remembers the choice for the payee.
func (a *App) CategoriseTransaction(ctx context.Context, id, key string) error {
	t, err := a.Transaction(ctx, id)
	if err != nil {
		return err
	}
	t.Splits = nil
	if key != budget.UncategorisedKey {
		t.Splits = []store.BudgetSplit{{Category: key, Amount: t.Amount}}
	}
	_, err = a.SaveTransaction(ctx, t)
	return err
}

// SplitTransaction shares a transaction between categories. The parts
// are signed like the transaction and must add up to it.
func (a *App) SplitTransaction(ctx context.Context, id string, parts []store.BudgetSplit) error {
	t, err := a.Transaction(ctx, id)
	if err != nil {
		return err
	}
	var sum int64
	for _, p := range parts {
		sum += p.Amount
	}
	if len(parts) > 0 && sum != t.Amount {
		return fmt.Errorf("the parts add up to %s but the payment is %s; change the parts so they add up to %s",
			money.Format(sum), money.Format(t.Amount), money.Format(t.Amount))
	}
	t.Splits = parts
	_, err = a.SaveTransaction(ctx, t)
	return err
}

// ReconcileTransactions marks transactions as checked against the bank
// statement, or (reconciled false) as not yet checked.
func (a *App) ReconcileTransactions(ctx context.Context, reconciled bool, ids ...string) error {
	err := a.store().SetReconciled(ctx, reconciled, ids...)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w; list the payments with ownplanctl tx list to see their IDs", err)
	}
	return err
}

// DeleteTransaction deletes a transaction; RestoreTransaction undoes it.
func (a *App) DeleteTransaction(ctx context.Context, id string) error {
	err := a.store().DeleteBudgetTransaction(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("there is no payment with ID %s (it may be deleted already): %w", id, store.ErrNotFound)
	}
	return err
}

// RestoreTransaction brings back a deleted transaction.
func (a *App) RestoreTransaction(ctx context.Context, id string) error {
	err := a.store().RestoreBudgetTransaction(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("there is no payment with ID %s: %w", id, store.ErrNotFound)
	}
	return err
}

// CategoriseLikeThis puts every transaction not yet categorised whose
// payee has a rule (learned from the person's choices) in that rule's
// category, in one transaction, and returns how many it categorised.
// With payee set, only transactions with that payee are changed.
func (a *App) CategoriseLikeThis(ctx context.Context, payee string) (int, error) {
	rules, err := a.payeeRules(ctx)
	if err != nil {
		return 0, err
	}
	cats, err := a.budgetCategories(ctx)
	if err != nil {
		return 0, err
	}
	txs, err := a.allTransactions(ctx, false)
	if err != nil {
		return 0, err
	}
	only := PayeeKey(payee)
	var changed []store.BudgetTransaction
	for _, t := range txs {
		if len(t.Splits) > 0 || (only != "" && PayeeKey(t.Payee) != only) {
			continue
		}
		if key := rules.match(t.Payee); key != "" && known(cats, key) {
			t.Splits = []store.BudgetSplit{{Category: key, Amount: t.Amount}}
			changed = append(changed, t)
		}
	}
	if len(changed) == 0 {
		return 0, nil
	}
	return len(changed), a.store().SaveBudgetTransactions(ctx, changed)
}

func known(cats []budget.Category, key string) bool {
	for _, c := range cats {
		if c.Key == key {
			return true
		}
	}
	return false
}

func toBudgetTx(t store.BudgetTransaction) budget.Transaction {
	bt := budget.Transaction{ID: t.ID, Date: t.Date, Amount: t.Amount, Description: t.Payee, Reconciled: t.Reconciled}
	if len(t.Splits) > 0 {
		bt.Splits = make([]budget.Split, len(t.Splits))
		for i, sp := range t.Splits {
			bt.Splits[i] = budget.Split{Category: sp.Category, Amount: sp.Amount}
		}
	}
	return bt
}

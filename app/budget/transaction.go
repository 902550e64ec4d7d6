package budget

import (
	"errors"
	"fmt"

	"github.com/ownplan/ownplan/store"
)

// A Transaction is one line on the account statement.
type Transaction struct {
	ID          string // the stored record's ID, carried through untouched
	Date        store.Date
	Amount      int64 // pence: positive is money in, negative is money out
	Description string
	// Splits share Amount between categories; their amounts must add up
	// to Amount. A transaction with no splits is not yet categorised.
	Splits     []Split
	Reconciled bool // checked against the bank statement
}

// A Split is the part of a transaction that belongs to one category,
// signed like the transaction (negative for money out).
type Split struct {
	Category string // category key
	Amount   int64  // pence
}

// SplitTotal returns the sum of t's splits.
func (t Transaction) SplitTotal() int64 {
	var sum int64
	for _, sp := range t.Splits {
		sum += sp.Amount
	}
	return sum
}

// Validate checks t on its own and returns every problem found, joined,
// each wrapped with the transaction's date and description. Split
// categories are checked against the categories by [ValidateTransactions].
func (t Transaction) Validate() error { return t.validate(nil, "") }

// validate checks t, and its split categories against known unless known
// is nil; field names in the errors are put under prefix.
func (t Transaction) validate(known map[string]bool, prefix string) error {
	var errs []error
	add := func(field, msg string) { errs = append(errs, &FieldError{Field: field, Msg: msg}) }
	if t.Date.IsZero() {
		add("Date", msgTxDateMissing)
	}
	if t.Amount == 0 {
		add("Amount", msgTxAmountZero)
	}
	for _, sp := range t.Splits {
		switch {
		case sp.Category == "":
			add("Splits", msgSplitCategoryMissing)
		case known != nil && !known[sp.Category]:
			add("Splits", msgSplitCategoryUnknown(sp.Category))
		}
	}
	if len(t.Splits) > 0 {
		if sum := t.SplitTotal(); sum != t.Amount {
			add("Splits", msgSplitsDoNotAddUp(sum, t.Amount))
		}
	}
	return within(prefix, txLabel(t), errors.Join(errs...))
}

// ValidateTransactions checks every transaction, including that each
// split names one of cats, and returns every problem found, joined. The
// FieldErrors name the transaction by its index: "Transactions[3].Splits".
func ValidateTransactions(txs []Transaction, cats []Category) error {
	known := make(map[string]bool, len(cats))
	for _, c := range cats {
		known[c.Key] = true
	}
	var errs []error
	for i, t := range txs {
		if err := t.validate(known, fmt.Sprintf("Transactions[%d]", i)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

package budget

import (
	"errors"
	"fmt"
)

// A FieldError is one problem with one field, in plain English. Field
// names the field for a form to highlight, for example "YearEnd" or
// "Reserves[1].WeeksTenths". The validation functions return these,
// wrapped with context and joined with errors.Join; use errors.As to
// reach them.
type FieldError struct {
	Field string
	Msg   string
}

// Error returns the plain-English message.
func (e *FieldError) Error() string { return e.Msg }

// Validate checks a whole budget: the setup, the categories, that every
// category-based reserve names a category, and every transaction. It
// returns every problem found, joined.
func Validate(s Setup, cats []Category, txs []Transaction) error {
	errs := []error{s.Validate(), ValidateCategories(cats)}
	known := make(map[string]bool, len(cats))
	for _, c := range cats {
		known[c.Key] = true
	}
	for i, r := range s.Reserves {
		if r.Basis == WeeksOfCategory && r.Category != "" && !known[r.Category] {
			fe := &FieldError{Field: "Category", Msg: msgReserveCategoryUnknown(r.Category)}
			errs = append(errs, wrapReserve(i, r, fe))
		}
	}
	errs = append(errs, ValidateTransactions(txs, cats))
	return errors.Join(errs...)
}

func wrapReserve(i int, r Reserve, err error) error {
	return within(fmt.Sprintf("Reserves[%d]", i), reserveLabel(i, r), err)
}

func wrapCategory(i int, c Category, err error) error {
	return within(fmt.Sprintf("Categories[%d]", i), categoryLabel(i, c), err)
}

// within puts each FieldError joined in err under the field prefix and
// wraps it with a plain-English label, so every line of the joined
// message says what it is about. It returns nil for a nil err.
func within(prefix, label string, err error) error {
	if err == nil {
		return nil
	}
	var parts []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		parts = j.Unwrap()
	} else {
		parts = []error{err}
	}
	out := make([]error, len(parts))
	for i, e := range parts {
		if fe, ok := e.(*FieldError); ok && prefix != "" {
			e = &FieldError{Field: prefix + "." + fe.Field, Msg: fe.Msg}
		}
		out[i] = fmt.Errorf("%s: %w", label, e)
	}
	return errors.Join(out...)
}

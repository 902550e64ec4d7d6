package app

import (
	"context"
	"strings"
	"unicode"

	"github.com/ownplan/ownplan/store"
)

// PayeeKey normalises a payee as banks write it, so that the same payee
// matches however a statement spells it: upper case, with punctuation
// and runs of spaces made single spaces and numbers on their own (card
// numbers, dates, references) left out. "A2B Taxis, Ipswich 0412" is
// "A2B TAXIS IPSWICH".
func PayeeKey(payee string) string {
	clean := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return ' '
	}, payee)
	var words []string
	for _, w := range strings.Fields(clean) {
		if strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// payeeRules maps normalised payees to category keys.
type payeeRules map[string]string

func (a *App) payeeRules(ctx context.Context) (payeeRules, error) {
	rules, err := a.store().PayeeRules(ctx)
	if err != nil {
		return nil, err
	}
	m := make(payeeRules, len(rules))
	for _, r := range rules {
		m[r.Payee] = r.Category
	}
	return m, nil
}

// match returns the category for payee: the rule for exactly that payee,
// or else the rule for the longest payee that starts it word by word (a
// rule for "LEISURE CENTRE" matches "LEISURE CENTRE SWIM"). It returns
// "" when no rule matches.
func (rs payeeRules) match(payee string) string {
	k := PayeeKey(payee)
	if k == "" {
		return ""
	}
	if c, ok := rs[k]; ok {
		return c
	}
	best, cat := 0, ""
	for p, c := range rs {
		if len(p) > best && strings.HasPrefix(k, p+" ") {
			best, cat = len(p), c
		}
	}
	return cat
}

// PayeeRules returns what OwnPlan has learned about which category each
// payee's payments go in.
func (a *App) PayeeRules(ctx context.Context) ([]store.PayeeRule, error) {
	return a.store().PayeeRules(ctx)
}

// SavePayeeRule teaches OwnPlan that payments to or from payee go in the
// category key.
func (a *App) SavePayeeRule(ctx context.Context, payee, key string) error {
	if _, err := a.BudgetCategory(ctx, key); err != nil {
		return err
	}
	return a.store().SavePayeeRules(ctx, store.PayeeRule{Payee: PayeeKey(payee), Category: key})
}

// ForgetPayeeRule forgets the category learned for payee.
func (a *App) ForgetPayeeRule(ctx context.Context, payee string) error {
	return a.store().DeletePayeeRule(ctx, PayeeKey(payee))
}

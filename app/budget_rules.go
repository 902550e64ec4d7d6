package app

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/ownplan/ownplan/store"
)

// PayeeKey normalises a payee as banks write it, so that the same payee
// matches however a statement spells it: upper case, with punctuation
// and runs of spaces made single spaces and numbers on their own (card
// numbers, dates, references) left out. "A2B Taxis, Ipswich 0412" is
// "A2B TAXIS IPSWICH". The words banks wrap round the payee are left out
// too: "CARD PAYMENT TO TESCO STORES 2234,12.50 GBP, RATE 1.00/GBP ON
// 01-10-2026" is "TESCO STORES", "DIRECT DEBIT PAYMENT TO PAYROLL CO REF
// 123, MANDATE NO 45" is "PAYROLL CO" and "FASTER PAYMENTS RECEIPT REF
// DP OCT FROM KENT COUNTY COUNCIL" is "KENT COUNTY COUNCIL".
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
	if core := payeeCore(words); len(core) > 0 {
		words = core
	}
	return strings.Join(words, " ")
}

// bankPrefixes are the words UK banks put before the payee, longest
// first so that the longest that fits is taken.
var bankPrefixes = func() [][]string {
	var ps [][]string
	for _, p := range []string{
		"STANDING ORDER VIA FASTER PAYMENT TO", "BILL PAYMENT VIA FASTER PAYMENT TO", "DIRECT DEBIT PAYMENT TO",
		"FASTER PAYMENTS PAYMENT TO", "DEBIT CARD PAYMENT TO", "CARD PAYMENT TO", "CONTACTLESS PAYMENT TO", "FASTER PAYMENT TO",
		"FASTER PAYMENTS TO", "STANDING ORDER TO", "BILL PAYMENT TO", "DIRECT DEBIT TO", "TRANSFER TO", "TRANSFER FROM",
		"PAYMENT TO", "PAYMENT FROM", "CREDIT FROM", "CARD PURCHASE", "CONTACTLESS", "DIRECT DEBIT", "STANDING ORDER",
	} {
		ps = append(ps, strings.Fields(p))
	}
	return ps
}()

// payeeCore returns the payee's own words among a bank's: without the
// words before it, and cut before a reference, a mandate, a foreign
// exchange note or a date. It returns nil when nothing is left.
func payeeCore(words []string) []string {
	for _, p := range bankPrefixes {
		if len(words) > len(p) && slices.Equal(words[:len(p)], p) {
			words = words[len(p):]
			break
		}
	}
	// "FASTER PAYMENTS RECEIPT REF … FROM PAYER": the payer is last.
	if i, j := slices.Index(words, "RECEIPT"), lastIndex(words, "FROM"); i >= 0 && j > i && j < len(words)-1 {
		words = words[j+1:]
	}
	for i := 1; i < len(words); i++ {
		switch words[i] {
		case "REF", "REFERENCE", "MANDATE", "GBP", "RATE", "VIA":
			return words[:i]
		case "ON":
			if i == len(words)-1 || monthWord(words[i+1]) {
				return words[:i]
			}
		}
	}
	return words
}

func lastIndex(words []string, w string) int {
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] == w {
			return i
		}
	}
	return -1
}

// monthWord reports whether w is a month, short or long, in upper case.
func monthWord(w string) bool {
	for _, m := range [...]string{"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"} {
		if w == m || (len(w) >= 3 && strings.HasPrefix(m, w)) {
			return true
		}
	}
	return false
}

// similarKeys reports whether two payees, made into PayeeKeys, share a
// word of three letters or more (one word may be the start of the other:
// "TAXI" and "TAXIS"), so that a payment typed in by hand as "Taxi to
// hospital" is taken for the bank's "A2B TAXIS IPSWICH".
func similarKeys(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	for _, x := range wa {
		if len(x) < 3 {
			continue
		}
		for _, y := range wb {
			if len(y) >= 3 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x)) {
				return true
			}
		}
	}
	return false
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

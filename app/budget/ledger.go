package budget

import "github.com/ownplan/ownplan/store"

// ledger is the money moved in one date range, added up by category.
type ledger struct {
	byCat        []int64 // signed sum of splits, indexed like the categories
	uncatIn      int64   // money in with no known category
	uncatOut     int64   // money out with no known category, as a positive amount
	net          int64   // sum of all amounts
	count        int
	unreconciled int
	unrecNet     int64 // sum of the unreconciled amounts
}

// tally adds up the transactions dated from from to to inclusive, and
// returns the net movement of those dated from Start up to (not
// including) from. Transactions before Start are ignored (they are in the
// opening balance). Each split goes to its category; the part of a
// transaction not covered by splits naming a known category (no splits,
// an unknown key, or splits that do not add up) is uncategorised money
// in or out according to its sign, so the totals always match the bank.
func tally(s Setup, cats []Category, txs []Transaction, from, to store.Date) (l ledger, before int64) {
	index := make(map[string]int, len(cats))
	for i, c := range cats {
		if _, dup := index[c.Key]; !dup {
			index[c.Key] = i
		}
	}
	l.byCat = make([]int64, len(cats))
	if from.Before(s.Start) {
		from = s.Start
	}
	for i := range txs {
		t := &txs[i]
		if t.Date.Before(s.Start) || t.Date.After(to) {
			continue
		}
		if t.Date.Before(from) {
			before += t.Amount
			continue
		}
		l.net += t.Amount
		l.count++
		if !t.Reconciled {
			l.unreconciled++
			l.unrecNet += t.Amount
		}
		rest := t.Amount
		for _, sp := range t.Splits {
			if j, ok := index[sp.Category]; ok {
				l.byCat[j] += sp.Amount
				rest -= sp.Amount
			}
		}
		if rest > 0 {
			l.uncatIn += rest
		} else {
			l.uncatOut -= rest
		}
	}
	return l, before
}

// in returns the money received: splits on money-in categories plus
// uncategorised money in.
func (l ledger) in(cats []Category) int64 {
	sum := l.uncatIn
	for i, c := range cats {
		if c.Kind == MoneyIn {
			sum += l.byCat[i]
		}
	}
	return sum
}

// out returns the money spent, as a positive amount: splits on money-out
// categories (and categories of no valid kind) plus uncategorised money out.
func (l ledger) out(cats []Category) int64 {
	sum := l.uncatOut
	for i, c := range cats {
		if c.Kind != MoneyIn {
			sum -= l.byCat[i]
		}
	}
	return sum
}

// actual returns category i's total the way people read it: money in as
// received, money out as spent (positive).
func (l ledger) actual(cats []Category, i int) int64 {
	if cats[i].Kind == MoneyIn {
		return l.byCat[i]
	}
	return -l.byCat[i]
}

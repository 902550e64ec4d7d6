package bankimport

import (
	"fmt"
	"slices"
)

// orientation is how the rows of a file must be turned to read oldest
// first with money in positive.
type orientation struct {
	reverse bool // the file is newest first
	negate  bool // the amounts have the opposite sign to the balance
	fits    bool // the running balance agrees with every amount
}

// orient works out the order and sign of txs (in file order) from their
// dates and, when there is one, their running balance. When the first and
// last dates differ they decide the order; when they are equal, only the
// balance can, and without it the file order is kept.
func orient(txs []Transaction) orientation {
	if len(txs) == 0 {
		return orientation{}
	}
	c := txs[0].Date.Compare(txs[len(txs)-1].Date)
	orders := []bool{c > 0}
	if c == 0 {
		orders = []bool{false, true}
	}
	for _, reverse := range orders {
		for _, negate := range []bool{false, true} {
			if ch := chain(txs, reverse, negate); ch.checked > 0 && ch.bad == 0 {
				return orientation{reverse: reverse, negate: negate, fits: true}
			}
		}
	}
	return orientation{reverse: c > 0}
}

// chainResult counts how many running balances were checked against the
// amounts and how many disagreed.
type chainResult struct {
	checked, bad int
	firstBad     int // line of the first disagreement
}

// chain checks each balance against the one before plus the amounts in
// between, reading txs in reverse order if asked and with the amounts'
// signs turned round if asked.
func chain(txs []Transaction, reverse, negate bool) chainResult {
	var res chainResult
	var running int64
	known := false
	for i := range txs {
		t := &txs[i]
		if reverse {
			t = &txs[len(txs)-1-i]
		}
		a := t.AmountPence
		if negate {
			a = -a
		}
		running += a
		if !t.HasBalance {
			continue
		}
		if known {
			res.checked++
			if running != t.BalancePence {
				if res.bad == 0 {
					res.firstBad = t.Line
				}
				res.bad++
			}
		}
		running, known = t.BalancePence, true
	}
	return res
}

// arrange puts st.Transactions oldest first, corrects their sign when the
// balance proves it wrong, and fills in the balances and warnings. inOut
// says whether the amounts came from separate in and out columns, which
// changes the wording of a warning.
func arrange(st *Statement, inOut bool) {
	txs := st.Transactions
	if len(txs) == 0 {
		return
	}
	o := orient(txs)
	if o.reverse {
		slices.Reverse(txs)
	}
	if o.negate {
		for i := range txs {
			txs[i].AmountPence = -txs[i].AmountPence
		}
		if inOut {
			st.Warnings = append(st.Warnings, "The money in and money out columns seem to be the wrong way round: the running balance goes down when money comes in. OwnPlan has swapped them.")
		} else {
			st.Warnings = append(st.Warnings, "This statement shows money out as positive amounts: the running balance goes down when they are paid. OwnPlan has turned them round.")
		}
	}
	if !slices.IsSortedFunc(txs, byDate) {
		slices.SortStableFunc(txs, byDate)
		st.Warnings = append(st.Warnings, "The rows were not in date order, so OwnPlan has sorted them by date.")
	}
	ch := chain(txs, false, false)
	st.BalanceChecked = ch.checked > 0 && ch.bad == 0
	if ch.bad > 0 {
		st.Warnings = append(st.Warnings, singular(fmt.Sprintf(
			"The running balance does not match the amounts on %d rows (the first is line %d). Rows may be missing from the file, or the columns may be wrong: compare the totals with your paper statement.",
			ch.bad, ch.firstBad), ch.bad))
	}
	var before int64 // sum of the amounts before t
	for _, t := range txs {
		if t.HasBalance {
			st.OpeningBalancePence, st.HasOpeningBalance = t.BalancePence-t.AmountPence-before, true
			break
		}
		before += t.AmountPence
	}
	var after int64 // sum of the amounts after txs[i]
	for i := len(txs) - 1; i >= 0; i-- {
		if txs[i].HasBalance {
			st.ClosingBalancePence, st.HasClosingBalance = txs[i].BalancePence+after, true
			break
		}
		after += txs[i].AmountPence
	}
}

func byDate(a, b Transaction) int { return a.Date.Compare(b.Date) }

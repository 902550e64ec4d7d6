package bankimport

import (
	"fmt"
	"slices"
	"strings"
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
	o := orientFollowing(txs)
	if o.reverse {
		slices.Reverse(txs)
	}
	if o.negate {
		for i := range txs {
			txs[i].AmountPence = -txs[i].AmountPence
			txs[i].flip = -txs[i].flip
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
	if w := turnedWarning(txs, inOut, st.BalanceChecked); w != "" {
		st.Warnings = append(st.Warnings, w)
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

// orientFollowing is orient for transactions that may have doubtful
// signs (see settleSigns): when the running balance does not fit them as
// they are, or fits only with every amount turned round, it tries reading
// the doubtful ones as the balance shows, and keeps that reading if it
// fits without turning everything round.
func orientFollowing(txs []Transaction) orientation {
	o := orient(txs)
	if o.fits && !o.negate {
		return o
	}
	if !slices.ContainsFunc(txs, func(t Transaction) bool { return t.flip != 0 }) {
		return o
	}
	trial := slices.Clone(txs)
	if !followBalance(trial, o.reverse) {
		return o
	}
	if t := orient(trial); t.fits && !t.negate {
		copy(txs, trial)
		return t
	}
	return o
}

// followBalance reads the doubtful signs in txs (see settleSigns) the way
// the running balance shows, reading txs in reverse order if asked. It
// turns a transaction only when its balance, and the one before it, prove
// the other reading, and reports whether it turned any.
func followBalance(txs []Transaction, reverse bool) bool {
	turned := false
	var running int64
	known := false
	for i := range txs {
		t := &txs[i]
		if reverse {
			t = &txs[len(txs)-1-i]
		}
		if known && t.HasBalance && t.flip != 0 &&
			running+t.AmountPence != t.BalancePence && running+t.AmountPence+t.flip == t.BalancePence {
			t.turn()
			turned = true
		}
		running += t.AmountPence
		if t.HasBalance {
			running, known = t.BalancePence, true
		}
	}
	return turned
}

// turnedWarning says which amounts in a money in or money out column were
// counted the other way because of their minus sign, or returns "".
func turnedWarning(txs []Transaction, inOut, checked bool) string {
	var lines []int
	n := 0
	for _, t := range txs {
		if t.turned {
			n++
			if len(lines) < maxLinesListed {
				lines = append(lines, t.Line)
			}
		}
	}
	if n == 0 || !inOut {
		return ""
	}
	slices.Sort(lines)
	what := fmt.Sprintf("%d amounts in the money in or money out columns have", n)
	if n == 1 {
		what = "One amount in the money in or money out columns has"
	}
	w := fmt.Sprintf("%s a minus sign or brackets, so OwnPlan has counted it the other way (a refund, or a payment that was reversed): %s.", what, lineList(lines, n))
	if n > 1 {
		w = strings.Replace(w, "counted it", "counted them", 1)
	}
	if checked {
		return w + " The running balance agrees."
	}
	return w + " Check against your paper statement."
}

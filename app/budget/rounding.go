package budget

import (
	"math"
	"math/bits"
)

// mulDiv returns a×b÷c rounded to the nearest integer, halves away from
// zero. The product is held in 128 bits so it cannot overflow; a result
// that does not fit in an int64 saturates. It returns 0 when c is 0.
func mulDiv(a, b, c int64) int64 {
	if c == 0 || a == 0 || b == 0 {
		return 0
	}
	neg := (a < 0) != (b < 0) != (c < 0)
	ua, ub, uc := abs64(a), abs64(b), abs64(c)
	hi, lo := bits.Mul64(ua, ub)
	if hi >= uc {
		return saturate(neg)
	}
	q, r := bits.Div64(hi, lo, uc)
	if r >= uc-r {
		q++
	}
	if neg {
		if q >= 1<<63 {
			return math.MinInt64
		}
		return -int64(q)
	}
	if q > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(q)
}

func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

func saturate(neg bool) int64 {
	if neg {
		return math.MinInt64
	}
	return math.MaxInt64
}

// proRata returns, for each category of one kind, its yearly amount
// times elapsed÷fullYear, rounded so that the parts add up exactly to
// the rounded share of their total: each part is the difference of the
// rounded shares of the running totals, so no penny appears or vanishes
// between the category lines and the total line. Categories of each
// Kind (money in, spending) are shared out separately.
func proRata(cats []Category, elapsed, fullYear int64) []int64 {
	out := make([]int64, len(cats))
	running := map[Kind]int64{}
	for i, c := range cats {
		before := mulDiv(running[c.Kind], elapsed, fullYear)
		running[c.Kind] += c.Annual()
		out[i] = mulDiv(running[c.Kind], elapsed, fullYear) - before
	}
	return out
}

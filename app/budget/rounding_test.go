package budget

import (
	"math"
	"testing"
)

func TestMulDiv(t *testing.T) {
	for _, tc := range []struct {
		a, b, c, want int64
	}{
		{7, 1, 2, 4},   // 3.5 rounds up
		{-7, 1, 2, -4}, // -3.5 rounds away from zero
		{7, 1, -2, -4}, // sign of the divisor counts
		{-7, -1, 2, 4}, // two negatives
		{5, 1, 2, 3},   // 2.5 rounds up, not to even
		{1, 1, 3, 0},   // 0.33
		{2, 1, 3, 1},   // 0.67
		{-2, 1, 3, -1}, // -0.67
		{1820000, 1, 52, 35000},
		{1200000, 1, 52, 23077}, // 23076.92
		{26, 1, 52, 1},          // exactly half a penny rounds up
		{-26, 1, 52, -1},
		{0, 5, 7, 0},
		{5, 7, 0, 0}, // division by zero gives 0
		{math.MaxInt64, math.MaxInt64, math.MaxInt64, math.MaxInt64}, // needs 128 bits
		{math.MaxInt64, 2, 2, math.MaxInt64},
		{math.MaxInt64, 2, 1, math.MaxInt64}, // saturates
		{math.MinInt64, 2, 1, math.MinInt64}, // saturates
		{-math.MaxInt64, math.MaxInt64, 1, math.MinInt64},
		{math.MinInt64, 1, 1, math.MinInt64},
		{1e17, 366, 365, 100273972602739726},
	} {
		if got := mulDiv(tc.a, tc.b, tc.c); got != tc.want {
			t.Errorf("mulDiv(%d, %d, %d) = %d, want %d", tc.a, tc.b, tc.c, got, tc.want)
		}
	}
}

package budget

import "testing"

func TestProRataPartsAddUpToTheTotal(t *testing.T) {
	cats := []Category{
		{Key: "in", Kind: MoneyIn, Planned: 1820000, Period: Annual},
		{Key: "pa", Kind: MoneyOut, Planned: 1684800, Period: Annual},
		{Key: "ni", Kind: MoneyOut, Planned: 21800, Period: Annual},
		{Key: "pay", Kind: MoneyOut, Planned: 17400, Period: Annual},
		{Key: "ins", Kind: MoneyOut, Planned: 12800, Period: Annual},
		{Key: "day", Kind: MoneyOut, Planned: 30000, Period: Annual},
		{Key: "taxi", Kind: MoneyOut, Planned: 43200, Period: Annual},
		{Key: "train", Kind: MoneyOut, Planned: 10000, Period: Annual},
		{Key: "none", Kind: MoneyOut, Planned: 0, Period: Annual},
	}
	for _, tc := range []struct{ elapsed, full int64 }{{183, 365}, {1, 365}, {365, 365}, {0, 365}, {60, 366}, {364, 365}} {
		got := proRata(cats, tc.elapsed, tc.full)
		var in, out, outYear int64
		for i, c := range cats {
			own := mulDiv(c.Annual(), tc.elapsed, tc.full)
			if d := got[i] - own; d < -1 || d > 1 {
				t.Errorf("%d/%d days: %s is %d, more than a penny from its own share %d", tc.elapsed, tc.full, c.Key, got[i], own)
			}
			if c.Kind == MoneyIn {
				in += got[i]
			} else {
				out += got[i]
				outYear += c.Annual()
			}
		}
		if want := mulDiv(1820000, tc.elapsed, tc.full); in != want {
			t.Errorf("%d/%d days: money in %d, want %d", tc.elapsed, tc.full, in, want)
		}
		if want := mulDiv(outYear, tc.elapsed, tc.full); out != want {
			t.Errorf("%d/%d days: spending parts add up to %d, want the share of the total %d", tc.elapsed, tc.full, out, want)
		}
	}
}

package budget

import "testing"

func TestPeriods(t *testing.T) {
	for _, tc := range []struct {
		amount int64
		period Period
		annual int64
		weekly int64
	}{
		{35000, Weekly, 1820000, 35000},
		{140000, FourWeekly, 1820000, 35000},
		{151667, Monthly, 1820004, 35000}, // 35000.08
		{1820000, Annual, 1820000, 35000},
		{100000, Monthly, 1200000, 23077}, // 23076.92 rounds up
		{26, Annual, 26, 1},               // exactly half a penny rounds up
		{25, Annual, 25, 0},               // just under half rounds down
		{0, Weekly, 0, 0},
		{35000, "fortnightly", 0, 0}, // unknown period
		{35000, "", 0, 0},
	} {
		if got := Annualise(tc.amount, tc.period); got != tc.annual {
			t.Errorf("Annualise(%d, %q) = %d, want %d", tc.amount, tc.period, got, tc.annual)
		}
		s := Setup{Amount: tc.amount, Period: tc.period}
		if got := s.Weekly(); got != tc.weekly {
			t.Errorf("weekly of %d %q = %d, want %d", tc.amount, tc.period, got, tc.weekly)
		}
	}
	for _, p := range Periods() {
		if !p.Valid() || p.Name() == "" || p.Name() == periodName("") {
			t.Errorf("period %q: valid %v, name %q", p, p.Valid(), p.Name())
		}
	}
	if Period("daily").Valid() {
		t.Error(`Period("daily") is valid`)
	}
}

func TestHoldingsAndSDS(t *testing.T) {
	for _, tc := range []struct {
		option int
		want   Holding
	}{
		{1, DirectPayment},
		{2, IndividualServiceFund},
		{3, CouncilManaged},
		{4, Mixed},
	} {
		got, err := HoldingForSDSOption(tc.option)
		if err != nil || got != tc.want {
			t.Errorf("HoldingForSDSOption(%d) = %q, %v; want %q", tc.option, got, err, tc.want)
		}
		if n := tc.want.SDSOption(); n != tc.option {
			t.Errorf("%q.SDSOption() = %d, want %d", tc.want, n, tc.option)
		}
	}
	for _, n := range []int{0, 5, -1} {
		_, err := HoldingForSDSOption(n)
		checkFields(t, err, []string{"SDSOption"}, "choose option 1, 2, 3 or 4")
	}
	if n := PersonalHealthBudget.SDSOption(); n != 0 {
		t.Errorf("PersonalHealthBudget.SDSOption() = %d, want 0", n)
	}
	for _, o := range SDSOptions() {
		if o.Name == "" || o.Explanation == "" {
			t.Errorf("SDS option %d has no wording", o.Number)
		}
	}
	for _, h := range Holdings() {
		if !h.Valid() || h.Name() == "" || h.Hint() == "" || h.Name() == Holding("").Name() {
			t.Errorf("holding %q: valid %v, name %q, hint %q", h, h.Valid(), h.Name(), h.Hint())
		}
	}
	if Holding("cash").Valid() {
		t.Error(`Holding("cash") is valid`)
	}
}

package budget

import (
	"slices"
	"testing"
)

// simpleCats is a small plan: PA wages £262.50 a week, insurance £128 a
// year, payroll £14.50 a month, equipment with nothing planned, and
// council payments in.
func simpleCats() []Category {
	return []Category{
		{Key: KeyPAWages, Name: "PA wages", Kind: MoneyOut, Planned: 26250, Period: Weekly},
		{Key: KeyEmployersLiability, Name: "Insurance", Kind: MoneyOut, Planned: 12800, Period: Annual},
		{Key: KeyPayrollService, Name: "Payroll", Kind: MoneyOut, Planned: 1450, Period: Monthly},
		{Key: KeyEquipment, Name: "Equipment", Kind: MoneyOut},
		{Key: KeyCouncilPayments, Name: "Council", Kind: MoneyIn, Planned: 140000, Period: FourWeekly},
	}
}

func TestSummarise(t *testing.T) {
	type want struct {
		through                         string
		elapsed, left, count, unrec     int
		allocated, received, spent, bal int64
		cover                           int64
		uncatIn, uncatOut               int64
	}
	for _, tc := range []struct {
		name   string
		change func(*Setup)
		txs    func(t *testing.T) []Transaction
		asOf   string
		want   want
	}{
		{"empty", nil, func(*testing.T) []Transaction { return nil }, "2026-10-31",
			want{through: "2026-10-31", elapsed: 214, left: 151, allocated: 1067068, bal: 50000, cover: 14}},
		{"first day", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", 140000, KeyCouncilPayments, 140000), tx(t, "2026-04-02", -100, KeyEquipment, -100)}
		}, "2026-04-01", want{through: "2026-04-01", elapsed: 1, left: 364, count: 1, allocated: 4986, received: 140000, bal: 190000, cover: 54}},
		{"before the start", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", 140000, KeyCouncilPayments, 140000)}
		}, "2026-03-15", want{through: "2026-03-31", left: 365, bal: 50000, cover: 14}},
		{"transactions before the start are in the opening balance", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-03-31", -9999), tx(t, "2026-04-02", -1000)}
		}, "2026-04-30", want{through: "2026-04-30", elapsed: 30, left: 335, count: 1, allocated: 149589, spent: 1000, bal: 49000, uncatOut: 1000, cover: 14}},
		{"after the year end", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2027-03-31", 140000, KeyCouncilPayments, 140000), tx(t, "2027-04-01", -5000)}
		}, "2027-06-30", want{through: "2027-03-31", elapsed: 365, count: 1, allocated: 1820000, received: 140000, bal: 190000, cover: 54}},
		{"negative balance", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-03", -60000, KeyPAWages, -60000)}
		}, "2026-04-03", want{through: "2026-04-03", elapsed: 3, left: 362, count: 1, allocated: 14959, spent: 60000, bal: -10000, cover: -3}},
		{"splits that do not add up go to uncategorised", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-03", -30000, KeyPAWages, -26250), tx(t, "2026-04-04", 1000, KeyPAWages, 500)}
		}, "2026-04-04", want{through: "2026-04-04", elapsed: 4, left: 361, count: 2, allocated: 19945, received: 500, spent: 29500, bal: 21000, uncatIn: 500, uncatOut: 3750, cover: 6}},
		{"unknown category is uncategorised", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-03", -700, "holidays", -700)}
		}, "2026-04-03", want{through: "2026-04-03", elapsed: 3, left: 362, count: 1, allocated: 14959, spent: 700, bal: 49300, uncatOut: 700, cover: 14}},
		{"refund reduces spending", nil, func(t *testing.T) []Transaction {
			r := tx(t, "2026-04-05", 2000, KeyEquipment, 2000)
			r.Reconciled = false
			return []Transaction{tx(t, "2026-04-03", -5000, KeyEquipment, -5000), r}
		}, "2026-04-05", want{through: "2026-04-05", elapsed: 5, left: 360, count: 2, unrec: 1, allocated: 24932, spent: 3000, bal: 47000, cover: 13}},
		{"zero budget", func(s *Setup) { s.Amount = 0 }, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-03", -5000)}
		}, "2026-04-05", want{through: "2026-04-05", elapsed: 5, left: 360, count: 1, spent: 5000, bal: 45000, uncatOut: 5000}},
		{"leap year", func(s *Setup) {
			s.Start, s.YearEnd, s.Amount, s.Period = day(t, "2027-04-01"), day(t, "2028-03-31"), 3660000, Annual
		}, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2028-02-29", -100)}
		}, "2028-02-29", want{through: "2028-02-29", elapsed: 335, left: 31, count: 1, allocated: 3350000, spent: 100, bal: 49900, uncatOut: 100, cover: 7}},
		{"year end before start", func(s *Setup) { s.YearEnd = day(t, "2026-01-01") }, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-03", -100)}
		}, "2026-04-05", want{through: "2026-03-31", bal: 50000, cover: 14}},
		{"empty setup", func(s *Setup) { *s = Setup{} }, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-03", -100)}
		}, "2026-04-05", want{through: "0000-00-00"}}, // no dates: nothing is in the year
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := validSetup(t)
			if tc.change != nil {
				tc.change(&s)
			}
			got := Summarise(s, simpleCats(), tc.txs(t), day(t, tc.asOf))
			var uncatIn, uncatOut int64
			for _, l := range got.Categories {
				if l.Key == UncategorisedKey && l.Kind == MoneyIn {
					uncatIn = l.Actual
				}
				if l.Key == UncategorisedKey && l.Kind == MoneyOut {
					uncatOut = l.Actual
				}
			}
			through := got.Through.String()
			if got.Through.IsZero() {
				through = "0000-00-00"
			}
			g := want{through, got.DaysElapsed, got.DaysLeft, got.Transactions, got.Unreconciled,
				got.AllocatedToDate, got.Received, got.Spent, got.Balance, got.WeeksOfCoverTenths, uncatIn, uncatOut}
			if g != tc.want {
				t.Errorf("\n got %+v\nwant %+v", g, tc.want)
			}
			if got.Balance != s.OpeningBalance+got.Received-got.Spent {
				t.Errorf("balance %d != opening %d + received %d − spent %d", got.Balance, s.OpeningBalance, got.Received, got.Spent)
			}
			if got.AsOf != day(t, tc.asOf) {
				t.Errorf("AsOf = %s, want %s", got.AsOf, tc.asOf)
			}
		})
	}
}

func TestSummaryCategories(t *testing.T) {
	s := validSetup(t)
	txs := []Transaction{
		tx(t, "2026-04-03", -30000, KeyPAWages, -26250, KeyPayrollService, -3750),
		tx(t, "2026-04-10", -12800, KeyEmployersLiability, -12800),
		tx(t, "2026-04-29", 140000, KeyCouncilPayments, 140000),
	}
	sum := Summarise(s, simpleCats(), txs, day(t, "2026-04-30"))
	want := []CategoryLine{
		{KeyPAWages, "PA wages", MoneyOut, 1365000, 112192, 26250, 26250 - 112192}, // 1365000 × 30 ÷ 365 = 112191.78
		{KeyEmployersLiability, "Insurance", MoneyOut, 12800, 1052, 12800, 12800 - 1052},
		{KeyPayrollService, "Payroll", MoneyOut, 17400, 1430, 3750, 3750 - 1430},
		{KeyEquipment, "Equipment", MoneyOut, 0, 0, 0, 0},
		{KeyCouncilPayments, "Council", MoneyIn, 1820000, 149589, 140000, 140000 - 149589},
	}
	if !slices.Equal(sum.Categories, want) {
		t.Errorf("categories\n got %+v\nwant %+v", sum.Categories, want)
	}
	if sum.PlannedSpending != 1365000+12800+17400 {
		t.Errorf("PlannedSpending = %d", sum.PlannedSpending)
	}
}

func TestReserves(t *testing.T) {
	s := validSetup(t)
	s.Reserves = []Reserve{
		{Name: "PA holiday pay", Basis: WeeksOfCategory, Category: KeyPAWages, WeeksTenths: StatutoryHolidayWeeksTenths}, // 5.6 × 262.50
		{Name: "Payroll", Basis: WeeksOfCategory, Category: KeyPayrollService, WeeksTenths: 40},                          // 17400 ÷ 52 = 334.62 → 335 × 4
		{Name: "Contingency", Basis: WeeksOfBudget, WeeksTenths: 25},                                                     // 2.5 × 350
		{Name: "Redundancy", Basis: FixedAmount, Amount: 50000},
		{Name: "Missing category", Basis: WeeksOfCategory, Category: "nope", WeeksTenths: 10},
	}
	lines, total := ReservesRequired(s, simpleCats())
	want := []ReserveLine{{"PA holiday pay", 147000}, {"Payroll", 1340}, {"Contingency", 87500}, {"Redundancy", 50000}, {"Missing category", 0}}
	if !slices.Equal(lines, want) || total != 147000+1340+87500+50000 {
		t.Errorf("ReservesRequired = %v, %d; want %v", lines, total, want)
	}

	// Surplus at risk: balance − reserves − 8 weeks.
	s.OpeningBalance = 600000
	sum := Summarise(s, simpleCats(), nil, day(t, "2026-04-01"))
	if want := int64(600000 - total - 280000); sum.SurplusAtRisk != want {
		t.Errorf("SurplusAtRisk = %d, want %d", sum.SurplusAtRisk, want)
	}
	s.SurplusThresholdWeeks = 4
	sum = Summarise(s, simpleCats(), nil, day(t, "2026-04-01"))
	if want := int64(600000 - total - 140000); sum.SurplusAtRisk != want {
		t.Errorf("SurplusAtRisk with 4 weeks = %d, want %d", sum.SurplusAtRisk, want)
	}
	s.OpeningBalance = 100000
	if got := Summarise(s, simpleCats(), nil, day(t, "2026-04-01")).SurplusAtRisk; got != 0 {
		t.Errorf("SurplusAtRisk under the reserves = %d, want 0", got)
	}
}

package budget

import (
	"reflect"
	"testing"
)

func TestForecast(t *testing.T) {
	// Opening £200, £100 spent in the first 10 days, and the council
	// paying £50 on the 1st of each month from May.
	base := func(t *testing.T) Setup {
		s := validSetup(t)
		s.OpeningBalance = 20000
		s.Schedule = Schedule{Kind: MonthlyOnDay, Day: 1, First: day(t, "2026-05-01"), Amount: 5000}
		return s
	}
	spend := func(t *testing.T) []Transaction { return []Transaction{tx(t, "2026-04-05", -10000)} }
	for _, tc := range []struct {
		name   string
		change func(*Setup)
		txs    func(*testing.T) []Transaction
		cats   []Category
		asOf   string
		want   Forecast // Payments and YearEnd are filled in; payments are counted
		nPay   int
	}{
		{"runs out", nil, spend, nil, "2026-04-10", Forecast{
			DaysLeft: 355, PaymentsToCome: 55000, SpendingToCome: 355000, // 10000 × 355 ÷ 10
			Balance: 10000 + 55000 - 355000, RunsOutOn: day(t, "2026-04-21"), // £10 a day from £100
		}, 11},
		{"with a contribution", func(s *Setup) { s.Contribution = Contribution{1000, Weekly} }, spend, nil, "2026-04-10", Forecast{
			DaysLeft: 355, PaymentsToCome: 55000, ContributionsToCome: 50575, SpendingToCome: 355000, // 52000 × 355 ÷ 365 = 50575.34
			Balance: 10000 + 55000 + 50575 - 355000, RunsOutOn: day(t, "2026-04-22"), // 10000 − 12000 + 1710
		}, 11},
		{"a payment on the as-of date is not to come", nil, spend, nil, "2026-05-01", Forecast{
			DaysLeft: 334, PaymentsToCome: 50000, SpendingToCome: 107742, // 10000 × 334 ÷ 31 = 107741.94
			Balance: 10000 + 50000 - 107742, RunsOutOn: day(t, "2026-06-17"), // 10000 + 5000 − 15161 (47 days)
		}, 10},
		{"already overdrawn", func(s *Setup) { s.OpeningBalance = -100 }, func(*testing.T) []Transaction { return nil }, nil, "2026-04-10", Forecast{
			DaysLeft: 355, PaymentsToCome: 55000, Balance: -100 + 55000, // no RunsOutOn: already below zero
		}, 11},
		{"before the start uses the plan", func(s *Setup) { s.Schedule = validSetup(t).Schedule }, spend, simpleCats(), "2026-03-01", Forecast{
			DaysLeft: 365, PaymentsToCome: 14 * 140000, SpendingToCome: 1395200, FromPlan: true,
			Balance: 20000 + 14*140000 - 1395200, SurplusAtRisk: 20000 + 14*140000 - 1395200 - 280000,
		}, 14},
		{"early in the year uses the plan", func(s *Setup) { s.Schedule = Schedule{} }, spend, simpleCats(), "2026-04-10", Forecast{
			DaysLeft: 355, SpendingToCome: 1356975, FromPlan: true, // 1395200 × 355 ÷ 365 = 1356975.34
			Balance: 10000 - 1356975, RunsOutOn: day(t, "2026-04-13"), // £38.22 a day from £100
		}, 0},
		{"after four weeks uses the rate", func(s *Setup) { s.Schedule = Schedule{} }, spend, simpleCats(), "2026-04-28", Forecast{
			DaysLeft: 337, SpendingToCome: 120357, // 10000 × 337 ÷ 28 = 120357.14
			Balance: 10000 - 120357, RunsOutOn: day(t, "2026-05-27"), // 10000 × 29 ÷ 28 = 10357
		}, 0},
		{"after the year end", nil, spend, nil, "2027-05-01", Forecast{Balance: 10000 + 55000}, 0},
		{"refunds do not make a negative spending rate", nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-05", 10000, KeyEquipment, 10000)}
		}, []Category{{Key: KeyEquipment, Name: "Equipment", Kind: MoneyOut}}, "2026-04-10", Forecast{
			DaysLeft: 355, PaymentsToCome: 55000, Balance: 30000 + 55000,
		}, 11},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := base(t)
			if tc.change != nil {
				tc.change(&s)
			}
			txs := tc.txs(t)
			if tc.name == "after the year end" {
				for _, p := range s.Payments(s.Start, s.YearEnd) {
					txs = append(txs, Transaction{Date: p.Date, Amount: p.Amount})
				}
			}
			f := Summarise(s, tc.cats, txs, day(t, tc.asOf)).Forecast
			if len(f.Payments) != tc.nPay {
				t.Errorf("%d payments to come, want %d: %v", len(f.Payments), tc.nPay, f.Payments)
			}
			tc.want.YearEnd = s.YearEnd
			tc.want.Payments = f.Payments
			if !reflect.DeepEqual(f, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", f, tc.want)
			}
		})
	}
}

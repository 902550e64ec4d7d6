package budget

import (
	"strings"
	"testing"
)

func TestScheduleDates(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sc       Schedule
		from, to string
		want     string // dates joined by spaces
	}{
		{"every four weeks over the year", Schedule{Kind: EveryNWeeks, Weeks: 4, First: day(t, "2026-04-01")}, "2026-04-01", "2027-03-31",
			"2026-04-01 2026-04-29 2026-05-27 2026-06-24 2026-07-22 2026-08-19 2026-09-16 2026-10-14 2026-11-11 2026-12-09 2027-01-06 2027-02-03 2027-03-03 2027-03-31"},
		{"every four weeks, rest of year", Schedule{Kind: EveryNWeeks, Weeks: 4, First: day(t, "2026-04-01")}, "2026-11-01", "2027-03-31",
			"2026-11-11 2026-12-09 2027-01-06 2027-02-03 2027-03-03 2027-03-31"},
		{"from on a payment day", Schedule{Kind: EveryNWeeks, Weeks: 4, First: day(t, "2026-04-01")}, "2026-11-11", "2026-12-09", "2026-11-11 2026-12-09"},
		{"started years ago", Schedule{Kind: EveryNWeeks, Weeks: 2, First: day(t, "2020-01-03")}, "2026-04-01", "2026-04-30", "2026-04-03 2026-04-17"}, // 2282 days = 163 fortnights,
		{"weekly over new year", Schedule{Kind: EveryNWeeks, Weeks: 1, First: day(t, "2026-12-24")}, "2026-12-20", "2027-01-08", "2026-12-24 2026-12-31 2027-01-07"},
		{"first payment after from", Schedule{Kind: EveryNWeeks, Weeks: 4, First: day(t, "2026-05-15")}, "2026-04-01", "2026-06-30", "2026-05-15 2026-06-12"},
		{"monthly on the 31st", Schedule{Kind: MonthlyOnDay, Day: 31, First: day(t, "2026-12-31")}, "2026-12-01", "2027-04-30", "2026-12-31 2027-01-31 2027-02-28 2027-03-31 2027-04-30"},
		{"monthly on the 30th, leap February", Schedule{Kind: MonthlyOnDay, Day: 30, First: day(t, "2028-01-01")}, "2028-01-01", "2028-03-31", "2028-01-30 2028-02-29 2028-03-30"},
		{"monthly day before first's day", Schedule{Kind: MonthlyOnDay, Day: 1, First: day(t, "2026-04-15")}, "2026-04-01", "2026-07-01", "2026-05-01 2026-06-01 2026-07-01"},
		{"monthly day 0 uses first's day", Schedule{Kind: MonthlyOnDay, First: day(t, "2026-01-31")}, "2026-01-01", "2026-04-30", "2026-01-31 2026-02-28 2026-03-31 2026-04-30"},
		{"monthly, from mid-way", Schedule{Kind: MonthlyOnDay, Day: 15, First: day(t, "2020-04-15")}, "2026-10-16", "2026-12-31", "2026-11-15 2026-12-15"},
		{"quarterly", Schedule{Kind: Quarterly, First: day(t, "2026-04-01")}, "2026-04-01", "2027-03-31", "2026-04-01 2026-07-01 2026-10-01 2027-01-01"},
		{"quarterly from the 31st", Schedule{Kind: Quarterly, First: day(t, "2025-08-31")}, "2026-01-01", "2026-12-31", "2026-02-28 2026-05-31 2026-08-31 2026-11-30"},
		{"annually in advance", Schedule{Kind: AnnuallyInAdvance, First: day(t, "2024-04-01")}, "2026-04-01", "2028-03-31", "2026-04-01 2027-04-01"},
		{"annually on 29 February", Schedule{Kind: AnnuallyInAdvance, First: day(t, "2028-02-29")}, "2028-01-01", "2032-12-31", "2028-02-29 2029-02-28 2030-02-28 2031-02-28 2032-02-29"},
		{"to before from", Schedule{Kind: Quarterly, First: day(t, "2026-04-01")}, "2026-05-01", "2026-04-01", ""},
		{"no schedule", Schedule{First: day(t, "2026-04-01")}, "2026-04-01", "2027-03-31", ""},
		{"no first date", Schedule{Kind: Quarterly}, "2026-04-01", "2027-03-31", ""},
		{"zero weeks", Schedule{Kind: EveryNWeeks, First: day(t, "2026-04-01")}, "2026-04-01", "2027-03-31", ""},
		{"bad day", Schedule{Kind: MonthlyOnDay, Day: 40, First: day(t, "2026-04-01")}, "2026-04-01", "2027-03-31", ""},
		{"unknown kind", Schedule{Kind: "daily", First: day(t, "2026-04-01")}, "2026-04-01", "2027-03-31", ""},
		{"range before first", Schedule{Kind: Quarterly, First: day(t, "2026-04-01")}, "2025-04-01", "2026-03-31", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range tc.sc.Dates(day(t, tc.from), day(t, tc.to)) {
				got = append(got, d.String())
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("Dates(%s, %s)\n got %s\nwant %s", tc.from, tc.to, g, tc.want)
			}
		})
	}
}

func TestPaymentAmount(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Setup)
		want   int64
	}{
		{"derived, every four weeks", func(*Setup) {}, 140000},
		{"explicit amount wins", func(s *Setup) { s.Schedule.Amount = 139999 }, 139999},
		{"less the contribution", func(s *Setup) { s.Contribution = Contribution{2000, Weekly} }, 132000},
		{"monthly", func(s *Setup) { s.Schedule = Schedule{Kind: MonthlyOnDay, Day: 1, First: s.Start} }, 151667}, // 151666.67
		{"quarterly", func(s *Setup) { s.Schedule = Schedule{Kind: Quarterly, First: s.Start} }, 455000},
		{"annually", func(s *Setup) { s.Schedule = Schedule{Kind: AnnuallyInAdvance, First: s.Start} }, 1820000},
		{"fortnightly", func(s *Setup) { s.Schedule.Weeks = 2 }, 70000},
		{"no schedule", func(s *Setup) { s.Schedule = Schedule{} }, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := validSetup(t)
			tc.change(&s)
			if got := s.PaymentAmount(); got != tc.want {
				t.Errorf("PaymentAmount = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestPayments(t *testing.T) {
	s := validSetup(t)
	got := s.Payments(day(t, "2026-10-01"), day(t, "2026-12-31"))
	want := []Payment{{day(t, "2026-10-14"), 140000}, {day(t, "2026-11-11"), 140000}, {day(t, "2026-12-09"), 140000}}
	if len(got) != len(want) {
		t.Fatalf("Payments = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("payment %d = %v, want %v", i, got[i], want[i])
		}
	}
	if p := s.Payments(day(t, "2026-10-15"), day(t, "2026-11-10")); p != nil {
		t.Errorf("Payments with none due = %v, want nil", p)
	}
}

package budget

import (
	"slices"
	"strings"
	"testing"
)

func TestWarnings(t *testing.T) {
	type kc struct {
		kind WarningKind
		cat  string
	}
	none := func(*testing.T) []Transaction { return nil }
	all := []WarningKind{WarnOverdrawn, WarnRunsOut, WarnReservesShort, WarnPlanOverBudget, WarnOverPlanForYear,
		WarnAheadOfPlan, WarnNotInPlan, WarnSurplusNow, WarnSurplusAtYearEnd}
	for _, tc := range []struct {
		name   string
		change func(*Setup)
		cats   func([]Category) []Category
		txs    func(*testing.T) []Transaction
		asOf   string
		want   []kc          // must all be given, in this order
		absent []WarningKind // must not be given
		msg    string        // the first wanted warning's message, when given
	}{
		{"overdrawn", func(s *Setup) { s.OpeningBalance = -5000 }, nil, none, "2026-04-01",
			[]kc{{WarnOverdrawn, ""}}, []WarningKind{WarnRunsOut, WarnReservesShort}, "Your account is overdrawn by £50.00."},
		{"runs out", func(s *Setup) { s.OpeningBalance = 20000; s.Schedule.Amount = 1 }, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-05", -10000)}
		}, "2026-04-28", []kc{{WarnRunsOut, ""}}, []WarningKind{WarnOverdrawn},
			"At this rate the money will run out around 27 May 2026, before the year ends on 31 March 2027."},
		{"runs out the same day as a payment", func(s *Setup) { s.OpeningBalance = 20000 }, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-05", -10000)}
		}, "2026-04-28", nil, []WarningKind{WarnRunsOut}, ""}, // the £1,400 on 29 April arrives first
		{"reserves short", func(s *Setup) { s.Reserves = []Reserve{{Name: "Redundancy", Basis: FixedAmount, Amount: 100000}} }, nil, none, "2026-04-01",
			[]kc{{WarnReservesShort, ""}}, nil, "Your balance (£500) is £500 less than the reserves you need to keep (£1,000)."},
		{"plan over budget", nil, func(c []Category) []Category { c[0].Planned = 40000; return c }, none, "2026-04-01",
			[]kc{{WarnPlanOverBudget, ""}}, nil, "Your plan spends £21,102 a year, £2,902 more than your budget of £18,200."},
		{"annual insurance paid up front", func(s *Setup) { s.OpeningBalance = 200000 }, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-02", -12800, KeyEmployersLiability, -12800)}
		}, "2026-04-02", nil, []WarningKind{WarnRunsOut, WarnAheadOfPlan, WarnOverPlanForYear}, ""},
		{"over plan for the year", nil, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-02", -13000, KeyEmployersLiability, -13000)}
		}, "2026-04-02", []kc{{WarnOverPlanForYear, KeyEmployersLiability}}, []WarningKind{WarnAheadOfPlan},
			"You have spent £130 on Insurance so far, £2 more than planned for the whole year (£128)."},
		{"monthly fee at the start of the month", nil, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", -1450, KeyPayrollService, -1450)}
		}, "2026-04-01", nil, []WarningKind{WarnAheadOfPlan}, ""},
		{"one week's wages ahead is fine", nil, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", -26250, KeyPAWages, -26250), tx(t, "2026-04-08", -26250, KeyPAWages, -26250)}
		}, "2026-04-08", nil, []WarningKind{WarnAheadOfPlan}, ""},
		{"ahead of plan", nil, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", -78750, KeyPAWages, -78750)}
		}, "2026-04-08", []kc{{WarnOverdrawn, ""}, {WarnAheadOfPlan, KeyPAWages}}, nil, "Your account is overdrawn by £287.50."},
		{"ahead of plan message", func(s *Setup) { s.OpeningBalance = 100000 }, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", -78750, KeyPAWages, -78750)}
		}, "2026-04-08", []kc{{WarnAheadOfPlan, KeyPAWages}}, nil,
			"Spending on PA wages is ahead of plan: £788 so far, against £299 planned by 8 April 2026."},
		{"not in plan", nil, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", -5000, KeyEquipment, -5000)}
		}, "2026-04-08", []kc{{WarnNotInPlan, KeyEquipment}}, nil,
			"You have spent £50 on Equipment, which has nothing planned in your support plan."},
		{"no plan yet, no category warnings", nil, func(c []Category) []Category {
			for i := range c {
				c[i].Planned = 0
			}
			return c
		}, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", -5000, KeyEquipment, -5000)}
		}, "2026-04-08", nil, []WarningKind{WarnNotInPlan, WarnAheadOfPlan, WarnOverPlanForYear}, ""},
		{"money in over plan is only a surplus", nil, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-01", 300000, KeyCouncilPayments, 300000)}
		}, "2026-04-08", []kc{{WarnSurplusNow, ""}}, []WarningKind{WarnAheadOfPlan, WarnOverPlanForYear, WarnNotInPlan}, ""},
		{"surplus now and at the year end", func(s *Setup) {
			s.OpeningBalance = 500000
			s.Reserves = []Reserve{{Name: "Holiday", Basis: WeeksOfCategory, Category: KeyPAWages, WeeksTenths: 56}}
		}, nil, none, "2026-04-01", []kc{{WarnSurplusNow, ""}, {WarnSurplusAtYearEnd, ""}}, nil,
			"You have £730 more than your council usually lets you keep. Your balance is £5,000; they allow 8 weeks' budget (£2,800) plus your reserves (£1,470)."},
		{"one week's threshold at the year end", func(s *Setup) { s.OpeningBalance = 500000; s.SurplusThresholdWeeks = 1 }, nil, none, "2027-03-31",
			[]kc{{WarnSurplusNow, ""}}, []WarningKind{WarnSurplusAtYearEnd},
			"You have £4,650 more than your council usually lets you keep. Your balance is £5,000; they allow 1 week's budget (£350) plus your reserves (£0)."},
		{"zero budget: no surplus warnings", func(s *Setup) { s.OpeningBalance, s.Amount = 500000, 0 }, func([]Category) []Category { return nil },
			none, "2026-04-01", nil, all, ""},
		{"overdrawn is not also reserves short", func(s *Setup) {
			s.Reserves = []Reserve{{Name: "Redundancy", Basis: FixedAmount, Amount: 100000}}
		}, nil, func(t *testing.T) []Transaction {
			return []Transaction{tx(t, "2026-04-02", -60000, KeyEmployersLiability, -60000)}
		}, "2026-04-02", []kc{{WarnOverdrawn, ""}, {WarnOverPlanForYear, KeyEmployersLiability}}, []WarningKind{WarnReservesShort, WarnRunsOut}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := validSetup(t)
			if tc.change != nil {
				tc.change(&s)
			}
			cats := simpleCats()
			if tc.cats != nil {
				cats = tc.cats(cats)
			}
			ws := Summarise(s, cats, tc.txs(t), day(t, tc.asOf)).Warnings
			var got []kc
			for _, w := range ws {
				got = append(got, kc{w.Kind, w.Category})
				if w.Message == "" || w.Advice == "" || !strings.HasSuffix(w.Message, ".") {
					t.Errorf("warning %q has message %q, advice %q", w.Kind, w.Message, w.Advice)
				}
				if slices.Contains(tc.absent, w.Kind) {
					t.Errorf("unwanted warning %q: %s", w.Kind, w.Message)
				}
			}
			// want must be a subsequence of got.
			i := 0
			for _, g := range got {
				if i < len(tc.want) && g == tc.want[i] {
					i++
				}
			}
			if i < len(tc.want) {
				t.Errorf("warnings = %v, want %v in order", got, tc.want)
			}
			if tc.msg != "" {
				for _, w := range ws {
					if w.Kind == tc.want[0].kind && w.Message != tc.msg {
						t.Errorf("message\n got %q\nwant %q", w.Message, tc.msg)
					}
				}
			}
		})
	}
}

// TestWarningOrder checks the most serious warnings come first.
func TestWarningOrder(t *testing.T) {
	s := validSetup(t)
	s.OpeningBalance = 1000
	s.Schedule.Amount = 1
	s.Reserves = []Reserve{{Name: "Redundancy", Basis: FixedAmount, Amount: 100000}}
	cats := simpleCats()
	cats[0].Planned = 40000
	txs := []Transaction{tx(t, "2026-04-02", -300, KeyEquipment, -300)}
	var got []WarningKind
	for _, w := range Summarise(s, cats, txs, day(t, "2026-05-01")).Warnings {
		got = append(got, w.Kind)
	}
	want := []WarningKind{WarnRunsOut, WarnReservesShort, WarnPlanOverBudget, WarnNotInPlan}
	if !slices.Equal(got, want) {
		t.Errorf("warnings = %v, want %v", got, want)
	}
}

func TestUKDate(t *testing.T) {
	for in, want := range map[string]string{"2027-03-31": "31 March 2027", "2028-02-29": "29 February 2028", "2026-04-01": "1 April 2026", "": "(no date)"} {
		if got := ukDate(day(t, in)); got != want {
			t.Errorf("ukDate(%s) = %q, want %q", in, got, want)
		}
	}
}

package budget

import "testing"

func TestSetupValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Setup)
		fields []string
		msgs   []string
	}{
		{"valid", func(*Setup) {}, nil, nil},
		{"zero budget", func(s *Setup) { s.Amount = 0 }, []string{"Amount"}, []string{"The budget amount must be more than £0."}},
		{"negative budget", func(s *Setup) { s.Amount = -1 }, []string{"Amount"}, nil},
		{"no period", func(s *Setup) { s.Period = "" }, []string{"Period"}, nil},
		{"no holding", func(s *Setup) { s.Holding = "" }, []string{"Holding"}, nil},
		{"isf without provider", func(s *Setup) { s.Holding = IndividualServiceFund }, []string{"Provider"}, nil},
		{"isf with provider", func(s *Setup) { s.Holding, s.Provider = IndividualServiceFund, "Choices Ltd" }, nil, nil},
		{"council-managed without schedule", func(s *Setup) { s.Holding, s.Schedule = CouncilManaged, Schedule{} }, nil, nil},
		{"direct payment without schedule", func(s *Setup) { s.Schedule = Schedule{} }, []string{"Schedule"}, nil},
		{"year end before start", func(s *Setup) { s.YearEnd = day(t, "2026-03-31") }, []string{"YearEnd"}, []string{"The year end must be after the start date."}},
		{"year end same as start", func(s *Setup) { s.YearEnd = s.Start }, []string{"YearEnd"}, nil},
		{"year more than a year", func(s *Setup) { s.YearEnd = day(t, "2027-04-01") }, []string{"YearEnd"}, []string{"on or before 31 March 2027"}},
		{"short first year", func(s *Setup) { s.Start = day(t, "2026-10-01") }, nil, nil},
		{"leap year", func(s *Setup) { s.Start, s.YearEnd = day(t, "2027-04-01"), day(t, "2028-03-31") }, nil, nil},
		{"no start", func(s *Setup) { s.Start = day(t, "") }, []string{"Start"}, nil},
		{"no year end", func(s *Setup) { s.YearEnd = day(t, "") }, []string{"YearEnd"}, nil},
		{"bad schedule", func(s *Setup) { s.Schedule.Weeks = 0; s.Schedule.Amount = -5 }, []string{"Schedule.Weeks", "Schedule.Amount"}, []string{"Payment schedule: The weeks between payments"}},
		{"unknown schedule", func(s *Setup) { s.Schedule.Kind = "fortnightly" }, []string{"Schedule.Kind"}, nil},
		{"schedule without first date", func(s *Setup) { s.Schedule.First = day(t, "") }, []string{"Schedule.First"}, nil},
		{"monthly day 32", func(s *Setup) { s.Schedule = Schedule{Kind: MonthlyOnDay, Day: 32, First: s.Start} }, []string{"Schedule.Day"}, nil},
		{"contribution", func(s *Setup) { s.Contribution = Contribution{2000, Weekly} }, nil, nil},
		{"contribution no period", func(s *Setup) { s.Contribution = Contribution{2000, ""} }, []string{"Contribution.Period"}, nil},
		{"contribution negative", func(s *Setup) { s.Contribution = Contribution{-1, Weekly} }, []string{"Contribution.Amount"}, nil},
		{"contribution over budget", func(s *Setup) { s.Contribution = Contribution{35001, Weekly} }, []string{"Contribution.Amount"}, nil},
		{"negative threshold", func(s *Setup) { s.SurplusThresholdWeeks = -2 }, []string{"SurplusThresholdWeeks"}, nil},
		{"no surplus allowed", func(s *Setup) { s.SetThresholdWeeks(0) }, nil, nil},
		{"good reserves", func(s *Setup) {
			s.Reserves = []Reserve{
				{Name: "PA holiday pay", Basis: WeeksOfCategory, Category: KeyPAWages, WeeksTenths: 56},
				{Name: "Contingency", Basis: WeeksOfBudget, WeeksTenths: 20},
				{Name: "Redundancy", Basis: FixedAmount, Amount: 50000},
			}
		}, nil, nil},
		{"bad reserves", func(s *Setup) {
			s.Reserves = []Reserve{
				{Name: "Holiday", Basis: WeeksOfCategory},
				{Basis: FixedAmount},
				{Name: "Odd", Basis: "percent"},
			}
		}, []string{"Reserves[0].WeeksTenths", "Reserves[0].Category", "Reserves[1].Name", "Reserves[1].Amount", "Reserves[2].Basis"},
			[]string{`Reserve "Holiday": The number of weeks must be more than 0.`, "Reserve 2: Give the reserve a name"}},
		{"everything missing", func(s *Setup) { *s = Setup{} }, []string{"Holding", "Amount", "Period", "Start"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := validSetup(t)
			tc.change(&s)
			checkFields(t, s.Validate(), tc.fields, tc.msgs...)
		})
	}
}

func TestSetupYear(t *testing.T) {
	for _, tc := range []struct {
		name             string
		start, yearEnd   string
		annual           int64
		fullYear, inYear int
		allocated        map[string]int64
	}{
		{"2026/27", "2026-04-01", "2027-03-31", 3650000, 365, 365, map[string]int64{
			"2026-03-31": 0,       // before the start
			"2026-04-01": 10000,   // the first day counts
			"2026-10-31": 2140000, // 214 days
			"2027-03-31": 3650000, // the whole year
			"2027-06-30": 3650000, // after the year end
		}},
		{"leap year 2027/28", "2027-04-01", "2028-03-31", 3660000, 366, 366, map[string]int64{
			"2028-02-28": 3340000,
			"2028-02-29": 3350000,
			"2028-03-31": 3660000,
		}},
		{"year ending on 29 February", "2027-03-01", "2028-02-29", 3660000, 366, 366, map[string]int64{
			"2027-03-01": 10000,
			"2028-02-29": 3660000,
		}},
		{"short first year", "2026-10-01", "2027-03-31", 3650000, 365, 182, map[string]int64{
			"2026-10-01": 10000,
			"2027-03-31": 1820000,
		}},
		{"rounding", "2026-04-01", "2027-03-31", 1820000, 365, 365, map[string]int64{
			"2026-04-01": 4986,    // 4986.30
			"2026-10-31": 1067068, // 1067068.49
			"2026-04-04": 19945,   // 19945.21
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Setup{Amount: tc.annual, Period: Annual, Start: day(t, tc.start), YearEnd: day(t, tc.yearEnd)}
			if got := s.FullYearDays(); got != tc.fullYear {
				t.Errorf("FullYearDays = %d, want %d", got, tc.fullYear)
			}
			if got := s.DaysInYear(); got != tc.inYear {
				t.Errorf("DaysInYear = %d, want %d", got, tc.inYear)
			}
			for d, want := range tc.allocated {
				if got := s.AllocatedBy(day(t, d)); got != want {
					t.Errorf("AllocatedBy(%s) = %d, want %d", d, got, want)
				}
			}
		})
	}
}

func TestThreshold(t *testing.T) {
	s := validSetup(t)
	if s.ThresholdWeeks() != 8 || s.Threshold() != 280000 {
		t.Errorf("default threshold = %d weeks, %d; want 8 weeks, 280000", s.ThresholdWeeks(), s.Threshold())
	}
	s.SetThresholdWeeks(4)
	if s.ThresholdWeeks() != 4 || s.Threshold() != 140000 {
		t.Errorf("threshold = %d weeks, %d; want 4 weeks, 140000", s.ThresholdWeeks(), s.Threshold())
	}
	// A council that lets the person keep nothing beyond reserves.
	s.SetThresholdWeeks(0)
	if s.SurplusThresholdWeeks != NoSurplusAllowed || s.ThresholdWeeks() != 0 || s.Threshold() != 0 || s.Validate() != nil {
		t.Errorf("no surplus: %d weeks, %d, %v", s.ThresholdWeeks(), s.Threshold(), s.Validate())
	}
	sum := Summarise(s, nil, []Transaction{{Date: s.Start, Amount: 100000}}, s.Start)
	if sum.SurplusAtRisk != 100000+s.OpeningBalance {
		t.Errorf("surplus at risk with no threshold = %d", sum.SurplusAtRisk)
	}
}

package budget

// WarningKind says what a warning is about. Its value is a stable key.
type WarningKind string

// The kinds of warning, most serious first.
const (
	WarnOverdrawn        WarningKind = "overdrawn"
	WarnRunsOut          WarningKind = "runs_out"
	WarnReservesShort    WarningKind = "reserves_short"
	WarnPlanOverBudget   WarningKind = "plan_over_budget"
	WarnOverPlanForYear  WarningKind = "over_plan_for_year"
	WarnAheadOfPlan      WarningKind = "ahead_of_plan"
	WarnNotInPlan        WarningKind = "not_in_plan"
	WarnSurplusNow       WarningKind = "surplus_now"
	WarnSurplusAtYearEnd WarningKind = "surplus_at_year_end"
)

// A Warning is something the person may want to act on, in plain
// English, with advice on what to do.
type Warning struct {
	Kind     WarningKind
	Category string // the category key, for warnings about one category
	Message  string // what is happening
	Advice   string // what the person can do about it
}

// warnings returns the warnings for sum, most serious first.
//
// A money-out category is over plan for the year when its spending is
// more than its planned amount for the whole year. It is ahead of plan
// when spending is more than planned to date plus one of its own periods
// (a month's fee paid at the start of the month is not a warning); an
// annual category is only ever over plan for the year. Spending on a
// category with nothing planned is a warning only once the person has
// planned some spending.
func warnings(s Setup, cats []Category, sum Summary) []Warning {
	var ws []Warning
	add := func(k WarningKind, cat string, t text) {
		ws = append(ws, Warning{Kind: k, Category: cat, Message: t.name, Advice: t.hint})
	}
	if sum.Balance < 0 {
		add(WarnOverdrawn, "", textOverdrawn(-sum.Balance))
	}
	if !sum.Forecast.RunsOutOn.IsZero() {
		add(WarnRunsOut, "", textRunsOut(sum.Forecast.RunsOutOn, s.YearEnd))
	}
	if sum.Balance >= 0 && sum.Balance < sum.ReservesRequired {
		add(WarnReservesShort, "", textReservesShort(sum.Balance, sum.ReservesRequired))
	}
	if sum.AnnualBudget > 0 && sum.PlannedSpending > sum.AnnualBudget {
		add(WarnPlanOverBudget, "", textPlanOverBudget(sum.PlannedSpending, sum.AnnualBudget))
	}
	if sum.DaysElapsed > 0 {
		for i, c := range cats {
			line := sum.Categories[i]
			if c.Kind == MoneyIn || line.Actual <= 0 {
				continue
			}
			switch {
			case line.PlannedYear == 0 && sum.PlannedSpending > 0:
				add(WarnNotInPlan, c.Key, textNotInPlan(c.Name, line.Actual))
			case line.PlannedYear == 0:
			case line.Actual > line.PlannedYear:
				add(WarnOverPlanForYear, c.Key, textOverPlanForYear(c.Name, line.Actual, line.PlannedYear))
			case line.Actual > min(line.PlannedYear, line.PlannedToDate+c.Planned):
				add(WarnAheadOfPlan, c.Key, textAheadOfPlan(c.Name, line.Actual, line.PlannedToDate, sum.Through))
			}
		}
	}
	if sum.AnnualBudget > 0 && sum.SurplusAtRisk > 0 {
		add(WarnSurplusNow, "", textSurplusNow(sum))
	}
	if sum.AnnualBudget > 0 && sum.Forecast.DaysLeft > 0 && sum.Forecast.SurplusAtRisk > 0 {
		add(WarnSurplusAtYearEnd, "", textSurplusAtYearEnd(sum))
	}
	return ws
}

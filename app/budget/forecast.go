package budget

import "github.com/ownplan/ownplan/store"

// Forecast is where the balance is heading by the year end if money keeps
// going out at the rate it has so far. All amounts are pence.
type Forecast struct {
	YearEnd  store.Date
	DaysLeft int // days after the summary's Through date up to YearEnd

	// Payments are the council payments still to come, from the
	// schedule, and PaymentsToCome their total.
	Payments       []Payment
	PaymentsToCome int64
	// ContributionsToCome is the person's own contribution for the days
	// left: annual contribution × DaysLeft ÷ the full year's days,
	// rounded. It assumes the contribution is paid into the account.
	ContributionsToCome int64
	// SpendingToCome is the spending expected in the days left: spent so
	// far × DaysLeft ÷ days elapsed, rounded. In the first RateDays days
	// of the year the rate so far says little (an annual bill paid on the
	// second day would look like running out by the eighth), so while
	// there is a plan its spending is used instead, pro rata over the
	// full year's days, and FromPlan is true.
	SpendingToCome int64
	FromPlan       bool

	// Balance is the expected balance at the end of YearEnd.
	Balance int64
	// SurplusAtRisk is what the council may ask back at the year end:
	// max(0, Balance − reserves required − threshold).
	SurplusAtRisk int64
	// RunsOutOn is the first day on which the expected balance is below
	// zero, or the zero Date if it never is before YearEnd (or the
	// balance is already below zero).
	RunsOutOn store.Date
}

// RateDays is how many days of the budget year must have passed before
// the forecast uses the rate of spending so far rather than the plan:
// four weeks, one usual payment cycle.
const RateDays = 28

// forecast projects sum's balance to the year end.
func forecast(s Setup, sum Summary) Forecast {
	f := Forecast{YearEnd: s.YearEnd, DaysLeft: sum.DaysLeft}
	if f.DaysLeft <= 0 {
		f.DaysLeft = 0
		f.Balance = sum.Balance
		f.SurplusAtRisk = sum.SurplusAtRisk
		return f
	}
	first := sum.Through.AddDays(1)
	f.Payments = s.Payments(first, s.YearEnd)
	fullYear := int64(s.FullYearDays())
	contrib := s.Contribution.Annual()
	rate, per := max(0, sum.Spent), int64(sum.DaysElapsed)
	if sum.DaysElapsed < RateDays && sum.PlannedSpending > 0 {
		rate, per, f.FromPlan = sum.PlannedSpending, fullYear, true
	}

	next := 0
	for k := 1; k <= f.DaysLeft; k++ {
		day := first.AddDays(k - 1)
		for next < len(f.Payments) && !f.Payments[next].Date.After(day) {
			f.PaymentsToCome += f.Payments[next].Amount
			next++
		}
		f.ContributionsToCome = mulDiv(contrib, int64(k), fullYear)
		f.SpendingToCome = mulDiv(rate, int64(k), per)
		bal := sum.Balance + f.PaymentsToCome + f.ContributionsToCome - f.SpendingToCome
		if bal < 0 && sum.Balance >= 0 && f.RunsOutOn.IsZero() {
			f.RunsOutOn = day
		}
	}
	f.Balance = sum.Balance + f.PaymentsToCome + f.ContributionsToCome - f.SpendingToCome
	f.SurplusAtRisk = max(0, f.Balance-sum.ReservesRequired-sum.Threshold)
	return f
}

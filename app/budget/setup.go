package budget

import (
	"errors"

	"github.com/ownplan/ownplan/store"
)

// DefaultSurplusThresholdWeeks is the surplus threshold used when a
// Setup leaves it at 0: many councils let a person keep up to 8 weeks of
// budget (after reserves) before asking for money back.
const DefaultSurplusThresholdWeeks = 8

// NoSurplusAllowed, as Setup.SurplusThresholdWeeks, says that the council
// lets the person keep nothing beyond their reserves: a threshold of 0
// weeks, which the value 0 cannot say because it means the default. Use
// [Setup.SetThresholdWeeks] to set a number of weeks.
const NoSurplusAllowed = -1

// Setup is how a personal budget is held, how much it is, when it is paid
// and what must be kept back. The app layer fills it from stored records.
type Setup struct {
	Holding  Holding
	Provider string // who holds an individual service fund

	Amount int64  // the budget in pence per Period
	Period Period // how often Amount is for

	Start   store.Date // first day of the budget year
	YearEnd store.Date // last day of the budget year, inclusive

	Schedule     Schedule     // when the council pays
	Contribution Contribution // the person's own contribution

	// OpeningBalance is the account balance at the start of Start, in
	// pence (it may be negative).
	OpeningBalance int64

	Reserves []Reserve // money the person must keep back

	// SurplusThresholdWeeks is how many weeks of budget the council lets
	// the person hold, after reserves, before it may ask for money back.
	// 0 means DefaultSurplusThresholdWeeks and NoSurplusAllowed means none.
	SurplusThresholdWeeks int
}

// Contribution is the amount the council has assessed the person to pay
// towards their own support.
type Contribution struct {
	Amount int64  // pence per Period; 0 when the person pays nothing
	Period Period // how often Amount is for
}

// Annual returns the contribution for a year (see [Annualise]).
func (c Contribution) Annual() int64 { return Annualise(c.Amount, c.Period) }

// Annual returns the budget for a year (see [Annualise]).
func (s Setup) Annual() int64 { return Annualise(s.Amount, s.Period) }

// Weekly returns the weekly budget: the annual budget ÷ 52, rounded to
// the nearest penny.
func (s Setup) Weekly() int64 { return WeeklyOf(s.Annual()) }

// ThresholdWeeks returns the council's surplus threshold in weeks,
// applying the default when none is set.
func (s Setup) ThresholdWeeks() int {
	switch s.SurplusThresholdWeeks {
	case 0:
		return DefaultSurplusThresholdWeeks
	case NoSurplusAllowed:
		return 0
	}
	return s.SurplusThresholdWeeks
}

// SetThresholdWeeks sets the council's surplus threshold to n weeks; 0
// weeks is stored as NoSurplusAllowed.
func (s *Setup) SetThresholdWeeks(n int) {
	if n == 0 {
		n = NoSurplusAllowed
	}
	s.SurplusThresholdWeeks = n
}

// Threshold returns the surplus threshold in pence: ThresholdWeeks ×
// the weekly budget.
func (s Setup) Threshold() int64 { return mulDiv(int64(s.ThresholdWeeks()), s.Weekly(), 1) }

// FullYearDays returns the length of a full budget year ending on
// YearEnd: 366 when it contains 29 February, otherwise 365. Allocations
// are pro-rata over this many days.
func (s Setup) FullYearDays() int {
	if s.YearEnd.IsZero() {
		return 365
	}
	return s.YearEnd.DaysSince(s.YearEnd.AddMonths(-12))
}

// DaysInYear returns the number of days from Start to YearEnd inclusive
// (0 when either is not set or the year end is before the start).
func (s Setup) DaysInYear() int {
	if s.Start.IsZero() || s.YearEnd.IsZero() {
		return 0
	}
	return max(0, s.YearEnd.DaysSince(s.Start)+1)
}

// daysElapsed returns how many days of the budget year have passed by the
// end of d, counting both Start and d, between 0 and DaysInYear.
func (s Setup) daysElapsed(d store.Date) int {
	return min(max(0, d.DaysSince(s.Start)+1), s.DaysInYear())
}

// AllocatedBy returns the budget allocated from Start to d inclusive:
// annual × days elapsed ÷ FullYearDays, rounded to the nearest penny.
// It is 0 before Start and the whole year's allocation after YearEnd.
func (s Setup) AllocatedBy(d store.Date) int64 {
	return mulDiv(s.Annual(), int64(s.daysElapsed(d)), int64(s.FullYearDays()))
}

// Validate checks the setup on its own and returns every problem found,
// joined, each a *FieldError in plain English. Reserves that refer to a
// category are checked against the categories by [Validate].
func (s Setup) Validate() error {
	var errs []error
	add := func(field, msg string) { errs = append(errs, &FieldError{Field: field, Msg: msg}) }
	switch {
	case !s.Holding.Valid():
		add("Holding", msgHoldingMissing)
	case s.Holding == IndividualServiceFund && s.Provider == "":
		add("Provider", msgProviderMissing)
	}
	if s.Amount <= 0 {
		add("Amount", msgAmountNotPositive)
	}
	if !s.Period.Valid() {
		add("Period", msgPeriodMissing)
	}
	switch {
	case s.Start.IsZero():
		add("Start", msgStartMissing)
	case s.YearEnd.IsZero():
		add("YearEnd", msgYearEndMissing)
	case !s.YearEnd.After(s.Start):
		add("YearEnd", msgYearEndNotAfterStart)
	case !s.YearEnd.AddMonths(-12).Before(s.Start):
		add("YearEnd", msgYearTooLong(s.Start.AddMonths(12).AddDays(-1)))
	}
	if s.Holding == DirectPayment && s.Schedule.Kind == NoSchedule {
		add("Schedule", msgScheduleMissing)
	}
	if err := s.Schedule.Validate(); err != nil {
		errs = append(errs, err)
	}
	switch {
	case s.Contribution.Amount < 0:
		add("Contribution.Amount", msgContributionNegative)
	case s.Contribution.Amount > 0 && !s.Contribution.Period.Valid():
		add("Contribution.Period", msgContributionPeriodMissing)
	case s.Amount > 0 && s.Contribution.Annual() > s.Annual():
		add("Contribution.Amount", msgContributionTooBig)
	}
	if s.SurplusThresholdWeeks < 0 && s.SurplusThresholdWeeks != NoSurplusAllowed {
		add("SurplusThresholdWeeks", msgThresholdNegative)
	}
	for i, r := range s.Reserves {
		if err := r.validate(); err != nil {
			errs = append(errs, wrapReserve(i, r, err))
		}
	}
	return errors.Join(errs...)
}

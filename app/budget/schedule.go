package budget

import (
	"errors"

	"github.com/ownplan/ownplan/store"
)

// ScheduleKind is how often the council pays. Its value is a stable key
// for storage.
type ScheduleKind string

// The payment schedules councils use.
const (
	// NoSchedule: the council pays nothing into an account (a
	// council-managed budget, for example).
	NoSchedule ScheduleKind = ""
	// EveryNWeeks: every Schedule.Weeks weeks from Schedule.First.
	EveryNWeeks ScheduleKind = "every_n_weeks"
	// MonthlyOnDay: every month on day Schedule.Day, from Schedule.First.
	MonthlyOnDay ScheduleKind = "monthly"
	// Quarterly: every three months from Schedule.First.
	Quarterly ScheduleKind = "quarterly"
	// AnnuallyInAdvance: once a year on Schedule.First and its
	// anniversaries, for the year ahead.
	AnnuallyInAdvance ScheduleKind = "annually"
)

// Schedule is when the council pays money into the account.
type Schedule struct {
	Kind  ScheduleKind
	First store.Date // the first payment; later ones follow from it
	Weeks int        // for EveryNWeeks: the gap in weeks (4 for every four weeks)
	// Day is the day of the month for MonthlyOnDay (1 to 31; shorter
	// months use their last day). 0 means First's day of the month.
	Day int
	// Amount is each payment in pence. 0 means work it out from the
	// budget: see [Setup.PaymentAmount].
	Amount int64
}

// A Payment is one payment the council is due to make.
type Payment struct {
	Date   store.Date
	Amount int64
}

// perYear returns how many payments the schedule makes in a year as a
// fraction num/den (52/Weeks for EveryNWeeks, 12, 4, 1), with 0/0 for
// NoSchedule or an invalid schedule.
func (sc Schedule) perYear() (num, den int64) {
	switch sc.Kind {
	case EveryNWeeks:
		if sc.Weeks > 0 {
			return 52, int64(sc.Weeks)
		}
	case MonthlyOnDay:
		return 12, 1
	case Quarterly:
		return 4, 1
	case AnnuallyInAdvance:
		return 1, 1
	}
	return 0, 0
}

// Dates returns the payment dates from from to to inclusive, in order.
// It returns nil for NoSchedule, an invalid schedule or to before from.
func (sc Schedule) Dates(from, to store.Date) []store.Date {
	if to.Before(from) || sc.First.IsZero() {
		return nil
	}
	if from.Before(sc.First) {
		from = sc.First
	}
	var out []store.Date
	switch sc.Kind {
	case EveryNWeeks:
		if sc.Weeks <= 0 {
			return nil
		}
		step := 7 * sc.Weeks
		k := (from.DaysSince(sc.First) + step - 1) / step
		for d := sc.First.AddDays(k * step); !d.After(to); d = d.AddDays(step) {
			out = append(out, d)
		}
	case MonthlyOnDay, Quarterly, AnnuallyInAdvance:
		step, day := 1, sc.Day
		switch sc.Kind {
		case Quarterly:
			step, day = 3, 0
		case AnnuallyInAdvance:
			step, day = 12, 0
		}
		if day < 0 || day > 31 {
			return nil
		}
		months := (from.Year-sc.First.Year)*12 + int(from.Month-sc.First.Month)
		k := max(0, months/step-1)
		for ; ; k++ {
			d := sc.monthly(k*step, day)
			if d.After(to) {
				break
			}
			if !d.Before(from) {
				out = append(out, d)
			}
		}
	}
	return out
}

// monthly returns the payment n months after First's month, on day (or
// First's day when day is 0), clamped to the end of the month.
func (sc Schedule) monthly(n, day int) store.Date {
	d := sc.First.AddMonths(n)
	if day == 0 {
		return d
	}
	last := store.NewDate(d.Year, d.Month+1, 0).Day
	return store.Date{Year: d.Year, Month: d.Month, Day: min(day, last)}
}

// Validate checks the schedule and returns every problem found, joined,
// each a *FieldError in plain English.
func (sc Schedule) Validate() error {
	var errs []error
	add := func(field, msg string) { errs = append(errs, &FieldError{Field: field, Msg: msg}) }
	switch sc.Kind {
	case NoSchedule:
		return nil
	case EveryNWeeks:
		if sc.Weeks < 1 || sc.Weeks > 52 {
			add("Weeks", msgScheduleWeeks)
		}
	case MonthlyOnDay:
		if sc.Day < 0 || sc.Day > 31 {
			add("Day", msgScheduleDay)
		}
	case Quarterly, AnnuallyInAdvance:
	default:
		add("Kind", msgScheduleKind)
	}
	if sc.First.IsZero() {
		add("First", msgScheduleFirstMissing)
	}
	if sc.Amount < 0 {
		add("Amount", msgScheduleAmountNegative)
	}
	return within("Schedule", labelSchedule, errors.Join(errs...))
}

// PaymentAmount returns the amount of each council payment: the
// schedule's Amount when set, otherwise the annual budget less the
// person's annual contribution, shared equally between the payments in
// a year (× Weeks ÷ 52, ÷ 12, ÷ 4 or ÷ 1), rounded to the nearest penny.
func (s Setup) PaymentAmount() int64 {
	if s.Schedule.Amount != 0 {
		return s.Schedule.Amount
	}
	num, den := s.Schedule.perYear()
	return mulDiv(s.Annual()-s.Contribution.Annual(), den, num)
}

// Payments returns the council payments due from from to to inclusive,
// in date order.
func (s Setup) Payments(from, to store.Date) []Payment {
	dates := s.Schedule.Dates(from, to)
	if len(dates) == 0 {
		return nil
	}
	amount := s.PaymentAmount()
	out := make([]Payment, len(dates))
	for i, d := range dates {
		out[i] = Payment{Date: d, Amount: amount}
	}
	return out
}

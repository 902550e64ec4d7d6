package budget

import "errors"

// StatutoryHolidayWeeksTenths is statutory paid holiday in the UK, 5.6
// weeks a year, in tenths of a week: the usual size of a reserve for
// personal assistants' holiday pay.
const StatutoryHolidayWeeksTenths = 56

// ReserveBasis is how the size of a reserve is worked out. Its value is a
// stable key for storage.
type ReserveBasis string

// The ways a reserve can be sized.
const (
	// FixedAmount: a set amount, Reserve.Amount.
	FixedAmount ReserveBasis = "fixed"
	// WeeksOfCategory: Reserve.WeeksTenths weeks of the planned spending
	// on Reserve.Category (PA holiday pay: 5.6 weeks of PA wages).
	WeeksOfCategory ReserveBasis = "weeks_of_category"
	// WeeksOfBudget: Reserve.WeeksTenths weeks of the weekly budget
	// (a contingency).
	WeeksOfBudget ReserveBasis = "weeks_of_budget"
)

// A Reserve is money the person must keep in the account and not spend:
// holiday pay, sick pay, redundancy, maternity pay or a contingency.
type Reserve struct {
	Name        string
	Basis       ReserveBasis
	Amount      int64  // pence, for FixedAmount
	WeeksTenths int64  // tenths of a week (56 is 5.6 weeks), for the weeks bases
	Category    string // category key, for WeeksOfCategory
}

// ReserveLine is one reserve and the amount it requires.
type ReserveLine struct {
	Name   string
	Amount int64
}

// Required returns how much the reserve requires, in pence. Weeks-based
// reserves use the weekly amount rounded to the penny (annual ÷ 52) ×
// WeeksTenths ÷ 10, rounded again, so the figure matches what a person
// would check by hand. A category that is not in cats counts as £0.
func (r Reserve) Required(s Setup, cats []Category) int64 {
	switch r.Basis {
	case FixedAmount:
		return r.Amount
	case WeeksOfBudget:
		return mulDiv(s.Weekly(), r.WeeksTenths, 10)
	case WeeksOfCategory:
		for _, c := range cats {
			if c.Key == r.Category {
				return mulDiv(WeeklyOf(c.Annual()), r.WeeksTenths, 10)
			}
		}
	}
	return 0
}

// ReservesRequired returns each reserve in s with its amount, and their
// total.
func ReservesRequired(s Setup, cats []Category) ([]ReserveLine, int64) {
	lines := make([]ReserveLine, len(s.Reserves))
	var total int64
	for i, r := range s.Reserves {
		lines[i] = ReserveLine{Name: r.Name, Amount: r.Required(s, cats)}
		total += lines[i].Amount
	}
	return lines, total
}

func (r Reserve) validate() error {
	var errs []error
	add := func(field, msg string) { errs = append(errs, &FieldError{Field: field, Msg: msg}) }
	if r.Name == "" {
		add("Name", msgReserveNameMissing)
	}
	switch r.Basis {
	case FixedAmount:
		if r.Amount <= 0 {
			add("Amount", msgReserveAmountNotPositive)
		}
	case WeeksOfBudget, WeeksOfCategory:
		if r.WeeksTenths <= 0 {
			add("WeeksTenths", msgReserveWeeksNotPositive)
		}
		if r.Basis == WeeksOfCategory && r.Category == "" {
			add("Category", msgReserveCategoryMissing)
		}
	default:
		add("Basis", msgReserveBasisMissing)
	}
	return errors.Join(errs...)
}

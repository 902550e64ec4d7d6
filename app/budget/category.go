package budget

import "errors"

// Kind says whether a category is money going out of the account or
// money coming in. Its value is a stable key for storage.
type Kind string

// The kinds of category.
const (
	MoneyOut Kind = "out"
	MoneyIn  Kind = "in"
)

// Valid reports whether k is MoneyOut or MoneyIn.
func (k Kind) Valid() bool { return k == MoneyOut || k == MoneyIn }

// Keys of the default categories. They are stable: stored records refer
// to them.
const (
	KeyPAWages            = "pa_wages"
	KeyEmployerCosts      = "employer_costs"
	KeyPayrollService     = "payroll_service"
	KeyEmployersLiability = "employers_liability"
	KeyAgencyCare         = "agency_care"
	KeyShortBreaks        = "short_breaks"
	KeyDayActivities      = "day_activities"
	KeyTransport          = "transport"
	KeyEquipment          = "equipment"
	KeyTraining           = "training"
	KeyOther              = "other"
	KeyCouncilPayments    = "council_payments"
	KeyOwnContribution    = "own_contribution"
)

// A Category is a heading money is planned and recorded under, with the
// amount planned per period. Each category may use its own period.
type Category struct {
	Key     string // stable identifier, unique among the categories
	Name    string // plain-English name
	Hint    string // one line explaining any jargon
	Kind    Kind
	Planned int64  // planned pence per Period
	Period  Period // how often Planned is for
}

// Annual returns the category's planned amount for a year (see [Annualise]).
func (c Category) Annual() int64 { return Annualise(c.Planned, c.Period) }

// DefaultCategories returns the usual categories for a direct payment,
// with nothing yet planned: the spending headings councils expect on a
// monitoring return, then the two kinds of money in. Each has a period
// that suits how it is usually paid, which the person can change.
func DefaultCategories() []Category {
	defs := []struct {
		key    string
		kind   Kind
		period Period
	}{
		{KeyPAWages, MoneyOut, Weekly},
		{KeyEmployerCosts, MoneyOut, Monthly},
		{KeyPayrollService, MoneyOut, Monthly},
		{KeyEmployersLiability, MoneyOut, Annual},
		{KeyAgencyCare, MoneyOut, Weekly},
		{KeyShortBreaks, MoneyOut, Annual},
		{KeyDayActivities, MoneyOut, Weekly},
		{KeyTransport, MoneyOut, Weekly},
		{KeyEquipment, MoneyOut, Annual},
		{KeyTraining, MoneyOut, Annual},
		{KeyOther, MoneyOut, Monthly},
		{KeyCouncilPayments, MoneyIn, FourWeekly},
		{KeyOwnContribution, MoneyIn, Weekly},
	}
	cats := make([]Category, len(defs))
	for i, d := range defs {
		t := categoryText(d.key)
		cats[i] = Category{Key: d.key, Name: t.name, Hint: t.hint, Kind: d.kind, Period: d.period}
	}
	return cats
}

// ValidateCategories checks a list of categories and returns every
// problem found, joined, each a *FieldError in plain English.
func ValidateCategories(cats []Category) error {
	var errs []error
	seen := make(map[string]bool, len(cats))
	for i, c := range cats {
		var ce []error
		add := func(field, msg string) { ce = append(ce, &FieldError{Field: field, Msg: msg}) }
		switch {
		case c.Key == "":
			add("Key", msgCategoryKeyMissing)
		case seen[c.Key]:
			add("Key", msgCategoryKeyRepeated(c.Key))
		}
		seen[c.Key] = true
		if c.Name == "" {
			add("Name", msgCategoryNameMissing)
		}
		if !c.Kind.Valid() {
			add("Kind", msgCategoryKindMissing)
		}
		if c.Planned < 0 {
			add("Planned", msgCategoryPlannedNegative)
		}
		if c.Planned != 0 && !c.Period.Valid() {
			add("Period", msgCategoryPeriodMissing)
		}
		if err := errors.Join(ce...); err != nil {
			errs = append(errs, wrapCategory(i, c, err))
		}
	}
	return errors.Join(errs...)
}

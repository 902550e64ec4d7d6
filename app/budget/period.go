package budget

// A Period is how often an amount of money is for: the budget, a
// category's planned spending or the person's own contribution. Its
// value is a stable key for storage.
type Period string

// The periods a council or a plan uses.
const (
	Weekly     Period = "weekly"
	FourWeekly Period = "four_weekly"
	Monthly    Period = "monthly"
	Annual     Period = "annual"
)

// Periods returns every period, shortest first, for choosing in a form.
func Periods() []Period { return []Period{Weekly, FourWeekly, Monthly, Annual} }

// PerYear returns how many times a period comes round in a year for
// budgeting: 52 weeks, 13 four-week periods, 12 months, 1 year. It
// returns 0 for an unknown period.
func (p Period) PerYear() int64 {
	switch p {
	case Weekly:
		return 52
	case FourWeekly:
		return 13
	case Monthly:
		return 12
	case Annual:
		return 1
	}
	return 0
}

// Valid reports whether p is one of the known periods.
func (p Period) Valid() bool { return p.PerYear() != 0 }

// Name returns the period in plain English, for example "every four weeks".
func (p Period) Name() string { return periodName(p) }

// Annualise returns amount pence per period p as a yearly amount (exact:
// weekly × 52, four-weekly × 13, monthly × 12). It returns 0 for an
// unknown period.
func Annualise(amount int64, p Period) int64 { return mulDiv(amount, p.PerYear(), 1) }

// WeeklyOf returns a yearly amount as a weekly one: annual ÷ 52, rounded
// to the nearest penny (halves away from zero).
func WeeklyOf(annual int64) int64 { return mulDiv(annual, 1, 52) }

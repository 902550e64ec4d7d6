package budget

import "github.com/ownplan/ownplan/store"

// UncategorisedKey is the Key of the lines that hold money not yet put in
// a category (or put in a category that does not exist).
const UncategorisedKey = ""

// A CategoryLine is one category's money so far against its plan. The
// uncategorised lines have Key UncategorisedKey and no plan.
type CategoryLine struct {
	Key  string
	Name string
	Kind Kind
	// PlannedYear is the planned amount for a year; PlannedToDate is the
	// part of it allocated to the days elapsed (see the package rounding
	// rules).
	PlannedYear   int64
	PlannedToDate int64
	// Actual is money received (MoneyIn) or spent (MoneyOut, as a
	// positive amount) so far; refunds reduce it.
	Actual int64
	// Difference is Actual − PlannedToDate: above zero means ahead of
	// plan (spending more, or receiving more, than planned so far).
	Difference int64
}

// Summary is where the budget stands on one date. All amounts are pence.
type Summary struct {
	AsOf store.Date // the date asked about
	// Through is the last day counted: AsOf, or YearEnd when AsOf is
	// later. When AsOf is before Start nothing is counted and Through is
	// the day before Start.
	Through     store.Date
	DaysElapsed int // days counted, Start to Through inclusive
	DaysInYear  int // days from Start to YearEnd inclusive
	DaysLeft    int // days after Through up to YearEnd

	AnnualBudget    int64
	WeeklyBudget    int64 // AnnualBudget ÷ 52, rounded
	AllocatedToDate int64 // AnnualBudget pro-rata to Through (see AllocatedBy)
	PlannedSpending int64 // a year's planned spending over all money-out categories

	OpeningBalance int64
	Received       int64 // money in, Start to Through
	Spent          int64 // money out, Start to Through, as a positive amount
	Balance        int64 // OpeningBalance + Received − Spent
	// WeeksOfCoverTenths is how many weeks of budget the balance would
	// last, in tenths of a week (Balance × 10 ÷ WeeklyBudget, rounded);
	// 0 when the weekly budget is 0.
	WeeksOfCoverTenths int64

	Categories   []CategoryLine // in the order given, then uncategorised in and out if any
	Transactions int            // transactions counted
	Unreconciled int            // of those, not yet reconciled

	Reserves         []ReserveLine
	ReservesRequired int64
	ThresholdWeeks   int
	Threshold        int64 // ThresholdWeeks × WeeklyBudget
	// SurplusAtRisk is what the council may ask back now:
	// max(0, Balance − ReservesRequired − Threshold).
	SurplusAtRisk int64

	Forecast Forecast
	Warnings []Warning // most serious first
}

// Summarise works out where the budget stands at the end of asOf: money
// in and out since Start, the balance, spending against plan, reserves,
// the surplus the council may reclaim, a forecast to the year end and
// plain-English warnings. It does not validate its inputs (see
// [Validate]); with an invalid setup it still returns figures without
// panicking, as far as they make sense.
func Summarise(s Setup, cats []Category, txs []Transaction, asOf store.Date) Summary {
	through := asOf
	if through.After(s.YearEnd) {
		through = s.YearEnd
	}
	if through.Before(s.Start) {
		through = s.Start.AddDays(-1)
	}
	l, _ := tally(s, cats, txs, s.Start, through)
	elapsed := s.daysElapsed(through)
	fullYear := int64(s.FullYearDays())

	sum := Summary{
		AsOf:            asOf,
		Through:         through,
		DaysElapsed:     elapsed,
		DaysInYear:      s.DaysInYear(),
		AnnualBudget:    s.Annual(),
		WeeklyBudget:    s.Weekly(),
		AllocatedToDate: s.AllocatedBy(through),
		OpeningBalance:  s.OpeningBalance,
		Received:        l.in(cats),
		Spent:           l.out(cats),
		Balance:         s.OpeningBalance + l.net,
		Transactions:    l.count,
		Unreconciled:    l.unreconciled,
		ThresholdWeeks:  s.ThresholdWeeks(),
		Threshold:       s.Threshold(),
	}
	sum.DaysLeft = sum.DaysInYear - elapsed
	sum.WeeksOfCoverTenths = mulDiv(sum.Balance, 10, sum.WeeklyBudget)

	sum.Categories = make([]CategoryLine, 0, len(cats)+2)
	planned := proRata(cats, int64(elapsed), fullYear)
	for i, c := range cats {
		line := CategoryLine{
			Key:           c.Key,
			Name:          c.Name,
			Kind:          c.Kind,
			PlannedYear:   c.Annual(),
			PlannedToDate: planned[i],
			Actual:        l.actual(cats, i),
		}
		line.Difference = line.Actual - line.PlannedToDate
		sum.Categories = append(sum.Categories, line)
		if c.Kind != MoneyIn {
			sum.PlannedSpending += line.PlannedYear
		}
	}
	sum.Categories = appendUncategorised(sum.Categories, l)

	sum.Reserves, sum.ReservesRequired = ReservesRequired(s, cats)
	sum.SurplusAtRisk = max(0, sum.Balance-sum.ReservesRequired-sum.Threshold)
	sum.Forecast = forecast(s, sum)
	sum.Warnings = warnings(s, cats, sum)
	return sum
}

// appendUncategorised adds lines for uncategorised money in and out when
// there is any.
func appendUncategorised(lines []CategoryLine, l ledger) []CategoryLine {
	if l.uncatIn != 0 {
		lines = append(lines, CategoryLine{Key: UncategorisedKey, Name: nameUncategorisedIn, Kind: MoneyIn, Actual: l.uncatIn, Difference: l.uncatIn})
	}
	if l.uncatOut != 0 {
		lines = append(lines, CategoryLine{Key: UncategorisedKey, Name: nameUncategorisedOut, Kind: MoneyOut, Actual: l.uncatOut, Difference: l.uncatOut})
	}
	return lines
}

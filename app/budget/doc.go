// Package budget does the money sums for a personal budget: how it is
// held, what it is planned to be spent on, what has come in and gone
// out, how much the council may ask back, and the figures for the
// council's monitoring return.
//
// Everything here is a pure function of plain values. The app layer maps
// stored records onto [Setup], [Category] and [Transaction]; the screens,
// the command line, the PDF statement and the tests all get their numbers
// from [Summarise], [MonitoringReturn] and [Setup.Payments], so they
// always agree.
//
// # Money and rounding
//
// Money is int64 pence; no floating point is used anywhere. Wherever a
// division is needed the package multiplies first, in 128 bits so nothing
// overflows, and divides once, rounding to the nearest penny with halves
// rounded away from zero (0.5p becomes 1p, -0.5p becomes -1p). The rules:
//
//   - Annual amounts: weekly × 52, four-weekly × 13, monthly × 12,
//     annual × 1 (exact).
//   - Weekly budget: annual ÷ 52, rounded. A category's weekly amount is
//     worked out the same way from its own annual amount.
//   - Allocation to date: annual × days elapsed ÷ days in a full budget
//     year, rounded. Days elapsed count both the start date and the
//     as-of date (1 April to 1 April is one day). A full budget year is
//     the year ending on the year end: 365 days, or 366 when it contains
//     29 February. A first year that starts part-way through is therefore
//     allocated a matching part of the annual amount. Planned spending to
//     date for each category uses the same rule.
//   - Weeks of cover: balance × 10 ÷ weekly budget, rounded, held as an
//     integer number of tenths of a week (56 means 5.6 weeks).
//   - Reserves of N weeks: the weekly amount (rounded as above) × tenths
//     ÷ 10, rounded, so the figure matches "5.6 weeks of £262.50" that a
//     person would check by hand.
//   - Clawback threshold: whole weeks × the rounded weekly budget (exact).
//   - Forecast spending: spent so far × days left ÷ days elapsed, rounded;
//     in the first RateDays days, the plan × days left ÷ full-year days.
//
// # The budget year
//
// The budget runs from [Setup.Start] to [Setup.YearEnd], both inclusive.
// [Setup.OpeningBalance] is the balance at the start of the first day,
// before any of that day's transactions. Transactions dated before Start
// are already in the opening balance and are ignored; transactions after
// YearEnd belong to the next year and are ignored too.
package budget

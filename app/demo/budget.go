package demo

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

func init() { register("budget", fillBudget) }

// BudgetSetup is Zoë's direct payment: £18,200 a year, paid £1,400 every
// four weeks by Suffolk County Council from 1 April 2026.
var BudgetSetup = budget.Setup{
	Holding: budget.DirectPayment,
	Amount:  18_200_00,
	Period:  budget.Annual,
	Start:   store.NewDate(2026, time.April, 1),
	YearEnd: store.NewDate(2027, time.March, 31),
	Schedule: budget.Schedule{Kind: budget.EveryNWeeks, First: store.NewDate(2026, time.April, 1),
		Weeks: 4, Amount: 1_400_00},
	OpeningBalance: 500_00,
	Reserves: []budget.Reserve{
		{Name: "Holiday pay for Jess and Priya", Basis: budget.WeeksOfCategory, WeeksTenths: budget.StatutoryHolidayWeeksTenths, Category: budget.KeyPAWages},
		{Name: "Contingency", Basis: budget.FixedAmount, Amount: 500_00},
	},
	SurplusThresholdWeeks: 8,
}

// budgetPlan is how Zoë's plan says she will use her money: the costs of
// her support arrangements by category.
var budgetPlan = []struct {
	key     string
	planned int64
	period  budget.Period
	note    string
}{
	{budget.KeyPAWages, 324_00, budget.Weekly, "Jess and Priya, 23 hours a week at £13 an hour (£15,548 a year), and £1,300 a year of extra hours to cover holidays and sickness."},
	{budget.KeyEmployerCosts, 218_00, budget.Annual, "Employer pension contributions for Jess and Priya."},
	{budget.KeyPayrollService, 14_50, budget.Monthly, "Payroll Bureau Ltd: pay, tax, pension and payslips."},
	{budget.KeyEmployersLiability, 128_00, budget.Annual, "Renewed every April."},
	{budget.KeyTransport, 36_00, budget.Monthly, "Taxis to appointments and the park, about twice a month (£432 a year)."},
	{budget.KeyDayActivities, 25_00, budget.Monthly, "Swimming in the warm pool once a week (£300 a year)."},
	{budget.KeyTraining, 100_00, budget.Annual, "Moving and handling course for Jess and Priya, by 15 January."},
	{budget.KeyCouncilPayments, 1_400_00, budget.FourWeekly, "Suffolk County Council pays £1,400 every four weeks."},
}

// statementLine is one line of Zoë's bank statement.
type statementLine struct {
	date   store.Date
	kind   string // the bank's code: BGC, FPO, DD, DEB
	payee  string
	amount int64 // pence; negative is money out
}

// Payees on Zoë's statement.
const (
	payeeCouncil   = "SUFFOLK CC DIRECT PAYMENT"
	payeeJess      = "J SMITH PA WAGES"
	payeePriya     = "P SHAH PA WAGES"
	payeeHMRC      = "HMRC PAYE CUMBERNAULD"
	payeeBureau    = "PAYROLL BUREAU LTD"
	payeeInsurance = "PA INSURANCE SERVICES"
	payeeTaxi      = "A2B TAXIS, IPSWICH"
	payeeSwim      = "IPSWICH LEISURE CENTRE SWIM"
	payeeAmazon    = "AMAZON MKTPLACE PMTS"
)

// statementEnd is the last day of the statement Zoë downloaded; she
// typed in the payments since then herself.
var statementEnd = store.NewDate(2026, time.November, 20)

// zoeStatement is Zoë's account from 1 April 2026 to statementEnd.
func zoeStatement() []statementLine {
	var ls []statementLine
	add := func(d store.Date, kind, payee string, amount int64) {
		if !d.After(statementEnd) {
			ls = append(ls, statementLine{d, kind, payee, amount})
		}
	}
	start := BudgetSetup.Start
	for _, p := range BudgetSetup.Payments(start, statementEnd) {
		add(p.Date, "BGC", payeeCouncil, p.Amount)
	}
	// Week by week from Wednesday 1 April.
	for w := 0; ; w++ {
		wed := start.AddDays(7 * w)
		if wed.After(statementEnd) {
			break
		}
		fri, mon := wed.AddDays(2), wed.AddDays(5)
		// Jess: 18 hours at £13 is £234 before tax; £3.65 income tax goes
		// to HMRC each month through the payroll.
		add(fri, "FPO", payeeJess, -230_35)
		// Priya: weekend mornings, 5 hours. She covered Jess's holiday in
		// August (9 extra hours a week) and three sick mornings in October.
		priya := int64(-65_00)
		switch {
		case wed.Month == time.August && wed.Day >= 10 && wed.Day <= 19:
			priya -= 117_00
		case wed.Month == time.October && wed.Day >= 14 && wed.Day <= 20:
			priya -= 117_00
		}
		add(mon, "FPO", payeePriya, priya)
		// Swimming and a taxi to an appointment or the park, most weeks
		// and every other week; on a bad week Zoë stays in.
		bad := w%6 == 4
		if !bad {
			add(wed, "DEB", payeeSwim, -6_20)
		}
		if !bad && w%2 == 0 {
			add(wed.AddDays(1), "DEB", payeeTaxi, -18_00)
		}
		// Two hospital appointments, further away.
		if w == 9 || w == 27 {
			add(wed.AddDays(3), "DEB", payeeTaxi, -24_50)
		}
	}
	// Two swims on one day: Zoë swam again in the evening with her sister.
	add(store.NewDate(2026, time.August, 12), "DEB", payeeSwim, -6_20)
	for m := time.April; m <= time.November; m++ {
		// The payroll bureau's fee and the pension it passes on, in one
		// direct debit.
		add(store.NewDate(2026, m, 5), "DD", payeeBureau, -(14_50 + 18_17))
		add(store.NewDate(2026, m, 22), "DD", payeeHMRC, -15_82)
	}
	add(store.NewDate(2026, time.April, 10), "DEB", payeeInsurance, -128_00)
	add(store.NewDate(2026, time.October, 8), "DEB", payeeAmazon, -23_99)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].date.Before(ls[j].date) })
	return ls
}

// statementCSV writes lines from..to as a Lloyds Bank CSV download:
// newest first, with separate debit and credit columns and a running
// balance.
func statementCSV(lines []statementLine, from, to store.Date) []byte {
	balance := BudgetSetup.OpeningBalance
	type row struct {
		l       statementLine
		balance int64
	}
	var rows []row
	for _, l := range lines {
		balance += l.amount
		if !l.date.Before(from) && !l.date.After(to) {
			rows = append(rows, row{l, balance})
		}
	}
	var b bytes.Buffer
	b.WriteString("Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\r\n")
	for i := len(rows) - 1; i >= 0; i-- {
		r := rows[i]
		debit, credit := "", ""
		if r.l.amount < 0 {
			debit = money.Plain(-r.l.amount)
		} else {
			credit = money.Plain(r.l.amount)
		}
		payee := r.l.payee
		if payee == payeeTaxi {
			payee = `"` + payee + `"`
		}
		fmt.Fprintf(&b, "%02d/%02d/%04d,%s,'30-99-50,41207733,%s,%s,%s,%s\r\n",
			r.l.date.Day, r.l.date.Month, r.l.date.Year, r.l.kind, payee, debit, credit, money.Plain(r.balance))
	}
	return b.Bytes()
}

// fillBudget sets up Zoë's budget and brings in her year so far the way
// she did: she imported April's statement, put each payment in its
// category (OwnPlan learned from that), then imported the statement up
// to 20 November, which overlaps April's, and typed in the last few days.
func fillBudget(ctx context.Context, a *app.App) error {
	if err := a.SaveBudgetSetup(ctx, BudgetSetup); err != nil {
		return err
	}
	for _, p := range budgetPlan {
		c, err := a.BudgetCategory(ctx, p.key)
		if err != nil {
			return err
		}
		c.Planned, c.Period, c.Note = p.planned, p.period, p.note
		if err := a.SaveBudgetCategory(ctx, c); err != nil {
			return err
		}
	}
	lines := zoeStatement()
	april, err := a.ImportStatement(ctx, bytes.NewReader(statementCSV(lines, BudgetSetup.Start, store.NewDate(2026, time.April, 30))),
		"Statement 41207733 April 2026.csv", app.ImportOptions{})
	if err != nil {
		return err
	}
	categories := map[string]string{
		payeeCouncil: budget.KeyCouncilPayments, payeeJess: budget.KeyPAWages, payeePriya: budget.KeyPAWages,
		payeeHMRC: budget.KeyEmployerCosts, payeeInsurance: budget.KeyEmployersLiability,
		payeeTaxi: budget.KeyTransport, payeeSwim: budget.KeyDayActivities,
	}
	for _, t := range april.New {
		if key, ok := categories[t.Payee]; ok {
			if err := a.CategoriseTransaction(ctx, t.ID, key); err != nil {
				return err
			}
		}
	}
	year, err := a.ImportStatement(ctx, bytes.NewReader(statementCSV(lines, BudgetSetup.Start, statementEnd)),
		"Statement 41207733 April to November 2026.csv", app.ImportOptions{})
	if err != nil {
		return err
	}
	if year.AlreadyThere != april.Added {
		return fmt.Errorf("the second statement found %d of April's %d payments", year.AlreadyThere, april.Added)
	}
	// The bureau's direct debit is two things: split it every month.
	bureau, err := a.Transactions(ctx, app.TransactionFilter{Search: payeeBureau})
	if err != nil {
		return err
	}
	for _, t := range bureau {
		if err := a.SplitTransaction(ctx, t.ID, []store.BudgetSplit{
			{Category: budget.KeyPayrollService, Amount: -14_50}, {Category: budget.KeyEmployerCosts, Amount: -18_17},
		}); err != nil {
			return err
		}
	}
	if _, err := a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, time.November, 21), Amount: -18_00,
		Payee: "A2B Taxis, Ipswich", Note: "To the GP and back"}); err != nil {
		return err
	}
	_, err = a.SaveTransaction(ctx, store.BudgetTransaction{Date: store.NewDate(2026, time.November, 23), Amount: -65_00,
		Payee: "P Shah PA wages", Note: "Priya, weekend of 21 and 22 November"})
	return err
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register(&command{
		name: "budget setup", summary: "set up (or change) your personal budget",
		help: `The first time, give at least --amount and --start. Later, give only what
changes. Examples:

  ownplanctl budget setup --type direct-payment --amount 18200 --per year \
      --start 2026-04-01 --schedule every-4-weeks --payment 1400 \
      --opening-balance 500 --reserve "PA holiday pay=5.6 weeks of pa_wages" \
      --reserve "Contingency=500" --clawback-weeks 8

Types: direct-payment (the council pays money into an account you run),
isf (an individual service fund: a provider you choose holds the money),
managed (the council arranges your support), mixed, phb (a personal health
budget from the NHS). Scotland's self-directed support options are sds1 to sds4.

Reserves are money you must keep back and not spend, such as holiday pay
for personal assistants (5.6 weeks a year) or a contingency. Councils may
ask for money back ("clawback") when the balance is more than a number of
weeks of budget (--clawback-weeks, usually 8) after reserves.`,
		flags: budgetSetupFlags,
		run:   runBudgetSetup,
	})
	for _, name := range []string{"budget show", "budget summary"} {
		summary := "show where your budget stands: balance, weeks of cover, money at risk of clawback"
		if name == "budget summary" {
			summary = "the same as budget show"
		}
		register(&command{
			name: name, summary: summary,
			help: "Amounts in --json are whole pence (1820000 is £18,200.00); dates are year-month-day.",
			flags: func(fs *flag.FlagSet, o *opts) {
				fs.String("as-of", "", "the date to work it out for (default today), for example 2026-10-31")
				jsonFlag(fs)
			},
			run: runBudgetShow,
		})
	}
	register(&command{
		name: "budget categories", summary: "list the budget's categories: planned and spent so far",
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.String("as-of", "", "the date to work it out for (default today)")
			jsonFlag(fs)
		},
		run: runBudgetCategories,
	})
	registerGroup("budget category", "plan a category, or add one of your own",
		sub{
			name: "set", args: "KEY --planned AMOUNT [--period P]", summary: "set how much is planned for a category",
			flags: func(fs *flag.FlagSet) {
				fs.String("planned", "", "the planned amount in pounds, for example 324 or £1,300")
				fs.String("period", "", "what the amount is for: week, 4weeks, month or year (default: the category's own)")
				fs.String("note", "", "how the amount was worked out, for example \"23 hours a week at £13\"")
			},
			run: runCategorySet,
		},
		sub{
			name: "add", args: "NAME [--planned AMOUNT] [--period P] [--money-in]", summary: "add a category of your own",
			flags: func(fs *flag.FlagSet) {
				fs.String("planned", "0", "the planned amount in pounds")
				fs.String("period", "month", "what the amount is for: week, 4weeks, month or year")
				fs.Bool("money-in", false, "the category is for money coming in")
			},
			run: runCategoryAdd,
		},
		sub{
			name: "from-plan", summary: "plan every category from the costs in your support plan",
			run: func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
				if len(args) > 0 {
					return usagef("from-plan takes no arguments")
				}
				return withApp(ctx, e, func(a *app.App) error {
					n, err := a.UsePlanCosts(ctx)
					if err != nil {
						return err
					}
					if n == 0 {
						fmt.Fprintln(e.stdout, "Your support plan has no costs with a budget category yet; add them with ownplanctl plan support.")
						return nil
					}
					fmt.Fprintf(e.stdout, "Planned %d categories from the costs in your support plan (see budget categories).\n", n)
					return nil
				})
			},
		},
	)
}

// listFlag is a flag that can be given more than once.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, "; ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func budgetSetupFlags(fs *flag.FlagSet, o *opts) {
	fs.String("type", "", "how the budget is held: direct-payment, isf, managed, mixed or phb")
	fs.String("holding", "", "the same as --type")
	fs.String("provider", "", "for an individual service fund: the provider that holds it")
	fs.String("amount", "", "the budget in pounds, for example 18200")
	fs.String("per", "", "what the amount is for: week, 4weeks, month or year")
	fs.String("period", "", "the same as --per")
	fs.String("start", "", "the first day of the budget year, for example 2026-04-01")
	fs.String("year-end", "", "the last day of the budget year (default: a year after the start, less a day)")
	fs.String("schedule", "", "when the council pays: every-4-weeks, every-N-weeks, monthly, quarterly, annually or none (default: as --per, and every 4 weeks for a yearly amount)")
	fs.String("first-payment", "", "the date of the council's first payment (default: the start)")
	fs.String("payment", "", "each payment in pounds, if it is not simply the budget shared equally")
	fs.String("contribution", "", "what you pay towards your support, in pounds")
	fs.String("contribution-per", "", "what your contribution is for: week, 4weeks, month or year (default: week)")
	fs.String("opening-balance", "", "the money in the account at the start, in pounds")
	fs.Var(&listFlag{}, "reserve", `money to keep back: pounds (a contingency, such as 500), "NAME=AMOUNT", "NAME=N weeks" or "NAME=N weeks of CATEGORY"; give it once per reserve, or "none"`)
	fs.String("clawback-weeks", "", "how many weeks of budget the council lets you keep, after reserves (usually 8)")
	fs.String("threshold-weeks", "", "the same as --clawback-weeks")
}

func runBudgetSetup(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if _, err := positional(fs); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected %q", strings.Join(fs.Args(), " "))
	}
	return withApp(ctx, e, func(a *app.App) error {
		s, has, err := a.BudgetSetup(ctx)
		if err != nil {
			return err
		}
		if !has {
			if !flagSet(fs, "amount") || !flagSet(fs, "start") {
				return usagef("to set up your budget, give at least --amount and --start, for example --amount 18200 --per year --start 2026-04-01")
			}
			s = app.SuggestedBudgetSetup(store.Today())
			s.Period = budget.Annual
		}
		if err := applySetupFlags(fs, &s, has); err != nil {
			return err
		}
		if err := a.SaveBudgetSetup(ctx, s); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "Saved your budget.")
		names, _ := categoryNames(ctx, a)
		writeSetup(e.stdout, s, names)
		return nil
	})
}

// applySetupFlags changes s by the flags given.
func applySetupFlags(fs *flag.FlagSet, s *budget.Setup, existed bool) error {
	either := func(a, b string) (string, bool) {
		if flagSet(fs, a) {
			return flagString(fs, a), true
		}
		return flagString(fs, b), flagSet(fs, b)
	}
	if v, ok := either("type", "holding"); ok {
		h, err := parseHolding(v)
		if err != nil {
			return err
		}
		s.Holding = h
		if h == budget.CouncilManaged && !flagSet(fs, "schedule") {
			s.Schedule = budget.Schedule{}
		}
	}
	if flagSet(fs, "provider") {
		s.Provider = flagString(fs, "provider")
	}
	for _, f := range []struct {
		name string
		to   *int64
	}{{"amount", &s.Amount}, {"opening-balance", &s.OpeningBalance}, {"payment", &s.Schedule.Amount}, {"contribution", &s.Contribution.Amount}} {
		if flagSet(fs, f.name) {
			v, err := flagMoney(fs, f.name)
			if err != nil {
				return err
			}
			*f.to = v
		}
	}
	if v, ok := either("per", "period"); ok {
		p, err := parsePeriod(v)
		if err != nil {
			return err
		}
		s.Period = p
	}
	if flagSet(fs, "contribution") || flagSet(fs, "contribution-per") {
		p := budget.Weekly
		if flagSet(fs, "contribution-per") {
			var err error
			if p, err = parsePeriod(flagString(fs, "contribution-per")); err != nil {
				return err
			}
		}
		s.Contribution.Period = p
	}
	if flagSet(fs, "start") {
		d, err := flagDate(fs, "start")
		if err != nil {
			return err
		}
		moved := d != s.Start
		s.Start = d
		if moved && !flagSet(fs, "year-end") {
			s.YearEnd = d.AddMonths(12).AddDays(-1)
		}
		if moved && !flagSet(fs, "first-payment") {
			s.Schedule.First = d
		}
	}
	if flagSet(fs, "year-end") {
		d, err := flagDate(fs, "year-end")
		if err != nil {
			return err
		}
		s.YearEnd = d
	}
	if flagSet(fs, "schedule") {
		sc, err := parseSchedule(flagString(fs, "schedule"))
		if err != nil {
			return err
		}
		sc.First, sc.Amount = s.Schedule.First, s.Schedule.Amount
		if sc.First.IsZero() {
			sc.First = s.Start
		}
		s.Schedule = sc
	} else if s.Holding != budget.CouncilManaged &&
		((!existed && (flagSet(fs, "per") || flagSet(fs, "period"))) || s.Schedule.Kind == budget.NoSchedule) {
		// A new budget, or one that was council-managed and now is not,
		// is paid as often as its amount is given, unless the person
		// says otherwise.
		s.Schedule = scheduleFor(s.Period, s.Start, s.Schedule.Amount)
	}
	if flagSet(fs, "first-payment") {
		d, err := flagDate(fs, "first-payment")
		if err != nil {
			return err
		}
		s.Schedule.First = d
	}
	if v, ok := either("clawback-weeks", "threshold-weeks"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 {
			return fmt.Errorf("--clawback-weeks: %q should be a whole number of weeks, such as 8", v)
		}
		s.SetThresholdWeeks(n)
	}
	if flagSet(fs, "reserve") {
		var rs []budget.Reserve
		for _, v := range *fs.Lookup("reserve").Value.(*listFlag) {
			if strings.EqualFold(strings.TrimSpace(v), "none") {
				continue
			}
			r, err := parseReserve(v)
			if err != nil {
				return err
			}
			rs = append(rs, r)
		}
		s.Reserves = rs
	}
	return nil
}

func parseHolding(v string) (budget.Holding, error) {
	k := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(v))
	switch k {
	case "directpayment", "dp", "direct":
		return budget.DirectPayment, nil
	case "isf", "individualservicefund":
		return budget.IndividualServiceFund, nil
	case "managed", "councilmanaged", "notional":
		return budget.CouncilManaged, nil
	case "mixed", "mix":
		return budget.Mixed, nil
	case "phb", "personalhealthbudget":
		return budget.PersonalHealthBudget, nil
	}
	if n, ok := strings.CutPrefix(k, "sds"); ok {
		if i, err := strconv.Atoi(strings.TrimPrefix(n, "option")); err == nil {
			return budget.HoldingForSDSOption(i)
		}
	}
	return "", fmt.Errorf("--type: %q is not a way of holding a budget; use direct-payment, isf, managed, mixed or phb", v)
}

func parsePeriod(v string) (budget.Period, error) {
	k := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(v))
	switch k {
	case "week", "weekly", "w", "1week":
		return budget.Weekly, nil
	case "4weeks", "fourweeks", "fourweekly", "4weekly", "4w":
		return budget.FourWeekly, nil
	case "month", "monthly", "m":
		return budget.Monthly, nil
	case "year", "annual", "annually", "yearly", "y":
		return budget.Annual, nil
	}
	return "", fmt.Errorf("%q is not a period; use week, 4weeks, month or year", v)
}

func parseSchedule(v string) (budget.Schedule, error) {
	k := strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(strings.TrimSpace(v)))
	switch k {
	case "none", "no", "":
		return budget.Schedule{}, nil
	case "weekly", "every-week":
		return budget.Schedule{Kind: budget.EveryNWeeks, Weeks: 1}, nil
	case "4weeks", "four-weekly", "4-weekly", "every-four-weeks":
		return budget.Schedule{Kind: budget.EveryNWeeks, Weeks: 4}, nil
	case "monthly", "every-month":
		return budget.Schedule{Kind: budget.MonthlyOnDay}, nil
	case "quarterly", "every-quarter":
		return budget.Schedule{Kind: budget.Quarterly}, nil
	case "annually", "yearly", "every-year":
		return budget.Schedule{Kind: budget.AnnuallyInAdvance}, nil
	}
	if n, ok := strings.CutPrefix(k, "every-"); ok {
		if w, ok := strings.CutSuffix(n, "-weeks"); ok {
			if i, err := strconv.Atoi(w); err == nil && i >= 1 && i <= 52 {
				return budget.Schedule{Kind: budget.EveryNWeeks, Weeks: i}, nil
			}
		}
	}
	return budget.Schedule{}, fmt.Errorf("--schedule: %q is not a payment schedule; use every-4-weeks, every-2-weeks, weekly, monthly, quarterly, annually or none", v)
}

// scheduleFor is the payment schedule that matches a budget's period:
// weekly, four-weekly or monthly as the amount is given, and every four
// weeks for a yearly amount.
func scheduleFor(p budget.Period, first store.Date, amount int64) budget.Schedule {
	sc := budget.Schedule{First: first, Amount: amount}
	switch p {
	case budget.Weekly:
		sc.Kind, sc.Weeks = budget.EveryNWeeks, 1
	case budget.FourWeekly:
		sc.Kind, sc.Weeks = budget.EveryNWeeks, 4
	case budget.Monthly:
		sc.Kind = budget.MonthlyOnDay
	case budget.Annual:
		// A yearly budget is almost always paid every four weeks; a
		// council that pays it in one go is chosen with --schedule.
		sc.Kind, sc.Weeks = budget.EveryNWeeks, 4
	}
	return sc
}

// parseReserve reads "NAME=AMOUNT", "NAME=N weeks" or "NAME=N weeks of
// CATEGORY"; a bare amount is a contingency.
func parseReserve(v string) (budget.Reserve, error) {
	name, val, ok := strings.Cut(v, "=")
	if !ok {
		name, val = "Contingency", v
	}
	name, val = strings.TrimSpace(name), strings.TrimSpace(val)
	bad := fmt.Errorf(`--reserve: %q should look like "Contingency=500", "Redundancy=4 weeks" or "PA holiday pay=5.6 weeks of pa_wages"`, v)
	lower := strings.ToLower(val)
	if w, rest, ok := strings.Cut(lower, "week"); ok {
		tenths, err := parseTenths(strings.TrimSpace(w))
		if err != nil {
			return budget.Reserve{}, bad
		}
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "s"))
		if cat, ok := strings.CutPrefix(rest, "of "); ok {
			return budget.Reserve{Name: name, Basis: budget.WeeksOfCategory, WeeksTenths: tenths, Category: strings.TrimSpace(cat)}, nil
		}
		if rest != "" {
			return budget.Reserve{}, bad
		}
		return budget.Reserve{Name: name, Basis: budget.WeeksOfBudget, WeeksTenths: tenths}, nil
	}
	amount, err := money.Parse(val)
	if err != nil {
		return budget.Reserve{}, bad
	}
	return budget.Reserve{Name: name, Basis: budget.FixedAmount, Amount: amount}, nil
}

// parseTenths reads "5.6" as 56 tenths, without floating point.
func parseTenths(s string) (int64, error) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 1 {
		return 0, fmt.Errorf("%q: give weeks to one decimal place, like 5.6", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 {
		return 0, fmt.Errorf("%q is not a number of weeks", s)
	}
	f := int64(0)
	if frac != "" {
		if f, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return 0, fmt.Errorf("%q is not a number of weeks", s)
		}
	}
	return w*10 + f, nil
}

// tenths writes 56 as "5.6".
func tenths(t int64) string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return fmt.Sprintf("%s%d.%d", sign, t/10, t%10)
}

func writeSetup(w io.Writer, s budget.Setup, names map[string]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  How it is held:\t%s\n", s.Holding.Name())
	if s.Provider != "" {
		fmt.Fprintf(tw, "  Provider:\t%s\n", s.Provider)
	}
	if s.Period == budget.Annual {
		fmt.Fprintf(tw, "  Budget:\t%s a year (%s a week)\n", money.Format(s.Amount), money.Format(s.Weekly()))
	} else {
		fmt.Fprintf(tw, "  Budget:\t%s %s (%s a year, %s a week)\n", money.Format(s.Amount), s.Period.Name(), money.Format(s.Annual()), money.Format(s.Weekly()))
	}
	fmt.Fprintf(tw, "  Budget year:\t%s to %s\n", app.HumanDate(s.Start), app.HumanDate(s.YearEnd))
	if s.Schedule.Kind != budget.NoSchedule {
		fmt.Fprintf(tw, "  Payments:\t%s %s, from %s\n", money.Format(s.PaymentAmount()), scheduleName(s.Schedule), app.HumanDate(s.Schedule.First))
	}
	if s.Contribution.Amount > 0 {
		fmt.Fprintf(tw, "  Your contribution:\t%s %s\n", money.Format(s.Contribution.Amount), s.Contribution.Period.Name())
	}
	fmt.Fprintf(tw, "  Opening balance:\t%s\n", money.Format(s.OpeningBalance))
	for _, r := range s.Reserves {
		fmt.Fprintf(tw, "  Reserve:\t%s, %s\n", r.Name, reserveRule(r, names))
	}
	fmt.Fprintf(tw, "  Council's clawback threshold:\t%d weeks of budget, after reserves\n", s.ThresholdWeeks())
	tw.Flush()
}

func scheduleName(sc budget.Schedule) string {
	switch sc.Kind {
	case budget.EveryNWeeks:
		if sc.Weeks == 1 {
			return "every week"
		}
		return fmt.Sprintf("every %d weeks", sc.Weeks)
	case budget.MonthlyOnDay:
		return "every month"
	case budget.Quarterly:
		return "every three months"
	case budget.AnnuallyInAdvance:
		return "once a year"
	}
	return "not paid into an account"
}

func reserveRule(r budget.Reserve, names map[string]string) string {
	switch r.Basis {
	case budget.WeeksOfCategory:
		name := names[r.Category]
		if name == "" {
			name = r.Category
		}
		return tenths(r.WeeksTenths) + " weeks of " + strings.ToLower(name[:1]) + name[1:]
	case budget.WeeksOfBudget:
		return tenths(r.WeeksTenths) + " weeks of the budget"
	}
	return money.Format(r.Amount)
}

// asOf reads --as-of, defaulting to today.
func asOf(fs *flag.FlagSet) (store.Date, error) {
	if !flagSet(fs, "as-of") || strings.TrimSpace(flagString(fs, "as-of")) == "" {
		return store.Today(), nil
	}
	return flagDate(fs, "as-of")
}

func runBudgetShow(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if err := noArgs(fs); err != nil {
		return err
	}
	day, err := asOf(fs)
	if err != nil {
		return usagef("%v", err)
	}
	return withApp(ctx, e, func(a *app.App) error {
		sum, err := a.BudgetSummary(ctx, day)
		if err != nil {
			return err
		}
		if flagBool(fs, "json") {
			return writeJSON(e, summaryJSON(sum))
		}
		s, _, _ := a.BudgetSetup(ctx)
		writeSummary(e.stdout, s, sum)
		return nil
	})
}

// budgetSummaryJSON is `budget show --json`: whole pence and ISO dates.
type budgetSummaryJSON struct {
	AsOf                  store.Date           `json:"as_of"`
	Through               store.Date           `json:"through"`
	AnnualBudget          int64                `json:"annual_budget_pence"`
	WeeklyBudget          int64                `json:"weekly_budget_pence"`
	AllocatedToDate       int64                `json:"allocated_to_date_pence"`
	OpeningBalance        int64                `json:"opening_balance_pence"`
	Received              int64                `json:"received_pence"`
	Spent                 int64                `json:"spent_pence"`
	Balance               int64                `json:"balance_pence"`
	WeeksCover            json.Number          `json:"weeks_cover"`
	Reserve               int64                `json:"reserve_pence"`
	Reserves              []budgetReserveJSON  `json:"reserves"`
	ThresholdWeeks        int                  `json:"threshold_weeks"`
	Threshold             int64                `json:"threshold_pence"`
	SurplusAtRisk         int64                `json:"surplus_at_risk_pence"`
	ForecastYearEnd       int64                `json:"forecast_year_end_balance_pence"`
	ForecastSurplusAtRisk int64                `json:"forecast_surplus_at_risk_pence"`
	YearEnd               store.Date           `json:"year_end"`
	RunsOutOn             store.Date           `json:"runs_out_on,omitempty"`
	Transactions          int                  `json:"transactions"`
	Unreconciled          int                  `json:"unreconciled"`
	Categories            []budgetCategoryJSON `json:"categories"`
	Warnings              []budgetWarningJSON  `json:"warnings"`
}

type budgetReserveJSON struct {
	Name   string `json:"name"`
	Amount int64  `json:"amount_pence"`
}

type budgetCategoryJSON struct {
	Key           string `json:"key"`
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	PlannedYear   int64  `json:"planned_year_pence"`
	PlannedToDate int64  `json:"planned_to_date_pence"`
	Spent         int64  `json:"spent_pence"`
	Received      int64  `json:"received_pence"`
}

type budgetWarningJSON struct {
	Kind     string `json:"kind"`
	Category string `json:"category,omitempty"`
	Message  string `json:"message"`
	Advice   string `json:"advice"`
}

func summaryJSON(s budget.Summary) budgetSummaryJSON {
	out := budgetSummaryJSON{
		AsOf: s.AsOf, Through: s.Through, AnnualBudget: s.AnnualBudget, WeeklyBudget: s.WeeklyBudget,
		AllocatedToDate: s.AllocatedToDate, OpeningBalance: s.OpeningBalance, Received: s.Received, Spent: s.Spent,
		Balance: s.Balance, WeeksCover: json.Number(tenths(s.WeeksOfCoverTenths)), Reserve: s.ReservesRequired,
		ThresholdWeeks: s.ThresholdWeeks, Threshold: s.Threshold, SurplusAtRisk: s.SurplusAtRisk,
		ForecastYearEnd: s.Forecast.Balance, ForecastSurplusAtRisk: s.Forecast.SurplusAtRisk,
		YearEnd: s.Forecast.YearEnd, RunsOutOn: s.Forecast.RunsOutOn,
		Transactions: s.Transactions, Unreconciled: s.Unreconciled,
		Reserves: []budgetReserveJSON{}, Categories: []budgetCategoryJSON{}, Warnings: []budgetWarningJSON{},
	}
	for _, r := range s.Reserves {
		out.Reserves = append(out.Reserves, budgetReserveJSON{r.Name, r.Amount})
	}
	for _, c := range s.Categories {
		out.Categories = append(out.Categories, categoryLineJSON(c))
	}
	for _, w := range s.Warnings {
		out.Warnings = append(out.Warnings, budgetWarningJSON{string(w.Kind), w.Category, w.Message, w.Advice})
	}
	return out
}

func categoryLineJSON(c budget.CategoryLine) budgetCategoryJSON {
	j := budgetCategoryJSON{Key: c.Key, Name: c.Name, Kind: string(c.Kind), PlannedYear: c.PlannedYear, PlannedToDate: c.PlannedToDate}
	if c.Kind == budget.MoneyIn {
		j.Received = c.Actual
	} else {
		j.Spent = c.Actual
	}
	return j
}

func writeSummary(w io.Writer, s budget.Setup, sum budget.Summary) {
	fmt.Fprintf(w, "Your budget on %s\n", app.HumanDate(sum.AsOf))
	if sum.Through != sum.AsOf {
		fmt.Fprintf(w, "(counting the budget year up to %s)\n", app.HumanDate(sum.Through))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s:\t%s a year, %s a week\n", s.Holding.Name(), money.Format(sum.AnnualBudget), money.Format(sum.WeeklyBudget))
	fmt.Fprintf(tw, "  Allocated to date:\t%s\n", money.Format(sum.AllocatedToDate))
	fmt.Fprintf(tw, "  Opening balance:\t%s\n", money.Format(sum.OpeningBalance))
	fmt.Fprintf(tw, "  Money in so far:\t%s\n", money.Format(sum.Received))
	fmt.Fprintf(tw, "  Spent so far:\t%s\n", money.Format(sum.Spent))
	fmt.Fprintf(tw, "  Balance:\t%s, %s weeks of cover\n", money.Format(sum.Balance), tenths(sum.WeeksOfCoverTenths))
	fmt.Fprintf(tw, "  Reserves to keep back:\t%s\n", money.Format(sum.ReservesRequired))
	for _, r := range sum.Reserves {
		fmt.Fprintf(tw, "    %s:\t%s\n", r.Name, money.Format(r.Amount))
	}
	fmt.Fprintf(tw, "  At risk of clawback now:\t%s (over %d weeks' budget, %s, after reserves)\n",
		money.Format(sum.SurplusAtRisk), sum.ThresholdWeeks, money.Format(sum.Threshold))
	fmt.Fprintf(tw, "  Forecast for %s:\t%s at the current rate", app.HumanDate(sum.Forecast.YearEnd), money.Format(sum.Forecast.Balance))
	if sum.Forecast.SurplusAtRisk > 0 {
		fmt.Fprintf(tw, ", of which %s may be asked back", money.Format(sum.Forecast.SurplusAtRisk))
	}
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "  Payments counted:\t%d (%d not yet checked against a statement)\n", sum.Transactions, sum.Unreconciled)
	tw.Flush()
	if len(sum.Warnings) == 0 {
		fmt.Fprintln(w, "\nNothing needs your attention.")
		return
	}
	fmt.Fprintln(w, "\nThings to look at:")
	for _, wn := range sum.Warnings {
		fmt.Fprintf(w, "  - %s\n    %s\n", wn.Message, wn.Advice)
	}
}

func runBudgetCategories(ctx context.Context, e *env, fs *flag.FlagSet, o *opts) error {
	if err := noArgs(fs); err != nil {
		return err
	}
	day, err := asOf(fs)
	if err != nil {
		return usagef("%v", err)
	}
	return withApp(ctx, e, func(a *app.App) error {
		cats, err := a.BudgetCategories(ctx)
		if err != nil {
			return err
		}
		sum, err := a.BudgetSummary(ctx, day)
		if err != nil {
			return err
		}
		lines := map[string]budget.CategoryLine{}
		for _, l := range sum.Categories {
			lines[l.Key] = l
		}
		if flagBool(fs, "json") {
			out := []categoryJSON{}
			for _, c := range cats {
				out = append(out, categoryJSON{
					budgetCategoryJSON: categoryLineJSON(lines[c.Key]), Hint: c.Hint, Planned: c.Planned,
					Period: string(c.Period), Outcomes: nonNil(c.Outcomes), Note: c.Note,
				})
			}
			return writeJSON(e, out)
		}
		fmt.Fprintf(e.stdout, "Categories on %s (planned so far and actual so far)\n", app.HumanDate(day))
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "Key\tName\tPlanned\tA year\tPlanned so far\tSo far\t")
		for _, c := range cats {
			l := lines[c.Key]
			fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%s\t%s\t\n", c.Key, c.Name, money.Format(c.Planned), c.Period.Name(),
				money.Format(l.PlannedYear), money.Format(l.PlannedToDate), money.Format(l.Actual))
		}
		for _, l := range sum.Categories {
			if l.Key == budget.UncategorisedKey {
				fmt.Fprintf(tw, "-\t%s\t\t\t\t%s\t\n", l.Name, money.Format(l.Actual))
			}
		}
		return tw.Flush()
	})
}

type categoryJSON struct {
	budgetCategoryJSON
	Hint     string   `json:"hint"`
	Planned  int64    `json:"planned_pence"`
	Period   string   `json:"period"`
	Outcomes []string `json:"outcomes"`
	Note     string   `json:"note,omitempty"`
}

func runCategorySet(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return usagef("give one category key, for example: budget category set pa_wages --planned 324 --period week (see budget categories)")
	}
	if !flagSet(fs, "planned") {
		return usagef("say how much is planned with --planned, for example --planned 324")
	}
	planned, err := flagMoney(fs, "planned")
	if err != nil {
		return err
	}
	var period budget.Period
	if flagSet(fs, "period") {
		if period, err = parsePeriod(flagString(fs, "period")); err != nil {
			return fmt.Errorf("--period: %w", err)
		}
	}
	return withApp(ctx, e, func(a *app.App) error {
		c, err := a.BudgetCategory(ctx, args[0])
		if err != nil {
			return err
		}
		c.Planned = planned
		if period != "" {
			c.Period = period
		}
		if flagSet(fs, "note") {
			c.Note = flagString(fs, "note")
		}
		if err := a.SaveBudgetCategory(ctx, c); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Planned %s %s for %s (%s a year).\n", money.Format(c.Planned), c.Period.Name(), c.Name, money.Format(c.Annual()))
		return nil
	})
}

func runCategoryAdd(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return usagef("give the new category's name, for example: budget category add \"Swimming\" --planned 25 --period month")
	}
	planned, err := flagMoney(fs, "planned")
	if err != nil {
		return err
	}
	period, err := parsePeriod(flagString(fs, "period"))
	if err != nil {
		return fmt.Errorf("--period: %w", err)
	}
	kind := budget.MoneyOut
	if flagBool(fs, "money-in") {
		kind = budget.MoneyIn
	}
	return withApp(ctx, e, func(a *app.App) error {
		key, err := a.AddBudgetCategory(ctx, strings.Join(args, " "), kind, planned, period)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Added the category %s.\n%s\n", strings.Join(args, " "), key)
		return nil
	})
}

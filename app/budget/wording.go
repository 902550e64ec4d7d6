package budget

// All the words people see from this package are in this file, so they
// can be adapted for Scotland, Wales and other places, or translated,
// without touching the sums. Keep sentences short and plain.

import (
	"fmt"

	"github.com/ownplan/ownplan/app/money"
	"github.com/ownplan/ownplan/store"
)

// text is a name or message with its one-line hint or advice.
type text struct{ name, hint string }

// ukDate writes d the UK way: "31 March 2027".
func ukDate(d store.Date) string {
	if d.IsZero() {
		return "(no date)"
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// weeksOf writes "8 weeks'" or "1 week's", for "8 weeks' budget".
func weeksOf(n int) string {
	if n == 1 {
		return "1 week's"
	}
	return fmt.Sprintf("%d weeks'", n)
}

// --- How the budget is held ---

func holdingText(h Holding) text {
	switch h {
	case DirectPayment:
		return text{"Direct payment", "The council pays the money into an account you (or someone for you) run, and you buy support or employ personal assistants."}
	case IndividualServiceFund:
		return text{"Individual service fund", "A provider you choose holds the money and spends it the way you tell them."}
	case CouncilManaged:
		return text{"Council-managed budget", "The council arranges your support up to the amount of your budget."}
	case Mixed:
		return text{"Mixed", "Part of the budget is held one way and part another, for example part direct payment and part council-managed."}
	case PersonalHealthBudget:
		return text{"Personal health budget", "Money from the NHS for your health and wellbeing needs, which you plan with your NHS team."}
	}
	return text{"Not chosen", "Choose how your budget is held."}
}

func sdsOptionText(n int) text {
	switch n {
	case 1:
		return text{"Option 1: direct payment", "The council pays you the money and you arrange and pay for your own support. OwnPlan records this as a direct payment."}
	case 2:
		return text{"Option 2: you choose, someone else arranges", "You choose your support and the council or a provider holds the money and arranges it for you. OwnPlan records this as an individual service fund."}
	case 3:
		return text{"Option 3: the council arranges", "The council chooses and arranges your support for you. OwnPlan records this as a council-managed budget."}
	case 4:
		return text{"Option 4: a mix", "A mix of options 1, 2 and 3 for different parts of your support. OwnPlan records this as mixed."}
	}
	return text{}
}

func msgSDSOption(n int) string {
	return fmt.Sprintf("There is no self-directed support option %d: choose option 1, 2, 3 or 4.", n)
}

func periodName(p Period) string {
	switch p {
	case Weekly:
		return "every week"
	case FourWeekly:
		return "every four weeks"
	case Monthly:
		return "every month"
	case Annual:
		return "every year"
	}
	return "not chosen"
}

// --- Categories ---

func categoryText(key string) text {
	switch key {
	case KeyPAWages:
		return text{"Personal assistant wages", "Pay for the personal assistants (PAs) you employ, before tax is taken off."}
	case KeyEmployerCosts:
		return text{"Employer costs (tax, NI, pension)", "What you pay as an employer on top of wages: income tax and National Insurance (NI) sent to HMRC through PAYE, and workplace pension."}
	case KeyPayrollService:
		return text{"Payroll service", "A company that works out your PAs' pay, tax and payslips for a fee."}
	case KeyEmployersLiability:
		return text{"Employer's liability insurance", "Insurance every employer must have in case a PA is hurt or made ill by their work."}
	case KeyAgencyCare:
		return text{"Agency care", "Support bought from a care agency, which employs the care workers itself."}
	case KeyShortBreaks:
		return text{"Short breaks", "Time away or a break for you or your carer, sometimes called respite."}
	case KeyDayActivities:
		return text{"Day activities", "Day centres, clubs, classes and other activities in your plan."}
	case KeyTransport:
		return text{"Transport", "Taxis, fares and mileage to get to the things in your plan."}
	case KeyEquipment:
		return text{"Equipment", "Equipment in your plan that the NHS or the council does not provide."}
	case KeyTraining:
		return text{"Training", "Training for your PAs, such as first aid or moving and handling."}
	case KeyOther:
		return text{"Other agreed items", "Anything else the council agreed you can spend the money on. Keep the agreement in writing."}
	case KeyCouncilPayments:
		return text{"Council payments", "The money the council pays into this account."}
	case KeyOwnContribution:
		return text{"Your own contribution", "What the council worked out you pay towards your support, paid into this account."}
	}
	return text{key, ""}
}

const (
	nameUncategorisedIn  = "Money in not yet given a category"
	nameUncategorisedOut = "Spending not yet given a category"
)

// --- Checking what was entered ---

const (
	msgHoldingMissing            = "Choose how the budget is held."
	msgProviderMissing           = "Enter the name of the provider that holds the individual service fund."
	msgAmountNotPositive         = "The budget amount must be more than £0."
	msgPeriodMissing             = "Choose how often the budget amount is for: every week, every four weeks, every month or every year."
	msgStartMissing              = "Enter the date the budget starts."
	msgYearEndMissing            = "Enter the date the budget year ends."
	msgYearEndNotAfterStart      = "The year end must be after the start date."
	msgScheduleMissing           = "Enter when the council pays the direct payment."
	msgContributionNegative      = "Your contribution cannot be less than £0."
	msgContributionPeriodMissing = "Choose how often your contribution is for."
	msgContributionTooBig        = "Your contribution cannot be more than the whole budget."
	msgThresholdNegative         = "The number of weeks the council lets you keep cannot be less than 0."

	msgReserveNameMissing       = "Give the reserve a name, for example \"PA holiday pay\"."
	msgReserveBasisMissing      = "Choose whether the reserve is a set amount, weeks of the budget or weeks of a category."
	msgReserveAmountNotPositive = "The reserve amount must be more than £0."
	msgReserveWeeksNotPositive  = "The number of weeks must be more than 0."
	msgReserveCategoryMissing   = "Choose the category the reserve is worked out from."

	labelSchedule             = "Payment schedule"
	msgScheduleKind           = "Choose how often the council pays."
	msgScheduleWeeks          = "The weeks between payments must be from 1 to 52."
	msgScheduleDay            = "The day of the month must be from 1 to 31."
	msgScheduleFirstMissing   = "Enter the date of the first payment."
	msgScheduleAmountNegative = "The payment amount cannot be less than £0."

	msgCategoryKeyMissing      = "The category has no key."
	msgCategoryNameMissing     = "Give the category a name."
	msgCategoryKindMissing     = "Choose whether the category is money in or money out."
	msgCategoryPlannedNegative = "The planned amount cannot be less than £0."
	msgCategoryPeriodMissing   = "Choose how often the planned amount is for."

	msgTxDateMissing        = "Enter the date."
	msgTxAmountZero         = "The amount cannot be £0.00."
	msgSplitCategoryMissing = "Each part needs a category."
)

func msgYearTooLong(last store.Date) string {
	return fmt.Sprintf("The budget year can be at most a year long: the year end must be on or before %s.", ukDate(last))
}

func msgCategoryKeyRepeated(key string) string {
	return fmt.Sprintf("Another category already uses the key %q.", key)
}

func msgReserveCategoryUnknown(key string) string {
	return fmt.Sprintf("The category %q does not exist.", key)
}

func msgSplitCategoryUnknown(key string) string {
	return fmt.Sprintf("The category %q does not exist.", key)
}

func msgSplitsDoNotAddUp(sum, amount int64) string {
	return fmt.Sprintf("The parts add up to %s but the amount is %s.", money.Format(sum), money.Format(amount))
}

func txLabel(t Transaction) string {
	if t.Description == "" {
		return fmt.Sprintf("Transaction on %s", ukDate(t.Date))
	}
	return fmt.Sprintf("Transaction on %s (%s)", ukDate(t.Date), t.Description)
}

func reserveLabel(i int, r Reserve) string {
	if r.Name == "" {
		return fmt.Sprintf("Reserve %d", i+1)
	}
	return fmt.Sprintf("Reserve %q", r.Name)
}

func categoryLabel(i int, c Category) string {
	if c.Name == "" {
		return fmt.Sprintf("Category %d", i+1)
	}
	return fmt.Sprintf("Category %q", c.Name)
}

// --- Warnings ---

func textOverdrawn(by int64) text {
	return text{
		fmt.Sprintf("Your account is overdrawn by %s.", money.Format(by)),
		"Tell your council straight away. Ask whether a payment is late or missing, and whether your budget still covers the support in your plan.",
	}
}

func textRunsOut(on, yearEnd store.Date) text {
	return text{
		fmt.Sprintf("At this rate the money will run out around %s, before the year ends on %s.", ukDate(on), ukDate(yearEnd)),
		"Check your spending against your plan. If your needs or costs have changed, ask your council to review your budget: you can ask for a review at any time.",
	}
}

func textReservesShort(balance, required int64) text {
	return text{
		fmt.Sprintf("Your balance (%s) is %s less than the reserves you need to keep (%s).", money.FormatPounds(balance), money.FormatPounds(required-balance), money.FormatPounds(required)),
		"Reserves pay for things like your PAs' holiday pay, sick pay and redundancy. Talk to your council about how to build them up, or whether the amount is right.",
	}
}

func textPlanOverBudget(planned, budget int64) text {
	return text{
		fmt.Sprintf("Your plan spends %s a year, %s more than your budget of %s.", money.FormatPounds(planned), money.FormatPounds(planned-budget), money.FormatPounds(budget)),
		"Check the planned amounts. If your support really costs this much, ask your council to look at your budget again.",
	}
}

func textOverPlanForYear(name string, spent, planned int64) text {
	return text{
		fmt.Sprintf("You have spent %s on %s so far, %s more than planned for the whole year (%s).", money.FormatPounds(spent), name, money.FormatPounds(spent-planned), money.FormatPounds(planned)),
		"Check the spending is in the right category. If it is needed, ask your council to agree a change to your plan.",
	}
}

func textAheadOfPlan(name string, spent, plannedToDate int64, by store.Date) text {
	return text{
		fmt.Sprintf("Spending on %s is ahead of plan: %s so far, against %s planned by %s.", name, money.FormatPounds(spent), money.FormatPounds(plannedToDate), ukDate(by)),
		"This is fine if you paid for something in advance. If not, check whether the plan still fits what you need.",
	}
}

func textNotInPlan(name string, spent int64) text {
	return text{
		fmt.Sprintf("You have spent %s on %s, which has nothing planned in your support plan.", money.FormatPounds(spent), name),
		"Check the council agreed this spending and add it to your plan. Councils can ask for money spent on things they did not agree back.",
	}
}

func textSurplusNow(sum Summary) text {
	return text{
		fmt.Sprintf("You have %s more than your council usually lets you keep. Your balance is %s; they allow %s budget (%s) plus your reserves (%s).",
			money.FormatPounds(sum.SurplusAtRisk), money.FormatPounds(sum.Balance), weeksOf(sum.ThresholdWeeks), money.FormatPounds(sum.Threshold), money.FormatPounds(sum.ReservesRequired)),
		"Councils often check this at their audit and may ask for the extra back. Plan how you will use it, or tell your council why you are holding it, for example bills that are due.",
	}
}

func textSurplusAtYearEnd(sum Summary) text {
	f := sum.Forecast
	after := ""
	if sum.ReservesRequired > 0 {
		after = " after your reserves"
	}
	return text{
		fmt.Sprintf("At this rate you will have %s unspent on %s; your council may ask for money over %s budget back (about %s%s).",
			money.FormatPounds(f.Balance), ukDate(f.YearEnd), weeksOf(sum.ThresholdWeeks), money.FormatPounds(f.SurplusAtRisk), after),
		"Talk to them before the year ends about what the money is for: support you have not been able to arrange, a short break, equipment, or reserves you need to keep. Ask them to confirm what they agree in writing.",
	}
}

// --- The monitoring return (CSV column and row names) ---

var csvHeader = []string{"Item", "Category", "Planned", "Amount"}

const (
	rowFrom            = "From"
	rowTo              = "To"
	rowHolding         = "How the budget is held"
	rowProvider        = "Provider"
	rowAnnualBudget    = "Annual budget"
	rowWeeklyBudget    = "Weekly budget"
	rowAllocated       = "Budget for the period"
	rowOpening         = "Opening balance"
	rowMoneyIn         = "Money in"
	rowTotalIn         = "Total money in"
	rowSpending        = "Spending"
	rowTotalSpending   = "Total spending"
	rowClosing         = "Closing balance"
	rowTransactions    = "Transactions"
	rowUnreconciled    = "Unreconciled transactions"
	rowUnreconciledNet = "Unreconciled amount"

	msgReturnDatesMissing = "Enter the start and end of the period."
	msgReturnToBeforeFrom = "The end of the period must be on or after its start."
)

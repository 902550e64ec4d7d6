package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/store"
)

func init() {
	register("plan", fillPlan)
	register("assessment", fillAssessment)
}

// PlanBudget is Zoë's personal budget, in pence a year; her support
// arrangements add up to it exactly.
const PlanBudget = 18_200_00

// PlanVersionLabel is the label of Zoë's saved version of her plan.
const PlanVersionLabel = "Draft sent to Aoife 2 November"

// Zoë's support arrangements, from the guide's worked example of "How I
// will use my money".
var planSupport = []store.SupportArrangement{
	{Who: "Jess and Priya (personal assistants)", What: "Help to shower and dress, meals, batch cooking, laundry and cleaning",
		When:       "Jess weekday mornings 8:30 to 11:30 and Wednesday afternoons 1 to 4; Priya weekend mornings 9 to 11:30",
		AnnualCost: 15_548_00, CostKnown: true, Category: budget.KeyPAWages},
	{Who: "Jess or Priya (extra hours)", What: "Cover for holidays and sickness", When: "When needed",
		AnnualCost: 1_300_00, CostKnown: true, Category: budget.KeyPAWages},
	{Who: "Local taxi firm", What: "Taxis to appointments and the park", When: "About twice a month",
		AnnualCost: 432_00, CostKnown: true, Category: budget.KeyTransport},
	{Who: "Leisure centre", What: "Swimming in the warm pool", When: "Once a week",
		AnnualCost: 300_00, CostKnown: true, Category: budget.KeyDayActivities},
	{Who: "Pension provider", What: "Employer pension contributions for Jess and Priya", When: "Monthly",
		AnnualCost: 218_00, CostKnown: true, Category: budget.KeyEmployerCosts},
	{Who: "Payroll service", What: "Works out pay, tax and pension and sends payslips", When: "Monthly",
		AnnualCost: 174_00, CostKnown: true, Category: budget.KeyPayrollService},
	{Who: "Insurer", What: "Employer's liability insurance", When: "Once a year",
		AnnualCost: 128_00, CostKnown: true, Category: budget.KeyEmployersLiability},
	{Who: "Training provider", What: "Moving and handling course for Jess and Priya", When: "By 15 January",
		AnnualCost: 100_00, CostKnown: true, Category: budget.KeyTraining},
	{Who: "Aoife (my sister)", What: "Emergency back-up and help with paperwork on bad days", When: "When needed",
		AnnualCost: 0, CostKnown: true},
}

// Zoë's outcomes, from the guide's worked example of "What I want to
// change or achieve". support indexes planSupport.
var planOutcomes = []struct {
	o       store.PlanOutcome
	support []int
}{
	{store.PlanOutcome{What: "Shower and get dressed every day without it using up all my energy",
		Why:        "When washing and dressing take everything, the rest of the day is gone.",
		HowIllKnow: "I'm washed and dressed by 11 most days and still have energy for one other thing.",
		Needs:      []string{"personal-hygiene", "clothing"}}, []int{0}},
	{store.PlanOutcome{What: "Eat a proper meal every day",
		Why:        "On bad days I skip meals, and then I get weaker.",
		HowIllKnow: "I eat a proper meal every day, including bad days, from the batch-cooked meals in the freezer.",
		Needs:      []string{"nutrition"}}, []int{0}},
	{store.PlanOutcome{What: "See my friends and get out of the house",
		Why:        "I want to be part of life in Ipswich, not watch it from the window.",
		HowIllKnow: "I get out at least twice a month, to Christchurch Park or a café, without a crash that lasts more than two days.",
		Needs:      []string{"community", "relationships"}}, []int{0, 2}},
	{store.PlanOutcome{What: "Do some illustration work again",
		Why:        "Drawing is who I am, and I'd like to earn a little again.",
		HowIllKnow: "I'm working about four hours a week, with support from Access to Work.",
		Needs:      []string{"work-learning"}}, nil},
	{store.PlanOutcome{What: "Aoife is my sister again, not my carer",
		Why:        "She has been filling the gaps and it's wearing her out.",
		HowIllKnow: "Aoife only comes over as my sister, or in an emergency, and she has had her carer's assessment.",
		Needs:      []string{"relationships"}}, []int{8}},
}

var planRisks = []store.PlanRisk{
	{What: "Jess is ill or on holiday", Managed: "Priya knows my routine and covers the mornings she can.",
		WhoHelps: "Priya, then Aoife", BackUp: "If Priya can't come, Aoife comes over from Felixstowe; if neither can, I ring the agency on the list on the fridge."},
	{What: "Falling on the stairs on a bad day", Managed: "I don't use the stairs alone when I'm very tired, and I wear my pendant alarm.",
		WhoHelps: "Jess and Priya; the occupational therapist", BackUp: "I sleep downstairs on my worst days until the through-floor lift is fitted."},
	{What: "A PA pulls my arm and my shoulder dislocates", Managed: "My one-page profile and the moving and handling course tell them never to pull my arms.",
		WhoHelps: "Jess and Priya", BackUp: "The bad day plan on the fridge says what to do, and who to call."},
	{What: "Overspending the direct payment", Managed: "I check the direct payment account every month and keep the receipts in one folder.",
		WhoHelps: "Aoife, and the payroll service", BackUp: "If it looks like I'll overspend, I ring the direct payments team before it happens."},
}

var planActions = []store.PlanAction{
	{What: "Ask the council for a carer's assessment", Who: "Aoife", By: store.NewDate(2026, 12, 31)},
	{What: "Book the moving and handling course for Jess and Priya", Who: "Zoë", By: store.NewDate(2027, 1, 15)},
	{What: "Apply for a Disabled Facilities Grant for the wet room and the lift", Who: "Zoë and the occupational therapist", By: store.NewDate(2027, 1, 31)},
	{What: "Apply to Access to Work", Who: "Zoë, with Aoife's help", By: store.NewDate(2027, 2, 28)},
	{What: "Write the bad day plan and stick it on the fridge", Who: "Zoë", By: store.NewDate(2026, 10, 31), Done: true, DoneOn: store.NewDate(2026, 10, 24)},
}

// fillPlan writes Zoë's support plan from the guide's own worked
// examples, saves the version she sent to her sister, then makes the
// changes she made afterwards, so the versions screen has something to
// compare.
func fillPlan(ctx context.Context, a *app.App) error {
	g, err := a.PlanGuide(ctx)
	if err != nil {
		return err
	}
	if err := a.SetPlanDates(ctx, app.PlanDates{Started: store.NewDate(2026, 10, 12)}); err != nil {
		return err
	}
	if err := a.SetPersonalBudget(ctx, PlanBudget, true); err != nil {
		return err
	}
	for _, s := range g.Sections {
		if err := a.SetPlanSection(ctx, s.Key, s.Example); err != nil {
			return fmt.Errorf("section %s: %w", s.Key, err)
		}
	}
	for _, h := range g.Profile.Headings {
		if err := a.SetPlanProfile(ctx, h.Key, h.Example); err != nil {
			return err
		}
	}
	ids := make([]string, len(planSupport))
	for i, s := range planSupport {
		// The 2 November draft had the taxis at £360; Zoë raised it after
		// Aoife's comment.
		if i == 2 {
			s.AnnualCost = 360_00
		}
		if ids[i], err = a.SaveSupportArrangement(ctx, s); err != nil {
			return fmt.Errorf("support %q: %w", s.What, err)
		}
	}
	outcomeIDs := make([]string, len(planOutcomes))
	for i, o := range planOutcomes {
		for _, n := range o.support {
			o.o.Support = append(o.o.Support, ids[n])
		}
		if i == 3 {
			continue // added after the draft went to Aoife
		}
		if outcomeIDs[i], err = a.SavePlanOutcome(ctx, o.o); err != nil {
			return fmt.Errorf("outcome %q: %w", o.o.What, err)
		}
	}
	for i, r := range planRisks {
		if i == 3 {
			continue // added after the draft went to Aoife
		}
		if _, err := a.SavePlanRisk(ctx, r); err != nil {
			return err
		}
	}
	for _, x := range planActions {
		if _, err := a.SavePlanAction(ctx, x); err != nil {
			return err
		}
	}
	if err := a.SetPlanStatus(ctx, app.PlanShared, store.NewDate(2026, 11, 2)); err != nil {
		return err
	}
	// Local times, so the dates shown are those in the labels wherever
	// the computer is.
	sent := time.Date(2026, 11, 2, 18, 30, 0, 0, time.Local)
	if _, err := a.SavePlanVersion(ctx, PlanVersionLabel, sent); err != nil {
		return err
	}

	// What Zoë changed after talking to Aoife.
	taxis := planSupport[2]
	taxis.ID = ids[2]
	if _, err := a.SaveSupportArrangement(ctx, taxis); err != nil {
		return err
	}
	work := planOutcomes[3].o
	if _, err := a.SavePlanOutcome(ctx, work); err != nil {
		return err
	}
	if _, err := a.SavePlanRisk(ctx, planRisks[3]); err != nil {
		return err
	}
	staying, _ := g.Section("staying-well")
	if err := a.SetPlanSection(ctx, "staying-well", staying.Example+
		" I use a heart-rate monitor to notice when I'm doing too much, before I crash."); err != nil {
		return err
	}

	comments := []store.Comment{
		{Section: "my-money", AuthorName: "Aoife Ó Briain", AuthorDevice: "example-aoife-laptop",
			Body:    "£360 for taxis looks low to me: the hospital appointments in Ipswich are about £20 each way. Could it be more like £430?",
			Created: time.Date(2026, 11, 3, 20, 15, 0, 0, time.Local)},
		{Section: "control-and-safe", AuthorName: "Aoife Ó Briain", AuthorDevice: "example-aoife-laptop",
			Body:    "Should we say what happens if the direct payment money runs low? The council asked me about that last time.",
			Created: time.Date(2026, 11, 3, 20, 22, 0, 0, time.Local)},
	}
	for i, c := range comments {
		added, err := a.AddComment(ctx, c)
		if err != nil {
			return err
		}
		if i == 0 {
			// Zoë raised the taxi money, so this one is dealt with.
			if err := a.SetCommentResolved(ctx, added.ID, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillAssessment writes Zoë's answers for the outcomes that matter to
// her, with her bad days, and four weeks of her needs diary ending
// yesterday, so the summary always has something to say.
func fillAssessment(ctx context.Context, a *app.App) error {
	answers := []store.AssessmentAnswer{
		{Outcome: "personal-hygiene",
			CanDo:       "On a good day I can wash at the sink sitting down, and shower with the shower chair if someone is in the house.",
			Hard:        "I can't lift my arms to wash my hair without a shoulder slipping out of place. Getting in and out of the bath is not safe.",
			GoodDay:     "Jess sets up the shower chair and washes my hair; I do the rest sitting down. It takes about 40 minutes and I rest afterwards.",
			BadDay:      "I can't stand long enough to shower at all. Jess helps me have a strip wash on the bed, and I'm exhausted for the rest of the morning.",
			HowOften:    "About three days a week",
			WithoutHelp: true, PainDistress: true, Danger: true, TakesLonger: true,
			Wellbeing:       []string{"dignity", "health"},
			WellbeingImpact: "Not being clean makes me feel ashamed, and the effort of washing alone leaves me in bed for the day.",
			Evidence:        "Occupational therapist's report, March 2026 (recommends a wet room); my needs diary."},
		{Outcome: "clothing",
			CanDo:       "I can choose my clothes and put on loose tops and elasticated trousers sitting down.",
			Hard:        "Buttons, zips, socks and shoes: my fingers dislocate.",
			GoodDay:     "Jess helps with socks, shoes and anything with buttons. About 15 minutes.",
			BadDay:      "I need help with everything, and sometimes I stay in my nightclothes because I can't face it.",
			HowOften:    "About three days a week",
			WithoutHelp: true, PainDistress: true, TakesLonger: true,
			Wellbeing: []string{"dignity", "participation"},
			Evidence:  "Hand therapist's letter about the splints; my needs diary."},
		{Outcome: "nutrition",
			CanDo:       "I can heat a ready meal in the microwave and make a drink with the kettle tipper.",
			Hard:        "Standing to cook makes me so tired that I skip meals. I can't lift a full pan.",
			GoodDay:     "I can sit on the perching stool and make a sandwich. Jess batch-cooks twice a week.",
			BadDay:      "I can't get to the kitchen. If nobody brings me food and drink I go without until the next day.",
			HowOften:    "About three days a week",
			WithoutHelp: true, Danger: true,
			Wellbeing:       []string{"health"},
			WellbeingImpact: "Missing meals makes my ME worse and I lose weight.",
			Evidence:        "GP letter about my weight, September 2026."},
		{Outcome: "home-safely",
			CanDo:    "Downstairs, on a good day, I can move around holding the furniture.",
			Hard:     "The stairs. My knees and hips slip, and I've fallen twice this year.",
			GoodDay:  "I use the stairs once in the morning and once at night, slowly, with the rail.",
			BadDay:   "I can't manage the stairs safely on my own, so I either stay upstairs all day or sleep on the sofa.",
			HowOften: "About three days a week",
			Danger:   true, WithoutHelp: true,
			Wellbeing: []string{"health", "accommodation"},
			Evidence:  "Occupational therapist's report, March 2026 (recommends a through-floor lift and a second rail)."},
		{Outcome: "habitable-home",
			CanDo:       "I can tidy small things and put a wash on if the basket is downstairs.",
			Hard:        "Hoovering, changing the bed, cleaning the bathroom and carrying laundry.",
			GoodDay:     "I do a little and rest. Jess does the rest on Wednesday afternoons.",
			BadDay:      "I can't do any of it.",
			HowOften:    "Every week",
			WithoutHelp: true, PainDistress: true,
			Wellbeing: []string{"health", "accommodation"}},
		{Outcome: "community",
			CanDo:           "On a good day I can sit in the garden, and go out for an hour if someone pushes my wheelchair.",
			Hard:            "I can't walk far, I can't push my own wheelchair, and buses wipe me out for days.",
			GoodDay:         "A PA pushes my wheelchair to Christchurch Park or a café, and we come back by taxi.",
			BadDay:          "I don't go out at all.",
			HowOften:        "I get out about twice a month; without help I wouldn't go out at all.",
			WithoutHelp:     true,
			Wellbeing:       []string{"relationships", "participation", "social-economic"},
			WellbeingImpact: "I've lost touch with most of my friends since 2019. I feel cut off from life in Ipswich.",
			Evidence:        "My needs diary."},
		{Outcome: "toilet-needs",
			CanDo: "I can use the toilet on my own; there's a rail next to it.",
			Hard:  "Nothing, most of the time.", HowOften: "Rarely a problem"},
		{Outcome: "caring-for-child", CanDo: "I don't have children.", DoesNotApply: true},
	}
	for _, ans := range answers {
		if err := a.SaveAssessmentAnswer(ctx, ans); err != nil {
			return fmt.Errorf("assessment %s: %w", ans.Outcome, err)
		}
	}
	return fillDiary(ctx, a, store.Today())
}

// fillDiary writes four weeks of diary entries ending the day before
// today. Zoë has a bad day about three days a week.
func fillDiary(ctx context.Context, a *app.App, today store.Date) error {
	for back := 28; back >= 1; back-- {
		d := today.AddDays(-back)
		bad := back%7 == 1 || back%7 == 3 || back%7 == 5
		entries := []store.DiaryEntry{{Date: d, Outcome: "personal-hygiene", NeededHelp: true, BadDay: bad}}
		if bad {
			entries[0].What = "Couldn't stand in the shower; Jess helped me with a strip wash on the bed."
			entries[0].Minutes = 45
			entries[0].Felt = "Exhausted and fed up"
			entries = append(entries, store.DiaryEntry{Date: d, Outcome: "nutrition", What: "Too tired to get to the kitchen; Jess brought lunch up.",
				Minutes: 20, NeededHelp: true, BadDay: true, Felt: "Hungry until she came"})
		} else {
			entries[0].What = "Jess washed my hair and set up the shower chair."
			entries[0].Minutes = 30
			entries[0].Felt = "Fine, rested after"
		}
		if back%7 == 2 && back <= 14 {
			entries = append(entries, store.DiaryEntry{Date: d, Outcome: "community", What: "Priya pushed my wheelchair to Christchurch Park.",
				Minutes: 90, NeededHelp: true, Felt: "Happy, tired the next day"})
		}
		for _, e := range entries {
			if _, err := a.SaveDiaryEntry(ctx, e); err != nil {
				return fmt.Errorf("diary %s: %w", d, err)
			}
		}
	}
	return nil
}

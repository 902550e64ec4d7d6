package app_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

func openPlanApp(t testing.TB) *app.App {
	t.Helper()
	a, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "d"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func openDemo(t testing.TB) *app.App {
	t.Helper()
	a := openPlanApp(t)
	if err := demo.Fill(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPlanHumanDates(t *testing.T) {
	today := store.Today()
	for _, tc := range []struct {
		in      string
		want    store.Date
		errPart string
	}{
		{"2026-11-23", store.NewDate(2026, 11, 23), ""},
		{"23/11/2026", store.NewDate(2026, 11, 23), ""},
		{"3/5/26", store.NewDate(2026, 5, 3), ""},
		{"23.11.2026", store.NewDate(2026, 11, 23), ""},
		{"23 November 2026", store.NewDate(2026, 11, 23), ""},
		{"1st Feb 2027", store.NewDate(2027, 2, 1), ""},
		{"today", today, ""},
		{"", store.Date{}, ""},
		{"30/02/2026", store.Date{}, "February 2026 has 28 days"},
		{"2026-02-30", store.Date{}, "not a real date"},
		{"12/13/2026", store.Date{}, "no month 13"},
		{"23/11/1066", store.Date{}, "cannot be right"},
		{"next Tuesday", store.Date{}, "like 23/11/2026"},
		{"23 Smarch 2026", store.Date{}, "like 23/11/2026"},
	} {
		got, err := app.ParseHumanDate(tc.in)
		if tc.errPart == "" && (err != nil || got != tc.want) {
			t.Errorf("ParseHumanDate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		if tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("ParseHumanDate(%q) error %v, want it to say %q", tc.in, err, tc.errPart)
		}
	}
	if got := app.HumanDate(store.NewDate(2026, 11, 3)); got != "3 November 2026" {
		t.Errorf("HumanDate = %q", got)
	}
}

func TestPlanSectionsRoundTripAndRefuseBadInput(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	p, err := a.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Started.IsZero() || len(p.Sections) != 11 || p.Status != app.PlanDraft {
		t.Fatalf("empty plan: started %v, %d sections, status %q", p.Started, len(p.Sections), p.Status)
	}
	good := "Zoë 🙂 Łukasz\r\nمرحبا\n\n\tend  "
	for _, tc := range []struct {
		key, text, errPart string
	}{
		{"important-to-me", good, ""},
		{"nonsense", "x", `no plan section called "nonsense"`},
		{"my-money", strings.Repeat("a", 5<<20), "too long to save (5.0 MB)"},
		{"my-money", "bad \xff bytes", "not readable text"},
		{"my-money", "nul\x00here", "NUL"},
	} {
		err := a.SetPlanSection(ctx, tc.key, tc.text)
		if tc.errPart == "" && err != nil {
			t.Errorf("SetPlanSection(%s): %v", tc.key, err)
		}
		if tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("SetPlanSection(%s) error %v, want %q", tc.key, err, tc.errPart)
		}
	}
	p, _ = a.Plan(ctx)
	if p.Text("important-to-me") != good {
		t.Errorf("text changed on the way: %q", p.Text("important-to-me"))
	}
	if p.Text("my-money") != "" {
		t.Error("a refused text was stored")
	}
	if p.Started != store.Today() {
		t.Errorf("writing did not start the plan: %v", p.Started)
	}
	if err := a.SetPlanProfile(ctx, "support-me", "Ask first"); err != nil {
		t.Fatal(err)
	}
	if err := a.SetPlanProfile(ctx, "shoe-size", "5"); err == nil || !strings.Contains(err.Error(), "like-and-admire") {
		t.Errorf("unknown profile heading: %v", err)
	}
}

func TestPlanStatusAndReviewDates(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	today := store.Today()
	d := func(back int) store.Date { return today.AddDays(-back) }
	steps := []struct {
		name    string
		do      func() error
		errPart string
		check   func(p app.Plan) bool
	}{
		{"no review before agreement", func() error { return a.SetPlanDates(ctx, app.PlanDates{NextReview: today.AddDays(30)}) },
			"mark it agreed first", nil},
		{"sent in the future", func() error { return a.SetPlanStatus(ctx, app.PlanSent, today.AddDays(1)) }, "in the future", nil},
		{"sent", func() error { return a.SetPlanStatus(ctx, app.PlanSent, d(40)) }, "",
			func(p app.Plan) bool { return p.Status == app.PlanSent && p.Sent == d(40) && p.Started == d(40) }},
		{"agreed before sent", func() error { return a.SetPlanStatus(ctx, app.PlanAgreed, d(41)) }, "before you sent it", nil},
		{"agreed", func() error { return a.SetPlanStatus(ctx, app.PlanAgreed, d(10)) }, "",
			func(p app.Plan) bool { return p.Agreed == d(10) && p.NextReview == d(10).AddMonths(12) }},
		{"review later than 12 months", func() error {
			return a.SetPlanDates(ctx, app.PlanDates{NextReview: d(10).AddMonths(12).AddDays(1)})
		}, "at least once every 12 months", nil},
		{"review before agreed", func() error { return a.SetPlanDates(ctx, app.PlanDates{NextReview: d(11)}) }, "after your plan was agreed", nil},
		{"earlier review, 8 weeks on", func() error { return a.SetPlanDates(ctx, app.PlanDates{NextReview: d(10).AddDays(56)}) }, "",
			func(p app.Plan) bool { return p.NextReview == d(10).AddDays(56) }},
		{"started after sent", func() error { return a.SetPlanDates(ctx, app.PlanDates{Started: d(5)}) }, "cannot have been started later", nil},
		{"under review", func() error { return a.SetPlanStatus(ctx, app.PlanUnderReview, store.Date{}) }, "",
			func(p app.Plan) bool { return p.Status == app.PlanUnderReview && p.Agreed == d(10) }},
		{"unknown status", func() error { return a.SetPlanStatus(ctx, "lost", store.Date{}) }, "not a plan status", nil},
	}
	for _, st := range steps {
		err := st.do()
		if st.errPart == "" && err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.errPart != "" && (err == nil || !strings.Contains(err.Error(), st.errPart)) {
			t.Fatalf("%s: error %v, want %q", st.name, err, st.errPart)
		}
		if st.check != nil {
			p, _ := a.Plan(ctx)
			if !st.check(p) {
				t.Errorf("%s: plan %+v", st.name, p)
			}
		}
	}
	for in, want := range map[string]app.PlanStatus{"Sent": app.PlanSent, "under review": app.PlanUnderReview,
		"Agreed by the council": app.PlanAgreed, "shared": app.PlanShared} {
		if got, err := app.ParsePlanStatus(in); err != nil || got != want {
			t.Errorf("ParsePlanStatus(%q) = %q, %v", in, got, err)
		}
	}
}

func TestPlanItemsValidateAndUndo(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	sid, err := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "Jess", What: "Mornings", AnnualCost: 1_554_800, Category: "pa_wages"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		save    func() error
		errPart string
	}{
		{"outcome with an unknown need", func() error {
			_, err := a.SavePlanOutcome(ctx, store.PlanOutcome{What: "x", Needs: []string{"flying"}})
			return err
		}, `"flying" is not one of the needs`},
		{"outcome with unknown support", func() error {
			_, err := a.SavePlanOutcome(ctx, store.PlanOutcome{What: "x", Support: []string{"NOPE"}})
			return err
		}, "no support arrangement with ID NOPE"},
		{"blank outcome", func() error { _, err := a.SavePlanOutcome(ctx, store.PlanOutcome{What: "  "}); return err }, "write what you want"},
		{"good outcome", func() error {
			_, err := a.SavePlanOutcome(ctx, store.PlanOutcome{What: "Get out", Needs: []string{"community"}, Support: []string{sid}})
			return err
		}, ""},
		{"negative cost", func() error {
			_, err := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "x", AnnualCost: -1})
			return err
		}, "less than £0"},
		{"huge cost", func() error {
			_, err := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "x", AnnualCost: app.MaxAnnualCost + 1})
			return err
		}, "check the amount"},
		{"unknown category", func() error {
			_, err := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "x", Category: "council_payments"})
			return err
		}, "not a budget category"},
		{"action far in the future", func() error {
			_, err := a.SavePlanAction(ctx, store.PlanAction{What: "x", By: store.NewDate(3000, 1, 1)})
			return err
		}, "check the year"},
		{"blank risk", func() error { _, err := a.SavePlanRisk(ctx, store.PlanRisk{}); return err }, "what could go wrong"},
	} {
		err := tc.save()
		if tc.errPart == "" && err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		if tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.errPart)
		}
	}
	xid, err := a.SavePlanAction(ctx, store.PlanAction{What: "Book course", By: store.NewDate(2027, 1, 15)})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.SetActionDone(ctx, xid, true); err != nil {
		t.Fatal(err)
	}
	p, _ := a.Plan(ctx)
	if !p.Actions[0].Done || p.Actions[0].DoneOn != store.Today() {
		t.Errorf("done action: %+v", p.Actions[0])
	}
	if err := a.SetActionDone(ctx, "NOPE", true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown action: %v", err)
	}
	if err := a.RemovePlanItem(ctx, "support", sid); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.SupportArrangements(ctx); len(list) != 0 {
		t.Errorf("removed support still there: %+v", list)
	}
	if err := a.RestorePlanItem(ctx, "support", sid); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.SupportArrangements(ctx); len(list) != 1 || list[0].AnnualCost != 1_554_800 || !list[0].CostKnown {
		t.Errorf("restored support: %+v", list)
	}
	if err := a.RemovePlanItem(ctx, "wardrobe", sid); err == nil || !strings.Contains(err.Error(), "outcome") {
		t.Errorf("unknown kind: %v", err)
	}
}

func TestPlanChecklistGrowsToReady(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	c, err := a.CheckPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Done != 0 || c.Total != 11 || c.Ready || c.Summary != "0 of 11 parts done" {
		t.Errorf("empty plan checklist: %+v", c)
	}
	a.SetPlanSection(ctx, "staying-well", "I pace myself.")
	states, _ := a.PlanSectionStates(ctx)
	for _, s := range states {
		switch {
		case s.Key == "staying-well" && (s.State != "thin" || !s.Filled || s.Words != 3):
			t.Errorf("short section: %+v", s)
		case s.Key != "staying-well" && (s.State != "missing" || s.Filled):
			t.Errorf("untouched section: %+v", s)
		}
	}

	z := openDemo(t)
	c, _ = z.CheckPlan(ctx)
	if !c.Ready || c.Done != 11 {
		t.Errorf("Zoë's plan is not ready: %s", c.Summary)
	}
	// The costs add up to her budget; taking one away leaves a gap the
	// checklist explains.
	list, _ := z.SupportArrangements(ctx)
	var total int64
	byCat, _ := z.PlannedByCategory(ctx)
	var byCatTotal int64
	for _, s := range list {
		total += s.AnnualCost
	}
	for _, v := range byCat {
		byCatTotal += v
	}
	if total != demo.PlanBudget || byCatTotal != demo.PlanBudget || byCat["pa_wages"] != 16_848_00 {
		t.Errorf("Zoë's support costs %d (by category %d, wages %d), want %d", total, byCatTotal, byCat["pa_wages"], demo.PlanBudget)
	}
	z.RemovePlanItem(ctx, "support", list[len(list)-2].ID) // training, £100
	c, _ = z.CheckPlan(ctx)
	var money plan.Item
	for _, it := range c.Items {
		if it.Section == "my-money" {
			money = it
		}
	}
	if money.State != plan.Thin || !strings.Contains(money.Message, "£100.00 isn't planned yet") {
		t.Errorf("my-money after removing £100: %+v", money)
	}
}

func TestPlanVersionsAndDiff(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	a.SetPlanSection(ctx, "important-to-me", "I like drawing and my cat.")
	oid, _ := a.SavePlanOutcome(ctx, store.PlanOutcome{What: "See friends", HowIllKnow: "twice a month"})
	sid, _ := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "Jess", What: "Mornings", AnnualCost: 1_000_00})
	rid, _ := a.SavePlanRisk(ctx, store.PlanRisk{What: "PA ill"})
	if _, err := a.SavePlanVersion(ctx, "  ", time.Time{}); err == nil {
		t.Error("saved a version without a name")
	}
	// A name is measured in characters, not bytes: 60 emoji are fine.
	if v, err := a.SavePlanVersion(ctx, strings.Repeat("🙂", 60), time.Time{}); err != nil {
		t.Errorf("an emoji name: %v", err)
	} else {
		a.RemovePlanItem(ctx, "version", v.ID)
	}
	if _, err := a.SavePlanVersion(ctx, strings.Repeat("a", 201), time.Time{}); err == nil {
		t.Error("saved a 201-character name")
	}
	v1, err := a.SavePlanVersion(ctx, "First draft", time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	a.SetPlanSection(ctx, "important-to-me", "I like drawing, swimming and my cat.")
	a.SaveSupportArrangement(ctx, store.SupportArrangement{ID: sid, Who: "Jess", What: "Mornings", AnnualCost: 1_200_00})
	a.RemovePlanItem(ctx, "risk", rid)
	a.SavePlanAction(ctx, store.PlanAction{What: "Book course", By: store.NewDate(2027, 1, 15)})
	a.SavePlanOutcome(ctx, store.PlanOutcome{ID: oid, What: "See friends", HowIllKnow: "every week"})
	a.SetPlanStatus(ctx, app.PlanShared, store.Date{})
	if _, err := a.SavePlanVersion(ctx, "Shared with Aoife", time.Time{}); err != nil {
		t.Fatal(err)
	}

	vs, _ := a.PlanVersions(ctx)
	if len(vs) != 2 || vs[0].ID != v1.ID || vs[1].Label != "Shared with Aoife" {
		t.Fatalf("versions: %+v", vs)
	}
	for _, pair := range [][2]string{{"1", "2"}, {v1.ID, "current"}, {"1", "now"}} {
		d, err := a.ComparePlanVersions(ctx, pair[0], pair[1])
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, c := range d.Changes {
			all = append(all, c.Part+": "+c.Summary)
		}
		got := strings.Join(all, "\n")
		for _, want := range []string{
			"Status and dates: The status changed from “Draft” to “Shared with my supporter”.",
			"What is important to me: This part: “drawing” became “drawing, swimming”",
			"Support: The cost of “Jess: Mornings” changed from £1,000.00 a year to £1,200.00 a year.",
			"Risks: Removed a risk: “PA ill”.",
			"Action plan: Added a next step: “Book course”.",
			"Outcomes: “See friends”, how I'll know it's working: “twice a month” became “every week”",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("diff %v lacks %q:\n%s", pair, want, got)
			}
		}
		if d.From != "First draft" {
			t.Errorf("diff from %q", d.From)
		}
	}
	if d, _ := a.ComparePlanVersions(ctx, "2", "current"); len(d.Changes) != 0 {
		t.Errorf("no change since version 2, but: %+v", d.Changes)
	}
	for _, bad := range []string{"0", "3", "NOSUCH"} {
		if _, err := a.ComparePlanVersions(ctx, bad, "current"); err == nil {
			t.Errorf("compared version %q", bad)
		}
	}
	old, label, err := a.PlanAt(ctx, "1")
	if err != nil || label != "First draft" || old.Text("important-to-me") != "I like drawing and my cat." || old.Status != app.PlanDraft {
		t.Errorf("PlanAt(1) = %q, %q, %v", old.Text("important-to-me"), label, err)
	}
}

// A budget set up on the Budget screen is the plan's personal budget
// until the plan says otherwise, so the person never keeps two amounts.
func TestPlanPersonalBudgetFromBudgetSetup(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	if p, _ := a.Plan(ctx); p.BudgetKnown || p.BudgetFrom != "" {
		t.Fatalf("a new plan knows its budget: %+v", p)
	}
	setup := app.SuggestedBudgetSetup(store.Today())
	setup.Amount, setup.Period = 350_00, budget.Weekly
	if err := a.SaveBudgetSetup(ctx, setup); err != nil {
		t.Fatal(err)
	}
	a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "A PA", What: "Mornings", AnnualCost: 17_000_00})
	p, _ := a.Plan(ctx)
	if !p.BudgetKnown || p.PersonalBudget != 18_200_00 || p.BudgetFrom != app.BudgetFromSetup {
		t.Errorf("from the budget: %v %d %q", p.BudgetKnown, p.PersonalBudget, p.BudgetFrom)
	}
	c, _ := a.CheckPlan(ctx)
	for _, it := range c.Items {
		if it.Section == "my-money" && !strings.Contains(it.Message+strings.Join(it.Also, " "), "£1,200.00 isn't planned yet") {
			t.Errorf("the checklist does not use the budget's amount: %+v", it)
		}
	}
	// Saying it for the plan wins; clearing it goes back to the budget's.
	a.SetPersonalBudget(ctx, 19_000_00, true)
	if p, _ := a.Plan(ctx); p.PersonalBudget != 19_000_00 || p.BudgetFrom != app.BudgetFromPlan {
		t.Errorf("said for the plan: %d %q", p.PersonalBudget, p.BudgetFrom)
	}
	a.SetPersonalBudget(ctx, 0, false)
	if p, _ := a.Plan(ctx); p.PersonalBudget != 18_200_00 || p.BudgetFrom != app.BudgetFromSetup {
		t.Errorf("cleared: %d %q", p.PersonalBudget, p.BudgetFrom)
	}
}

// A category the person added to their budget can be chosen for a
// support arrangement, and its cost then plans that category.
func TestPlanSupportUnderACategoryOfMyOwn(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	setup := app.SuggestedBudgetSetup(store.Today())
	setup.Amount, setup.Period = 18_200_00, budget.Annual
	if err := a.SaveBudgetSetup(ctx, setup); err != nil {
		t.Fatal(err)
	}
	key, err := a.AddBudgetCategory(ctx, "Gym membership", budget.MoneyOut, 0, budget.Monthly)
	if err != nil {
		t.Fatal(err)
	}
	cats, _ := a.PlanSupportCategories(ctx)
	names := ""
	for _, c := range cats {
		names += c.Name + ";"
		if c.Kind != budget.MoneyOut {
			t.Errorf("%s is money in", c.Name)
		}
	}
	if !strings.Contains(names, "Gym membership;") || !strings.Contains(names, "Personal assistant wages;") {
		t.Errorf("categories to choose from: %s", names)
	}
	if _, err := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "Gym", What: "Hydrotherapy", AnnualCost: 360_00, Category: key}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SaveSupportArrangement(ctx, store.SupportArrangement{Who: "x", Category: "council_payments"}); err == nil {
		t.Error("support planned under money coming in")
	}
	if _, err := a.UsePlanCosts(ctx); err != nil {
		t.Fatal(err)
	}
	if c, _ := a.BudgetCategory(ctx, key); c.Annual() != 360_00 {
		t.Errorf("the gym category is planned at %d a year", c.Annual())
	}
}

// Two edits far apart in one section show as two changes, each quoted,
// not as one run covering everything between them.
func TestPlanDiffFindsEachEditInASection(t *testing.T) {
	sec := func(text string) app.Plan {
		return app.Plan{Sections: []app.PlanSection{{Key: "how-managed", Title: "How my support will be managed", Text: text}}}
	}
	before := "A direct payment into a separate account. Ania helps me with the paperwork and I use a payroll service for my PA."
	after := "A direct payment into its own account. Ania helps me with the paperwork and I use a payroll service for my PA, who is paid every week."
	got := app.DiffPlans(sec(before), sec(after))
	if len(got) != 1 {
		t.Fatalf("changes: %+v", got)
	}
	want := "This part: “a separate” became “its own”; “PA.” became “PA, who is paid every week.”"
	if got[0].Summary != want || len(got[0].Edits) != 2 || got[0].Before != before || got[0].After != after {
		t.Errorf("summary\n got %q\nwant %q\nedits %+v", got[0].Summary, want, got[0].Edits)
	}
	many := app.DiffPlans(sec("a b c d e f g h i j k l m n o p q r s t u"), sec("A b c d E f g h I j k l M n o p Q r s t u"))
	if s := many[0].Summary; !strings.HasSuffix(s, "; and 2 more changes") || strings.Count(s, "became") != 3 {
		t.Errorf("five edits: %q", s)
	}
}

func TestPlanCommentsResolveAndReopen(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	a.SaveProfile(ctx, store.Profile{Name: "Zoë Ó Briain", PreferredName: "Zoë"})
	if _, err := a.AddComment(ctx, store.Comment{Section: "nowhere", Body: "x"}); err == nil {
		t.Error("comment on an unknown section")
	}
	if _, err := a.AddComment(ctx, store.Comment{Section: "my-money", Body: "  "}); err == nil {
		t.Error("empty comment")
	}
	c, err := a.AddComment(ctx, store.Comment{Section: "my-money", Body: "Is £432 enough for taxis?"})
	if err != nil {
		t.Fatal(err)
	}
	if c.AuthorName != "Zoë" || c.AuthorDevice == "" || c.Resolved || c.Created.IsZero() {
		t.Errorf("comment: %+v", c)
	}
	for _, resolved := range []bool{true, false} {
		if err := a.SetCommentResolved(ctx, c.ID, resolved); err != nil {
			t.Fatal(err)
		}
		cs, _ := a.Comments(ctx, "my-money")
		if len(cs) != 1 || cs[0].Resolved != resolved {
			t.Errorf("after resolve=%v: %+v", resolved, cs)
		}
	}
	if err := a.SetCommentResolved(ctx, "NOPE", true); !errors.Is(err, store.ErrNotFound) || strings.HasSuffix(err.Error(), "not found") {
		t.Errorf("unknown comment: %v", err)
	}
}

func TestPlanNextSteps(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	a.SaveProfile(ctx, store.Profile{Name: "Sam", Council: "X", CouncilRef: "1", CommunicationNeeds: "email"})
	a.SavePerson(ctx, store.Person{Name: "Jo"})
	titles := func() string {
		steps, err := a.NextSteps(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range steps {
			out = append(out, s.Title)
		}
		return strings.Join(out, " | ")
	}
	for _, tc := range []struct {
		do   func()
		want []string
		not  []string
	}{
		{func() {}, []string{"Start your support plan", "Get ready for your assessment"}, nil},
		{func() { a.SetPlanSection(ctx, "important-to-me", strings.Repeat("word ", 40)) },
			[]string{"Write “What I need help with”"}, []string{"Start your support plan"}},
		{func() { a.SetAssessmentField(ctx, "nutrition", "bad-day", "skip meals") },
			nil, []string{"Get ready for your assessment"}},
		{func() {
			a.SetPlanStatus(ctx, app.PlanAgreed, store.Today().AddDays(-10))
			a.SetPlanDates(ctx, app.PlanDates{NextReview: store.Today().AddDays(20)})
		}, []string{"Your plan review is on " + app.HumanDate(store.Today().AddDays(20))}, nil},
	} {
		tc.do()
		got := titles()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("next steps %q lack %q", got, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(got, w) {
				t.Errorf("next steps %q still have %q", got, w)
			}
		}
	}
}

// BenchmarkPlanAutosave100KB is one autosave of a 100 KB section of a
// complete plan, as My plan makes it after a pause in typing (target:
// under 10 ms). "write" is the save alone: the section's text, its
// version and its journal entry in one synced transaction. "recheck" is
// what the screen reads next, on the same background goroutine, to
// update the completeness marks and the summary line (PlanAndStates).
// "write+recheck" is the two together, the whole autosave. Each save
// differs from the last by one keystroke, and each part starts from a
// fresh data folder so that one part's journal does not slow the next.
func BenchmarkPlanAutosave100KB(b *testing.B) {
	ctx := context.Background()
	base := strings.Repeat("On bad days I need help to wash and dress. ", 2400) // 100 KB
	if len(base) < 100_000 {
		b.Fatalf("the text is only %d bytes", len(base))
	}
	texts := [2]string{base + "a", base + "ab"}
	for _, part := range []struct {
		name           string
		write, recheck bool
	}{{"write", true, false}, {"recheck", false, true}, {"write+recheck", true, true}} {
		b.Run(part.name, func(b *testing.B) {
			a := openDemo(b)
			if err := a.SetPlanSection(ctx, "my-needs", texts[1]); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(base)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if part.write {
					if err := a.SetPlanSection(ctx, "my-needs", texts[i%2]); err != nil {
						b.Fatal(err)
					}
				}
				if part.recheck {
					if _, _, err := a.PlanAndStates(ctx); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkPlanOpenWith20Versions opens a complete plan that has 20 saved
// versions, each a snapshot of the whole plan with a section growing to
// 100 KB (about 1 MB of snapshots in all), and reads what My plan shows
// first: the plan, the list of versions and each section's state (target:
// under 50 ms). "warm" reads from a data folder already open; "from disk"
// also opens the data folder, as starting the app or a command does.
func BenchmarkPlanOpenWith20Versions(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "d")
	a, err := app.Open(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := demo.Fill(ctx, a); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		a.SetPlanSection(ctx, "my-needs", strings.Repeat("More detail about a bad day. ", 170*(i+1))) // up to 100 KB
		if _, err := a.SavePlanVersion(ctx, fmt.Sprintf("Version %d", i+1), time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	open := func(b *testing.B, a *app.App) {
		if _, err := a.Plan(ctx); err != nil {
			b.Fatal(err)
		}
		vs, err := a.PlanVersions(ctx)
		if err != nil || len(vs) != 21 {
			b.Fatal(len(vs), err)
		}
		if _, err := a.PlanSectionStates(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("warm", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			open(b, a)
		}
	})
	a.Close()
	b.Run("from disk", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			a, err := app.OpenExisting(ctx, dir)
			if err != nil {
				b.Fatal(err)
			}
			open(b, a)
			if err := a.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPlanTablesAreSynced(t *testing.T) {
	s, _ := openTemp(t)
	have := map[string]bool{}
	for _, tbl := range s.Tables() {
		have[tbl] = true
	}
	for _, want := range []string{"plan", "plan_sections", "plan_profile", "plan_outcomes", "plan_support", "plan_risks",
		"plan_actions", "plan_versions", "comments", "assessment", "assessment_answers", "diary_entries"} {
		if !have[want] {
			t.Errorf("%s is not a synced table", want)
		}
	}
}

func TestPlanTextRoundTripsExactly(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for _, text := range []string{
		"",
		"Zoë Ó Briain 🙂 Łukasz — “quotes”",
		"line one\r\nline two\n\n  indented\ttab  ",
		"مرحبا بالعالم · 你好 · Привет",
		strings.Repeat("word ", 20000),
	} {
		if err := s.SetPlanSection(ctx, "important-to-me", text); err != nil {
			t.Fatal(err)
		}
		got, err := s.PlanSections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got["important-to-me"] != text {
			t.Errorf("section text changed: %q became %q", clip40(text), clip40(got["important-to-me"]))
		}
		if err := s.SetPlanProfile(ctx, "support-me", text); err != nil {
			t.Fatal(err)
		}
		prof, _ := s.PlanProfile(ctx)
		if prof["support-me"] != text {
			t.Errorf("profile text changed: %q", clip40(prof["support-me"]))
		}
	}
}

func clip40(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func TestPlanRecordAndItems(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, has, err := s.PlanRecord(ctx); has || err != nil {
		t.Fatalf("new store has a plan: %v %v", has, err)
	}
	rec := PlanRecord{Region: "en-GB-england", Status: "agreed", Started: NewDate(2026, 10, 12),
		Agreed: NewDate(2026, 11, 20), NextReview: NewDate(2027, 11, 20), PersonalBudget: 1_820_000, BudgetKnown: true}
	if err := s.SavePlanRecord(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if got, has, err := s.PlanRecord(ctx); !has || err != nil || got != rec {
		t.Errorf("PlanRecord = %+v, %v, %v; want %+v", got, has, err, rec)
	}

	o := PlanOutcome{What: "See friends", Why: "Lonely", HowIllKnow: "Twice a month", Needs: []string{"community", "relationships"}, Support: []string{"X"}}
	id, err := s.SavePlanOutcome(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	o.ID = id
	a := SupportArrangement{Who: "Jess", What: "Mornings", When: "Weekdays", AnnualCost: 1_554_800, CostKnown: true, Category: "pa_wages"}
	if a.ID, err = s.SaveSupportArrangement(ctx, a); err != nil {
		t.Fatal(err)
	}
	r := PlanRisk{What: "PA ill", Managed: "Cover", WhoHelps: "Priya", BackUp: "Aoife"}
	if r.ID, err = s.SavePlanRisk(ctx, r); err != nil {
		t.Fatal(err)
	}
	x := PlanAction{What: "Book course", Who: "Zoë", By: NewDate(2027, 1, 15), Done: true, DoneOn: NewDate(2027, 1, 10)}
	if x.ID, err = s.SavePlanAction(ctx, x); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		got  func() (any, error)
		want any
	}{
		{"outcomes", func() (any, error) { return s.PlanOutcomes(ctx) }, []PlanOutcome{o}},
		{"support", func() (any, error) { return s.SupportArrangements(ctx) }, []SupportArrangement{a}},
		{"risks", func() (any, error) { return s.PlanRisks(ctx) }, []PlanRisk{r}},
		{"actions", func() (any, error) { return s.PlanActions(ctx) }, []PlanAction{x}},
	} {
		got, err := tc.got()
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s = %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}

	// Remove and restore, for every kind.
	for _, tc := range []struct{ kind, id string }{{"outcome", o.ID}, {"support", a.ID}, {"risk", r.ID}, {"action", x.ID}} {
		if err := s.RemovePlanRecord(ctx, tc.kind, tc.id); err != nil {
			t.Fatalf("remove %s: %v", tc.kind, err)
		}
		if err := s.RemovePlanRecord(ctx, tc.kind, tc.id); !errors.Is(err, ErrNotFound) {
			t.Errorf("removing %s twice: %v", tc.kind, err)
		}
	}
	if got, _ := s.PlanOutcomes(ctx); len(got) != 0 {
		t.Errorf("removed outcome still listed: %+v", got)
	}
	if err := s.RestorePlanRecord(ctx, "outcome", o.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PlanOutcomes(ctx); len(got) != 1 || got[0].What != "See friends" {
		t.Errorf("restored outcome: %+v", got)
	}
	if err := s.RestorePlanRecord(ctx, "risk", "NEVER-MADE"); !errors.Is(err, ErrNotFound) {
		t.Errorf("restoring a record never made: %v", err)
	}
	if got, _ := s.PlanRisks(ctx); len(got) != 0 {
		t.Errorf("restoring an unknown ID made a record: %+v", got)
	}
	if err := s.RemovePlanRecord(ctx, "people", "x"); err == nil {
		t.Error("removed a record of an unknown kind")
	}
}

func TestPlanWritesAreJournaled(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	before, _ := s.LastSeq(ctx)
	if err := s.SetPlanSection(ctx, "my-money", "£18,200"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(ctx, Comment{Section: "my-money", Body: "Enough?", AuthorName: "Aoife"}); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Journal(ctx, before, 100)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]bool{}
	for _, e := range entries {
		tables[e.Table+"."+e.Field] = true
	}
	for _, want := range []string{"plan_sections.text", "comments.body", "comments.author_name", "comments.section"} {
		if !tables[want] {
			t.Errorf("journal lacks %s: %v", want, tables)
		}
	}
	// Saving the same text again writes nothing.
	seq, _ := s.LastSeq(ctx)
	if err := s.SetPlanSection(ctx, "my-money", "£18,200"); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.LastSeq(ctx); again != seq {
		t.Errorf("saving unchanged text journaled %d entries", again-seq)
	}
}

func TestPlanVersionsAndComments(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	// Added out of order: the list is by when each was taken.
	idB, err := s.AddPlanVersion(ctx, PlanVersion{Label: "B", Created: day(5), Snapshot: `{"b":1}`})
	if err != nil {
		t.Fatal(err)
	}
	idA, _ := s.AddPlanVersion(ctx, PlanVersion{Label: "A", Created: day(2), Snapshot: `{"a":1}`, AuthorName: "Zoë"})
	vs, err := s.PlanVersions(ctx)
	if err != nil || len(vs) != 2 || vs[0].ID != idA || vs[1].ID != idB {
		t.Fatalf("versions = %+v, %v", vs, err)
	}
	if vs[0].Snapshot != "" || !vs[0].Created.Equal(day(2)) || vs[0].AuthorName != "Zoë" {
		t.Errorf("listed version: %+v", vs[0])
	}
	v, err := s.PlanVersion(ctx, idB)
	if err != nil || v.Snapshot != `{"b":1}` || v.Label != "B" {
		t.Errorf("PlanVersion = %+v, %v", v, err)
	}
	if _, err := s.PlanVersion(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown version: %v", err)
	}

	c1, _ := s.AddComment(ctx, Comment{Section: "my-money", Body: "one", Created: day(3)})
	s.AddComment(ctx, Comment{Section: "how-supported", Body: "two", Created: day(4)})
	for _, tc := range []struct {
		section string
		want    []string
	}{{"", []string{"one", "two"}}, {"my-money", []string{"one"}}, {"staying-well", nil}} {
		cs, err := s.Comments(ctx, tc.section)
		var got []string
		for _, c := range cs {
			got = append(got, c.Body)
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Comments(%q) = %v, %v; want %v", tc.section, got, err, tc.want)
		}
	}
	if err := s.SetCommentResolved(ctx, c1, true); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Comment(ctx, c1); !c.Resolved {
		t.Error("comment not resolved")
	}
	if err := s.SetCommentResolved(ctx, c1, false); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Comment(ctx, c1); c.Resolved {
		t.Error("comment not reopened")
	}
	if err := s.SetCommentResolved(ctx, "nope", true); !errors.Is(err, ErrNotFound) {
		t.Errorf("resolving an unknown comment: %v", err)
	}
}

func TestPlanAssessmentAndDiary(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if a, err := s.AssessmentSetup(ctx); err != nil || a != (AssessmentSetup{}) {
		t.Errorf("new setup %+v %v", a, err)
	}
	setup := AssessmentSetup{Mode: "carer", CarerHealth: "Back pain", CarerHealthAtRisk: true}
	if err := s.SaveAssessmentSetup(ctx, setup); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.AssessmentSetup(ctx); got != setup {
		t.Errorf("setup %+v", got)
	}
	ans := AssessmentAnswer{Outcome: "nutrition", CanDo: "kettle", BadDay: "skip meals 🙁", WithoutHelp: true, Danger: true,
		Wellbeing: []string{"health", "dignity"}, WellbeingImpact: "weight", Evidence: "GP letter"}
	if err := s.SaveAssessmentAnswer(ctx, ans); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAssessmentAnswer(ctx, AssessmentAnswer{}); err == nil {
		t.Error("saved an answer without an outcome")
	}
	none := AssessmentAnswer{Outcome: "caring-for-child", CanDo: "I have no children", DoesNotApply: true, Wellbeing: []string{}}
	if err := s.SaveAssessmentAnswer(ctx, none); err != nil {
		t.Fatal(err)
	}
	got, err := s.AssessmentAnswers(ctx)
	if err != nil || len(got) != 2 || !reflect.DeepEqual(got[1], ans) || !reflect.DeepEqual(got[0], none) {
		t.Errorf("answers = %+v, %v", got, err)
	}

	for _, d := range []int{1, 5, 9} {
		if _, err := s.SaveDiaryEntry(ctx, DiaryEntry{Date: NewDate(2026, 11, d), Outcome: "nutrition", What: "lunch", Minutes: d}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		from, to Date
		want     int
	}{
		{Date{}, Date{}, 3},
		{NewDate(2026, 11, 5), Date{}, 2},
		{Date{}, NewDate(2026, 11, 5), 2},
		{NewDate(2026, 11, 2), NewDate(2026, 11, 8), 1},
	} {
		es, err := s.DiaryEntries(ctx, tc.from, tc.to)
		if err != nil || len(es) != tc.want {
			t.Errorf("DiaryEntries(%s, %s) = %d entries, %v; want %d", tc.from, tc.to, len(es), err, tc.want)
		}
	}
	es, _ := s.DiaryEntries(ctx, Date{}, Date{})
	if es[0].Date != NewDate(2026, 11, 1) || es[2].Minutes != 9 {
		t.Errorf("diary order: %+v", es)
	}
	if e, err := s.DiaryEntry(ctx, es[1].ID); err != nil || e.Minutes != 5 {
		t.Errorf("DiaryEntry = %+v, %v", e, err)
	}
}

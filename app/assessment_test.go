package app_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func TestAssessmentAnswersAndFindings(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	as, err := a.Assessment(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(as.Outcomes) != 10 || as.Indicator == nil || as.Indicator.Suggests {
		t.Fatalf("empty assessment: %d outcomes, %+v", len(as.Outcomes), as.Indicator)
	}
	// Its JSON (assess outcomes --json) uses the same lower-case names
	// throughout, with empty lists rather than null.
	js, _ := json.Marshal(as)
	for _, want := range []string{`"finding":{"outcome":"nutrition","carer":false,"unable":false,"meanings":[],"message":"Your answers`,
		`"indicator":{"unable":[],"suggests":false,"message":`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("assessment JSON lacks %s", want)
		}
	}
	for _, tc := range []struct {
		outcome, field, value, errPart string
	}{
		{"personal-hygiene", "bad_day", "Can't stand in the shower 😞", ""},
		{"personal-hygiene", "good-day", "Jess washes my hair", ""},
		{"personal-hygiene", "without-help", "yes", ""},
		{"personal-hygiene", "wellbeing", "dignity, health", ""},
		{"personal-hygiene", "impact", "I feel ashamed", ""},
		{"nutrition", "danger", "yes", ""},
		{"nutrition", "pain", "maybe", "yes or no"},
		{"nutrition", "wellbeing", "happiness", "not a wellbeing area"},
		{"nutrition", "shoe-size", "5", "no question called"},
		{"flying", "hard", "x", `no outcome called "flying"`},
		{"clothing", "evidence", strings.Repeat("x", app.MaxPlanText+1), "too long"},
	} {
		err := a.SetAssessmentField(ctx, tc.outcome, tc.field, tc.value)
		if tc.errPart == "" && err != nil {
			t.Errorf("set %s %s: %v", tc.outcome, tc.field, err)
		}
		if tc.errPart != "" && (err == nil || !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("set %s %s: error %v, want %q", tc.outcome, tc.field, err, tc.errPart)
		}
	}
	ans, _ := a.AssessmentAnswer(ctx, "personal-hygiene")
	if ans.BadDay != "Can't stand in the shower 😞" || ans.GoodDay != "Jess washes my hair" || !ans.WithoutHelp ||
		strings.Join(ans.Wellbeing, ",") != "dignity,health" || ans.WellbeingImpact != "I feel ashamed" {
		t.Errorf("answers: %+v", ans)
	}
	as, _ = a.Assessment(ctx)
	for _, o := range as.Outcomes {
		switch o.Key {
		case "personal-hygiene", "nutrition":
			if !o.Answered || !o.Finding.Unable {
				t.Errorf("%s: %+v", o.Key, o.Finding)
			}
		case "clothing":
			if o.Answered {
				t.Error("a refused answer counted")
			}
		}
	}
	if !as.Indicator.Suggests || !strings.Contains(as.Indicator.Message, "2 outcomes") {
		t.Errorf("indicator with two outcomes: %+v", as.Indicator)
	}

	// A carer's assessment uses the carer's outcomes and rules.
	if err := a.SaveAssessmentSetup(ctx, store.AssessmentSetup{Mode: "nurse"}); err == nil {
		t.Error("unknown mode accepted")
	}
	if err := a.SaveAssessmentSetup(ctx, store.AssessmentSetup{Mode: app.AssessCarer}); err != nil {
		t.Fatal(err)
	}
	as, _ = a.Assessment(ctx)
	if len(as.Outcomes) != 8 || as.Indicator != nil || !as.Outcomes[0].Carer || !strings.Contains(as.CarerMessage, "don't yet") {
		t.Errorf("carer mode: %d outcomes, %+v, %q", len(as.Outcomes), as.Indicator, as.CarerMessage)
	}
	if err := a.SetAssessmentField(ctx, "carer-home", "without-help", "yes"); err != nil {
		t.Fatal(err)
	}
	as, _ = a.Assessment(ctx)
	if !strings.Contains(as.CarerMessage, "1 outcome") || !strings.Contains(as.CarerMessage, "one is enough") {
		t.Errorf("carer message: %q", as.CarerMessage)
	}
}

func TestAssessmentDiaryAndSummary(t *testing.T) {
	a := openPlanApp(t)
	ctx := context.Background()
	today := store.Today()
	for _, tc := range []struct {
		e       store.DiaryEntry
		errPart string
	}{
		{store.DiaryEntry{Date: today.AddDays(1), Outcome: "nutrition", What: "x"}, "in the future"},
		{store.DiaryEntry{Outcome: "nutrition", What: "x"}, "give the day"},
		{store.DiaryEntry{Date: today, Outcome: "dancing", What: "x"}, "no outcome called"},
		{store.DiaryEntry{Date: today, Outcome: "nutrition", What: "x", Minutes: 2000}, "cannot be right"},
		{store.DiaryEntry{Date: today, Outcome: "nutrition", What: " "}, "what happened"},
	} {
		if _, err := a.SaveDiaryEntry(ctx, tc.e); err == nil || !strings.Contains(err.Error(), tc.errPart) {
			t.Errorf("%+v: error %v, want %q", tc.e, err, tc.errPart)
		}
	}
	// Help with washing on 9 of the last 14 days, three of them bad.
	for back := 0; back < 9; back++ {
		e := store.DiaryEntry{Date: today.AddDays(-back), Outcome: "personal-hygiene", What: "Help to wash", Minutes: 30 + back, BadDay: back < 3}
		if _, err := a.SaveDiaryEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	// An entry from long ago is outside the usual period.
	a.SaveDiaryEntry(ctx, store.DiaryEntry{Date: today.AddDays(-40), Outcome: "personal-hygiene", What: "old", NeededHelp: true})
	s, err := a.DiarySummary(ctx, store.Date{}, store.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Days != 14 || s.BadDays != 3 || len(s.Outcomes) != 1 {
		t.Fatalf("summary: %+v", s)
	}
	o := s.Outcomes[0]
	if o.DaysNeedingHelp != 9 || o.TypicalMinutes != 34 || o.Sentence != "You needed help with washing and keeping clean on 9 of the last 14 days." {
		t.Errorf("outcome summary: %+v", o)
	}
	// A period that ended before today is named by its dates.
	from, to := today.AddDays(-50), today.AddDays(-30)
	past, err := a.DiarySummary(ctx, from, to)
	if err != nil || len(past.Outcomes) != 1 {
		t.Fatalf("past summary: %+v, %v", past, err)
	}
	if want := "on 1 of the 21 days from "; !strings.Contains(past.Outcomes[0].Sentence, want) ||
		!strings.HasSuffix(past.Outcomes[0].Sentence, app.HumanDate(to)+".") {
		t.Errorf("past period: %q", past.Outcomes[0].Sentence)
	}
	if _, err := a.DiarySummary(ctx, today, today.AddDays(-3)); err == nil || !strings.Contains(err.Error(), "backwards") {
		t.Errorf("backwards period: %v", err)
	}
	all, _ := a.DiaryEntries(ctx, store.Date{}, store.Date{})
	if len(all) != 10 {
		t.Errorf("%d entries", len(all))
	}
}

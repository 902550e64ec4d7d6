package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

func TestAssessmentAnswerByKeyboard(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	shortcut(u, fyne.Key4)
	if u.current != "assessment" {
		t.Fatalf("Ctrl+4 went to %q", u.current)
	}
	v := assessViewOf(u)
	got := planTexts(u)
	for _, want := range []string{"(Eating and drinking)", "(Caring for a child)", "(My needs diary)", "A good day", "A bad day",
		"Things people often forget to mention", "Your answers don't yet describe an outcome"} {
		if !strings.Contains(got, want) {
			t.Errorf("assessment screen lacks %q", want)
		}
	}
	c := u.win.Canvas()
	c.Focus(v.rows["nutrition"])
	press(u, fyne.KeyDown)
	press(u, fyne.KeyReturn)
	if v.current != "personal-hygiene" || c.Focused() != v.texts["can-do"] {
		t.Fatalf("Enter opened %q with the focus on %T", v.current, c.Focused())
	}
	test.Type(v.texts["good-day"], "Jess washes my hair")
	test.Type(v.texts["bad-day"], "I can't stand in the shower")
	c.Focus(v.ticks["without-help"])
	press(u, fyne.KeySpace)
	test.Tap(v.ticks["wb:dignity"])
	u.flushAll()
	ans, _ := a.AssessmentAnswer(ctx, "personal-hygiene")
	if ans.GoodDay != "Jess washes my hair" || ans.BadDay != "I can't stand in the shower" || !ans.WithoutHelp ||
		strings.Join(ans.Wellbeing, ",") != "dignity" {
		t.Fatalf("saved answers: %+v", ans)
	}
	if !strings.Contains(v.finding.Text, "may be unable to achieve washing and keeping clean") {
		t.Errorf("finding: %q", v.finding.Text)
	}
	if !strings.Contains(v.indicator.Text, "1 outcome you may be unable to achieve") {
		t.Errorf("indicator: %q", v.indicator.Text)
	}
	// A second outcome: Next moves on and saves.
	test.Tap(planButton(t, u, "Next"))
	if v.current != "toilet-needs" {
		t.Fatalf("Next went to %q", v.current)
	}
	test.Tap(v.ticks["danger"])
	u.flushAll()
	if !strings.Contains(v.indicator.Text, "may meet the eligibility criteria") {
		t.Errorf("indicator after two: %q", v.indicator.Text)
	}
}

func TestAssessmentDiaryQuickEntry(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	u.show("assessment")
	v := assessViewOf(u)
	v.showPane("nutrition", false)
	v.showPane(paneDiary, true)
	d := v.diary
	if u.win.Canvas().Focused() != d.date || d.outcome.Selected != "Eating and drinking" {
		t.Fatalf("diary opens with focus %T and outcome %q", u.win.Canvas().Focused(), d.outcome.Selected)
	}
	d.date.SetText("yesterday")
	test.Type(d.minutes, "20")
	test.Type(d.what, "Jess brought lunch up")
	u.win.Canvas().Focus(d.what)
	press(u, fyne.KeyReturn)
	es, _ := a.DiaryEntries(ctx, store.Date{}, store.Date{})
	if len(es) != 1 || es[0].Date != store.Today().AddDays(-1) || es[0].Outcome != "nutrition" || es[0].Minutes != 20 || !es[0].NeededHelp {
		t.Fatalf("diary: %+v", es)
	}
	if d.what.Text != "" || u.win.Canvas().Focused() != d.what {
		t.Error("after adding, the form is not ready for the next entry")
	}
	if !strings.Contains(planTexts(u), "You needed help with eating and drinking on 1 of the last 14 days.") {
		t.Errorf("summary not shown:\n%s", planTexts(u))
	}
	// Bad input is explained and nothing is added.
	d.date.SetText("31/02/2026")
	test.Type(d.what, "x")
	test.Tap(d.add)
	if !strings.Contains(d.problem.Text, "February 2026 has 28 days") {
		t.Errorf("bad date: %q", d.problem.Text)
	}
	if es, _ := a.DiaryEntries(ctx, store.Date{}, store.Date{}); len(es) != 1 {
		t.Error("a bad entry was added")
	}
	// Remove, then undo.
	test.Tap(planButton(t, u, "Remove"))
	if es, _ := a.DiaryEntries(ctx, store.Date{}, store.Date{}); len(es) != 0 {
		t.Fatal("remove did not remove")
	}
	press(u, fyne.KeySpace)
	if es, _ := a.DiaryEntries(ctx, store.Date{}, store.Date{}); len(es) != 1 {
		t.Error("undo did not bring the entry back")
	}
}

func TestAssessmentCarerMode(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	u.show("assessment")
	v := assessViewOf(u)
	v.mode.SetSelected(modeCarerLabel)
	v = assessViewOf(u)
	if setup, _ := a.AssessmentSetup(ctx); setup.Mode != app.AssessCarer {
		t.Fatalf("mode not saved: %+v", setup)
	}
	got := planTexts(u)
	for _, want := range []string{"(Time for yourself)", "A carer's assessment is about you"} {
		if !strings.Contains(got, want) {
			t.Errorf("carer mode lacks %q", want)
		}
	}
	if strings.Contains(got, "(Taking much longer") {
		t.Error("carer mode asks about taking longer, which does not apply to carers")
	}
	v.showPane(paneCarerHealth, true)
	test.Type(v.health, "My back hurts from lifting Dad")
	test.Tap(v.atRisk)
	u.flushAll()
	setup, _ := a.AssessmentSetup(ctx)
	if setup.CarerHealth != "My back hurts from lifting Dad" || !setup.CarerHealthAtRisk {
		t.Errorf("carer health: %+v", setup)
	}
	if !strings.Contains(v.indicator.Text, "because caring is affecting your health") {
		t.Errorf("carer indicator: %q", v.indicator.Text)
	}
}

// An outcome that is not part of the person's life can be marked so by
// keyboard; it then counts as answered.
func TestAssessmentOutcomeDoesNotApply(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	shortcut(u, fyne.Key4)
	v := assessViewOf(u)
	v.showPane("caring-for-child", true)
	r := v.ticks[app.FieldDoesNotApply]
	if r == nil || !strings.Contains(planTexts(u), "doesn't apply to me") {
		t.Fatal("the outcome has no way to say it doesn't apply")
	}
	u.win.Canvas().Focus(r)
	press(u, fyne.KeySpace)
	test.Type(v.texts["can-do"], "I have no children.")
	u.flushAll()
	ans, _ := a.AssessmentAnswer(ctx, "caring-for-child")
	if !ans.DoesNotApply || ans.CanDo != "I have no children." {
		t.Fatalf("saved answers: %+v", ans)
	}
	if !strings.Contains(v.finding.Text, "caring for a child doesn't apply to you") {
		t.Errorf("finding: %q", v.finding.Text)
	}
	as, _ := a.Assessment(ctx)
	for _, o := range as.Outcomes {
		if o.Key == "caring-for-child" && (!o.Answered || o.Finding.Unable) {
			t.Errorf("outcome that does not apply: answered %v, unable %v", o.Answered, o.Finding.Unable)
		}
	}
}

package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// outcomePane asks the guide's questions about one outcome.
func (v *assessView) outcomePane(key string) (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	o, _, ok := v.g.Outcome(key)
	if !ok {
		return para("There is no outcome called " + key + "."), nil
	}
	ans, err := u.a.AssessmentAnswer(u.ctx, key)
	if err != nil {
		return para("OwnPlan could not read your answers: " + err.Error()), nil
	}
	qs, err := v.g.Questions(key)
	if err != nil {
		return para(err.Error()), nil
	}
	v.texts, v.ticks = map[string]*textBox{}, map[string]*optionRow{}
	box := container.NewVBox(subheading(o.Title), para(o.Prompt), note("In the law: “"+o.Legal+"”"))
	if len(o.Forgotten) > 0 {
		box.Add(boldLabel("Things people often forget to mention"))
		for _, f := range o.Forgotten {
			box.Add(bullet(f))
		}
	}
	saver := u.newSaver(func() func() error {
		next := v.collect(key)
		return func() error {
			if err := u.a.SaveAssessmentAnswer(u.ctx, next); err != nil {
				return err
			}
			v.afterWrite()
			return nil
		}
	})
	// Ticked, the outcome counts as answered and the pack shows it as
	// not applying.
	notApply := u.newTickRow("This is not part of my life, so it doesn't apply to me. If you like, say why under “"+
		questionTitle(qs, plan.QuestionCanDo)+"”.", ans.DoesNotApply, func(bool) { saver.changed() })
	v.ticks[app.FieldDoesNotApply] = notApply
	box.Add(notApply)
	values := map[string]string{
		plan.QuestionCanDo: ans.CanDo, plan.QuestionHard: ans.Hard, plan.QuestionGoodDay: ans.GoodDay,
		plan.QuestionBadDay: ans.BadDay, plan.QuestionHowOften: ans.HowOften, plan.QuestionEvidence: ans.Evidence,
	}
	flags := map[string]bool{
		plan.MeaningWithoutHelp: ans.WithoutHelp, plan.MeaningPainDistress: ans.PainDistress,
		plan.MeaningDanger: ans.Danger, plan.MeaningTakesLonger: ans.TakesLonger,
	}
	var first fyne.Focusable
	introduced := false
	for _, q := range qs {
		switch q.Kind() {
		case plan.KindText:
			rows := 3
			if q.Key == plan.QuestionHowOften {
				rows = 1
			}
			e := u.newTextBox(values[q.Key], "", rows)
			e.OnChanged = func(string) { saver.changed() }
			v.texts[q.Key] = e
			box.Add(boldLabel(q.Title))
			box.Add(para(q.Prompt))
			box.Add(e)
			if first == nil {
				first = e
			}
		case plan.KindYesNo:
			if !introduced {
				box.Add(widget.NewSeparator())
				box.Add(para(v.g.Assessment.UnableIntro))
				introduced = true
			}
			r := u.newTickRow(q.Title+": "+q.Prompt, flags[q.Key], func(bool) { saver.changed() })
			v.ticks[q.Key] = r
			box.Add(r)
		case plan.KindWellbeing:
			box.Add(widget.NewSeparator())
			box.Add(boldLabel(q.Title))
			box.Add(para(q.Prompt))
			for _, w := range v.g.Assessment.Wellbeing {
				r := u.newTickRow(w.Title, contains(ans.Wellbeing, w.Key), func(bool) { saver.changed() })
				v.ticks["wb:"+w.Key] = r
				box.Add(r)
			}
			e := u.newTextBox(ans.WellbeingImpact, "How it affects you", 3)
			e.OnChanged = func(string) { saver.changed() }
			v.texts["wellbeing-impact"] = e
			box.Add(e)
		}
	}
	v.finding = para("")
	v.finding.TextStyle.Bold = true
	box.Add(widget.NewSeparator())
	box.Add(boldLabel("What your answers suggest"))
	box.Add(v.finding)
	return box, first
}

// collect reads the outcome's answers from the controls.
func (v *assessView) collect(key string) store.AssessmentAnswer {
	text := func(k string) string {
		if e := v.texts[k]; e != nil {
			return e.Text
		}
		return ""
	}
	tick := func(k string) bool {
		if r := v.ticks[k]; r != nil {
			return r.Ticked()
		}
		return false
	}
	a := store.AssessmentAnswer{
		Outcome: key, CanDo: text(plan.QuestionCanDo), Hard: text(plan.QuestionHard), GoodDay: text(plan.QuestionGoodDay),
		BadDay: text(plan.QuestionBadDay), HowOften: text(plan.QuestionHowOften), Evidence: text(plan.QuestionEvidence),
		WellbeingImpact: text("wellbeing-impact"),
		WithoutHelp:     tick(plan.MeaningWithoutHelp), PainDistress: tick(plan.MeaningPainDistress),
		Danger: tick(plan.MeaningDanger), TakesLonger: tick(plan.MeaningTakesLonger),
		DoesNotApply: tick(app.FieldDoesNotApply),
	}
	for _, w := range v.g.Assessment.Wellbeing {
		if tick("wb:" + w.Key) {
			a.Wellbeing = append(a.Wellbeing, w.Key)
		}
	}
	return a
}

// carerHealthPane asks how caring affects the carer's own health.
func (v *assessView) carerHealthPane() (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	h := v.g.Assessment.Carer.Health
	setup, err := u.a.AssessmentSetup(u.ctx)
	if err != nil {
		return para(err.Error()), nil
	}
	saver := u.newSaver(func() func() error {
		next := setup
		next.Mode = app.AssessCarer
		next.CarerHealth, next.CarerHealthAtRisk = v.health.Text, v.atRisk.Ticked()
		return func() error {
			if err := u.a.SaveAssessmentSetup(u.ctx, next); err != nil {
				return err
			}
			v.afterWrite()
			return nil
		}
	})
	v.health = u.newTextBox(setup.CarerHealth, "", 5)
	v.health.OnChanged = func(string) { saver.changed() }
	v.atRisk = u.newTickRow("My health is getting worse, or may get worse, because of caring", setup.CarerHealthAtRisk, func(bool) { saver.changed() })
	return container.NewVBox(
		subheading(h.Title),
		para(h.Prompt),
		note(fmt.Sprintf("In the law: “%s”", h.Legal)),
		v.health,
		v.atRisk,
	), v.health
}

// questionTitle is the title of question key among qs, or the key.
func questionTitle(qs []plan.Question, key string) string {
	for _, q := range qs {
		if q.Key == key {
			return q.Title
		}
	}
	return key
}

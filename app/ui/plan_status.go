package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// statusPanel changes the plan's status and key dates.
type statusPanel struct {
	status  *chooser
	on      *textBox
	apply   *pushButton
	started *textBox
	review  *textBox
	save    *pushButton
	message *widget.Label
	dates   *widget.Label
}

func (v *planView) statusPane() (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	p, err := u.a.Plan(u.ctx)
	if err != nil {
		return para("OwnPlan could not read your plan: " + err.Error()), nil
	}
	s := &statusPanel{}
	v.status = s
	var labels []string
	for _, st := range app.PlanStatuses() {
		labels = append(labels, st.Label())
	}
	s.dates = para(datesText(p))
	s.message = para("")
	s.message.Hide()
	s.status = u.newChooser(labels, "Choose a status", nil)
	s.status.Selected = p.Status.Label()
	s.on = u.newTextBox(app.HumanDate(store.Today()), "For example 3/5/2026", 1)
	s.on.Validator = func(t string) error {
		_, err := app.ParseHumanDate(t)
		return err
	}
	show := func(msg string, bad bool) {
		s.message.SetText(msg)
		s.message.Importance = widget.MediumImportance
		if bad {
			s.message.Importance = widget.DangerImportance
		}
		s.message.Show()
		s.message.Refresh()
	}
	s.apply = u.newButton("Change status", theme.ConfirmIcon(), true, func() {
		var st app.PlanStatus
		for _, x := range app.PlanStatuses() {
			if x.Label() == s.status.Selected {
				st = x
			}
		}
		on, err := app.ParseHumanDate(s.on.Text)
		if err == nil {
			err = u.a.SetPlanStatus(u.ctx, st, on)
		}
		if err != nil {
			show("The status was not changed: "+err.Error(), true)
			return
		}
		p, _ := u.a.Plan(u.ctx)
		s.dates.SetText(datesText(p))
		if p.Agreed.IsZero() {
			s.review.Disable()
		} else {
			s.review.Enable()
			s.review.SetText(app.HumanDate(p.NextReview))
		}
		s.started.SetText(app.HumanDate(p.Started))
		msg := "Your plan is now: " + p.StatusLabel + "."
		if label := app.VersionLabelFor(p); label != "" {
			msg += " You may want to keep a copy of it as it is now: in Versions, save one named “" + label + "”."
		}
		show(msg, false)
		v.refreshMarks()
	})

	s.started = u.newTextBox(dateText(p.Started), "For example 12/10/2026", 1)
	s.started.Validator = s.on.Validator
	s.review = u.newTextBox(dateText(p.NextReview), "For example 3/5/2027", 1)
	s.review.Validator = func(t string) error {
		d, err := app.ParseHumanDate(t)
		if err != nil || d.IsZero() {
			return err
		}
		cur, _ := u.a.Plan(u.ctx)
		return app.CheckReviewDate(cur.Agreed, d)
	}
	if p.Agreed.IsZero() {
		s.review.Disable()
	}
	s.save = u.newButton("Save dates", theme.DocumentSaveIcon(), false, func() {
		var d app.PlanDates
		var err error
		if d.Started, err = app.ParseHumanDate(s.started.Text); err == nil {
			d.NextReview, err = app.ParseHumanDate(s.review.Text)
		}
		if err == nil {
			err = u.a.SetPlanDates(u.ctx, d)
		}
		if err != nil {
			show("The dates were not saved: "+err.Error(), true)
			return
		}
		p, _ := u.a.Plan(u.ctx)
		s.dates.SetText(datesText(p))
		show("Saved.", false)
		v.refreshMarks()
	})
	return container.NewVBox(
		subheading("Status and dates"),
		s.dates,
		widget.NewSeparator(),
		boldLabel("Change the status"),
		note("Use the arrow keys or Space to choose."),
		s.status,
		boxField("When did it happen?", "The date you shared or sent your plan, or the council agreed it.", s.on),
		container.NewHBox(s.apply),
		s.message,
		widget.NewSeparator(),
		boxField("When I started my plan", "", s.started),
		boxField("Next review", fmt.Sprintf("The council must review your plan at least once every %d months, and often sooner, 6 to 8 weeks after a new plan starts. It is set for you when your plan is agreed; you can make it earlier.", app.ReviewMonths), s.review),
		container.NewHBox(s.save),
	), s.status
}

func dateText(d store.Date) string {
	if d.IsZero() {
		return ""
	}
	return app.HumanDate(d)
}

func datesText(p app.Plan) string {
	return fmt.Sprintf("Status: %s\nStarted: %s\nSent to the council: %s\nAgreed: %s\nNext review: %s",
		p.StatusLabel, app.HumanDate(p.Started), app.HumanDate(p.Sent), app.HumanDate(p.Agreed), app.HumanDate(p.NextReview))
}

package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

// diaryPanel adds needs diary entries quickly and sums them up.
type diaryPanel struct {
	date     *textBox
	outcome  *chooser
	what     *textBox
	minutes  *textBox
	felt     *textBox
	helped   *optionRow
	badDay   *optionRow
	add      *pushButton
	problem  *widget.Label
	period   *chooser
	summary  *fyne.Container
	entries  *fyne.Container
	undo     *fyne.Container
	outcomes map[string]string // title -> key
	titles   map[string]string // key -> title
}

// The periods the summary offers, in days.
var diaryPeriods = []struct {
	label string
	days  int
}{{"The last 14 days", 14}, {"The last 28 days", 28}, {"The last 3 months", 91}}

// diaryShown is how many recent entries the diary lists.
const diaryShown = 30

func (v *assessView) diaryPane() (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	d := &diaryPanel{outcomes: map[string]string{}, titles: map[string]string{}}
	v.diary = d
	var names []string
	for _, o := range append(append([]plan.Outcome{}, v.g.Assessment.Outcomes...), v.g.Assessment.Carer.Outcomes...) {
		names = append(names, o.Title)
		d.outcomes[o.Title] = o.Key
		d.titles[o.Key] = o.Title
	}
	d.date = u.newTextBox(app.HumanDate(store.Today()), "For example 23/11/2026 or yesterday", 1)
	d.date.Validator = func(t string) error {
		_, err := app.ParseHumanDate(t)
		return err
	}
	d.outcome = u.newChooser(names, "Choose what it was about", nil)
	if t, ok := d.titles[v.lastOutcome]; ok {
		d.outcome.Selected = t
	}
	d.what = u.newTextBox("", "For example: Jess helped me wash my hair", 1)
	d.what.OnSubmitted = func(string) { d.submit(v) }
	d.minutes = u.newTextBox("", "For example 30", 1)
	d.minutes.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return nil
		}
		if n, err := strconv.Atoi(strings.TrimSpace(t)); err != nil || n < 0 {
			return fmt.Errorf("write the minutes as a number, such as 30")
		}
		return nil
	}
	d.felt = u.newTextBox("", "For example: exhausted", 1)
	d.felt.OnSubmitted = func(string) { d.submit(v) }
	d.helped = u.newTickRow("I needed help", true, nil)
	d.badDay = u.newTickRow("It was a bad day", false, nil)
	d.problem = para("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	d.add = u.newButton("Add to my diary", theme.ContentAddIcon(), true, func() { d.submit(v) })
	var labels []string
	for _, p := range diaryPeriods {
		labels = append(labels, p.label)
	}
	d.summary = container.NewVBox()
	d.entries = container.NewVBox()
	d.undo = container.NewVBox()
	d.period = u.newChooser(labels, "Choose a period", func(string) { d.refresh(v) })
	d.period.Selected = labels[0]
	d.refresh(v)
	return container.NewVBox(
		subheading("My needs diary"),
		para("A few words a day show the council what really happens, bad days included. Write what happened and how long help took; Enter adds the entry."),
		boxField("When", "", d.date),
		boldLabel("What it was about"),
		d.outcome,
		boxField("What happened", "", d.what),
		boxField("Minutes of help", "How long someone helped, if you know.", d.minutes),
		boxField("How I felt", "", d.felt),
		d.helped,
		d.badDay,
		d.problem,
		container.NewHBox(d.add),
		widget.NewSeparator(),
		subheading("What my diary shows"),
		d.period,
		d.summary,
		widget.NewSeparator(),
		subheading("Recent entries"),
		d.undo,
		d.entries,
	), d.date
}

// submit adds the entry typed, keeping the date and outcome for the next.
func (d *diaryPanel) submit(v *assessView) {
	u := v.u
	fail := func(msg string, focus fyne.Focusable) {
		d.problem.SetText(msg)
		d.problem.Show()
		if focus != nil {
			u.win.Canvas().Focus(focus)
		}
	}
	date, err := app.ParseHumanDate(d.date.Text)
	if err != nil || date.IsZero() {
		if err == nil {
			err = fmt.Errorf("give the day it happened")
		}
		fail(err.Error(), d.date)
		return
	}
	key, ok := d.outcomes[d.outcome.Selected]
	if !ok {
		fail("Choose what it was about: washing, eating, getting out…", d.outcome)
		return
	}
	minutes := 0
	if m := strings.TrimSpace(d.minutes.Text); m != "" {
		if minutes, err = strconv.Atoi(m); err != nil {
			fail("Write the minutes as a number, such as 30.", d.minutes)
			return
		}
	}
	e := store.DiaryEntry{Date: date, Outcome: key, What: d.what.Text, Minutes: minutes,
		NeededHelp: d.helped.Ticked() || minutes > 0, Felt: d.felt.Text, BadDay: d.badDay.Ticked()}
	if _, err := u.a.SaveDiaryEntry(u.ctx, e); err != nil {
		fail("Not added: "+err.Error(), d.what)
		return
	}
	d.problem.Hide()
	d.what.SetText("")
	d.minutes.SetText("")
	d.felt.SetText("")
	d.refresh(v)
	u.reportSave(stateSaved, nil)
	u.win.Canvas().Focus(d.what)
}

// refresh redraws the summary and the recent entries.
func (d *diaryPanel) refresh(v *assessView) {
	u := v.u
	days := diaryPeriods[0].days
	for _, p := range diaryPeriods {
		if p.label == d.period.Selected {
			days = p.days
		}
	}
	to := store.Today()
	from := to.AddDays(-(days - 1))
	d.summary.RemoveAll()
	s, err := u.a.DiarySummary(u.ctx, from, to)
	switch {
	case err != nil:
		d.summary.Add(para("OwnPlan could not sum up your diary: " + err.Error()))
	case len(s.Outcomes) == 0:
		d.summary.Add(note("No entries in this time yet."))
	default:
		d.summary.Add(para(fmt.Sprintf("From %s to %s: %d bad days.", app.HumanDate(s.From), app.HumanDate(s.To), s.BadDays)))
		for _, o := range s.Outcomes {
			line := o.Sentence
			if o.TypicalMinutes > 0 {
				line += fmt.Sprintf(" Help usually took about %d minutes.", o.TypicalMinutes)
			}
			d.summary.Add(bullet(line))
		}
	}
	d.entries.RemoveAll()
	all, err := u.a.DiaryEntries(u.ctx, store.Date{}, store.Date{})
	if err != nil {
		d.entries.Add(para(err.Error()))
		return
	}
	if len(all) == 0 {
		d.entries.Add(note("No entries yet."))
	}
	for i := len(all) - 1; i >= 0 && i >= len(all)-diaryShown; i-- {
		e := all[i]
		text := fmt.Sprintf("%s · %s: %s", app.HumanDate(e.Date), d.titles[e.Outcome], e.What)
		var extra []string
		if e.Minutes > 0 {
			extra = append(extra, fmt.Sprintf("%d minutes of help", e.Minutes))
		}
		if e.BadDay {
			extra = append(extra, "bad day")
		}
		if e.Felt != "" {
			extra = append(extra, "how I felt: "+e.Felt)
		}
		if len(extra) > 0 {
			text += " (" + strings.Join(extra, "; ") + ")"
		}
		rm := u.newButton("Remove", theme.DeleteIcon(), false, func() {
			if err := u.a.RemovePlanItem(u.ctx, "diary", e.ID); err != nil {
				u.reportSave(stateFailed, err)
				return
			}
			d.refresh(v)
			d.offerUndo(v, e)
		})
		d.entries.Add(container.NewBorder(nil, nil, nil, rm, para(text)))
	}
}

func (d *diaryPanel) offerUndo(v *assessView, e store.DiaryEntry) {
	u := v.u
	d.undo.RemoveAll()
	undo := u.newButton("Undo", theme.ContentUndoIcon(), false, func() {
		if err := u.a.RestorePlanItem(u.ctx, "diary", e.ID); err != nil {
			u.reportSave(stateFailed, err)
			return
		}
		d.undo.RemoveAll()
		d.refresh(v)
	})
	d.undo.Add(container.NewBorder(nil, nil, nil, undo, para(fmt.Sprintf("Removed the entry for %s.", app.HumanDate(e.Date)))))
	u.win.Canvas().Focus(undo)
}

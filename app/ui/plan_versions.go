package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// versionsPanel saves, lists and compares versions of the plan.
type versionsPanel struct {
	label    *textBox
	save     *pushButton
	list     *fyne.Container
	from, to *chooser
	compare  *pushButton
	result   *fyne.Container
	message  *widget.Label
	refs     map[string]string // chooser label -> version reference
}

const nowLabel = "My plan now"

func (v *planView) versionsPane() (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	s := &versionsPanel{list: container.NewVBox(), result: container.NewVBox()}
	v.versions = s
	s.message = para("")
	s.message.Hide()
	s.label = u.newTextBox("", "For example: Sent to the council 3 May", 1)
	s.save = u.newButton("Save this version", theme.DocumentSaveIcon(), true, func() {
		ver, err := u.a.SavePlanVersion(u.ctx, s.label.Text, time.Time{})
		if err != nil {
			s.message.SetText("The version was not saved: " + err.Error())
			s.message.Importance = widget.DangerImportance
			s.message.Show()
			s.message.Refresh()
			u.win.Canvas().Focus(s.label)
			return
		}
		s.message.SetText(fmt.Sprintf("Saved “%s”.", ver.Label))
		s.message.Importance = widget.MediumImportance
		s.message.Show()
		s.message.Refresh()
		s.label.SetText("")
		s.fill(v)
	})
	s.label.OnSubmitted = func(string) { s.save.OnTapped() }
	s.from = u.newChooser(nil, "Choose a version", nil)
	s.to = u.newChooser(nil, "Choose a version", nil)
	s.compare = u.newButton("Compare", theme.SearchIcon(), false, func() { s.show(v) })
	s.fill(v)
	return container.NewVBox(
		subheading("Versions"),
		para("Save a copy of your plan as it is now, with a name, whenever it matters: before you share it, when you send it, when it is agreed. You can then see what changed."),
		boxField("Name for this version", "", s.label),
		container.NewHBox(s.save),
		s.message,
		widget.NewSeparator(),
		boldLabel("Saved versions"),
		s.list,
		widget.NewSeparator(),
		boldLabel("See what changed"),
		note("Choose two versions with the arrow keys or Space, then Compare."),
		widget.NewLabel("From"), s.from,
		widget.NewLabel("To"), s.to,
		container.NewHBox(s.compare),
		s.result,
	), s.label
}

// fill lists the versions and offers them to compare.
func (s *versionsPanel) fill(v *planView) {
	u := v.u
	s.list.RemoveAll()
	vs, err := u.a.PlanVersions(u.ctx)
	if err != nil {
		s.list.Add(para("OwnPlan could not read your versions: " + err.Error()))
		return
	}
	if len(vs) == 0 {
		s.list.Add(note("No versions saved yet."))
	}
	s.refs = map[string]string{nowLabel: app.CurrentVersion}
	options := []string{}
	for i, ver := range vs {
		name := fmt.Sprintf("%d. %s", i+1, ver.Label)
		by := ""
		if ver.AuthorName != "" {
			by = ", by " + ver.AuthorName
		}
		s.list.Add(para(fmt.Sprintf("%s (%s%s)", name, app.HumanDate(store.DateOf(ver.Created.Local())), by)))
		s.refs[name] = ver.ID
		options = append(options, name)
	}
	options = append(options, nowLabel)
	s.from.Options, s.to.Options = options, options
	if len(options) > 1 {
		s.from.Selected = options[len(options)-2]
	} else {
		s.from.Selected = nowLabel
	}
	s.to.Selected = nowLabel
	s.from.Refresh()
	s.to.Refresh()
}

// show compares the chosen versions.
func (s *versionsPanel) show(v *planView) {
	u := v.u
	s.result.RemoveAll()
	d, err := u.a.ComparePlanVersions(u.ctx, s.refs[s.from.Selected], s.refs[s.to.Selected])
	if err != nil {
		s.result.Add(para("OwnPlan could not compare them: " + err.Error()))
		return
	}
	s.result.Add(boldLabel(fmt.Sprintf("From “%s” to “%s”", d.From, d.To)))
	if len(d.Changes) == 0 {
		s.result.Add(para("Nothing changed."))
		return
	}
	part := ""
	for _, c := range d.Changes {
		if c.Part != part {
			part = c.Part
			l := note(part)
			l.Wrapping = fyne.TextWrapWord
			s.result.Add(l)
		}
		s.result.Add(bullet(c.Summary))
	}
}

package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/store"
)

// homeScreen shows what is here and what to do next.
func (u *UI) homeScreen() fyne.CanvasObject {
	p, _, err := u.a.Profile(u.ctx)
	if err != nil {
		return para("OwnPlan could not read your data: " + err.Error())
	}
	name := p.PreferredName
	if name == "" {
		name = p.Name
	}
	box := container.NewVBox(heading("Hello, " + name))
	if u.a.IsExample(u.ctx) {
		box.Add(u.exampleBanner())
	}
	box.Add(subheading("What to do next"))
	steps, err := u.a.NextSteps(u.ctx)
	if err != nil {
		box.Add(para(err.Error()))
	}
	for _, s := range steps {
		s := s
		label := "Go to " + u.screenLabel(s.Screen)
		title := widget.NewLabelWithStyle(s.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		box.Add(widget.NewCard("", "", container.NewVBox(
			title,
			para(s.Why),
			container.NewHBox(button(label, theme.NavigateNextIcon(), false, func() { u.show(s.Screen) })),
		)))
	}
	box.Add(subheading("What is here"))
	for _, part := range homeParts {
		if o := part(u); o != nil {
			box.Add(o)
		}
	}
	return box
}

// homeParts each add a few lines to Home's "What is here": one for each
// capability, registered by the capability's own screen file.
var homeParts = []func(u *UI) fyne.CanvasObject{profileSummary}

func profileSummary(u *UI) fyne.CanvasObject {
	p, _, _ := u.a.Profile(u.ctx)
	people, _ := u.a.People(u.ctx)
	return container.NewVBox(
		para(fmt.Sprintf("About you: %d of %d details filled in.", filled(p), len(store.ProfileFields))),
		para(fmt.Sprintf("People who matter to you: %d.", len(people))),
	)
}

func filled(p store.Profile) int {
	n := 0
	for _, f := range store.ProfileFields {
		if v, _ := p.Get(f.Key); v != "" {
			n++
		}
	}
	return n
}

func (u *UI) screenLabel(key string) string {
	for _, s := range u.screens {
		if s.key == key {
			return s.label
		}
	}
	return key
}

// exampleBanner says the data is an example and offers the way out.
func (u *UI) exampleBanner() fyne.CanvasObject {
	start := button("Start my own plan", theme.AccountIcon(), true, func() {
		dialog.ShowConfirm("Start your own plan?",
			"This removes the example person, Zoë, and everything made for her.\nYour settings are kept.",
			func(ok bool) {
				if !ok {
					return
				}
				if err := u.a.ClearExample(u.ctx); err != nil {
					dialog.ShowError(err, u.win)
					return
				}
				u.showWelcome()
				u.showStartForm()
			}, u.win)
	})
	title := widget.NewLabelWithStyle("You are looking at example data", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(
		title,
		para("Zoë Ó Briain is not a real person. Look around and try things: nothing here is kept when you start your own plan."),
		container.NewHBox(start),
	))
}

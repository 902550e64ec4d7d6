package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

// welcome holds the first-run screen's controls, for tests.
type welcome struct {
	start, example, restore *widget.Button
	name                    *widget.Entry
	cont                    *widget.Button
	problem                 *widget.Label
}

// showWelcome shows the first-run screen: a plain welcome and two clear
// choices.
func (u *UI) showWelcome() {
	u.current = "welcome"
	w := &welcome{}
	u.welcome = w
	w.start = button("Start my own plan", theme.AccountIcon(), true, u.showStartForm)
	w.example = button("Look around with example data", theme.SearchIcon(), false, func() {
		if err := demo.Fill(u.ctx, u.a); err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		u.show("home")
	})
	w.restore = button("Restore from a backup", theme.HistoryIcon(), false, u.restoreHere)
	content := container.NewVBox(
		heading("Welcome to OwnPlan"),
		para("OwnPlan helps you write your own support plan, get ready for your care assessment, "+
			"keep track of your personal budget and keep your letters safe."),
		para("Everything you write stays on this computer. Nothing is shared unless you choose to share it."),
		widget.NewSeparator(),
		subheading("How would you like to start?"),
		w.start,
		para("Set up OwnPlan for you (or for the person you help). It takes a minute, and you can change everything later."),
		w.example,
		para("See OwnPlan filled in for an example person, Zoë. Nothing you do there is kept when you start your own plan."),
		widget.NewSeparator(),
		w.restore,
		para("Moving to a new computer? Bring back everything from a backup file."),
		button("Join someone's plan", theme.LoginIcon(), false, func() { u.show("sharing") }),
		para("Helping someone with their plan? Type the invite code they gave you."),
	)
	u.win.SetContent(container.NewVScroll(container.NewPadded(content)))
	u.win.Canvas().Focus(w.start)
}

// showStartForm asks the person's name: the one thing needed to start.
func (u *UI) showStartForm() {
	w := u.welcome
	w.name = widget.NewEntry()
	w.name.SetPlaceHolder("For example: Sam")
	w.problem = para("")
	w.problem.Importance = widget.DangerImportance
	w.cont = button("Continue", theme.NavigateNextIcon(), true, u.createProfile)
	w.name.OnSubmitted = func(string) { u.createProfile() }
	back := button("Back", theme.NavigateBackIcon(), false, u.showWelcome)
	content := container.NewVBox(
		heading("Let's start with your name"),
		para("What should OwnPlan call you? Just a first name is fine. If you are helping someone else, "+
			"write their name: the plan is theirs."),
		widget.NewForm(widget.NewFormItem("Name", w.name)),
		w.problem,
		container.NewHBox(back, w.cont),
	)
	u.win.SetContent(container.NewVScroll(container.NewPadded(content)))
	u.win.Canvas().Focus(w.name)
}

func (u *UI) createProfile() {
	w := u.welcome
	if err := u.a.SaveProfile(u.ctx, store.Profile{Name: strings.TrimSpace(w.name.Text)}); err != nil {
		w.problem.SetText(err.Error())
		u.win.Canvas().Focus(w.name)
		return
	}
	u.show("profile")
}

// restoreHere fills this new, empty data folder from a backup.
func (u *UI) restoreHere() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if err := u.a.RestoreHere(u.ctx, path); err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		u.show("home")
		dialog.ShowInformation("Restored", "Everything from the backup is back.", u.win)
	}, u.win)
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

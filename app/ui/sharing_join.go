package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	ownsync "github.com/ownplan/ownplan/sync"
)

// joinForm joins someone else's plan with the code they gave.
type joinForm struct {
	v       *sharingView
	box     *fyne.Container
	form    *fyne.Container
	code    *widget.Entry
	name    *widget.Entry
	look    *widget.Button
	problem *widget.Label
	preview *fyne.Container
	about   *widget.Label
	phrase  *widget.Label
	confirm *widget.Button
	back    *widget.Button
}

func (v *sharingView) newJoinForm() *joinForm {
	j := &joinForm{v: v}
	j.code = widget.NewEntry()
	j.code.SetPlaceHolder("Type the code here")
	j.name = widget.NewEntry()
	j.name.SetPlaceHolder("For example: Sam")
	j.problem = para("")
	j.problem.Importance = widget.DangerImportance
	j.problem.Hide()
	j.look = button("Look up the code", theme.SearchIcon(), false, j.lookUp)
	j.code.OnSubmitted = func(string) { j.lookUp() }
	j.form = container.NewVBox(
		subheading("Join someone's plan"),
		para("Someone who shares their plan with you gives you a code. Type it here with the server's address in front, as they gave it. "+
			"Capital letters, spaces and dashes do not matter."),
		field("Invite code", "It looks like relay.example.org/7K2M-Q9XD-4HTB-WN3R.", j.code),
		field("Your name", "So they know who joined.", j.name),
		j.problem,
		container.NewHBox(j.look),
	)
	j.about = para("")
	j.phrase = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	j.phrase.SizeName = theme.SizeNameSubHeadingText
	j.phrase.Wrapping = fyne.TextWrapWord
	j.confirm = button("Join", theme.ConfirmIcon(), true, j.join)
	j.back = button("Back", theme.NavigateBackIcon(), false, j.reset)
	j.preview = container.NewVBox(j.about, para("Safety phrase:"), j.phrase,
		para("Read these words to them: their screen shows the same words once you join. If the words are different, do not join."),
		container.NewHBox(j.back, j.confirm))
	j.preview.Hide()
	j.box = container.NewVBox(j.form, j.preview)
	return j
}

func (j *joinForm) fail(err error, focus fyne.Focusable) {
	msg := sharingSentence(err.Error())
	if errors.Is(err, app.ErrFolderHasData) {
		msg = "This computer already holds a plan of its own, so someone else's plan cannot go here. " +
			"Start OwnPlan with a new data folder (ownplan --data NEW-FOLDER) and join there."
	}
	j.problem.SetText(msg)
	j.problem.Show()
	if focus != nil {
		j.v.u.win.Canvas().Focus(focus)
	}
}

// lookUp fetches the invitation without using it, to show whose plan it
// is and the safety phrase.
func (j *joinForm) lookUp() {
	u := j.v.u
	code := strings.TrimSpace(j.code.Text)
	if code == "" {
		j.fail(errors.New("please type the invite code you were given"), j.code)
		return
	}
	if strings.TrimSpace(j.name.Text) == "" {
		j.fail(errors.New("please write your name, so they know who joined"), j.name)
		return
	}
	j.problem.Hide()
	j.look.Disable()
	var p ownsync.JoinPreview
	j.v.run(func() (err error) {
		p, err = u.a.PreviewJoin(u.ctx, code, "")
		return err
	}, func(err error) {
		j.look.Enable()
		if err != nil {
			j.fail(err, j.code)
			return
		}
		w := p.Welcome
		j.about.SetText("This is " + w.OwnerName + "'s plan. You will be " + sharingArticle(string(w.Role)) + ": you " + w.Role.Describe() + ".")
		j.phrase.SetText(p.SafetyPhrase)
		j.form.Hide()
		j.preview.Show()
		u.win.Canvas().Focus(j.confirm)
	})
}

// join uses the code.
func (j *joinForm) join() {
	u := j.v.u
	code, name := strings.TrimSpace(j.code.Text), strings.TrimSpace(j.name.Text)
	j.confirm.Disable()
	j.confirm.SetText("Joining…")
	j.v.run(func() error {
		_, err := u.a.Join(u.ctx, code, "", name)
		return err
	}, func(err error) {
		j.confirm.Enable()
		j.confirm.SetText("Join")
		if err != nil && !sharedNow(j.v) {
			j.reset()
			j.fail(err, j.code)
			return
		}
		j.v.showProblem(err)
		u.show("sharing")
	})
}

func sharedNow(v *sharingView) bool {
	st, err := v.u.a.SyncStatus(v.u.ctx)
	return err == nil && st.Shared
}

func (j *joinForm) reset() {
	j.preview.Hide()
	j.form.Show()
	j.v.u.win.Canvas().Focus(j.code)
}

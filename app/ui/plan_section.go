package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app/plan"
)

// sectionPane is one section of the plan: what to write, what the
// council looks for, an example to open, the editor, the section's
// structured parts and its comments.
func (v *planView) sectionPane(sec plan.Section) (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	p, err := u.a.Plan(u.ctx)
	if err != nil {
		return para("OwnPlan could not read your plan: " + err.Error()), nil
	}
	box := container.NewVBox(subheading(sec.Title), note(sec.Basis), para(sec.Prompt))

	looks := container.NewVBox(boldLabel("What the council looks for"))
	for _, s := range sec.CouncilLooksFor {
		looks.Add(bullet(s))
	}
	box.Add(looks)

	v.example = para(sec.Example)
	exampleBox := container.NewVBox(
		note("An example by "+v.g.ExamplePerson.Name),
		v.example)
	exampleBox.Hide()
	v.exampleOn = u.newButton("Show an example", theme.VisibilityIcon(), false, nil)
	v.exampleOn.OnTapped = func() {
		if exampleBox.Visible() {
			exampleBox.Hide()
			v.exampleOn.SetText("Show an example")
			v.exampleOn.SetIcon(theme.VisibilityIcon())
		} else {
			exampleBox.Show()
			v.exampleOn.SetText("Hide the example")
			v.exampleOn.SetIcon(theme.VisibilityOffIcon())
		}
	}
	box.Add(container.NewHBox(v.exampleOn))
	box.Add(exampleBox)

	key := sec.Key
	v.editor = u.newTextBox(p.Text(key), "Write here, in your own words…", editorRows(u))
	saver := u.newSaver(func() func() error {
		text := v.editor.Text
		return func() error {
			if err := u.a.SetPlanSection(u.ctx, key, text); err != nil {
				return err
			}
			v.afterWrite()
			return nil
		}
	})
	v.editor.OnChanged = func(string) { saver.changed() }
	box.Add(boldLabel("Your words"))
	box.Add(v.editor)
	v.stateNote = note("")
	box.Add(v.stateNote)

	for _, part := range sec.Parts {
		if o := v.partEditor(part, p); o != nil {
			box.Add(widget.NewSeparator())
			box.Add(o)
		}
	}
	v.comments = v.newCommentsPanel(key)
	box.Add(widget.NewSeparator())
	box.Add(v.comments.box)
	return box, v.editor
}

// editorRows is how many lines the section editor shows: roomy, up to 12
// lines, but never more than about half the window, so that at large
// text sizes the whole box, and the line being typed, stay in view.
func editorRows(u *UI) int {
	h := u.win.Canvas().Size().Height
	line := theme.TextSize() * 1.6 // a line with its spacing, roughly
	if h <= 0 || line <= 0 {
		return 12
	}
	return min(max(int(h*0.5/line), 4), 12)
}

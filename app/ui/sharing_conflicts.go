package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
)

// conflictCard shows two versions of a text side by side, with buttons
// to keep either or to merge them by hand.
type conflictCard struct {
	c          app.Conflict
	keepMine   *widget.Button
	keepTheirs *widget.Button
	mergeOpen  *widget.Button
	merge      *widget.Entry
	saveMerge  *widget.Button
	mergeBox   *fyne.Container
}

// fillConflicts lists the conflicts still to resolve.
func (v *sharingView) fillConflicts() {
	u := v.u
	v.conflicts.Objects = nil
	v.conflictUI = nil
	defer v.conflicts.Refresh()
	cs, err := u.a.Conflicts(u.ctx)
	if err != nil {
		v.conflicts.Add(para("OwnPlan could not read the conflicts: " + err.Error()))
		return
	}
	if len(cs) == 0 {
		return
	}
	v.conflicts.Add(subheading("Texts to choose between"))
	v.conflicts.Add(para("Two people changed the same text at the same time. Both versions are kept here: " +
		"choose one, or write one text from both. Until you do, the version marked \"in use now\" shows everywhere."))
	for _, c := range cs {
		v.conflicts.Add(v.conflictCard(c))
	}
}

func (v *sharingView) conflictCard(c app.Conflict) fyne.CanvasObject {
	k := &conflictCard{c: c}
	v.conflictUI = append(v.conflictUI, k)
	side := func(title, by, text string, inUse bool) fyne.CanvasObject {
		head := title + " (" + by + ")"
		if inUse {
			head += ", in use now"
		}
		return container.NewVBox(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), para(text))
	}
	mineBy := c.MineBy
	if c.MineIsYour {
		mineBy = "written by you"
	} else {
		mineBy = "was on this computer, by " + mineBy
	}
	theirsBy := "from " + c.TheirsBy
	k.keepMine = button("Keep mine", theme.ConfirmIcon(), false, func() { v.resolve(c.ID, "mine") })
	k.keepTheirs = button("Keep theirs", theme.ConfirmIcon(), false, func() { v.resolve(c.ID, "theirs") })
	k.merge = widget.NewMultiLineEntry()
	k.merge.Wrapping = fyne.TextWrapWord
	k.merge.SetMinRowsVisible(4)
	k.saveMerge = button("Save this text", theme.DocumentSaveIcon(), true, func() { v.resolve(c.ID, k.merge.Text) })
	k.mergeBox = container.NewVBox(field("Your text from both", "Edit it into one text, then save it.", k.merge), container.NewHBox(k.saveMerge))
	k.mergeBox.Hide()
	k.mergeOpen = button("Merge by hand", theme.DocumentCreateIcon(), false, func() {
		k.merge.SetText(c.Mine + "\n\n" + c.Theirs)
		k.mergeBox.Show()
		v.u.win.Canvas().Focus(k.merge)
	})
	return widget.NewCard("", "", container.NewVBox(
		widget.NewLabelWithStyle(c.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2,
			side("Mine", mineBy, c.Mine, c.InUseNow == "mine"),
			side("Theirs", theirsBy, c.Theirs, c.InUseNow == "theirs")),
		container.NewGridWithColumns(2, container.NewHBox(k.keepMine), container.NewHBox(k.keepTheirs)),
		container.NewHBox(k.mergeOpen),
		k.mergeBox,
	))
}

// resolve settles a conflict; keep is "mine", "theirs" or merged text.
func (v *sharingView) resolve(id int64, keep string) {
	if err := v.u.a.ResolveConflict(v.u.ctx, id, keep); err != nil {
		v.showProblem(err)
		return
	}
	v.showProblem(nil)
	v.refresh()
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// checkPane is "Before you send": each section with a kind note on what
// would help, and a button to go there.
func (v *planView) checkPane() (fyne.CanvasObject, fyne.Focusable) {
	u := v.u
	c, err := u.a.CheckPlan(u.ctx)
	if err != nil {
		return para("OwnPlan could not check your plan: " + err.Error()), nil
	}
	box := container.NewVBox(subheading("Before you send"))
	v.check = box
	intro := "Here is what could make your plan stronger. You can send it whenever you choose: these are only suggestions."
	if c.Ready {
		intro = "Every part looks ready. You can still change anything you like, and save a version before you send it."
	}
	box.Add(para(c.Summary + ". " + intro))
	var first fyne.Focusable
	for _, it := range c.Items {
		key := it.Section
		title := boldLabel(it.Title)
		title.Wrapping = fyne.TextWrapWord
		row := container.NewBorder(nil, nil, widget.NewIcon(stateIcon(it.State.String())), nil, title)
		item := container.NewVBox(row, para(it.Message))
		for _, a := range it.Also {
			item.Add(para(a))
		}
		b := u.newButton("Go to this part", theme.NavigateNextIcon(), false, func() { v.showPane(key, true) })
		if first == nil {
			first = b
		}
		item.Add(container.NewHBox(b))
		box.Add(newFrame(item))
	}
	return box, first
}

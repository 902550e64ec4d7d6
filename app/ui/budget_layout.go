package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// budgetIcon is a pound sign, coloured by the theme.
var budgetIcon = theme.NewThemedResource(fyne.NewStaticResource("pound.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M15.5 3.5c-2.8-1-6 .6-6 4.2V11H7v2h2.5v3.2c0 1.3-.6 2.3-1.8 2.8H7v2h11v-2h-7.4c.6-.8.9-1.7.9-2.8V13H15v-2h-3.5V7.7c0-2.1 1.7-3 3.4-2.3l.6-1.9z"/></svg>`)))

// buttonRows lays out a row of buttons that still fits the window at
// large text sizes: three to a row normally, one to a row when the text
// is 175% or more.
func (u *UI) buttonRows(objs ...fyne.CanvasObject) fyne.CanvasObject {
	per := 3
	if s, err := u.a.Settings(u.ctx); err == nil && s.TextScale >= 175 {
		per = 1
	}
	box := container.NewVBox()
	for i := 0; i < len(objs); i += per {
		box.Add(container.NewHBox(objs[i:min(i+per, len(objs))]...))
	}
	return box
}

// labelled lays out any control with a bold label and a hint above it,
// like field does for entries. The label wraps, so long questions fit
// at large text sizes.
func labelled(label, hint string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(l)
	if hint != "" {
		box.Add(para(hint))
	}
	box.Add(o)
	return box
}

// bfield is field with a label that wraps.
func bfield(label, hint string, e *widget.Entry) fyne.CanvasObject {
	box := field(label, hint, e)
	if c, ok := box.(*fyne.Container); ok && len(c.Objects) > 0 {
		if l, ok := c.Objects[0].(*widget.Label); ok {
			l.Wrapping = fyne.TextWrapWord
		}
	}
	return box
}

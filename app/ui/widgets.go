package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// heading is a screen's title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// subheading starts a part of a screen.
func subheading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// para is a paragraph of plain text that wraps to the window.
func para(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// button makes a button; important ones are coloured as the main action.
func button(label string, icon fyne.Resource, important bool, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	if important {
		b.Importance = widget.HighImportance
	}
	return b
}

// field lays out a labelled input with its hint under the label, all
// wrapping to the window so that large text never needs a wider window.
// When the entry has a validator, the reason a value is not accepted
// appears under it in plain words.
func field(label, hint string, e *widget.Entry) fyne.CanvasObject {
	return fieldFor(label, hint, e, e)
}

// fieldFor is field for an input that extends an Entry (a textBox): input
// is laid out, e is the Entry whose validation is shown.
func fieldFor(label, hint string, input fyne.CanvasObject, e *widget.Entry) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if hint != "" {
		box.Add(para(hint))
	}
	box.Add(input)
	if e.Validator != nil {
		problem := para("")
		problem.Importance = widget.DangerImportance
		problem.Hide()
		e.SetOnValidationChanged(func(err error) {
			if err == nil {
				problem.Hide()
				return
			}
			problem.SetText(err.Error())
			problem.Show()
		})
		box.Add(problem)
	}
	return box
}

package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/store"
)

// ShowStartupProblem shows a window that explains, in plain words, why
// OwnPlan could not open the data folder and what to do, instead of
// vanishing with a message nobody sees.
func ShowStartupProblem(fa fyne.App, dir string, err error) fyne.Window {
	fa.Settings().SetTheme(newTheme(app.DefaultSettings))
	w := fa.NewWindow(Title)
	advice := "Nothing in your data folder has been changed."
	switch {
	case errors.Is(err, store.ErrInUse):
		advice = "Look for another OwnPlan window and use that one, or close it and start OwnPlan again."
	case errors.Is(err, store.ErrNewerSchema):
		advice = "Your data was saved by a newer version of OwnPlan. Install the newest version; your data has not been changed."
	case errors.Is(err, store.ErrNotOwnPlan):
		advice = "Start OwnPlan with --data and the folder OwnPlan uses, or an empty folder. Nothing there has been changed."
	}
	quit := button("Close", theme.CancelIcon(), true, func() { w.Close() })
	w.SetContent(container.NewPadded(container.NewVBox(
		heading("OwnPlan could not open your data"),
		para(err.Error()),
		para(advice),
		widget.NewLabelWithStyle("Data folder: "+dir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
		container.NewHBox(quit),
	)))
	w.Resize(fyne.NewSize(720, 360))
	w.Canvas().Focus(quit)
	return w
}

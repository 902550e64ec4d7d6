package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// sideBySide lays out a list and the part on show next to each other
// when there is room, and the list above the part when there is not
// (large text, a narrow window), so nothing ever needs a wider window.
type sideBySide struct {
	// lastWidth is the width of the last layout, which decides the
	// arrangement the minimum size is for.
	lastWidth float32
}

// wideEnough is the width, in text sizes, from which the list and the
// part sit side by side: about 40 characters for the part beside a list.
const wideEnough = 40

func (l *sideBySide) wide(width float32) bool {
	return width >= wideEnough*theme.TextSize()
}

// listWidth is the list's width when side by side: a third of the width,
// at least its own minimum.
func (l *sideBySide) listWidth(list fyne.CanvasObject, width float32) float32 {
	return max(width*0.32, list.MinSize().Width)
}

// Layout places objects[0] (the list) and objects[1] (the part).
func (l *sideBySide) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	l.lastWidth = size.Width
	list, part := objects[0], objects[1]
	pad := theme.Padding() * 2
	if l.wide(size.Width) {
		lw := l.listWidth(list, size.Width)
		list.Move(fyne.NewPos(0, 0))
		list.Resize(fyne.NewSize(lw, list.MinSize().Height))
		part.Move(fyne.NewPos(lw+pad, 0))
		part.Resize(fyne.NewSize(size.Width-lw-pad, size.Height))
		return
	}
	list.Move(fyne.NewPos(0, 0))
	list.Resize(fyne.NewSize(size.Width, list.MinSize().Height))
	top := list.MinSize().Height + pad
	part.Move(fyne.NewPos(0, top))
	part.Resize(fyne.NewSize(size.Width, max(size.Height-top, part.MinSize().Height)))
}

// MinSize is the size for the arrangement of the last layout.
func (l *sideBySide) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) != 2 {
		return fyne.Size{}
	}
	list, part := objects[0].MinSize(), objects[1].MinSize()
	pad := theme.Padding() * 2
	if l.lastWidth > 0 && l.wide(l.lastWidth) {
		return fyne.NewSize(list.Width+pad+part.Width, max(list.Height, part.Height))
	}
	return fyne.NewSize(max(list.Width, part.Width), list.Height+pad+part.Height)
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The controls of the My plan and Assessment screens. Each scrolls
// itself into view when it gets the keyboard focus, so a person moving
// with Tab at a large text size always sees where they are (Fyne 2.7
// does not do this by itself), and multi-line text boxes let Tab move on
// instead of typing a tab character, so the keyboard is never trapped.

// reveal scrolls the screen so that o is in view.
func (u *UI) reveal(o fyne.CanvasObject) {
	if u.body == nil || len(u.body.Objects) == 0 {
		return
	}
	sc, ok := u.body.Objects[0].(*container.Scroll)
	if !ok {
		return
	}
	// Lay the screen out first: the control may have just been added.
	sc.Refresh()
	// Fyne finds only objects already on screen, so work out where o is
	// in the scrolled content by walking down to it.
	y, ok := offsetY(sc.Content, o)
	if !ok {
		return
	}
	top := y - sc.Offset.Y
	h, view := o.Size().Height, sc.Size().Height
	pad := theme.Padding() * 4
	switch {
	case top < 0 || h > view:
		sc.Offset.Y += top - pad
	case top+h > view:
		sc.Offset.Y += top + h - view + pad
	default:
		return
	}
	maxY := sc.Content.MinSize().Height - view
	sc.Offset.Y = max(0, min(sc.Offset.Y, maxY))
	sc.Refresh()
}

// offsetY returns how far down root target is, looking through
// containers and frames (the only things this capability nests its
// controls in).
func offsetY(root, target fyne.CanvasObject) (float32, bool) {
	if root == target {
		return 0, true
	}
	var children []fyne.CanvasObject
	switch c := root.(type) {
	case *fyne.Container:
		children = c.Objects
	case *frame:
		children = []fyne.CanvasObject{c.content}
	default:
		return 0, false
	}
	for _, child := range children {
		if y, ok := offsetY(child, target); ok {
			return child.Position().Y + y, true
		}
	}
	return 0, false
}

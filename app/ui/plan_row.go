package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// optionRow is a row of wrapping text with an icon that the person can
// activate with a tap, Space or Enter: an entry in a list of sections
// (the icon shows how complete it is) or a tick box whose label wraps
// at any text size. Up and Down move between rows of the same list.
type optionRow struct {
	widget.BaseWidget
	u        *UI
	text     string
	icon     fyne.Resource
	selected bool // the row on show, or a ticked box
	tick     bool // a tick box rather than a list entry
	focused  bool
	hovered  bool

	onActivate func()
	onMove     func(r *optionRow, by int) // Up and Down
}

// newChoiceRow makes a list entry.
func (u *UI) newChoiceRow(text string, icon fyne.Resource, activate func()) *optionRow {
	r := &optionRow{u: u, text: text, icon: icon, onActivate: activate}
	r.ExtendBaseWidget(r)
	return r
}

// newTickRow makes a tick box; changed hears the new state.
func (u *UI) newTickRow(text string, ticked bool, changed func(bool)) *optionRow {
	r := &optionRow{u: u, text: text, tick: true, selected: ticked}
	r.onActivate = func() {
		r.SetTicked(!r.selected)
		if changed != nil {
			changed(r.selected)
		}
	}
	r.ExtendBaseWidget(r)
	return r
}

// Ticked reports whether a tick box is ticked.
func (r *optionRow) Ticked() bool { return r.selected }

// SetTicked ticks or clears a tick box without telling anyone.
func (r *optionRow) SetTicked(on bool) {
	r.selected = on
	r.Refresh()
}

// SetSelected marks a list entry as the one on show.
func (r *optionRow) SetSelected(on bool) {
	r.selected = on
	r.Refresh()
}

// SetIcon changes a list entry's icon.
func (r *optionRow) SetIcon(icon fyne.Resource) {
	r.icon = icon
	r.Refresh()
}

// Text returns the row's text.
func (r *optionRow) Text() string { return r.text }

// Tapped activates the row.
func (r *optionRow) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
	r.activate()
}

func (r *optionRow) activate() {
	if r.onActivate != nil {
		r.onActivate()
	}
}

// FocusGained shows the focus and scrolls the row into view.
func (r *optionRow) FocusGained() {
	r.focused = true
	r.Refresh()
	r.u.reveal(r)
}

// FocusLost hides the focus.
func (r *optionRow) FocusLost() {
	r.focused = false
	r.Refresh()
}

// TypedRune ignores typing.
func (r *optionRow) TypedRune(rune) {}

// TypedKey activates the row with Space or Enter and moves with Up and
// Down.
func (r *optionRow) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter:
		if e.Name == fyne.KeySpace && r.u != nil {
			r.u.spacePressed()
		}
		r.activate()
	case fyne.KeyDown:
		if r.onMove != nil {
			r.onMove(r, 1)
		}
	case fyne.KeyUp:
		if r.onMove != nil {
			r.onMove(r, -1)
		}
	}
}

// MouseIn shows the pointer is over the row.
func (r *optionRow) MouseIn(*desktop.MouseEvent) {
	r.hovered = true
	r.Refresh()
}

// MouseMoved does nothing.
func (r *optionRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut shows the pointer has left the row.
func (r *optionRow) MouseOut() {
	r.hovered = false
	r.Refresh()
}

// CreateRenderer draws the row.
func (r *optionRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	edge := canvas.NewRectangle(color.Transparent)
	icon := widget.NewIcon(r.icon)
	label := widget.NewLabel(r.text)
	label.Wrapping = fyne.TextWrapWord
	rr := &optionRowRenderer{r: r, bg: bg, edge: edge, icon: icon, label: label}
	rr.Refresh()
	return rr
}

type optionRowRenderer struct {
	r     *optionRow
	bg    *canvas.Rectangle
	edge  *canvas.Rectangle
	icon  *widget.Icon
	label *widget.Label
}

func (rr *optionRowRenderer) iconSize() float32 {
	return rr.r.Theme().Size(theme.SizeNameInlineIcon)
}

func (rr *optionRowRenderer) Layout(size fyne.Size) {
	pad := rr.r.Theme().Size(theme.SizeNamePadding)
	is := rr.iconSize()
	rr.bg.Resize(size)
	rr.edge.Move(fyne.NewPos(0, 0))
	rr.edge.Resize(fyne.NewSize(pad*1.5, size.Height))
	lineTop := rr.r.Theme().Size(theme.SizeNameInnerPadding)
	rr.icon.Move(fyne.NewPos(pad*2, lineTop))
	rr.icon.Resize(fyne.NewSquareSize(is))
	x := pad*3 + is
	rr.label.Move(fyne.NewPos(x, 0))
	rr.label.Resize(fyne.NewSize(max(size.Width-x, 0), size.Height))
}

func (rr *optionRowRenderer) MinSize() fyne.Size {
	pad := rr.r.Theme().Size(theme.SizeNamePadding)
	is := rr.iconSize()
	lm := rr.label.MinSize()
	return fyne.NewSize(pad*3+is+lm.Width, max(lm.Height, is+2*rr.r.Theme().Size(theme.SizeNameInnerPadding)))
}

func (rr *optionRowRenderer) Refresh() {
	r := rr.r
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	icon := r.icon
	if r.tick {
		icon = theme.CheckButtonIcon()
		if r.selected {
			icon = theme.CheckButtonCheckedIcon()
		}
	}
	rr.icon.SetResource(icon)
	rr.label.SetText(r.text)
	rr.label.TextStyle.Bold = r.selected && !r.tick
	// The part on show is bold with a bar at its edge; the keyboard focus
	// fills the row. The two never look alike.
	switch {
	case r.focused:
		rr.bg.FillColor = th.Color(theme.ColorNameFocus, v)
	case r.hovered:
		rr.bg.FillColor = th.Color(theme.ColorNameHover, v)
	default:
		rr.bg.FillColor = color.Transparent
	}
	rr.edge.FillColor = color.Transparent
	if r.selected && !r.tick {
		rr.edge.FillColor = th.Color(theme.ColorNamePrimary, v)
	}
	rr.bg.Refresh()
	rr.edge.Refresh()
	rr.label.Refresh()
}

func (rr *optionRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.bg, rr.edge, rr.icon, rr.label}
}

func (rr *optionRowRenderer) Destroy() {}

package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// frame draws a border around one entry of a list: an outcome, a
// comment, a checklist item.
type frame struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newFrame(content fyne.CanvasObject) *frame {
	f := &frame{content: content}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer draws the border in the theme's colours.
func (f *frame) CreateRenderer() fyne.WidgetRenderer {
	r := &frameRenderer{f: f, border: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type frameRenderer struct {
	f      *frame
	border *canvas.Rectangle
}

func (r *frameRenderer) inset() float32 { return r.f.Theme().Size(theme.SizeNamePadding) * 2 }

func (r *frameRenderer) Layout(size fyne.Size) {
	r.border.Resize(size)
	in := r.inset()
	r.f.content.Move(fyne.NewPos(in, in))
	r.f.content.Resize(fyne.NewSize(max(size.Width-2*in, 0), max(size.Height-2*in, 0)))
}

func (r *frameRenderer) MinSize() fyne.Size {
	in := r.inset()
	return r.f.content.MinSize().Add(fyne.NewSize(2*in, 2*in))
}

func (r *frameRenderer) Refresh() {
	th := r.f.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.border.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.border.StrokeWidth = 1
	r.border.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.border.Refresh()
	r.f.content.Refresh()
}

func (r *frameRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.border, r.f.content}
}

func (r *frameRenderer) Destroy() {}

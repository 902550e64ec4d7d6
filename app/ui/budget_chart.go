package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/money"
)

// newBudgetChart draws the year so far: the balance week by week, the
// spending so far and the spending the plan expected, with a legend and
// a sentence saying the same for anyone who cannot see the lines.
func newBudgetChart(points []app.TimelinePoint) fyne.CanvasObject {
	if len(points) < 2 {
		return para("A chart of the year appears here after the first two weeks of the budget year.")
	}
	c := &lineChart{points: points}
	c.ExtendBaseWidget(c)
	key := func(col color.Color, text string) fyne.CanvasObject {
		r := canvas.NewRectangle(col)
		r.SetMinSize(fyne.NewSize(theme.TextSize()*1.5, theme.TextSize()/2))
		return container.NewHBox(container.NewCenter(r), widget.NewLabel(text))
	}
	last := points[len(points)-1]
	return container.NewVBox(
		c,
		key(chartBalance(), "Balance"),
		key(chartSpent(), "Spent"),
		key(chartPlanned(), "Planned spending"),
		para(fmt.Sprintf("By %s you had spent %s against %s the plan expected; the balance was %s.",
			app.HumanDate(last.Date), money.Format(last.Spent), money.Format(last.Planned), money.Format(last.Balance))),
	)
}

func chartBalance() color.Color { return theme.Color(theme.ColorNamePrimary) }
func chartSpent() color.Color   { return theme.Color(theme.ColorNameWarning) }
func chartPlanned() color.Color { return theme.Color(theme.ColorNamePlaceHolder) }

// lineChart is three lines over the weeks of the year.
type lineChart struct {
	widget.BaseWidget
	points []app.TimelinePoint
}

// CreateRenderer makes the lines.
func (c *lineChart) CreateRenderer() fyne.WidgetRenderer {
	r := &lineChartRenderer{c: c}
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameForeground))
	r.zero = canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	n := len(c.points) - 1
	for i := 0; i < n; i++ {
		r.balance = append(r.balance, canvas.NewLine(chartBalance()))
		r.spent = append(r.spent, canvas.NewLine(chartSpent()))
		r.planned = append(r.planned, canvas.NewLine(chartPlanned()))
	}
	for _, ls := range [][]*canvas.Line{r.balance, r.spent, r.planned} {
		for _, l := range ls {
			l.StrokeWidth = 3
		}
	}
	return r
}

type lineChartRenderer struct {
	c                       *lineChart
	axis, zero              *canvas.Line
	balance, spent, planned []*canvas.Line
}

func (r *lineChartRenderer) Destroy() {}

func (r *lineChartRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.TextSize()*10, theme.TextSize()*10)
}

func (r *lineChartRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.zero, r.axis}
	for _, ls := range [][]*canvas.Line{r.planned, r.spent, r.balance} {
		for _, l := range ls {
			objs = append(objs, l)
		}
	}
	return objs
}

func (r *lineChartRenderer) Refresh() {
	for _, l := range r.balance {
		l.StrokeColor = chartBalance()
	}
	for _, l := range r.spent {
		l.StrokeColor = chartSpent()
	}
	for _, l := range r.planned {
		l.StrokeColor = chartPlanned()
	}
	r.axis.StrokeColor = theme.Color(theme.ColorNameForeground)
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// Layout places the lines in size: time across, money up.
func (r *lineChartRenderer) Layout(size fyne.Size) {
	ps := r.c.points
	lo, hi := int64(0), int64(1)
	for _, p := range ps {
		lo = min(lo, p.Balance)
		hi = max(hi, p.Balance, p.Spent, p.Planned)
	}
	pad := theme.Padding()
	w, h := size.Width-2*pad, size.Height-2*pad
	x := func(i int) float32 { return pad + w*float32(i)/float32(len(ps)-1) }
	y := func(v int64) float32 { return pad + h*float32(hi-v)/float32(hi-lo) }
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(pad, pad), fyne.NewPos(pad, pad+h)
	r.zero.Position1, r.zero.Position2 = fyne.NewPos(pad, y(0)), fyne.NewPos(pad+w, y(0))
	for i := 0; i+1 < len(ps); i++ {
		set := func(l *canvas.Line, a, b int64) {
			l.Position1, l.Position2 = fyne.NewPos(x(i), y(a)), fyne.NewPos(x(i+1), y(b))
		}
		set(r.balance[i], ps[i].Balance, ps[i+1].Balance)
		set(r.spent[i], ps[i].Spent, ps[i+1].Spent)
		set(r.planned[i], ps[i].Planned, ps[i+1].Planned)
	}
}

// planBar shows one category's spending against its plan: the bar is
// the year's plan, the filled part what was spent, and the mark where
// spending would be if it followed the plan exactly.
type planBar struct {
	widget.BaseWidget
	year, toDate, spent int64
	over                bool
}

func newPlanBar(year, toDate, spent int64, over bool) *planBar {
	b := &planBar{year: year, toDate: toDate, spent: spent, over: over}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer makes the bar's rectangles.
func (b *planBar) CreateRenderer() fyne.WidgetRenderer {
	r := &planBarRenderer{b: b,
		back: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		fill: canvas.NewRectangle(chartBalance()),
		mark: canvas.NewRectangle(theme.Color(theme.ColorNameForeground)),
	}
	r.Refresh()
	return r
}

type planBarRenderer struct {
	b                *planBar
	back, fill, mark *canvas.Rectangle
}

func (r *planBarRenderer) Destroy() {}

func (r *planBarRenderer) MinSize() fyne.Size {
	return fyne.NewSize(theme.TextSize()*4, theme.TextSize()*0.75)
}

func (r *planBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.back, r.fill, r.mark}
}

func (r *planBarRenderer) Refresh() {
	r.back.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.fill.FillColor = chartBalance()
	if r.b.over {
		r.fill.FillColor = chartSpent()
	}
	r.mark.FillColor = theme.Color(theme.ColorNameForeground)
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *planBarRenderer) Layout(size fyne.Size) {
	frac := func(v int64) float32 {
		if r.b.year <= 0 {
			return 0
		}
		return size.Width * float32(min(max(v, 0), r.b.year)) / float32(r.b.year)
	}
	r.back.Resize(size)
	r.fill.Resize(fyne.NewSize(frac(r.b.spent), size.Height))
	w := max(2, theme.Padding()/2)
	r.mark.Move(fyne.NewPos(frac(r.b.toDate)-w/2, 0))
	r.mark.Resize(fyne.NewSize(w, size.Height))
}

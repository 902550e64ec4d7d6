package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
)

func init() {
	registerScreen(screenDef{key: "assessment", label: "Assessment", icon: theme.QuestionIcon, order: 40, key1: fyne.Key4, build: (*UI).assessmentScreen})
}

// The panes of the Assessment screen that are not outcomes.
const (
	paneDiary       = "diary"
	paneCarerHealth = "carer-health"
)

// The kinds of assessment, as the mode chooser shows them.
const (
	modeAdultLabel = "My own needs"
	modeCarerLabel = "A carer's assessment (as a carer)"
)

// assessView is the Assessment screen while it shows.
type assessView struct {
	u *UI
	g *plan.Guidance

	mode      *chooser
	indicator *widget.Label
	rows      map[string]*optionRow
	order     []string
	pane      *fyne.Container
	current   string
	// lastOutcome is the outcome last shown, which the diary offers first.
	lastOutcome string

	// The controls of the outcome on show, for tests.
	texts   map[string]*textBox   // by question key, and "wellbeing-impact"
	ticks   map[string]*optionRow // by meaning key, and "wb:" + wellbeing area key
	finding *widget.Label
	health  *textBox
	atRisk  *optionRow
	diary   *diaryPanel
}

var assessViews sync.Map // *UI -> *assessView

func assessViewOf(u *UI) *assessView {
	v, _ := assessViews.Load(u)
	av, _ := v.(*assessView)
	return av
}

// assessmentScreen helps the person prepare for an assessment: the
// eligibility outcomes, each with the guide's questions and good-day and
// bad-day answers, and the needs diary.
func (u *UI) assessmentScreen() fyne.CanvasObject {
	g, err := u.a.PlanGuide(u.ctx)
	if err != nil {
		return para("OwnPlan could not read the planning guide: " + err.Error())
	}
	as, err := u.a.Assessment(u.ctx)
	if err != nil {
		return para("OwnPlan could not read your answers: " + err.Error())
	}
	v := &assessView{u: u, g: g, rows: map[string]*optionRow{}}
	assessViews.Store(u, v)
	carer := as.Setup.Mode == app.AssessCarer
	v.mode = u.newChooser([]string{modeAdultLabel, modeCarerLabel}, "Choose", nil)
	v.mode.Selected = modeAdultLabel
	intro := g.Assessment.Intro + " " + g.Assessment.Eligibility
	if carer {
		v.mode.Selected = modeCarerLabel
		intro = g.Assessment.Carer.Intro
	}
	v.mode.OnChanged = func(s string) {
		mode := app.AssessAdult
		if s == modeCarerLabel {
			mode = app.AssessCarer
		}
		setup, _ := u.a.AssessmentSetup(u.ctx)
		setup.Mode = mode
		if err := u.a.SaveAssessmentSetup(u.ctx, setup); err != nil {
			u.reportSave(stateFailed, err)
			return
		}
		u.show("assessment")
		if nv := assessViewOf(u); nv != nil {
			u.win.Canvas().Focus(nv.mode)
		}
	}
	v.indicator = para("")
	list := container.NewVBox(subheading("What the council looks at"))
	var rows []*optionRow
	addRow := func(key, title string) {
		r := u.newChoiceRow(title, theme.RadioButtonIcon(), func() { v.showPane(key, true) })
		v.rows[key] = r
		v.order = append(v.order, key)
		rows = append(rows, r)
		list.Add(r)
	}
	if carer {
		addRow(paneCarerHealth, g.Assessment.Carer.Health.Title)
	}
	for _, o := range as.Outcomes {
		addRow(o.Key, o.Title)
	}
	list.Add(widget.NewSeparator())
	addRow(paneDiary, "My needs diary")
	rowList(u, rows)
	v.pane = container.NewVBox()
	v.applyAssessment(as)
	first := v.order[0]
	for _, o := range as.Outcomes {
		if !o.Answered {
			first = o.Key
			break
		}
	}
	v.showPane(first, false)
	return container.NewVBox(
		heading("Getting ready for my assessment"),
		para(intro),
		u.exportButton("assessment"),
		boldLabel("Which assessment are you getting ready for?"),
		note("Use the arrow keys or Space to choose."),
		v.mode,
		v.indicator,
		container.New(&sideBySide{}, list, v.pane),
	)
}

// applyAssessment shows what the answers suggest: the marks in the list
// and the overall message.
func (v *assessView) applyAssessment(as app.Assessment) {
	for _, o := range as.Outcomes {
		r := v.rows[o.Key]
		if r == nil {
			continue
		}
		switch {
		case o.Answers.DoesNotApply:
			r.SetIcon(theme.ContentRemoveIcon())
		case o.Answered && o.Finding.Unable:
			r.SetIcon(theme.ConfirmIcon())
		case o.Answered:
			r.SetIcon(theme.DocumentCreateIcon())
		default:
			r.SetIcon(theme.RadioButtonIcon())
		}
		if o.Key == v.current && v.finding != nil {
			v.finding.SetText(findingText(o))
		}
	}
	if r := v.rows[paneCarerHealth]; r != nil {
		if as.Setup.CarerHealthAtRisk || as.Setup.CarerHealth != "" {
			r.SetIcon(theme.ConfirmIcon())
		} else {
			r.SetIcon(theme.RadioButtonIcon())
		}
	}
	if r := v.rows[paneDiary]; r != nil {
		r.SetIcon(theme.ListIcon())
	}
	switch {
	case as.Indicator != nil:
		v.indicator.SetText(as.Indicator.Message)
	default:
		v.indicator.SetText(as.CarerMessage)
	}
}

func findingText(o app.AssessedOutcome) string {
	if !o.Answered {
		return "When you have written something, OwnPlan will say here what your answers suggest."
	}
	return o.Finding.Message
}

// afterWrite rechecks the answers once a background save has finished.
func (v *assessView) afterWrite() {
	as, err := v.u.a.Assessment(v.u.ctx)
	if err != nil {
		return
	}
	fyne.Do(func() {
		if assessViewOf(v.u) == v {
			v.applyAssessment(as)
		}
	})
}

// showPane shows the outcome, the carer's health or the diary.
func (v *assessView) showPane(key string, focus bool) {
	v.u.flushAll()
	if prev := v.rows[v.current]; prev != nil {
		prev.SetSelected(false)
	}
	v.current = key
	if r := v.rows[key]; r != nil {
		r.SetSelected(true)
	}
	v.texts, v.ticks, v.finding, v.health, v.atRisk, v.diary = nil, nil, nil, nil, nil, nil
	var content fyne.CanvasObject
	var first fyne.Focusable
	switch key {
	case paneDiary:
		content, first = v.diaryPane()
	case paneCarerHealth:
		content, first = v.carerHealthPane()
	default:
		v.lastOutcome = key
		content, first = v.outcomePane(key)
		content = container.NewVBox(content, v.u.evidenceFor("outcome", key))
	}
	v.pane.Objects = []fyne.CanvasObject{content, v.navButtons(key)}
	v.pane.Refresh()
	if as, err := v.u.a.Assessment(v.u.ctx); err == nil {
		v.applyAssessment(as)
	}
	if focus && first != nil {
		v.u.win.Canvas().Focus(first)
	}
}

func (v *assessView) navButtons(key string) fyne.CanvasObject {
	i := 0
	for j, k := range v.order {
		if k == key {
			i = j
		}
	}
	box := container.NewHBox()
	if i > 0 {
		prev := v.order[i-1]
		box.Add(v.u.newButton("Previous", theme.NavigateBackIcon(), false, func() { v.showPane(prev, true) }))
	}
	if i < len(v.order)-1 {
		next := v.order[i+1]
		box.Add(v.u.newButton("Next", theme.NavigateNextIcon(), false, func() { v.showPane(next, true) }))
	}
	return container.NewVBox(widget.NewSeparator(), box)
}

package ui

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/plan"
	"github.com/ownplan/ownplan/store"
)

func init() {
	registerScreen(screenDef{key: "plan", label: "My plan", icon: theme.DocumentIcon, order: 30, key1: fyne.Key3, build: (*UI).planScreen})
	homeParts = append(homeParts, planSummary)
}

// The panes of the My plan screen that are not sections of the plan.
const (
	paneStatus   = "status"
	paneVersions = "versions"
	paneCheck    = "check"
)

// planView is the My plan screen while it shows.
type planView struct {
	u *UI
	g *plan.Guidance

	rows    map[string]*optionRow
	order   []string // pane keys in list order
	pane    *fyne.Container
	current string
	summary *widget.Label
	stop    func() // stops listening for changes

	// The controls of the pane on show, for tests.
	editor    *textBox      // the section's text
	example   *widget.Label // the worked example, hidden until asked for
	exampleOn *pushButton   // "Show an example"
	stateNote *widget.Label // what the checklist says about the section
	parts     []*partList   // the section's structured parts
	profile   map[string]*textBox
	budget    *textBox
	budgetSum *widget.Label
	comments  *commentsPanel
	status    *statusPanel
	versions  *versionsPanel
	check     *fyne.Container
}

// planViews holds each window's My plan screen, for its own callbacks
// and for tests.
var planViews sync.Map // *UI -> *planView

func planViewOf(u *UI) *planView {
	v, _ := planViews.Load(u)
	pv, _ := v.(*planView)
	return pv
}

// planScreen is the My plan screen: the list of the plan's parts with how
// complete each is, and the part on show.
func (u *UI) planScreen() fyne.CanvasObject {
	if old := planViewOf(u); old != nil && old.stop != nil {
		old.stop()
	}
	g, err := u.a.PlanGuide(u.ctx)
	if err != nil {
		return para("OwnPlan could not read the planning guide: " + err.Error())
	}
	v := &planView{u: u, g: g, rows: map[string]*optionRow{}}
	planViews.Store(u, v)
	v.summary = para("")
	list := container.NewVBox(subheading("Parts of my plan"))
	var rows []*optionRow
	addRow := func(key, title string, icon fyne.Resource) {
		r := u.newChoiceRow(title, icon, func() { v.showPane(key, true) })
		v.rows[key] = r
		v.order = append(v.order, key)
		rows = append(rows, r)
		list.Add(r)
	}
	for _, s := range g.Sections {
		addRow(s.Key, s.Title, theme.RadioButtonIcon())
	}
	list.Add(widget.NewSeparator())
	addRow(paneStatus, "Status and dates", theme.InfoIcon())
	addRow(paneVersions, "Versions", theme.HistoryIcon())
	addRow(paneCheck, "Before you send", theme.MailSendIcon())
	rowList(u, rows)
	v.pane = container.NewVBox()
	v.stop = u.a.Watch(func(c store.Change) {
		if c.Has("comments") {
			fyne.Do(func() {
				if planViewOf(u) == v && u.current == "plan" && v.comments != nil {
					v.comments.refresh()
				}
			})
		}
	})
	v.refreshMarks()
	first := g.Sections[0].Key
	if st, err := u.a.PlanSectionStates(u.ctx); err == nil {
		for _, s := range st {
			if s.State != plan.Done.String() {
				first = s.Key
				break
			}
		}
	}
	v.showPane(first, false)
	return container.NewVBox(
		heading("My plan"),
		para("Your support plan, in your own words. Choose a part to write; everything saves as you type. Nothing is sent anywhere until you choose to send it."),
		v.summary,
		u.exportButton("plan"),
		container.New(&sideBySide{}, list, v.pane),
	)
}

// refreshMarks updates the completeness marks and the summary line.
func (v *planView) refreshMarks() {
	p, states, err := v.u.a.PlanAndStates(v.u.ctx)
	if err != nil {
		v.summary.SetText("OwnPlan could not check your plan: " + err.Error())
		return
	}
	v.applyStates(states, p)
}

// applyStates shows the sections' states in the list, and p's status.
func (v *planView) applyStates(states []app.SectionState, p app.Plan) {
	done := 0
	for _, s := range states {
		if r := v.rows[s.Key]; r != nil {
			r.SetIcon(stateIcon(s.State))
		}
		if s.State == plan.Done.String() {
			done++
		}
		if s.Key == v.current && v.stateNote != nil {
			v.stateNote.SetText(s.Message)
		}
	}
	v.summary.SetText(fmt.Sprintf("%s · %d of %d parts done · started %s", p.StatusLabel, done, len(states), app.HumanDate(p.Started)))
	if p.Started.IsZero() {
		v.summary.SetText(fmt.Sprintf("%s · %d of %d parts done", p.StatusLabel, done, len(states)))
	}
}

// afterWrite rechecks the plan once a background save has finished. It
// runs on the saving goroutine and reads everything there, so the window
// only redraws.
func (v *planView) afterWrite() {
	p, states, err := v.u.a.PlanAndStates(v.u.ctx)
	if err != nil {
		return
	}
	cats, _ := v.u.a.PlanSupportCategories(v.u.ctx)
	sum := budgetSummaryOf(p, cats)
	fyne.Do(func() {
		if planViewOf(v.u) == v {
			v.applyStates(states, p)
			if v.budgetSum != nil {
				v.budgetSum.SetText(sum)
			}
		}
	})
}

// stateIcon shows a section's state: an empty circle for missing, a half
// (a pencil) for started, a tick for done.
func stateIcon(state string) fyne.Resource {
	switch state {
	case "done":
		return theme.ConfirmIcon()
	case "thin":
		return theme.DocumentCreateIcon()
	}
	return theme.RadioButtonIcon()
}

// showPane shows the part key. When focus is true the first control of
// the part gets the keyboard focus.
func (v *planView) showPane(key string, focus bool) {
	v.u.flushAll()
	if prev := v.rows[v.current]; prev != nil {
		prev.SetSelected(false)
	}
	v.current = key
	if r := v.rows[key]; r != nil {
		r.SetSelected(true)
	}
	v.editor, v.example, v.exampleOn, v.stateNote = nil, nil, nil, nil
	v.parts, v.profile, v.budget, v.budgetSum = nil, nil, nil, nil
	v.comments, v.status, v.versions, v.check = nil, nil, nil, nil
	var content fyne.CanvasObject
	var first fyne.Focusable
	switch key {
	case paneStatus:
		content, first = v.statusPane()
	case paneVersions:
		content, first = v.versionsPane()
	case paneCheck:
		content, first = v.checkPane()
	default:
		sec, ok := v.g.Section(key)
		if !ok {
			return
		}
		content, first = v.sectionPane(sec)
		content = container.NewVBox(content, v.u.evidenceFor("plan-section", key))
	}
	v.pane.Objects = []fyne.CanvasObject{content, v.navButtons(key)}
	v.pane.Refresh()
	v.refreshMarks()
	if focus && first != nil {
		v.u.win.Canvas().Focus(first)
	}
}

// navButtons go to the part before and after key.
func (v *planView) navButtons(key string) fyne.CanvasObject {
	i := 0
	for j, k := range v.order {
		if k == key {
			i = j
		}
	}
	box := container.NewHBox()
	if i > 0 {
		prev := v.order[i-1]
		box.Add(v.u.newButton("Previous part", theme.NavigateBackIcon(), false, func() { v.showPane(prev, true) }))
	}
	if i < len(v.order)-1 {
		next := v.order[i+1]
		box.Add(v.u.newButton("Next part", theme.NavigateNextIcon(), false, func() { v.showPane(next, true) }))
	}
	return container.NewVBox(widget.NewSeparator(), box)
}

// planSummary is Home's line about the plan.
func planSummary(u *UI) fyne.CanvasObject {
	states, err := u.a.PlanSectionStates(u.ctx)
	if err != nil {
		return nil
	}
	p, err := u.a.Plan(u.ctx)
	if err != nil {
		return nil
	}
	done := 0
	for _, s := range states {
		if s.State == plan.Done.String() {
			done++
		}
	}
	box := container.NewVBox(para(fmt.Sprintf("Your plan: %d of %d parts done. %s.", done, len(states), p.StatusLabel)))
	if !p.NextReview.IsZero() {
		box.Add(para("Next review: " + app.HumanDate(p.NextReview) + "."))
	}
	if as, err := u.a.Assessment(u.ctx); err == nil {
		answered := 0
		for _, o := range as.Outcomes {
			if o.Answered {
				answered++
			}
		}
		from, to := app.DiaryPeriod(store.Date{})
		entries, _ := u.a.DiaryEntries(u.ctx, from, to)
		box.Add(para(fmt.Sprintf("Assessment: %d of %d outcomes answered. Needs diary: %d entries in the last %d days.",
			answered, len(as.Outcomes), len(entries), app.DiaryDays)))
	}
	return box
}

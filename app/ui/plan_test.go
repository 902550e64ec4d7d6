package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/budget"
	"github.com/ownplan/ownplan/app/demo"
	"github.com/ownplan/ownplan/store"
)

// planTexts returns every piece of text on show, including the text of
// this capability's own controls.
func planTexts(u *UI) string {
	var b strings.Builder
	walkPlan(u.win.Content(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			if w.Visible() {
				b.WriteString(w.Text + "\n")
			}
		case *pushButton:
			b.WriteString("[" + w.Text + "]\n")
		case *textBox:
			b.WriteString("<" + w.Text + ">\n")
		case *optionRow:
			b.WriteString("(" + w.Text() + ")\n")
		}
	})
	return b.String()
}

// walkPlan visits every visible object on show.
func walkPlan(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	fn(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkPlan(c, fn)
		}
	case *optionRow, *textBox, *pushButton, *chooser:
		// Their insides are drawing, not controls.
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkPlan(c, fn)
		}
	}
}

// planButton finds the button labelled text on show.
func planButton(t *testing.T, u *UI, text string) *pushButton {
	t.Helper()
	var found *pushButton
	walkPlan(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*pushButton); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q on show:\n%s", text, planTexts(u))
	}
	return found
}

func shortcut(u *UI, key fyne.KeyName) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func newPlanUI(t *testing.T, withDemo bool) (*UI, *app.App) {
	t.Helper()
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	if withDemo {
		if err := demo.Fill(ctx, a); err != nil {
			t.Fatal(err)
		}
	} else {
		a.SaveProfile(ctx, store.Profile{Name: "Sam Jones"})
	}
	u.show("home")
	return u, a
}

func TestPlanWriteASectionByKeyboardAlone(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	u.show("home")
	if !strings.Contains(texts(u), "Your plan: 0 of 11 parts done. Draft.") {
		t.Errorf("home lacks the plan line:\n%s", texts(u))
	}
	shortcut(u, fyne.Key3)
	if u.current != "plan" {
		t.Fatalf("Ctrl+3 went to %q", u.current)
	}
	v := planViewOf(u)
	got := planTexts(u)
	for _, want := range []string{"(What is important to me)", "(How I will make it happen)", "(Before you send)",
		"What the council looks for", "[Show an example]", "0 of 11 parts done"} {
		if !strings.Contains(got, want) {
			t.Errorf("plan screen lacks %q", want)
		}
	}
	// Move down the list with the arrow keys and open a part with Space:
	// the editor gets the focus.
	c := u.win.Canvas()
	c.Focus(v.rows["important-to-me"])
	press(u, fyne.KeyDown)
	press(u, fyne.KeyDown)
	if c.Focused() != v.rows["eligible-needs"] {
		t.Fatalf("Down moved the focus to %T", c.Focused())
	}
	press(u, fyne.KeyUp)
	press(u, fyne.KeySpace)
	if v.current != "my-needs" || c.Focused() != v.editor {
		t.Fatalf("Space opened %q, focus on %T", v.current, c.Focused())
	}
	if strings.Contains(planTexts(u), "Until now my sister Aoife has filled the gaps") {
		t.Error("the example shows before it is asked for")
	}
	text := "On bad days I can't get up the stairs 🙁\nI need help to wash."
	test.Type(v.editor, text)
	if !strings.Contains(u.status.Text, "saves in a moment") {
		t.Errorf("status while typing: %q", u.status.Text)
	}
	u.flushAll()
	if u.status.Text != "Saved" {
		t.Errorf("status after saving: %q", u.status.Text)
	}
	p, _ := a.Plan(ctx)
	if p.Text("my-needs") != text {
		t.Errorf("saved text %q", p.Text("my-needs"))
	}
	if v.rows["my-needs"].icon != stateIcon("thin") || !strings.Contains(v.stateNote.Text, "You've made a start") {
		t.Errorf("mark after a short text: %v, %q", v.rows["my-needs"].icon.Name(), v.stateNote.Text)
	}
	// Tab leaves the editor: the keyboard is never trapped.
	test.FocusNext(c)
	if c.Focused() == v.editor {
		t.Error("Tab did not leave the editor")
	}
	// The example opens and closes.
	test.Tap(v.exampleOn)
	if !strings.Contains(planTexts(u), "Until now my sister Aoife has filled the gaps") || v.exampleOn.Text != "Hide the example" {
		t.Error("Show an example did not show it")
	}
	test.Tap(v.exampleOn)
	if strings.Contains(planTexts(u), "Until now my sister Aoife has filled the gaps") {
		t.Error("the example did not hide")
	}
	// Next part saves what was typed and moves on.
	test.Type(v.editor, " More.")
	test.Tap(planButton(t, u, "Next part"))
	if v.current != "eligible-needs" || c.Focused() != v.editor {
		t.Errorf("Next part went to %q", v.current)
	}
	if p, _ := a.Plan(ctx); !strings.HasSuffix(p.Text("my-needs"), "wash. More.") {
		t.Errorf("moving on lost typing: %q", p.Text("my-needs"))
	}
	// The window's shortcuts work while typing: the window hands them to
	// the focused text box, which passes them on.
	c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierShortcutDefault})
	if u.current != "home" {
		t.Errorf("Ctrl+1 in the editor went to %q", u.current)
	}
}

func TestPlanStructuredPartsAddRemoveUndo(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	u.show("plan")
	v := planViewOf(u)
	v.showPane("control-and-safe", true)
	if len(v.parts) != 1 || v.parts[0].kind != "risk" {
		t.Fatalf("control-and-safe parts: %+v", v.parts)
	}
	risks := v.parts[0]
	test.Tap(risks.add)
	card := risks.items[0]
	if u.win.Canvas().Focused() != card.fields["what"] {
		t.Fatal("a new risk's first field does not have the focus")
	}
	test.Type(card.fields["what"], "Jess is ill")
	u.flushAll()
	test.Type(card.fields["backup"], "Aoife comes over")
	u.flushAll()
	p, _ := a.Plan(ctx)
	if len(p.Risks) != 1 || p.Risks[0].What != "Jess is ill" || p.Risks[0].BackUp != "Aoife comes over" {
		t.Fatalf("risks after typing: %+v", p.Risks)
	}
	test.Tap(card.remove)
	if p, _ := a.Plan(ctx); len(p.Risks) != 0 {
		t.Fatalf("remove left %+v", p.Risks)
	}
	if !strings.Contains(planTexts(u), "Removed “Jess is ill”.") {
		t.Fatal("no undo offered")
	}
	press(u, fyne.KeySpace) // Undo has the focus
	if p, _ := a.Plan(ctx); len(p.Risks) != 1 || p.Risks[0].BackUp != "Aoife comes over" {
		t.Errorf("undo: %+v", p.Risks)
	}
	if len(risks.items) != 1 || risks.items[0].fields["what"].Text != "Jess is ill" {
		t.Error("the list does not show the risk brought back")
	}

	// Support with a cost and category, then an outcome linked to it.
	v.showPane("how-supported", false)
	sup := v.parts[0]
	test.Tap(sup.add)
	sc := sup.items[0]
	test.Type(sc.fields["who"], "Jess")
	sc.fields["cost"].SetText("£15,548")
	sc.choose.SetSelected("Personal assistant wages")
	u.flushAll()
	sc.fields["cost"].SetText("£15,5x8") // half-typed: the last good cost stays
	u.flushAll()
	list, _ := a.SupportArrangements(ctx)
	if len(list) != 1 || list[0].AnnualCost != 15_548_00 || !list[0].CostKnown || list[0].Category != "pa_wages" {
		t.Fatalf("support: %+v", list)
	}
	if err := sc.fields["cost"].Validate(); err == nil {
		t.Error("a bad cost is not explained")
	}
	v.showPane("change-and-achieve", false)
	oc := v.parts[0]
	test.Tap(oc.add)
	c := oc.items[0]
	test.Type(c.fields["what"], "See my friends")
	test.Tap(planButton(t, u, "Choose links"))
	test.Tap(c.ticks["need:community"])
	test.Tap(c.ticks["support:"+list[0].ID])
	u.flushAll()
	p, _ = a.Plan(ctx)
	if len(p.Outcomes) != 1 || p.Outcomes[0].What != "See my friends" || strings.Join(p.Outcomes[0].Needs, ",") != "community" ||
		len(p.Outcomes[0].Support) != 1 {
		t.Errorf("outcome: %+v", p.Outcomes)
	}
	if !strings.Contains(planTexts(u), "Needs: Getting out and about. Support: Jess.") {
		t.Error("the outcome's links are not summed up")
	}

	// The budget part adds up the costs.
	v.showPane("my-money", false)
	v.budget.SetText("£16,000")
	u.flushAll()
	if !strings.Contains(v.budgetSum.Text, "Your personal budget is £16,000.00, so £452.00 isn't planned yet.") {
		t.Errorf("budget summary: %q", v.budgetSum.Text)
	}
}

func TestPlanCommentsStatusVersionsAndCheck(t *testing.T) {
	u, a := newPlanUI(t, true)
	ctx := context.Background()
	u.show("plan")
	v := planViewOf(u)

	// Comments: Aoife's open one can be resolved, then reopened.
	v.showPane("control-and-safe", false)
	cs, _ := a.Comments(ctx, "control-and-safe")
	if len(cs) != 1 || cs[0].Resolved {
		t.Fatalf("example comments: %+v", cs)
	}
	if !strings.Contains(planTexts(u), "Should we say what happens if the direct payment money runs low?") {
		t.Error("comment not shown")
	}
	test.Tap(v.comments.toggles[cs[0].ID])
	if cs, _ := a.Comments(ctx, "control-and-safe"); !cs[0].Resolved {
		t.Error("Resolve did not resolve")
	}
	if v.comments.toggles[cs[0].ID].Text != "Reopen" || u.win.Canvas().Focused() != v.comments.toggles[cs[0].ID] {
		t.Error("after resolving, Reopen is not offered with the focus")
	}
	press(u, fyne.KeySpace)
	if cs, _ := a.Comments(ctx, "control-and-safe"); cs[0].Resolved {
		t.Error("Reopen did not reopen")
	}
	test.Tap(v.comments.add)
	if !strings.Contains(v.comments.problem.Text, "Write something") {
		t.Error("an empty comment is not explained")
	}
	test.Type(v.comments.entry, "I'll add the money plan.")
	test.Tap(v.comments.add)
	if cs, _ := a.Comments(ctx, "control-and-safe"); len(cs) != 2 || cs[1].AuthorName != "Zoë" {
		t.Errorf("added comment: %+v", cs)
	}
	// A comment arriving from elsewhere (sync, the command line) shows up.
	a.AddComment(ctx, store.Comment{Section: "control-and-safe", Body: "From Aoife's laptop", AuthorName: "Aoife"})
	if !strings.Contains(planTexts(u), "From Aoife's laptop") {
		t.Error("a comment from elsewhere did not appear")
	}

	// Status: agreeing sets the review 12 months on.
	v.showPane(paneStatus, true)
	if u.win.Canvas().Focused() != v.status.status {
		t.Error("the status chooser does not have the focus")
	}
	agreed := store.Today().AddDays(-3)
	v.status.status.SetSelected(app.PlanAgreed.Label())
	v.status.on.SetText(app.HumanDate(agreed))
	test.Tap(v.status.apply)
	p, _ := a.Plan(ctx)
	if p.Status != app.PlanAgreed || p.Agreed != agreed || p.NextReview != agreed.AddMonths(12) {
		t.Fatalf("after agreeing: %+v", p)
	}
	if want := "save one named “Agreed by the council " + app.HumanDate(agreed) + "”"; !strings.Contains(v.status.message.Text, want) {
		t.Errorf("after agreeing, no suggestion to save a version: %q", v.status.message.Text)
	}
	v.status.review.SetText(app.HumanDate(agreed.AddMonths(13)))
	if err := v.status.review.Validate(); err == nil || !strings.Contains(err.Error(), "every 12 months") {
		t.Errorf("a late review is not explained: %v", err)
	}
	test.Tap(v.status.save)
	if !strings.Contains(v.status.message.Text, "not saved") {
		t.Errorf("late review saved: %q", v.status.message.Text)
	}
	if p, _ := a.Plan(ctx); p.NextReview != agreed.AddMonths(12) {
		t.Error("a refused review date was stored")
	}

	// Versions: save one and compare it with the first.
	v.showPane(paneVersions, true)
	if u.win.Canvas().Focused() != v.versions.label {
		t.Error("the version name does not have the focus")
	}
	test.Type(v.versions.label, "Agreed")
	press(u, fyne.KeyReturn)
	vs, _ := a.PlanVersions(ctx)
	if len(vs) != 2 || vs[1].Label != "Agreed" {
		t.Fatalf("versions: %+v", vs)
	}
	v.versions.from.SetSelected("1. " + demo.PlanVersionLabel)
	v.versions.to.SetSelected("2. Agreed")
	test.Tap(v.versions.compare)
	got := planTexts(u)
	for _, want := range []string{"The status changed from “Shared with my supporter” to “Agreed by the council”.",
		"Added an outcome: “Do some illustration work again”."} {
		if !strings.Contains(got, want) {
			t.Errorf("comparison lacks %q", want)
		}
	}

	// Before you send.
	a.SetPlanSection(ctx, "staying-well", "")
	v.showPane(paneCheck, true)
	got = planTexts(u)
	if !strings.Contains(got, "10 of 11 parts done") || !strings.Contains(got, "[Go to this part]") {
		t.Errorf("checklist:\n%s", got)
	}
	if v.rows["staying-well"].icon != stateIcon("missing") {
		t.Error("the cleared section is not marked missing")
	}
}

func TestPlanScreensFitAtLargeText(t *testing.T) {
	u, a := newPlanUI(t, true)
	ctx := context.Background()
	a.SaveSettings(ctx, app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	u.show("plan")
	v := planViewOf(u)
	for _, key := range append(append([]string{}, v.order...), paneStatus) {
		v.showPane(key, false)
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("My plan, %s, at 250%% needs %v wide, more than the window", key, w)
		}
	}
	u.show("assessment")
	av := assessViewOf(u)
	for _, key := range av.order {
		av.showPane(key, false)
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("Assessment, %s, at 250%% needs %v wide", key, w)
		}
	}
	// At 250% the list sits above the part instead of beside it.
	l := &sideBySide{}
	if l.wide(1024) {
		t.Error("at 250% a 1024-wide window still puts the list beside the part")
	}
}

func TestPlanFocusScrollsIntoView(t *testing.T) {
	u, a := newPlanUI(t, true)
	a.SaveSettings(context.Background(), app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	for _, screen := range []string{"plan", "assessment"} {
		u.show(screen)
		sc := u.body.Objects[0].(*container.Scroll)
		var target *textBox
		if screen == "plan" {
			v := planViewOf(u)
			v.showPane("make-it-happen", true)
			target = v.editor
		} else {
			v := assessViewOf(u)
			v.showPane("toilet-needs", true)
			target = v.texts["can-do"]
		}
		if u.win.Canvas().Focused() != target {
			t.Fatalf("%s: focus on %T", screen, u.win.Canvas().Focused())
		}
		d := fyne.CurrentApp().Driver()
		top := d.AbsolutePositionForObject(target).Y - d.AbsolutePositionForObject(sc).Y
		if sc.Offset.Y == 0 || top < 0 || top > sc.Size().Height {
			t.Errorf("%s: the focused box is at %v in a view %v high (scrolled %v)", screen, top, sc.Size().Height, sc.Offset.Y)
		}
	}
}

// What is pasted can always be saved, so nothing typed after a paste is
// lost: hidden NUL characters are left out, and a paste too long for one
// part is refused, with the reason, leaving the text as it was.
func TestPlanPasteIsCheckedSoNothingIsLost(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	u.show("plan")
	v := planViewOf(u)
	v.showPane("my-needs", true)
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("Pasted from a PDF\x00 with a hidden NUL 🙂 שלום")
	v.editor.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	test.Type(v.editor, " and typed after.")
	u.flushAll()
	want := "Pasted from a PDF with a hidden NUL 🙂 שלום and typed after."
	if u.status.Text != "Saved" {
		t.Errorf("status: %q", u.status.Text)
	}
	// Moving away and back keeps every word.
	v.showPane("eligible-needs", true)
	v.showPane("my-needs", true)
	if p, _ := a.Plan(ctx); p.Text("my-needs") != want || v.editor.Text != want {
		t.Errorf("stored %q, editor %q", p.Text("my-needs"), v.editor.Text)
	}
	// 5 MB is refused, kindly, and the text stays as it was.
	cb.SetContent(strings.Repeat("Łukasz żółć 🙂\n", 400000)[:5<<20])
	v.editor.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if v.editor.Text != want || !strings.Contains(u.status.Text, "Not pasted: 5.0 MB is too long (1 MB at most)") {
		t.Errorf("after a 5 MB paste: %d bytes, status %q", len(v.editor.Text), u.status.Text)
	}
	u.flushAll()
	if p, _ := a.Plan(ctx); p.Text("my-needs") != want {
		t.Errorf("after a refused paste the section holds %d bytes", len(p.Text("my-needs")))
	}
	// The same check applies to every text box on these screens.
	u.show("assessment")
	av := assessViewOf(u)
	av.showPane("nutrition", true)
	cb.SetContent("I skip\x00 meals")
	av.texts["bad-day"].TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	u.flushAll()
	if ans, _ := a.AssessmentAnswer(ctx, "nutrition"); ans.BadDay != "I skip meals" {
		t.Errorf("bad day answer %q", ans.BadDay)
	}
}

// At 250% text a refused paste's reason still fits in the window.
func TestPlanPasteRefusalFitsAtLargeText(t *testing.T) {
	u, a := newPlanUI(t, true)
	a.SaveSettings(context.Background(), app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	u.show("plan")
	v := planViewOf(u)
	v.showPane("my-needs", true)
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent(strings.Repeat("x", 2<<20))
	v.editor.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if !strings.HasPrefix(u.status.Text, "Not pasted") {
		t.Fatalf("status %q", u.status.Text)
	}
	if w := u.win.Content().MinSize().Width; w > 1024 {
		t.Errorf("with the reason on show the window needs %v wide", w)
	}
}

// At 250% text the section editor still fits in the window, so the line
// being typed stays in view.
func TestPlanEditorFitsTheWindowAtLargeText(t *testing.T) {
	u, a := newPlanUI(t, true)
	a.SaveSettings(context.Background(), app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	u.show("plan")
	v := planViewOf(u)
	v.showPane("how-supported", true)
	sc := u.body.Objects[0].(*container.Scroll)
	if h, view := v.editor.MinSize().Height, sc.Size().Height; h > view {
		t.Errorf("the editor is %v high in a view %v high", h, view)
	}
	u.win.Resize(fyne.NewSize(1280, 1000))
	a.SaveSettings(context.Background(), app.Settings{TextScale: 100, Theme: app.ThemeLight})
	u.show("plan")
	if rows := editorRows(u); rows != 12 {
		t.Errorf("at 100%% in a tall window the editor shows %d lines, want 12", rows)
	}
}

// A budget set up on the Budget screen fills in the plan's, with a note.
func TestPlanBudgetComesFromTheBudgetScreen(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	setup := app.SuggestedBudgetSetup(store.Today())
	setup.Amount, setup.Period = 18_200_00, budget.Annual
	if err := a.SaveBudgetSetup(ctx, setup); err != nil {
		t.Fatal(err)
	}
	u.show("plan")
	v := planViewOf(u)
	v.showPane("my-money", false)
	if v.budget.Text != "£18,200" {
		t.Errorf("budget box: %q", v.budget.Text)
	}
	if !strings.Contains(planTexts(u), "the budget you set up on the Budget screen") {
		t.Error("no note that the amount comes from the Budget screen")
	}
}

// tabTo presses Tab (or Shift+Tab when back) until want has the focus,
// failing if it takes more than most presses: proof that a control is
// reachable by keyboard alone, in the order it is laid out.
func tabTo(t *testing.T, u *UI, want fyne.Focusable, back bool, most int) int {
	t.Helper()
	c := u.win.Canvas()
	for n := 1; n <= most; n++ {
		if back {
			test.FocusPrevious(c)
		} else {
			test.FocusNext(c)
		}
		if c.Focused() == want {
			return n
		}
	}
	t.Fatalf("%d presses of Tab never reached %T (focus on %T)", most, want, c.Focused())
	return 0
}

// A whole section written, its example read and the next part opened
// with the keyboard alone: no taps anywhere.
func TestPlanByKeyboardAloneFromHome(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	shortcut(u, fyne.Key3)
	v := planViewOf(u)
	// From wherever the focus is, Tab reaches the list of parts.
	tabTo(t, u, v.rows["important-to-me"], false, 40)
	press(u, fyne.KeyDown)
	press(u, fyne.KeySpace)
	if v.current != "my-needs" || u.win.Canvas().Focused() != v.editor {
		t.Fatalf("Space opened %q", v.current)
	}
	// The prompt and what the council looks for are on show with the editor.
	sec, _ := v.g.Section("my-needs")
	if got := planTexts(u); !strings.Contains(got, sec.Prompt) || !strings.Contains(got, sec.CouncilLooksFor[0]) {
		t.Error("the prompt is not on show beside the editor")
	}
	test.Type(v.editor, "On bad days I need help to wash.")
	// Shift+Tab goes back to "Show an example"; Space opens it.
	tabTo(t, u, v.exampleOn, true, 5)
	press(u, fyne.KeySpace)
	if !strings.Contains(planTexts(u), sec.Example) {
		t.Error("Space on Show an example did not show it")
	}
	// Tab goes on past the editor to Next part; Space opens the next part
	// with its editor ready, and what was typed is saved.
	next := planButton(t, u, "Next part")
	tabTo(t, u, next, false, 40)
	press(u, fyne.KeySpace)
	if v.current != "eligible-needs" || u.win.Canvas().Focused() != v.editor {
		t.Fatalf("Next part opened %q", v.current)
	}
	if p, _ := a.Plan(ctx); p.Text("my-needs") != "On bad days I need help to wash." {
		t.Errorf("saved %q", p.Text("my-needs"))
	}
	if v.rows["my-needs"].icon != stateIcon("thin") {
		t.Error("the list's mark did not change")
	}
}

// On the Assessment screen Tab reaches every question of an outcome in
// order, and Space ticks a yes-or-no one.
func TestAssessmentByKeyboardAlone(t *testing.T) {
	u, a := newPlanUI(t, false)
	ctx := context.Background()
	shortcut(u, fyne.Key4)
	v := assessViewOf(u)
	tabTo(t, u, v.rows["nutrition"], false, 40)
	press(u, fyne.KeyDown)
	press(u, fyne.KeyReturn)
	if v.current != "personal-hygiene" {
		t.Fatalf("Enter opened %q", v.current)
	}
	test.Type(v.texts["can-do"], "Wash at the sink sitting down")
	tabTo(t, u, v.texts["good-day"], false, 4)
	test.Type(v.texts["good-day"], "A shower with the chair")
	tabTo(t, u, v.texts["bad-day"], false, 2)
	test.Type(v.texts["bad-day"], "I can't stand up to wash")
	tabTo(t, u, v.ticks["without-help"], false, 4)
	press(u, fyne.KeySpace)
	tabTo(t, u, v.ticks["wb:dignity"], false, 8)
	press(u, fyne.KeySpace)
	u.flushAll()
	ans, _ := a.AssessmentAnswer(ctx, "personal-hygiene")
	if ans.CanDo == "" || ans.GoodDay != "A shower with the chair" || ans.BadDay != "I can't stand up to wash" || !ans.WithoutHelp ||
		strings.Join(ans.Wellbeing, ",") != "dignity" {
		t.Errorf("answers by keyboard: %+v", ans)
	}
}

// The Space that opens a part, or presses Next part, is not also typed
// into the editor it moves the focus to, as the desktop driver would
// otherwise do; and a space typed afterwards is kept.
func TestPlanSpaceThatOpensAPartIsNotTyped(t *testing.T) {
	u, a := newPlanUI(t, true)
	ctx := context.Background()
	// Deliver key presses as the desktop driver does: the key event, then
	// its character, then what fyne.Do queued.
	var queued []func()
	old := afterKeyPress
	afterKeyPress = func(f func()) { queued = append(queued, f) }
	defer func() { afterKeyPress = old }()
	space := func() {
		c := u.win.Canvas()
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		c.Focused().TypedRune(' ')
		for _, f := range queued {
			f()
		}
		queued = nil
	}
	u.show("plan")
	v := planViewOf(u)
	before, _ := a.Plan(ctx)
	u.win.Canvas().Focus(v.rows["my-needs"])
	space()
	if v.current != "my-needs" || u.win.Canvas().Focused() != v.editor {
		t.Fatalf("Space opened %q", v.current)
	}
	test.Type(v.editor, "x y")
	u.flushAll()
	p, _ := a.Plan(ctx)
	if want := "x y" + before.Text("my-needs"); p.Text("my-needs") != want {
		t.Errorf("after Space opened the part and x y was typed: %.20q, want %.20q", p.Text("my-needs"), want)
	}
	u.win.Canvas().Focus(planButton(t, u, "Next part"))
	space()
	if v.current != "eligible-needs" || strings.HasPrefix(v.editor.Text, " ") {
		t.Errorf("Next part by Space: %q, text %.20q", v.current, v.editor.Text)
	}
	// With nothing pressed, a space is a space.
	v.editor.TypedRune(' ')
	if !strings.HasPrefix(v.editor.Text, " ") {
		t.Error("a typed space was dropped")
	}
}

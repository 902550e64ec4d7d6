package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/app/demo"
)

// newTestUI opens a data folder and the window on it, headless.
func newTestUI(t *testing.T, dir string) (*UI, *app.App) {
	t.Helper()
	fa := test.NewTempApp(t)
	a, err := app.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	u := New(fa, a)
	// Saves happen when a test calls flushAll: a timer firing on its own
	// goroutine would race with the test driving the widgets.
	// TestAutosaverSavesAfterAPause covers the timer.
	u.saveDelay = time.Hour
	t.Cleanup(func() {
		u.Close()
		u.a.Close()
	})
	return u, a
}

// texts returns every piece of text shown in the window.
func texts(u *UI) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.Entry:
			b.WriteString("<" + w.Text + ">\n")
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		}
	}
	walk(u.win.Content())
	return b.String()
}

// press activates the focused control with the keyboard.
func press(u *UI, key fyne.KeyName) {
	f := u.win.Canvas().Focused()
	if f == nil {
		panic("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

func TestWindowTitle(t *testing.T) {
	u, _ := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	if u.win.Title() != "OwnPlan" {
		t.Errorf("title %q", u.win.Title())
	}
}

func TestFirstRunCreateProfileByKeyboardAlone(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	got := texts(u)
	for _, want := range []string{"Welcome to OwnPlan", "[Start my own plan]", "[Look around with example data]"} {
		if !strings.Contains(got, want) {
			t.Fatalf("welcome screen lacks %q:\n%s", want, got)
		}
	}
	// The first choice has the focus; Space presses it.
	if u.win.Canvas().Focused() != u.welcome.start {
		t.Fatal("Start my own plan does not have the keyboard focus")
	}
	press(u, fyne.KeySpace)
	if u.win.Canvas().Focused() != u.welcome.name {
		t.Fatal("the name field does not have the focus")
	}
	// Enter on an empty name explains, and keeps the person there.
	press(u, fyne.KeyReturn)
	if !strings.Contains(u.welcome.problem.Text, "please give a name") {
		t.Errorf("empty name: %q", u.welcome.problem.Text)
	}
	test.Type(u.welcome.name, "Zoë Ó Briain")
	press(u, fyne.KeyReturn)
	if u.current != "profile" {
		t.Fatalf("after entering a name the screen is %q, want profile", u.current)
	}
	p, has, _ := a.Profile(context.Background())
	if !has || p.Name != "Zoë Ó Briain" {
		t.Errorf("profile %+v", p)
	}

	// Tab reaches the next field; typing there autosaves.
	c := u.win.Canvas()
	c.Focus(u.profile.entries["name"])
	test.FocusNext(c)
	if c.Focused() != u.profile.entries["preferred_name"] {
		t.Fatalf("Tab from name went to %T", c.Focused())
	}
	test.Type(c.Focused(), "Zoë")
	if !strings.Contains(u.status.Text, "saves in a moment") {
		t.Errorf("status while typing: %q", u.status.Text)
	}
	u.flushAll()
	if u.status.Text != "Saved" {
		t.Errorf("status after save: %q", u.status.Text)
	}
	p, _, _ = a.Profile(context.Background())
	if p.PreferredName != "Zoë" {
		t.Errorf("preferred name not saved: %+v", p)
	}
}

func TestAutosaveKeepsLastGoodValueAndExplains(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	u, a := newTestUI(t, dir)
	ctx := context.Background()
	demo.Fill(ctx, a)
	u.show("profile")
	nhs := u.profile.entries["nhs_number"]
	nhs.SetText("943 476")
	test.Type(u.profile.entries["phone"], "9")
	u.flushAll()
	p, _, _ := a.Profile(ctx)
	if p.NHSNumber != demo.Person.NHSNumber {
		t.Errorf("half an NHS number replaced a good one: %q", p.NHSNumber)
	}
	if p.Phone != "9"+demo.Person.Phone {
		t.Errorf("other fields not saved: %q", p.Phone)
	}
	if err := nhs.Validate(); err == nil || !strings.Contains(err.Error(), "10") {
		t.Errorf("NHS field does not explain: %v", err)
	}
	if !strings.Contains(texts(u), "NHS numbers have 10") {
		t.Error("the reason is not shown under the NHS number")
	}
	u.flushAll()
}

func TestExampleDataAndNavigation(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	test.Tap(u.welcome.example)
	if u.current != "home" {
		t.Fatalf("after example data the screen is %q", u.current)
	}
	got := texts(u)
	for _, want := range []string{"Hello, Zoë", "You are looking at example data", "People who matter to you: 4."} {
		if !strings.Contains(got, want) {
			t.Errorf("home lacks %q:\n%s", want, got)
		}
	}
	for _, key := range []string{"profile", "settings", "home"} {
		test.Tap(u.navButtons[key])
		if u.current != key {
			t.Errorf("nav to %s went to %s", key, u.current)
		}
		if u.navButtons[key].Importance != widget.HighImportance {
			t.Errorf("nav button for %s not marked as current", key)
		}
	}
	// Keyboard shortcuts reach the screens too.
	sc := u.win.Canvas().(fyne.Shortcutable)
	for key, want := range map[fyne.KeyName]string{fyne.Key9: "settings", fyne.Key2: "profile", fyne.Key1: "home"} {
		sc.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
		if u.current != want {
			t.Errorf("Ctrl+%s went to %s, want %s", key, u.current, want)
		}
	}
	if !a.IsExample(context.Background()) {
		t.Error("example data not marked")
	}
}

func TestPeopleAddRemoveUndo(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	a.SaveProfile(ctx, demo.Person)
	u.show("profile")
	if len(u.profile.cards) != 0 {
		t.Fatalf("%d people on a new profile", len(u.profile.cards))
	}
	var add *widget.Button
	for _, b := range buttons(u.win.Content()) {
		if b.Text == "Add someone" {
			add = b
		}
	}
	test.Tap(add)
	card := u.profile.cards[0]
	if u.win.Canvas().Focused() != card.name {
		t.Error("new person's name field does not have the focus")
	}
	test.Type(card.name, "Aoife")
	u.flushAll()
	test.Type(card.relationship, "Sister")
	u.flushAll()
	people, _ := a.People(ctx)
	if len(people) != 1 || people[0].Name != "Aoife" || people[0].Relationship != "Sister" {
		t.Fatalf("people after typing: %+v", people)
	}
	test.Tap(card.remove)
	if people, _ := a.People(ctx); len(people) != 0 {
		t.Fatalf("remove left %+v", people)
	}
	if !strings.Contains(texts(u), "Removed Aoife.") {
		t.Fatal("no undo offered")
	}
	press(u, fyne.KeySpace) // the Undo button has the focus
	people, _ = a.People(ctx)
	if len(people) != 1 || people[0].Name != "Aoife" {
		t.Errorf("undo: %+v", people)
	}
}

func TestSettingsPersistAndApply(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	u, a := newTestUI(t, dir)
	demo.Fill(context.Background(), a)
	u.show("settings")
	u.settings.textSize.SetSelected("250%")
	u.settings.theme.SetSelected("High contrast")
	th := u.fa.Settings().Theme()
	if got := th.Size(theme.SizeNameText); got != 15*2.5 {
		t.Errorf("text size after choosing 250%%: %v", got)
	}
	if got := th.Color(theme.ColorNameBackground, theme.VariantLight); got != black {
		t.Errorf("high contrast background %v", got)
	}
	u.Close()
	u.a.Close()

	// A new window on the same folder starts with the same settings.
	u2, _ := newTestUI(t, dir)
	th = u2.fa.Settings().Theme()
	if got := th.Size(theme.SizeNameText); got != 15*2.5 {
		t.Errorf("text size after restart: %v", got)
	}
	if got := th.Color(theme.ColorNameForeground, theme.VariantLight); got != white {
		t.Errorf("high contrast foreground after restart %v", got)
	}
	u2.show("settings")
	if u2.settings.textSize.Selected != "250%" {
		t.Errorf("text size control shows %q", u2.settings.textSize.Selected)
	}
}

func TestLargeTextStillFits(t *testing.T) {
	u, a := newTestUI(t, filepath.Join(t.TempDir(), "d"))
	ctx := context.Background()
	demo.Fill(ctx, a)
	a.SaveSettings(ctx, app.Settings{TextScale: 250, Theme: app.ThemeLight})
	u.win.Resize(fyne.NewSize(1024, 720))
	for _, key := range []string{"home", "profile", "settings"} {
		u.show(key)
		// The screen scrolls instead of pushing the window wider than
		// the display: its minimum width stays within the window.
		if w := u.win.Content().MinSize().Width; w > 1024 {
			t.Errorf("%s at 250%% needs %v wide, more than the window", key, w)
		}
	}
	// A long reason in the status bar wraps instead of widening the window.
	u.reportSave(stateFailed, errors.New("the disk is full, so the last change could not be saved; free some space and try again (everything saved before is safe)"))
	if w := u.win.Content().MinSize().Width; w > 1024 {
		t.Errorf("a long status message at 250%% needs %v wide, more than the window", w)
	}
	if !strings.Contains(texts(u), "everything saved before is safe") {
		t.Error("the status message is not shown whole")
	}
}

func buttons(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b)
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, child := range c.Objects {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

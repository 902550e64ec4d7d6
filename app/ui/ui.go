// Package ui is OwnPlan's desktop interface, built with Fyne. It is the
// only package that imports Fyne, and it stays thin: every use case runs
// in package app, and screens redraw when the app reports a change.
package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
	"github.com/ownplan/ownplan/assets"
	"github.com/ownplan/ownplan/store"
)

// Title is the main window's title.
const Title = "OwnPlan"

// UI is the desktop app's window and its screens.
type UI struct {
	fa  fyne.App
	win fyne.Window
	a   *app.App
	ctx context.Context

	screens    []screenDef
	navButtons map[string]*widget.Button
	frameObj   fyne.CanvasObject
	body       *fyne.Container
	statusIcon *widget.Icon
	status     *widget.Label
	current    string
	savers     []*autosaver
	stopWatch  func()

	// saveDelay is how long after the last keystroke a form saves.
	saveDelay time.Duration

	welcome  *welcome          // the first-run screen, while it shows
	profile  *profileForm      // the About me screen, while it shows
	settings *settingsControls // the Settings screen, while it shows
}

// New makes the main window for the data folder a. It shows the welcome
// screen when the folder has no profile yet, and Home otherwise.
func New(fa fyne.App, a *app.App) *UI {
	u := &UI{
		fa:         fa,
		a:          a,
		ctx:        context.Background(),
		navButtons: map[string]*widget.Button{},
		saveDelay:  700 * time.Millisecond,
	}
	u.screens = screens()
	u.win = fa.NewWindow(Title)
	u.win.Resize(fyne.NewSize(1024, 720))
	u.win.SetMaster()
	u.applySettings()
	u.statusIcon = widget.NewIcon(theme.ConfirmIcon())
	u.status = widget.NewLabel("All changes saved")
	u.body = container.NewStack()
	for _, s := range u.screens {
		s := s
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: s.key1, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) {
				if u.current != "welcome" {
					u.show(s.key)
				}
			})
	}
	// Files dropped on the window are kept as evidence whichever screen
	// shows (not on the welcome screen, before there is a plan).
	u.win.SetOnDropped(func(p fyne.Position, uris []fyne.URI) { u.ev().dropped(p, uris) })
	u.win.SetCloseIntercept(func() {
		u.flushAll()
		u.win.Close()
	})
	u.watch()
	u.startSharing()
	if _, has, _ := a.Profile(u.ctx); has {
		u.show("home")
	} else {
		u.showWelcome()
	}
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// watch redraws the screen when data changes elsewhere (another screen,
// sync, a switch of data folder). Changes made by the screen's own
// autosave do not redraw it, so typing is never interrupted.
func (u *UI) watch() {
	u.stopWatch = u.a.Watch(func(c store.Change) {
		fyne.Do(func() { u.changed(c) })
	})
}

func (u *UI) changed(c store.Change) {
	if c.Has("settings") {
		u.applySettings()
	}
	if u.current == "home" {
		u.show("home")
	}
}

// applySettings applies the saved text size and colours.
func (u *UI) applySettings() {
	s, err := u.a.Settings(u.ctx)
	if err != nil {
		s = app.DefaultSettings
	}
	u.fa.Settings().SetTheme(newTheme(s))
}

// show switches to the screen called key, saving anything typed first.
func (u *UI) show(key string) {
	u.flushAll()
	u.savers = nil
	var def *screenDef
	for i := range u.screens {
		if u.screens[i].key == key {
			def = &u.screens[i]
		}
	}
	if def == nil {
		return
	}
	u.current = key
	if u.win.Content() != u.frame() {
		u.win.SetContent(u.frame())
	}
	content := def.build(u)
	u.body.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(content))}
	u.body.Refresh()
	for k, b := range u.navButtons {
		if k == key {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}

// frame is the window layout around the screens: navigation on the left,
// the save status at the bottom.
func (u *UI) frame() fyne.CanvasObject {
	if u.frameObj != nil {
		return u.frameObj
	}
	nav := container.NewVBox()
	for _, s := range u.screens {
		s := s
		b := widget.NewButtonWithIcon(s.label, s.icon(), func() { u.show(s.key) })
		b.Alignment = widget.ButtonAlignLeading
		u.navButtons[s.key] = b
		nav.Add(b)
	}
	// The message wraps: a long reason why something was not saved, at a
	// large text size, must not push the window wider than the screen.
	u.status.Wrapping = fyne.TextWrapWord
	statusBar := container.NewBorder(nil, nil, u.statusIcon, nil, u.status)
	u.frameObj = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), statusBar, u.sharingStatusBar()),
		container.NewHBox(container.NewVScroll(nav), widget.NewSeparator()), nil, u.body)
	return u.frameObj
}

// reportSave shows an autosave's progress in the status bar.
func (u *UI) reportSave(s saveState, err error) {
	u.status.Importance = widget.MediumImportance
	switch s {
	case stateSaved:
		u.statusIcon.SetResource(theme.ConfirmIcon())
		u.status.SetText("Saved")
	case stateWaiting:
		u.statusIcon.SetResource(theme.DocumentCreateIcon())
		u.status.SetText("Typing… saves in a moment")
	case stateSaving:
		u.statusIcon.SetResource(theme.ViewRefreshIcon())
		u.status.SetText("Saving…")
	case stateFailed:
		u.statusIcon.SetResource(theme.ErrorIcon())
		u.status.Importance = widget.DangerImportance
		u.status.SetText("Not saved: " + err.Error())
	}
	u.status.Refresh()
}

// newSaver makes an autosaver for the current screen.
func (u *UI) newSaver(collect func() func() error) *autosaver {
	s := newAutosaver(u.saveDelay, collect, u.reportSave)
	u.savers = append(u.savers, s)
	return s
}

// flushAll saves anything typed on the current screen and waits for it.
func (u *UI) flushAll() {
	for _, s := range u.savers {
		s.Flush()
	}
	for _, s := range u.savers {
		s.Wait()
	}
}

// Close saves what is pending and stops listening to the data folder.
func (u *UI) Close() {
	u.flushAll()
	u.stopSharing()
	if u.stopWatch != nil {
		u.stopWatch()
	}
}

// App returns the data folder the window shows now. It can change when
// the person opens a restored backup.
func (u *UI) App() *app.App { return u.a }

// Icon is OwnPlan's application icon as a Fyne resource.
var Icon = fyne.NewStaticResource("icon.png", assets.Icon)

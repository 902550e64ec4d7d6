package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// screenDef is one screen reachable from the navigation. Each screen's
// file registers itself with registerScreen, so adding a capability never
// means editing a central list.
type screenDef struct {
	key   string               // a short name used by Home's "Go to" buttons
	label string               // the navigation button's text
	icon  func() fyne.Resource // called when the window is built: theme icons need a running app
	order int                  // the place in the navigation, smallest first
	key1  fyne.KeyName         // Ctrl/Cmd + this key opens the screen
	build func(u *UI) fyne.CanvasObject
}

var registered []screenDef

func registerScreen(s screenDef) { registered = append(registered, s) }

// screens returns the registered screens in navigation order.
func screens() []screenDef {
	out := append([]screenDef(nil), registered...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].order < out[j].order })
	return out
}

// The navigation order and shortcuts: Home 1, About me 2, My plan 3,
// Assessment 4, Budget 5, Evidence 6, Sharing 7, Settings 9.
func init() {
	registerScreen(screenDef{key: "home", label: "Home", icon: theme.HomeIcon, order: 10, key1: fyne.Key1, build: (*UI).homeScreen})
	registerScreen(screenDef{key: "profile", label: "About me", icon: theme.AccountIcon, order: 20, key1: fyne.Key2, build: (*UI).profileScreen})
	registerScreen(screenDef{key: "settings", label: "Settings", icon: theme.SettingsIcon, order: 90, key1: fyne.Key9, build: (*UI).settingsScreen})
}

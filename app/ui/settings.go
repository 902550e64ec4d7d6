package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
)

// textSizes are the text sizes offered, in percent.
var textSizes = []int{100, 125, 150, 175, 200, 250, 300}

// themeChoices pairs each theme with its plain-English name.
var themeChoices = []struct {
	theme app.Theme
	label string
}{
	{app.ThemeSystem, "Same as my computer"},
	{app.ThemeLight, "Light"},
	{app.ThemeDark, "Dark"},
	{app.ThemeHighContrast, "High contrast"},
}

// settingsControls holds the Settings screen's controls, for tests.
type settingsControls struct {
	textSize *widget.Select
	theme    *widget.RadioGroup
	backup   *widget.Button
}

// settingsScreen is where the person sets text size and colours, finds
// their data, and makes or restores a backup.
func (u *UI) settingsScreen() fyne.CanvasObject {
	s, _ := u.a.Settings(u.ctx)
	c := &settingsControls{}
	u.settings = c
	var sizeLabels []string
	for _, n := range textSizes {
		sizeLabels = append(sizeLabels, fmt.Sprintf("%d%%", n))
	}
	c.textSize = widget.NewSelect(sizeLabels, func(v string) {
		n, err := strconv.Atoi(strings.TrimSuffix(v, "%"))
		if err != nil {
			return
		}
		cur, _ := u.a.Settings(u.ctx)
		cur.TextScale = n
		u.saveSettings(cur)
	})
	c.textSize.SetSelected(fmt.Sprintf("%d%%", s.TextScale))
	var themeLabels []string
	for _, t := range themeChoices {
		themeLabels = append(themeLabels, t.label)
	}
	c.theme = widget.NewRadioGroup(themeLabels, func(v string) {
		for _, t := range themeChoices {
			if t.label == v {
				cur, _ := u.a.Settings(u.ctx)
				cur.Theme = t.theme
				u.saveSettings(cur)
			}
		}
	})
	c.theme.Required = true
	for _, t := range themeChoices {
		if t.theme == s.Theme {
			c.theme.SetSelected(t.label)
		}
	}
	c.backup = button("Make a backup…", theme.DocumentSaveIcon(), true, u.makeBackup)
	openFolder := button("Open the folder", theme.FolderOpenIcon(), false, func() {
		if err := u.fa.OpenURL(&url.URL{Scheme: "file", Path: u.a.Dir()}); err != nil {
			dialog.ShowError(fmt.Errorf("could not open the folder: %w", err), u.win)
		}
	})
	restore := button("Restore a backup…", theme.HistoryIcon(), false, u.restoreElsewhere)
	return container.NewVBox(
		heading("Settings"),
		subheading("Text size"),
		para("Makes all text and buttons bigger. Screens scroll when they no longer fit."),
		c.textSize,
		subheading("Colours"),
		para("High contrast shows white and yellow on black, with thicker lines around boxes."),
		c.theme,
		widget.NewSeparator(),
		subheading("Where my data is"),
		para("Everything you write is kept in this folder on this computer, readable only by your account:"),
		dirLabel(u.a.Dir()),
		container.NewHBox(openFolder),
		widget.NewSeparator(),
		subheading("Backup"),
		para("A backup is one file with everything in it. Save it to a memory stick or another computer, "+
			"so nothing is lost if this computer breaks or is stolen."),
		container.NewHBox(c.backup),
		para("Restoring puts a backup into a new, empty folder, so nothing you have now is overwritten."),
		container.NewHBox(restore),
		widget.NewSeparator(),
		subheading("Keyboard"),
		para("Tab and Shift+Tab move between controls; Space or Enter presses a button. "+
			"Ctrl+1 goes to Home, Ctrl+2 to About me and Ctrl+9 to Settings (Cmd on a Mac)."),
	)
}

func (u *UI) saveSettings(s app.Settings) {
	if err := u.a.SaveSettings(u.ctx, s); err != nil {
		u.reportSave(stateFailed, err)
		return
	}
	u.reportSave(stateSaved, nil)
}

// makeBackup asks where to save a backup and writes it there.
func (u *UI) makeBackup() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.HasSuffix(path, app.BackupExt) {
			path += app.BackupExt
		}
		u.reportSave(stateSaving, nil)
		go func() {
			err := u.a.Backup(u.ctx, path)
			fyne.Do(func() {
				if err != nil {
					u.reportSave(stateFailed, err)
					dialog.ShowError(err, u.win)
					return
				}
				u.reportSave(stateSaved, nil)
				dialog.ShowInformation("Backup saved", "Everything is saved in:\n"+path+
					"\n\nKeep it somewhere safe, away from this computer.", u.win)
			})
		}()
	}, u.win)
	d.SetFileName("OwnPlan backup " + time.Now().Format("2006-01-02") + app.BackupExt)
	d.Resize(fyne.NewSize(800, 600))
	d.Show()
}

// restoreElsewhere restores a backup into a new, empty folder and offers
// to open it.
func (u *UI) restoreElsewhere() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		from := r.URI().Path()
		r.Close()
		pick := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			target := filepath.Join(dir.Path(), "OwnPlan restored "+time.Now().Format("2006-01-02 150405"))
			if err := app.Restore(u.ctx, from, target); err != nil {
				dialog.ShowError(err, u.win)
				return
			}
			dialog.ShowConfirm("Backup restored",
				"The backup is now in:\n"+target+"\n\nOpen it now? (To use it every time, start OwnPlan with --data and that folder.)",
				func(ok bool) {
					if ok {
						u.switchTo(target)
					}
				}, u.win)
		}, u.win)
		if home, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.a.Dir()))); err == nil {
			pick.SetLocation(home)
		}
		pick.Resize(fyne.NewSize(800, 600))
		pick.Show()
	}, u.win)
	open.Resize(fyne.NewSize(800, 600))
	open.Show()
}

// switchTo closes the current data folder and opens dir in its place.
func (u *UI) switchTo(dir string) {
	next, err := app.OpenExisting(u.ctx, dir)
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
	u.flushAll()
	u.stopWatch()
	u.a.Close()
	u.a = next
	u.watch()
	u.applySettings()
	u.show("home")
}

// dirLabel shows a folder's path, breaking it anywhere when it is too long.
func dirLabel(dir string) *widget.Label {
	l := widget.NewLabelWithStyle(dir, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	l.Wrapping = fyne.TextWrapBreak
	return l
}

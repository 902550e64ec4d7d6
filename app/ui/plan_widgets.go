package ui

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ownplan/ownplan/app"
)

// textBox is an Entry that scrolls into view when focused and, when it
// has several lines, lets Tab move to the next control.
type textBox struct {
	widget.Entry
	u *UI
}

// newTextBox makes a one-line text box, or a wrapping multi-line one
// showing rows lines when rows > 1.
func (u *UI) newTextBox(text, placeholder string, rows int) *textBox {
	e := &textBox{u: u}
	e.ExtendBaseWidget(e)
	if rows > 1 {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(rows)
	}
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

// AcceptsTab is false so that Tab and Shift+Tab always move the focus.
func (e *textBox) AcceptsTab() bool { return false }

// TypedShortcut passes the window's own shortcuts (Ctrl+1 to go Home and
// so on) to the window, so they work while the person is typing, and
// the rest (copy, paste, undo) to the text box. Pasting is checked first
// (see checkedPaste), whether by keyboard or the right-click menu.
func (e *textBox) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *desktop.CustomShortcut:
		if sc, ok := e.u.win.Canvas().(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
			return
		}
	case *fyne.ShortcutPaste:
		p, ok := e.checkedPaste(s)
		if !ok {
			return
		}
		e.Entry.TypedShortcut(p)
		return
	}
	e.Entry.TypedShortcut(s)
}

// checkedPaste makes sure what is pasted can be saved, so nothing typed
// after a paste is lost to a save that keeps failing: hidden NUL
// characters (which some programs put on the clipboard) are left out,
// and a paste that would make the text longer than one part can hold is
// refused, with the reason in the status bar, leaving the text as it was.
func (e *textBox) checkedPaste(p *fyne.ShortcutPaste) (*fyne.ShortcutPaste, bool) {
	if p.Clipboard == nil {
		return p, true
	}
	text := p.Clipboard.Content()
	clean := strings.ReplaceAll(text, "\x00", "")
	if size := len(e.Text) - len(e.SelectedText()) + len(clean); size > app.MaxPlanText {
		e.u.statusIcon.SetResource(theme.ErrorIcon())
		e.u.status.Importance = widget.DangerImportance
		// Short, so the status bar fits the window even at 250% text.
		e.u.status.SetText(fmt.Sprintf("Not pasted: %s is too long (1 MB at most)", sizeText(size)))
		e.u.status.Refresh()
		return nil, false
	}
	if clean == text {
		return p, true
	}
	return &fyne.ShortcutPaste{Clipboard: pasteText{p.Clipboard, clean}}, true
}

// pasteText is a clipboard whose content has been cleaned for pasting.
type pasteText struct {
	fyne.Clipboard
	text string
}

func (c pasteText) Content() string { return c.text }

// sizeText writes a number of bytes as "5.0 MB" or "300 KB".
func sizeText(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}

// FocusGained scrolls the box into view.
func (e *textBox) FocusGained() {
	e.Entry.FocusGained()
	e.u.reveal(e)
}

// TypedRune types r, unless it is the space of a Space key press that
// has just pressed a button or opened a part and so moved the focus here
// (see spacePressed): that key was meant for the button, not the text.
func (e *textBox) TypedRune(r rune) {
	if r == ' ' && e.u.takeStraySpace() {
		return
	}
	e.Entry.TypedRune(r)
}

// The desktop driver delivers a key press as a key event and then, for
// keys that type something, a character event, both before anything
// queued with fyne.Do runs. When Space presses a button or opens a row
// that moves the focus to a text box, the character event would type a
// space into that box. spacePressed notes the press; takeStraySpace
// lets the box drop that one space; and the note is cleared as soon as
// the driver has delivered the press, so no space typed afterwards is
// ever lost. (The test driver runs fyne.Do at once, so it clears the
// note straight away.)
var straySpaces sync.Map // *UI -> *atomic.Bool

// afterKeyPress runs f once the key press being handled has been fully
// delivered; tests replace it to deliver a character event first.
var afterKeyPress = fyne.Do

func (u *UI) straySpace() *atomic.Bool {
	v, _ := straySpaces.LoadOrStore(u, new(atomic.Bool))
	return v.(*atomic.Bool)
}

// spacePressed notes that Space has just activated a control.
func (u *UI) spacePressed() {
	f := u.straySpace()
	f.Store(true)
	afterKeyPress(func() { f.Store(false) })
}

// takeStraySpace reports, once, whether a space arriving now belongs to
// the Space key press that activated a control.
func (u *UI) takeStraySpace() bool { return u.straySpace().CompareAndSwap(true, false) }

// pushButton is a Button that scrolls into view when focused.
type pushButton struct {
	widget.Button
	u *UI
}

func (u *UI) newButton(label string, icon fyne.Resource, important bool, tapped func()) *pushButton {
	b := &pushButton{u: u}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	if important {
		b.Importance = widget.HighImportance
	}
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained scrolls the button into view.
func (b *pushButton) FocusGained() {
	b.Button.FocusGained()
	b.u.reveal(b)
}

// TypedKey presses the button with Space, noting the press so that its
// space is not typed into a box the button moves the focus to.
func (b *pushButton) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeySpace {
		b.u.spacePressed()
	}
	b.Button.TypedKey(e)
}

// chooser is a Select that scrolls into view when focused. Left and
// Right change the choice; Space opens the list.
type chooser struct {
	widget.Select
	u *UI
}

func (u *UI) newChooser(options []string, placeholder string, changed func(string)) *chooser {
	s := &chooser{u: u}
	s.Options, s.PlaceHolder, s.OnChanged = options, placeholder, changed
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained scrolls the chooser into view.
func (s *chooser) FocusGained() {
	s.Select.FocusGained()
	s.u.reveal(s)
}

// rowList links rows so that Up and Down move between them.
func rowList(u *UI, rows []*optionRow) {
	for i, r := range rows {
		i := i
		r.onMove = func(_ *optionRow, by int) {
			j := i + by
			if j >= 0 && j < len(rows) {
				u.win.Canvas().Focus(rows[j])
			}
		}
	}
}

// boldLabel is a short bold heading that wraps, so it never makes the
// screen wider than the window at a large text size.
func boldLabel(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// bullet is one point of a short list.
func bullet(text string) fyne.CanvasObject { return para("• " + text) }

// note is a paragraph of secondary text, in italics rather than a
// faint colour so that it stays easy to read.
func note(text string) *widget.Label {
	l := para(text)
	l.TextStyle.Italic = true
	return l
}

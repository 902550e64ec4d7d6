package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/ownplan/ownplan/app"
)

// ownTheme is Fyne's default theme with OwnPlan's text size and colour
// scheme applied: every size (text, padding, icons, inputs) grows with the
// text size, so larger text never overflows its controls.
type ownTheme struct {
	base  fyne.Theme
	scale float32
	mode  app.Theme
}

func newTheme(s app.Settings) *ownTheme {
	return &ownTheme{base: theme.DefaultTheme(), scale: float32(s.TextScale) / 100, mode: s.Theme}
}

// Color returns the colour for n, forcing light or dark when the person
// chose one, and a black, white and yellow palette for high contrast.
func (t *ownTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.mode {
	case app.ThemeLight:
		v = theme.VariantLight
	case app.ThemeDark:
		v = theme.VariantDark
	case app.ThemeHighContrast:
		if c, ok := highContrast[n]; ok {
			return c
		}
		v = theme.VariantDark
	}
	if n == theme.ColorNameFocus {
		// Fyne's default focus colour is faint; a person using the keyboard
		// must always see where they are.
		// Buttons blend it over their background, so it is translucent:
		// the label must stay readable on a focused button.
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x7c, G: 0xc4, B: 0xff, A: 0x70}
		}
		return color.NRGBA{R: 0x00, G: 0x4f, B: 0xb3, A: 0x50}
	}
	return t.base.Color(n, v)
}

var (
	black  = color.NRGBA{A: 0xff}
	white  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	yellow = color.NRGBA{R: 0xff, G: 0xe6, B: 0x00, A: 0xff}
)

// highContrast is a palette with at least 15:1 contrast for text.
var highContrast = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:          black,
	theme.ColorNameOverlayBackground:   black,
	theme.ColorNameMenuBackground:      black,
	theme.ColorNameForeground:          white,
	theme.ColorNameForegroundOnPrimary: black,
	theme.ColorNameForegroundOnError:   black,
	theme.ColorNameForegroundOnSuccess: black,
	theme.ColorNameForegroundOnWarning: black,
	theme.ColorNamePrimary:             yellow,
	theme.ColorNameFocus:               color.NRGBA{R: 0xff, G: 0xe6, B: 0x00, A: 0x80},
	theme.ColorNameHover:               color.NRGBA{R: 0x33, G: 0x33, B: 0x00, A: 0xff},
	theme.ColorNamePressed:             color.NRGBA{R: 0x66, G: 0x66, B: 0x00, A: 0xff},
	theme.ColorNameSelection:           color.NRGBA{R: 0x55, G: 0x55, B: 0x00, A: 0xff},
	theme.ColorNameButton:              color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff},
	theme.ColorNameDisabledButton:      color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff},
	theme.ColorNameDisabled:            color.NRGBA{R: 0xbb, G: 0xbb, B: 0xbb, A: 0xff},
	// A box a shade off black, so drop-down lists, which have no border,
	// still show where they are; white on it is over 17:1.
	theme.ColorNameInputBackground:  color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff},
	theme.ColorNameInputBorder:      white,
	theme.ColorNamePlaceHolder:      color.NRGBA{R: 0xcc, G: 0xcc, B: 0xcc, A: 0xff},
	theme.ColorNameSeparator:        white,
	theme.ColorNameShadow:           color.NRGBA{A: 0x00},
	theme.ColorNameScrollBar:        white,
	theme.ColorNameHeaderBackground: black,
	theme.ColorNameError:            color.NRGBA{R: 0xff, G: 0x8c, B: 0x8c, A: 0xff},
	theme.ColorNameSuccess:          color.NRGBA{R: 0x7d, G: 0xff, B: 0x8a, A: 0xff},
	theme.ColorNameWarning:          yellow,
	theme.ColorNameHyperlink:        yellow,
}

// Font returns Fyne's bundled Noto Sans, which covers the accents in Irish,
// Polish and other names.
func (t *ownTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns Fyne's icons.
func (t *ownTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size scales every size by the person's text size, and makes text a
// little larger than Fyne's default even at 100%.
func (t *ownTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText:
		s = 15
	case theme.SizeNameSeparatorThickness, theme.SizeNameInputBorder:
		if t.mode == app.ThemeHighContrast {
			s *= 2
		}
		return s
	}
	return s * t.scale
}

package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/ownplan/ownplan/app"
)

// contrast is the WCAG 2 contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	l1, l2 := lum(a), lum(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

func TestHighContrastPalette(t *testing.T) {
	th := newTheme(app.Settings{TextScale: 100, Theme: app.ThemeHighContrast})
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
	for _, tc := range []struct {
		name   string
		fg, bg fyne.ThemeColorName
		min    float64
	}{
		{"text on the page", theme.ColorNameForeground, theme.ColorNameBackground, 15},
		{"text in a box", theme.ColorNameForeground, theme.ColorNameInputBackground, 15},
		{"text on a button", theme.ColorNameForeground, theme.ColorNameButton, 15},
		{"hints in a box", theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, 7},
		{"text on a main button", theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, 15},
		{"box border on the page", theme.ColorNameInputBorder, theme.ColorNameBackground, 15},
		{"links", theme.ColorNameHyperlink, theme.ColorNameBackground, 15},
		{"errors", theme.ColorNameError, theme.ColorNameBackground, 7},
	} {
		if got := contrast(c(tc.fg), c(tc.bg)); got < tc.min {
			t.Errorf("%s: contrast %.1f:1, want at least %.0f:1", tc.name, got, tc.min)
		}
	}
	// Drop-down lists have no border: their box must differ from the page.
	if c(theme.ColorNameInputBackground) == c(theme.ColorNameBackground) {
		t.Error("boxes are the colour of the page, so drop-down lists cannot be seen")
	}
}

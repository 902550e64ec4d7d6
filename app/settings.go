package app

import (
	"context"
	"fmt"
	"strconv"
)

// Theme names the app's colour schemes.
type Theme string

// The themes a person can choose.
const (
	ThemeSystem       Theme = "system"
	ThemeLight        Theme = "light"
	ThemeDark         Theme = "dark"
	ThemeHighContrast Theme = "high-contrast"
)

// Text size limits, as a percentage of the normal size.
const (
	MinTextScale = 100
	MaxTextScale = 300
)

// Settings are this computer's display preferences.
type Settings struct {
	TextScale int   // percent of normal text size, 100 to 300
	Theme     Theme // system, light, dark or high-contrast
}

// DefaultSettings are used until the person changes anything.
var DefaultSettings = Settings{TextScale: 100, Theme: ThemeSystem}

// Validate checks s and explains what is wrong in plain words.
func (s Settings) Validate() error {
	if s.TextScale < MinTextScale || s.TextScale > MaxTextScale {
		return fmt.Errorf("text size must be between %d%% and %d%%", MinTextScale, MaxTextScale)
	}
	switch s.Theme {
	case ThemeSystem, ThemeLight, ThemeDark, ThemeHighContrast:
		return nil
	}
	return fmt.Errorf("theme must be one of system, light, dark or high-contrast, not %q", s.Theme)
}

// Settings returns the saved display preferences.
func (a *App) Settings(ctx context.Context) (Settings, error) {
	s := DefaultSettings
	st := a.store()
	v, err := st.Setting(ctx, "text_scale", "")
	if err != nil {
		return s, err
	}
	if n, err := strconv.Atoi(v); err == nil && n >= MinTextScale && n <= MaxTextScale {
		s.TextScale = n
	}
	v, err = st.Setting(ctx, "theme", "")
	if err != nil {
		return s, err
	}
	if t := Theme(v); (Settings{TextScale: 100, Theme: t}).Validate() == nil {
		s.Theme = t
	}
	return s, nil
}

// SaveSettings saves display preferences after checking them.
func (a *App) SaveSettings(ctx context.Context, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	st := a.store()
	if err := st.SetSetting(ctx, "text_scale", strconv.Itoa(s.TextScale)); err != nil {
		return err
	}
	return st.SetSetting(ctx, "theme", string(s.Theme))
}

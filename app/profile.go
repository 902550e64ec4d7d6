package app

import (
	"context"

	"github.com/ownplan/ownplan/store"
)

// Profile returns the person's profile, and false before one is made.
func (a *App) Profile(ctx context.Context) (store.Profile, bool, error) {
	return a.store().Profile(ctx)
}

// SaveProfile saves the person's profile. Only changed fields are written.
func (a *App) SaveProfile(ctx context.Context, p store.Profile) error {
	return a.store().SaveProfile(ctx, p)
}

// SetProfileField changes one field of the profile from text, checking
// the value (an NHS number's check digit, a date's form).
func (a *App) SetProfileField(ctx context.Context, key, value string) error {
	p, _, err := a.Profile(ctx)
	if err != nil {
		return err
	}
	if err := p.Set(key, value); err != nil {
		return err
	}
	return a.SaveProfile(ctx, p)
}

// People returns the people who matter to the person.
func (a *App) People(ctx context.Context) ([]store.Person, error) {
	return a.store().People(ctx)
}

// SavePerson adds or updates someone who matters and returns their ID.
func (a *App) SavePerson(ctx context.Context, p store.Person) (string, error) {
	return a.store().SavePerson(ctx, p)
}

// DeletePerson removes someone; UndeletePerson brings them back.
func (a *App) DeletePerson(ctx context.Context, id string) error {
	return a.store().DeletePerson(ctx, id)
}

// UndeletePerson undoes DeletePerson.
func (a *App) UndeletePerson(ctx context.Context, id string) error {
	return a.store().RestorePerson(ctx, id)
}

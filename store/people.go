package store

import (
	"context"
	"fmt"
	"strings"
)

// Person is someone who matters in the person's life: family, friends, a
// personal assistant, an advocate, a social worker.
type Person struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Relationship string `json:"relationship"`
	Contact      string `json:"contact"`
	Notes        string `json:"notes"`
}

// People returns the people who matter, in the order they were added.
func (s *Store) People(ctx context.Context) ([]Person, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, name, relationship, contact, notes FROM people WHERE deleted = 0 ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read people: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []Person
	for rows.Next() {
		var p Person
		if err := rows.Scan(&p.ID, &p.Name, &p.Relationship, &p.Contact, &p.Notes); err != nil {
			return nil, fmt.Errorf("read people: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SavePerson adds p (when p.ID is empty) or saves its changed fields, and
// returns its ID.
func (s *Store) SavePerson(ctx context.Context, p Person) (string, error) {
	if strings.TrimSpace(p.Name) == "" {
		return "", fmt.Errorf("save person: please give their name")
	}
	if p.ID == "" {
		p.ID = NewID()
	}
	err := s.update(ctx, func(t *Tx) error {
		for _, f := range []struct{ k, v string }{
			{"name", p.Name}, {"relationship", p.Relationship}, {"contact", p.Contact}, {"notes", p.Notes},
		} {
			if err := t.set("people", p.ID, f.k, strings.TrimSpace(f.v)); err != nil {
				return fmt.Errorf("save person: %w", err)
			}
		}
		return nil
	})
	return p.ID, err
}

// DeletePerson removes a person. The tombstone syncs; RestorePerson undoes it.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove("people", id); err != nil {
			return fmt.Errorf("delete person %s: %w", id, err)
		}
		return nil
	})
}

// RestorePerson brings back a deleted person (undo).
func (s *Store) RestorePerson(ctx context.Context, id string) error {
	return s.update(ctx, func(t *Tx) error {
		return t.set("people", id, "deleted", int64(0))
	})
}

package store

import (
	"context"
	"database/sql"
	"fmt"
)

// DiaryEntry is one note in the needs diary: what happened with one
// eligibility outcome on one day.
type DiaryEntry struct {
	ID      string `json:"id"`
	Date    Date   `json:"date"`
	Outcome string `json:"outcome"` // the outcome's key
	What    string `json:"what"`    // what happened
	// Minutes is how long someone helped; 0 if no one did or not known.
	Minutes int `json:"minutes"`
	// NeededHelp records that help was needed even if the minutes are
	// not known.
	NeededHelp bool   `json:"needed_help"`
	Felt       string `json:"felt"` // how I felt
	BadDay     bool   `json:"bad_day"`
}

// DiaryEntries returns the entries dated from from to to, both included,
// in date order; a zero from or to leaves that end open.
func (s *Store) DiaryEntries(ctx context.Context, from, to Date) ([]DiaryEntry, error) {
	var out []DiaryEntry
	err := s.planRows(ctx, "diary_entries", `SELECT id, date, outcome, what, minutes, needed_help, felt, bad_day
		FROM diary_entries WHERE deleted = 0 AND (? = '' OR date >= ?) AND (? = '' OR date <= ?)
		ORDER BY date, id`,
		func(r *sql.Rows) error {
			var e DiaryEntry
			var date string
			if err := r.Scan(&e.ID, &date, &e.Outcome, &e.What, &e.Minutes, &e.NeededHelp, &e.Felt, &e.BadDay); err != nil {
				return err
			}
			e.Date, _ = ParseDate(date)
			out = append(out, e)
			return nil
		}, from.String(), from.String(), to.String(), to.String())
	return out, err
}

// DiaryEntry returns the entry id, or ErrNotFound.
func (s *Store) DiaryEntry(ctx context.Context, id string) (DiaryEntry, error) {
	e := DiaryEntry{ID: id}
	var date string
	err := s.db.QueryRowContext(ctx, `SELECT date, outcome, what, minutes, needed_help, felt, bad_day
		FROM diary_entries WHERE id = ? AND deleted = 0`, id).
		Scan(&date, &e.Outcome, &e.What, &e.Minutes, &e.NeededHelp, &e.Felt, &e.BadDay)
	if err == sql.ErrNoRows {
		return DiaryEntry{}, fmt.Errorf("diary entry %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return DiaryEntry{}, fmt.Errorf("read diary entry %s: %w", id, plainDBError(err))
	}
	e.Date, _ = ParseDate(date)
	return e, nil
}

// SaveDiaryEntry adds e (when e.ID is empty) or saves its changed fields,
// and returns its ID.
func (s *Store) SaveDiaryEntry(ctx context.Context, e DiaryEntry) (string, error) {
	return s.savePlanItem(ctx, "diary_entries", e.ID, []planField{
		{"date", e.Date}, {"outcome", e.Outcome}, {"what", e.What}, {"minutes", e.Minutes},
		{"needed_help", e.NeededHelp}, {"felt", e.Felt}, {"bad_day", e.BadDay},
	})
}

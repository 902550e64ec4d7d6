package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Setting returns this computer's setting key, or def when it is not set.
// Settings (text size, theme) are local: they are kept in backups but
// never synced.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return def, nil
	}
	if err != nil {
		return def, fmt.Errorf("read setting %s: %w", key, plainDBError(err))
	}
	return v, nil
}

// SetSetting saves this computer's setting key.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, plainDBError(err))
	}
	s.notify(Change{Tables: []string{"settings"}})
	return nil
}

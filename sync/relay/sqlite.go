package relay

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// SQLite is Storage in one SQLite file.
type SQLite struct {
	db *sql.DB
}

const sqliteSchema = `
CREATE TABLE IF NOT EXISTS circles (
	circle  TEXT PRIMARY KEY,
	owner   TEXT NOT NULL,
	created INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS devices (
	circle  TEXT NOT NULL,
	device  TEXT NOT NULL,
	key     BLOB NOT NULL,
	owner   INTEGER NOT NULL DEFAULT 0,
	revoked INTEGER NOT NULL DEFAULT 0,
	added   INTEGER NOT NULL,
	PRIMARY KEY (circle, device)
) STRICT;
CREATE TABLE IF NOT EXISTS messages (
	circle  TEXT NOT NULL,
	seq     INTEGER NOT NULL,
	sender  TEXT NOT NULL,
	ref     TEXT NOT NULL DEFAULT '',
	body    BLOB NOT NULL,
	created INTEGER NOT NULL,
	PRIMARY KEY (circle, seq)
) STRICT;
CREATE UNIQUE INDEX IF NOT EXISTS messages_ref ON messages (circle, sender, ref) WHERE ref <> '';
CREATE TABLE IF NOT EXISTS invites (
	lookup    TEXT PRIMARY KEY,
	circle    TEXT NOT NULL,
	verifier  BLOB NOT NULL,
	body      BLOB NOT NULL,
	created   INTEGER NOT NULL,
	expires   INTEGER NOT NULL,
	used_by   TEXT NOT NULL DEFAULT '',
	cancelled INTEGER NOT NULL DEFAULT 0
) STRICT;
`

// OpenSQLite opens (creating when new) the relay database at path.
func OpenSQLite(ctx context.Context, path string) (*SQLite, error) {
	if f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600); err == nil {
		f.Close()
	} else {
		return nil, fmt.Errorf("open relay database %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open relay database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	for _, q := range []string{"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA wal_autocheckpoint=16384", sqliteSchema} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			db.Close()
			return nil, fmt.Errorf("open relay database %s: %w", path, err)
		}
	}
	return &SQLite{db: db}, nil
}

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// CreateCircle implements Storage.
func (s *SQLite) CreateCircle(ctx context.Context, circle, device string, key []byte, now time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	r, err := tx.ExecContext(ctx, `INSERT INTO circles (circle, owner, created) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		circle, device, now.UnixMilli())
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return ErrExists
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO devices (circle, device, key, owner, added) VALUES (?, ?, ?, 1, ?)`,
		circle, device, key, now.UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}

// Device implements Storage.
func (s *SQLite) Device(ctx context.Context, circle, device string) (Device, error) {
	d := Device{Circle: circle, ID: device}
	err := s.db.QueryRowContext(ctx, `SELECT key, owner, revoked FROM devices WHERE circle = ? AND device = ?`, circle, device).
		Scan(&d.Key, &d.Owner, &d.Revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return Device{}, ErrNotFound
	}
	return d, err
}

// RevokeDevice implements Storage.
func (s *SQLite) RevokeDevice(ctx context.Context, circle, device string) error {
	r, err := s.db.ExecContext(ctx, `UPDATE devices SET revoked = 1 WHERE circle = ? AND device = ? AND owner = 0`, circle, device)
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Append implements Storage.
func (s *SQLite) Append(ctx context.Context, circle, sender, ref string, body []byte, now time.Time) (int64, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var seq int64
	if ref != "" {
		err := tx.QueryRowContext(ctx, `SELECT seq FROM messages WHERE circle = ? AND sender = ? AND ref = ?`, circle, sender, ref).Scan(&seq)
		if err == nil {
			return seq, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM messages WHERE circle = ?`, circle).Scan(&seq); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO messages (circle, seq, sender, ref, body, created) VALUES (?, ?, ?, ?, ?, ?)`,
		circle, seq, sender, ref, body, now.UnixMilli()); err != nil {
		return 0, err
	}
	return seq, tx.Commit()
}

// Read implements Storage.
func (s *SQLite) Read(ctx context.Context, circle string, after int64, limit, maxBytes int) ([]Message, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT seq, sender, body, created FROM messages WHERE circle = ? AND seq > ? ORDER BY seq LIMIT ?`, circle, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Message
	size := 0
	for rows.Next() {
		var m Message
		var ms int64
		if err := rows.Scan(&m.Seq, &m.Sender, &m.Body, &ms); err != nil {
			return nil, err
		}
		m.Time = time.UnixMilli(ms)
		out = append(out, m)
		if size += len(m.Body); size >= maxBytes {
			break
		}
	}
	return out, rows.Err()
}

// LastSeq implements Storage.
func (s *SQLite) LastSeq(ctx context.Context, circle string) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM messages WHERE circle = ?`, circle).Scan(&n)
	return n, err
}

// PutInvite implements Storage.
func (s *SQLite) PutInvite(ctx context.Context, inv Invite) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO invites (lookup, circle, verifier, body, created, expires) VALUES (?, ?, ?, ?, ?, ?)`,
		inv.Lookup, inv.Circle, inv.Verifier, inv.Body, inv.Created.UnixMilli(), inv.Expires.UnixMilli())
	return err
}

// Invite implements Storage.
func (s *SQLite) Invite(ctx context.Context, lookup string) (Invite, error) {
	return scanInvite(s.db.QueryRowContext(ctx,
		`SELECT lookup, circle, verifier, body, created, expires, used_by, cancelled FROM invites WHERE lookup = ?`, lookup))
}

func scanInvite(row *sql.Row) (Invite, error) {
	var inv Invite
	var created, expires int64
	err := row.Scan(&inv.Lookup, &inv.Circle, &inv.Verifier, &inv.Body, &created, &expires, &inv.UsedBy, &inv.Cancelled)
	if errors.Is(err, sql.ErrNoRows) {
		return Invite{}, ErrNotFound
	}
	inv.Created, inv.Expires = time.UnixMilli(created), time.UnixMilli(expires)
	return inv, err
}

// inviteState says why an invite cannot be used, or nil.
func inviteState(inv Invite, now time.Time) error {
	switch {
	case inv.Cancelled:
		return ErrInviteCancelled
	case inv.UsedBy != "":
		return ErrInviteUsed
	case !now.Before(inv.Expires):
		return ErrInviteExpired
	}
	return nil
}

// UseInvite implements Storage.
func (s *SQLite) UseInvite(ctx context.Context, lookup, device string, key []byte, now time.Time) (Invite, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Invite{}, err
	}
	defer tx.Rollback()
	inv, err := scanInvite(tx.QueryRowContext(ctx,
		`SELECT lookup, circle, verifier, body, created, expires, used_by, cancelled FROM invites WHERE lookup = ?`, lookup))
	if err != nil {
		return Invite{}, err
	}
	if err := inviteState(inv, now); err != nil {
		return inv, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE invites SET used_by = ? WHERE lookup = ?`, device, lookup); err != nil {
		return Invite{}, err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO devices (circle, device, key, owner, added) VALUES (?, ?, ?, 0, ?)
		 ON CONFLICT (circle, device) DO UPDATE SET key = excluded.key, revoked = 0 WHERE devices.owner = 0`,
		inv.Circle, device, key, now.UnixMilli()); err != nil {
		return Invite{}, err
	}
	inv.UsedBy = device
	return inv, tx.Commit()
}

// CancelInvite implements Storage.
func (s *SQLite) CancelInvite(ctx context.Context, circle, lookup string) error {
	r, err := s.db.ExecContext(ctx, `UPDATE invites SET cancelled = 1 WHERE circle = ? AND lookup = ?`, circle, lookup)
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

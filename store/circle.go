package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Circle is the sharing circle this folder's plan belongs to, as this
// device knows it.
type Circle struct {
	ID        string    `json:"id"`
	Relay     string    `json:"relay"`      // the relay's websocket address
	Owner     string    `json:"owner"`      // the owner's device ID
	OwnerName string    `json:"owner_name"` // the owner's name
	OwnerSign []byte    `json:"-"`          // the owner's Ed25519 public key: the root of trust
	OwnerDH   []byte    `json:"-"`          // the owner's X25519 public key
	Role      Role      `json:"role"`       // this device's role
	Epoch     int       `json:"epoch"`      // the current key's number
	RelaySeq  int64     `json:"relay_seq"`  // the last relay message handled
	SentSeq   int64     `json:"sent_seq"`   // the last journal entry the relay stored
	LastSync  time.Time `json:"last_sync"`  // the end of the last good round
	LastError string    `json:"last_error"` // why the last round failed, if it did
	State     string    `json:"state"`      // CircleActive or CircleRemoved
	Created   time.Time `json:"created"`
}

// Circle states.
const (
	CircleActive  = "active"
	CircleRemoved = "removed" // the owner removed this device
)

// ErrNoCircle means the plan is not shared.
var ErrNoCircle = errors.New("this plan is not shared with anyone yet")

// ErrAlreadyShared means the folder already belongs to a circle.
var ErrAlreadyShared = errors.New("this plan is already shared in a circle")

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeFormat)
}

// timeFormat writes times in UTC with a fixed width, so that text order
// is time order.
const timeFormat = "2006-01-02T15:04:05.000Z07:00"

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

// Circle returns the folder's sharing circle; ErrNoCircle when there is
// none.
func (s *Store) Circle(ctx context.Context) (Circle, error) {
	var c Circle
	var role, lastSync, created string
	err := s.db.QueryRowContext(ctx,
		`SELECT circle, relay, owner, owner_name, owner_sign, owner_dh, role, epoch, relay_seq, sent_seq,
		 last_sync, last_error, state, created FROM circles ORDER BY created DESC LIMIT 1`).
		Scan(&c.ID, &c.Relay, &c.Owner, &c.OwnerName, &c.OwnerSign, &c.OwnerDH, &role, &c.Epoch, &c.RelaySeq, &c.SentSeq,
			&lastSync, &c.LastError, &c.State, &created)
	if err == sql.ErrNoRows {
		return Circle{}, ErrNoCircle
	}
	if err != nil {
		return Circle{}, fmt.Errorf("read sharing circle: %w", plainDBError(err))
	}
	c.Role = Role(role)
	c.LastSync = parseTime(lastSync)
	c.Created = parseTime(created)
	return c, nil
}

// CreateCircle records the circle this folder now belongs to, with the
// circle's keys by epoch. It refuses when the folder already has one.
func (s *Store) CreateCircle(ctx context.Context, c Circle, keys map[int][]byte) error {
	if _, err := s.Circle(ctx); err == nil {
		return ErrAlreadyShared
	}
	if c.Created.IsZero() {
		c.Created = time.Now()
	}
	if c.State == "" {
		c.State = CircleActive
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return plainDBError(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO circles (circle, relay, owner, owner_name, owner_sign, owner_dh, role, epoch, state, created)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.ID, c.Relay, c.Owner, c.OwnerName, c.OwnerSign, c.OwnerDH, string(c.Role), c.Epoch, c.State, timeText(c.Created)); err != nil {
		return fmt.Errorf("save sharing circle: %w", plainDBError(err))
	}
	for epoch, key := range keys {
		if err := addKey(ctx, tx, c.ID, epoch, key); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return plainDBError(err)
	}
	s.notify(Change{Tables: []string{"circles"}})
	return nil
}

func addKey(ctx context.Context, tx *sql.Tx, circle string, epoch int, key []byte) error {
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO circle_keys (circle, epoch, key, created) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		circle, epoch, key, timeText(time.Now())); err != nil {
		return fmt.Errorf("save circle key: %w", plainDBError(err))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE circles SET epoch = max(epoch, ?) WHERE circle = ?`, epoch, circle); err != nil {
		return fmt.Errorf("save circle key: %w", plainDBError(err))
	}
	return nil
}

// AddCircleKey keeps a circle key; a key with a higher epoch than the
// current one becomes the key new changes are sealed with.
func (s *Store) AddCircleKey(ctx context.Context, circle string, epoch int, key []byte) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return plainDBError(err)
	}
	defer tx.Rollback()
	if err := addKey(ctx, tx, circle, epoch, key); err != nil {
		return err
	}
	return plainDBError(tx.Commit())
}

// CircleKeys returns every key the circle has used, by epoch.
func (s *Store) CircleKeys(ctx context.Context, circle string) (map[int][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT epoch, key FROM circle_keys WHERE circle = ?`, circle)
	if err != nil {
		return nil, fmt.Errorf("read circle keys: %w", plainDBError(err))
	}
	defer rows.Close()
	out := map[int][]byte{}
	for rows.Next() {
		var e int
		var k []byte
		if err := rows.Scan(&e, &k); err != nil {
			return nil, err
		}
		out[e] = k
	}
	return out, rows.Err()
}

// SetSentSeq records that the relay stored this device's changes up to
// journal sequence number seq.
func (s *Store) SetSentSeq(ctx context.Context, circle string, seq int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE circles SET sent_seq = max(sent_seq, ?) WHERE circle = ?`, seq, circle)
	return plainDBError(err)
}

// SetSyncResult records the end of a sync round: when it last succeeded
// (zero to leave it) and why it failed ("" when it did not).
func (s *Store) SetSyncResult(ctx context.Context, circle string, ok time.Time, problem string) error {
	q := `UPDATE circles SET last_error = ? WHERE circle = ?`
	args := []any{problem, circle}
	if !ok.IsZero() {
		q = `UPDATE circles SET last_error = ?, last_sync = ? WHERE circle = ?`
		args = []any{problem, timeText(ok), circle}
	}
	if _, err := s.db.ExecContext(ctx, q, args...); err != nil {
		return plainDBError(err)
	}
	s.notify(Change{Tables: []string{"circles"}})
	return nil
}

// SetCircleState marks the circle active or removed (this device was
// taken out of it). A removed device keeps everything it has.
func (s *Store) SetCircleState(ctx context.Context, circle, state string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE circles SET state = ? WHERE circle = ?`, state, circle); err != nil {
		return plainDBError(err)
	}
	s.notify(Change{Tables: []string{"circles"}})
	return nil
}

// SetCircleRole records this device's role as the owner's member record
// gives it.
func (s *Store) SetCircleRole(ctx context.Context, circle string, role Role) error {
	_, err := s.db.ExecContext(ctx, `UPDATE circles SET role = ? WHERE circle = ?`, string(role), circle)
	return plainDBError(err)
}

// LeaveCircle forgets the sharing circle, its keys, invites and cursors,
// keeping every record. The folder can then start or join another circle.
func (s *Store) LeaveCircle(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return plainDBError(err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM circles`, `DELETE FROM circle_keys`, `DELETE FROM invites`, `DELETE FROM sync_inbox`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return plainDBError(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return plainDBError(err)
	}
	s.notify(Change{Tables: []string{"circles"}})
	return nil
}

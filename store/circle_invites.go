package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Invite is a one-time invite code the owner made for someone. The code
// itself is not kept: Lookup (a hash of it) recognises it and ConfirmKey
// (derived from it) checks the request to join.
type Invite struct {
	ID         string    `json:"id"`
	Circle     string    `json:"circle"`
	Lookup     string    `json:"-"`
	Name       string    `json:"name"`
	Role       Role      `json:"role"`
	ConfirmKey []byte    `json:"-"`
	Created    time.Time `json:"created"`
	Expires    time.Time `json:"expires"`
	UsedBy     string    `json:"used_by,omitempty"`
	UsedAt     time.Time `json:"used_at,omitzero"`
	Cancelled  time.Time `json:"cancelled,omitzero"`
}

// Invite states.
const (
	InviteWaiting   = "waiting"
	InviteUsed      = "used"
	InviteExpired   = "expired"
	InviteCancelled = "cancelled"
)

// State says whether the invite can still be used at time now.
func (i Invite) State(now time.Time) string {
	switch {
	case !i.Cancelled.IsZero():
		return InviteCancelled
	case i.UsedBy != "":
		return InviteUsed
	case !now.Before(i.Expires):
		return InviteExpired
	}
	return InviteWaiting
}

// SaveInvite keeps a new invite.
func (s *Store) SaveInvite(ctx context.Context, i Invite) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO invites (invite, circle, lookup, name, role, confirm_key, created, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		i.ID, i.Circle, i.Lookup, i.Name, string(i.Role), i.ConfirmKey, timeText(i.Created), timeText(i.Expires))
	if err != nil {
		return fmt.Errorf("save invite: %w", plainDBError(err))
	}
	s.notify(Change{Tables: []string{"invites"}})
	return nil
}

const inviteCols = `invite, circle, lookup, name, role, confirm_key, created, expires, used_by, used_at, cancelled`

func scanInvite(scan func(...any) error) (Invite, error) {
	var i Invite
	var role, created, expires, usedAt, cancelled string
	if err := scan(&i.ID, &i.Circle, &i.Lookup, &i.Name, &role, &i.ConfirmKey, &created, &expires, &i.UsedBy, &usedAt, &cancelled); err != nil {
		return Invite{}, err
	}
	i.Role = Role(role)
	i.Created, i.Expires, i.UsedAt, i.Cancelled = parseTime(created), parseTime(expires), parseTime(usedAt), parseTime(cancelled)
	return i, nil
}

// Invites returns the circle's invites, newest first.
func (s *Store) Invites(ctx context.Context, circle string) ([]Invite, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+inviteCols+` FROM invites WHERE circle = ? ORDER BY created DESC, invite`, circle)
	if err != nil {
		return nil, fmt.Errorf("read invites: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []Invite
	for rows.Next() {
		i, err := scanInvite(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("read invites: %w", err)
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// InviteByLookup finds an invite by the hash of its code.
func (s *Store) InviteByLookup(ctx context.Context, lookup string) (Invite, bool, error) {
	i, err := scanInvite(s.db.QueryRowContext(ctx, `SELECT `+inviteCols+` FROM invites WHERE lookup = ?`, lookup).Scan)
	if err == sql.ErrNoRows {
		return Invite{}, false, nil
	}
	if err != nil {
		return Invite{}, false, fmt.Errorf("read invite: %w", plainDBError(err))
	}
	return i, true, nil
}

// FindInvite finds an invite by its ID or the start of it.
func (s *Store) FindInvite(ctx context.Context, id string) (Invite, error) {
	id = strings.ToUpper(strings.TrimSpace(id))
	if id == "" {
		return Invite{}, fmt.Errorf("give the invite's ID: %w", ErrNotFound)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+inviteCols+` FROM invites WHERE substr(invite, 1, ?) = ?`, len(id), id)
	if err != nil {
		return Invite{}, fmt.Errorf("read invite: %w", plainDBError(err))
	}
	defer rows.Close()
	var found []Invite
	for rows.Next() {
		i, err := scanInvite(rows.Scan)
		if err != nil {
			return Invite{}, err
		}
		found = append(found, i)
	}
	switch {
	case len(found) == 0:
		return Invite{}, fmt.Errorf("there is no invite %s: %w", id, ErrNotFound)
	case len(found) > 1:
		return Invite{}, fmt.Errorf("more than one invite starts with %s; give more of the ID", id)
	}
	return found[0], rows.Err()
}

// UseInvite records that device joined with the invite.
func (s *Store) UseInvite(ctx context.Context, id, device string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE invites SET used_by = ?, used_at = ? WHERE invite = ? AND used_by = ''`,
		device, timeText(at), id)
	if err != nil {
		return fmt.Errorf("save invite: %w", plainDBError(err))
	}
	s.notify(Change{Tables: []string{"invites"}})
	return nil
}

// CancelInvite stops an invite from working.
func (s *Store) CancelInvite(ctx context.Context, id string, at time.Time) error {
	_, err := s.db.ExecContext(ctx, `UPDATE invites SET cancelled = ? WHERE invite = ? AND cancelled = ''`, timeText(at), id)
	if err != nil {
		return fmt.Errorf("cancel invite: %w", plainDBError(err))
	}
	s.notify(Change{Tables: []string{"invites"}})
	return nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Member is one device in the sharing circle. The owner's device writes
// member records; they sync like any record, and every device trusts only
// the ones the owner signed.
type Member struct {
	Device   string    `json:"device"`
	Circle   string    `json:"circle"`
	Name     string    `json:"name"`
	Role     Role      `json:"role"`
	SignKey  string    `json:"sign_key"` // Ed25519 public key, base64
	DHKey    string    `json:"dh_key"`   // X25519 public key, base64
	Joined   time.Time `json:"joined"`
	LastSeen time.Time `json:"last_seen,omitzero"` // when this device last heard from it
	Removed  bool      `json:"removed,omitempty"`
}

// Members returns the circle's current members, owner first, then by name.
func (s *Store) Members(ctx context.Context, circle string) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT m.id, m.circle, m.name, m.role, m.sign_key, m.dh_key, m.joined, coalesce(v.last_seen, '')
		 FROM circle_members m LEFT JOIN member_seen v ON v.device = m.id
		 WHERE m.circle = ? AND m.deleted = 0
		 ORDER BY m.role <> 'owner', m.name, m.id`, circle)
	if err != nil {
		return nil, fmt.Errorf("read circle members: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		m, err := scanMember(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("read circle members: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func scanMember(scan func(...any) error, extra ...any) (Member, error) {
	var m Member
	var role, joined, seen string
	dest := append([]any{&m.Device, &m.Circle, &m.Name, &role, &m.SignKey, &m.DHKey, &joined, &seen}, extra...)
	if err := scan(dest...); err != nil {
		return Member{}, err
	}
	m.Role = Role(role)
	m.Joined = parseTime(joined)
	m.LastSeen = parseTime(seen)
	return m, nil
}

// Member returns the member record of device, including a removed one;
// false when there is none.
func (s *Store) Member(ctx context.Context, device string) (Member, bool, error) {
	var deleted int64
	row := s.db.QueryRowContext(ctx,
		`SELECT m.id, m.circle, m.name, m.role, m.sign_key, m.dh_key, m.joined, coalesce(v.last_seen, ''), m.deleted
		 FROM circle_members m LEFT JOIN member_seen v ON v.device = m.id WHERE m.id = ?`, device)
	m, err := scanMember(row.Scan, &deleted)
	if err == sql.ErrNoRows {
		return Member{}, false, nil
	}
	if err != nil {
		return Member{}, false, fmt.Errorf("read circle member: %w", plainDBError(err))
	}
	m.Removed = deleted != 0
	return m, true, nil
}

// SaveMember adds or changes a member record. Only the owner's device may:
// on any other device the role check refuses it.
func (s *Store) SaveMember(ctx context.Context, m Member) error {
	return s.update(ctx, func(t *Tx) error {
		for _, f := range []struct {
			k string
			v any
		}{
			{"circle", m.Circle}, {"name", m.Name}, {"role", string(m.Role)},
			{"sign_key", m.SignKey}, {"dh_key", m.DHKey}, {"joined", timeText(m.Joined)}, {"deleted", int64(0)},
		} {
			if err := t.set(MembersTable, m.Device, f.k, f.v); err != nil {
				return fmt.Errorf("save member: %w", err)
			}
		}
		return nil
	})
}

// SetMemberRole changes a member's role (owner only).
func (s *Store) SetMemberRole(ctx context.Context, device string, role Role) error {
	return s.update(ctx, func(t *Tx) error {
		return t.set(MembersTable, device, "role", string(role))
	})
}

// RemoveMember takes a member out of the circle (owner only). The
// tombstone syncs, so every device stops accepting their changes.
func (s *Store) RemoveMember(ctx context.Context, device string) error {
	return s.update(ctx, func(t *Tx) error {
		if err := t.remove(MembersTable, device); err != nil {
			return fmt.Errorf("remove member %s: %w", device, err)
		}
		return nil
	})
}

// DeviceSecrets are this device's private keys: an Ed25519 seed and an
// X25519 private key.
type DeviceSecrets struct {
	Sign []byte
	DH   []byte
}

// DeviceSecrets returns this device's private keys; false before any were
// made.
func (s *Store) DeviceSecrets(ctx context.Context) (DeviceSecrets, bool, error) {
	var d DeviceSecrets
	err := s.db.QueryRowContext(ctx, `SELECT sign_secret, dh_secret FROM device_keys WHERE device = ?`, s.device).Scan(&d.Sign, &d.DH)
	if err == sql.ErrNoRows {
		return DeviceSecrets{}, false, nil
	}
	if err != nil {
		return DeviceSecrets{}, false, fmt.Errorf("read device keys: %w", plainDBError(err))
	}
	return d, true, nil
}

// SaveDeviceSecrets keeps this device's private keys when it has none yet,
// and returns the keys it keeps: those already there win, so two callers
// racing to make keys end with the same ones.
func (s *Store) SaveDeviceSecrets(ctx context.Context, d DeviceSecrets) (DeviceSecrets, error) {
	if _, err := s.db.ExecContext(ctx,
		`INSERT INTO device_keys (device, sign_secret, dh_secret, created) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		s.device, d.Sign, d.DH, timeText(time.Now())); err != nil {
		return DeviceSecrets{}, fmt.Errorf("save device keys: %w", plainDBError(err))
	}
	got, _, err := s.DeviceSecrets(ctx)
	return got, err
}

// MarkSeen records that device was heard from at t.
func (s *Store) MarkSeen(ctx context.Context, device string, t time.Time) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO member_seen (device, last_seen) VALUES (?, ?)
		 ON CONFLICT (device) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`, device, timeText(t))
	return plainDBError(err)
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// RelayMessage identifies one message from the circle's relay mailbox.
type RelayMessage struct {
	Circle string
	Seq    int64  // the relay's sequence number for it
	Sender string // the device that sent it
}

// ApplyFromRelay applies the changes carried by relay message msg and, in
// the same transaction, records the message as handled (and takes it out
// of the inbox if it was held there), so a crash can neither skip it nor
// half-apply it.
func (s *Store) ApplyFromRelay(ctx context.Context, msg RelayMessage, changes []RemoteChange) (ApplyResult, error) {
	return s.ApplyRelayMessages(ctx, []RelayMessage{msg}, changes)
}

// ApplyRelayMessages applies the changes carried by several relay
// messages of one circle and records them all as handled, in one
// transaction: a device catching up on thousands of messages writes to
// disk once per group rather than once per message. msgs must be the
// next messages to handle, with none left out between them, because
// the relay cursor moves past the last; changes may be empty (messages
// that needed nothing applied).
func (s *Store) ApplyRelayMessages(ctx context.Context, msgs []RelayMessage, changes []RemoteChange) (ApplyResult, error) {
	if len(msgs) == 0 {
		return s.apply(ctx, changes, nil)
	}
	return s.apply(ctx, changes, func(m *merger) error {
		last := msgs[0]
		senders := map[string]bool{}
		for _, msg := range msgs {
			if msg.Circle != last.Circle {
				return fmt.Errorf("sync: relay messages of two circles in one group")
			}
			if msg.Seq > last.Seq {
				last = msg
			}
			if _, err := m.tx.ExecContext(ctx, `DELETE FROM sync_inbox WHERE circle = ? AND relay_seq = ?`, msg.Circle, msg.Seq); err != nil {
				return plainDBError(err)
			}
			if msg.Sender != s.device {
				senders[msg.Sender] = true
			}
		}
		if err := handled(ctx, m.tx, last, false); err != nil {
			return err
		}
		now := timeText(time.Now())
		for sender := range senders {
			if _, err := m.tx.ExecContext(ctx,
				`INSERT INTO member_seen (device, last_seen) VALUES (?, ?)
				 ON CONFLICT (device) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`, sender, now); err != nil {
				return plainDBError(err)
			}
		}
		return nil
	})
}

// SkipRelay records that msg needed nothing applied.
func (s *Store) SkipRelay(ctx context.Context, msg RelayMessage) error {
	return s.relayTx(ctx, msg, true, nil)
}

// HoldRelay keeps msg in the inbox to try again later (its signer's
// member record or its key has not arrived yet) and records it handled.
func (s *Store) HoldRelay(ctx context.Context, msg RelayMessage, body []byte, reason string) error {
	return s.relayTx(ctx, msg, false, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO sync_inbox (circle, relay_seq, sender, body, reason, received) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (circle, relay_seq) DO UPDATE SET reason = excluded.reason`,
			msg.Circle, msg.Seq, msg.Sender, body, reason, timeText(time.Now()))
		return plainDBError(err)
	})
}

// RefuseRelay records that msg was refused, with how many changes it
// carried and why, so the sync status can say so.
func (s *Store) RefuseRelay(ctx context.Context, msg RelayMessage, changes int, reason string) error {
	return s.relayTx(ctx, msg, true, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO sync_refused (circle, relay_seq, sender, changes, reason, received) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (circle, relay_seq) DO NOTHING`,
			msg.Circle, msg.Seq, msg.Sender, changes, reason, timeText(time.Now()))
		return plainDBError(err)
	})
}

func (s *Store) relayTx(ctx context.Context, msg RelayMessage, dropHeld bool, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return plainDBError(err)
	}
	defer tx.Rollback()
	if fn != nil {
		if err := fn(tx); err != nil {
			return fmt.Errorf("sync: %w", err)
		}
	}
	if err := handled(ctx, tx, msg, dropHeld); err != nil {
		return err
	}
	return plainDBError(tx.Commit())
}

// handled moves the relay cursor past msg and, when dropHeld, takes it
// out of the inbox.
func handled(ctx context.Context, tx *sql.Tx, msg RelayMessage, dropHeld bool) error {
	if _, err := tx.ExecContext(ctx, `UPDATE circles SET relay_seq = max(relay_seq, ?) WHERE circle = ?`, msg.Seq, msg.Circle); err != nil {
		return plainDBError(err)
	}
	if !dropHeld {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sync_inbox WHERE circle = ? AND relay_seq = ?`, msg.Circle, msg.Seq); err != nil {
		return plainDBError(err)
	}
	return nil
}

// HeldMessage is a relay message kept in the inbox.
type HeldMessage struct {
	RelayMessage
	Body   []byte
	Reason string
}

// Inbox returns the messages held to try again, oldest first.
func (s *Store) Inbox(ctx context.Context, circle string) ([]HeldMessage, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT relay_seq, sender, body, reason FROM sync_inbox WHERE circle = ? ORDER BY relay_seq`, circle)
	if err != nil {
		return nil, fmt.Errorf("read inbox: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []HeldMessage
	for rows.Next() {
		h := HeldMessage{RelayMessage: RelayMessage{Circle: circle}}
		if err := rows.Scan(&h.Seq, &h.Sender, &h.Body, &h.Reason); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Refused is a batch of changes this device refused to apply.
type Refused struct {
	Seq      int64     `json:"relay_seq"`
	Sender   string    `json:"sender"`
	Changes  int       `json:"changes"`
	Reason   string    `json:"reason"`
	Received time.Time `json:"received"`
}

// Refusals returns the batches refused since since, newest first.
func (s *Store) Refusals(ctx context.Context, circle string, since time.Time) ([]Refused, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT relay_seq, sender, changes, reason, received FROM sync_refused WHERE circle = ? AND received >= ? ORDER BY relay_seq DESC`,
		circle, timeText(since))
	if err != nil {
		return nil, fmt.Errorf("read refused changes: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []Refused
	for rows.Next() {
		var r Refused
		var at string
		if err := rows.Scan(&r.Seq, &r.Sender, &r.Changes, &r.Reason, &at); err != nil {
			return nil, err
		}
		r.Received = parseTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// JournalEntry is one field change as recorded in the journal.
type JournalEntry struct {
	Seq    int64           `json:"seq"`
	HLC    HLC             `json:"hlc"`
	Device string          `json:"device"`
	Table  string          `json:"table"`
	Row    string          `json:"row"`
	Field  string          `json:"field"`
	Value  json.RawMessage `json:"value"`
}

// Journal returns the field changes of up to limit journal entries with
// a sequence number greater than after, in order. A record entry (see
// recordField) comes out as one entry for each of its fields, all with
// its Seq and stamp.
func (s *Store) Journal(ctx context.Context, after int64, limit int) ([]JournalEntry, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT seq, hlc, device, tbl, row_id, field, value FROM changes WHERE seq > ? ORDER BY seq LIMIT ?`,
		after, limit)
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []JournalEntry
	for rows.Next() {
		var e JournalEntry
		var v string
		if err := rows.Scan(&e.Seq, &e.HLC, &e.Device, &e.Table, &e.Row, &e.Field, &v); err != nil {
			return nil, fmt.Errorf("read journal: %w", err)
		}
		if e.Field != recordField {
			e.Value = json.RawMessage(v)
			out = append(out, e)
			continue
		}
		fields, err := expandRecord(json.RawMessage(v))
		if err != nil {
			return nil, fmt.Errorf("read journal: %s %s: %w", e.Table, e.Row, err)
		}
		for _, f := range fields {
			e.Field, e.Value = f.Field, f.Value
			out = append(out, e)
		}
	}
	return out, rows.Err()
}

// LastSeq returns the sequence number of the newest journal entry (0 when empty).
func (s *Store) LastSeq(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM changes`).Scan(&n)
	return n, plainDBError(err)
}

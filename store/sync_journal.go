package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Outgoing is one of this device's own changes waiting to be sent.
type Outgoing struct {
	Seq int64 // its place in this device's journal
	RemoteChange
}

// OutgoingChanges returns up to limit of this device's own changes with a
// journal sequence number greater than after, in order, each with the
// version of the field it replaced. Changes that arrived from other
// devices are in the journal too but are never returned: they are not
// this device's to send.
func (s *Store) OutgoingChanges(ctx context.Context, after int64, limit int) ([]Outgoing, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT seq, hlc, tbl, row_id, field, value FROM changes WHERE seq > ? AND device = ? ORDER BY seq LIMIT ?`,
		after, s.device, limit)
	if err != nil {
		return nil, fmt.Errorf("read changes to send: %w", plainDBError(err))
	}
	var out []Outgoing
	for rows.Next() {
		o := Outgoing{RemoteChange: RemoteChange{Device: s.device}}
		var v string
		if err := rows.Scan(&o.Seq, &o.HLC, &o.Table, &o.Row, &o.Field, &v); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read changes to send: %w", err)
		}
		o.Value = json.RawMessage(v)
		out = append(out, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read changes to send: %w", err)
	}
	base, err := s.db.PrepareContext(ctx,
		`SELECT hlc, device FROM changes WHERE tbl = ? AND row_id = ? AND field = ? AND seq < ? ORDER BY seq DESC LIMIT 1`)
	if err != nil {
		return nil, plainDBError(err)
	}
	defer base.Close()
	for i := range out {
		o := &out[i]
		err := base.QueryRowContext(ctx, o.Table, o.Row, o.Field, o.Seq).Scan(&o.Base.HLC, &o.Base.Device)
		if err != nil && err != sql.ErrNoRows {
			return nil, fmt.Errorf("read changes to send: %w", plainDBError(err))
		}
	}
	return out, nil
}

// PendingCount returns how many of this device's own changes have a
// journal sequence number greater than after: the changes not yet sent.
func (s *Store) PendingCount(ctx context.Context, after int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM changes WHERE seq > ? AND device = ?`, after, s.device).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count changes to send: %w", plainDBError(err))
	}
	return n, nil
}

// Snapshot returns every synced record's fields with their versions, for
// tests and checks that two devices hold the same data: table -> row ->
// field -> value as JSON.
func (s *Store) Snapshot(ctx context.Context) (map[string]map[string]map[string]string, error) {
	out := map[string]map[string]map[string]string{}
	for _, tbl := range s.Tables() {
		rows, err := s.db.QueryContext(ctx, `SELECT * FROM "`+tbl+`" ORDER BY id`)
		if err != nil {
			return nil, plainDBError(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			rec := map[string]string{}
			var id string
			for i, c := range cols {
				if b, ok := vals[i].([]byte); ok && s.tables[tbl][c] != "BLOB" {
					vals[i] = string(b)
				}
				if c == "id" {
					id, _ = vals[i].(string)
					continue
				}
				j, _ := json.Marshal(vals[i])
				rec[c] = string(j)
			}
			if out[tbl] == nil {
				out[tbl] = map[string]map[string]string{}
			}
			out[tbl][id] = rec
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	vrows, err := s.db.QueryContext(ctx, `SELECT tbl, row_id, field, hlc, device FROM versions`)
	if err != nil {
		return nil, plainDBError(err)
	}
	defer vrows.Close()
	for vrows.Next() {
		var tbl, row, field, dev string
		var h int64
		if err := vrows.Scan(&tbl, &row, &field, &h, &dev); err != nil {
			return nil, err
		}
		if out["versions"] == nil {
			out["versions"] = map[string]map[string]string{}
		}
		key := tbl + "/" + row
		if out["versions"][key] == nil {
			out["versions"][key] = map[string]string{}
		}
		out["versions"][key][field] = fmt.Sprintf("%d/%s", h, dev)
	}
	return out, vrows.Err()
}

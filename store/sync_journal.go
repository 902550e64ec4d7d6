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

// OutgoingChanges returns this device's own changes from up to limit
// journal entries with a sequence number greater than after, in order,
// each with the version of the field it replaced. Changes that arrived
// from other devices are in the journal too but are never returned: they
// are not this device's to send. A record entry (see recordField) comes
// out as the changes of each of its fields, all with its Seq: send all
// of one Seq together, as the cursor moves past them at once.
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
		if o.Field != recordField {
			o.Value = json.RawMessage(v)
			out = append(out, o)
			continue
		}
		fields, err := expandRecord(json.RawMessage(v))
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read changes to send: %s %s: %w", o.Table, o.Row, err)
		}
		for _, f := range fields {
			o.Field, o.Value = f.Field, f.Value
			out = append(out, o)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read changes to send: %w", err)
	}
	base, err := s.db.PrepareContext(ctx, `SELECT hlc, device FROM changes c
		WHERE c.tbl = ?1 AND c.row_id = ?2 AND c.seq < ?4 AND (c.field = ?3 OR (`+recordHasField+`))
		ORDER BY c.seq DESC LIMIT 1`)
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
	// A record entry's version stands for each of its fields that has no
	// version of its own, as on the devices it was sent to.
	vrows, err := s.db.QueryContext(ctx, `SELECT v.tbl, v.row_id, v.field, v.hlc, v.device, coalesce(c.value, '')
		FROM versions v LEFT JOIN changes c ON v.field = '' AND c.field = '' AND c.tbl = v.tbl
			AND c.row_id = v.row_id AND c.hlc = v.hlc AND c.device = v.device
		ORDER BY v.field = '' DESC`)
	if err != nil {
		return nil, plainDBError(err)
	}
	defer vrows.Close()
	versions := map[string]map[string]string{}
	for vrows.Next() {
		var tbl, row, field, dev, record string
		var h int64
		if err := vrows.Scan(&tbl, &row, &field, &h, &dev, &record); err != nil {
			return nil, err
		}
		key := tbl + "/" + row
		if versions[key] == nil {
			versions[key] = map[string]string{}
		}
		stamp := fmt.Sprintf("%d/%s", h, dev)
		if field != recordField {
			versions[key][field] = stamp
			continue
		}
		fields, err := expandRecord(json.RawMessage(record))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		for _, f := range fields {
			versions[key][f.Field] = stamp // a field's own version, read later, replaces it
		}
	}
	if len(versions) > 0 {
		out["versions"] = versions
	}
	return out, vrows.Err()
}

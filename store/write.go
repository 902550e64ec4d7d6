package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// Tx is a write transaction on synced records. Every field it sets is
// stamped and journaled in the same SQLite transaction.
type Tx struct {
	ctx     context.Context
	s       *Store
	tx      *sql.Tx
	touched map[string]bool
}

// update runs fn in one transaction and tells watchers afterwards. When fn
// or the commit fails nothing is written.
func (s *Store) update(ctx context.Context, fn func(*Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return plainDBError(err)
	}
	t := &Tx{ctx: ctx, s: s, tx: sqlTx, touched: map[string]bool{}}
	if err := fn(t); err != nil {
		sqlTx.Rollback()
		return err
	}
	if len(t.touched) > 0 {
		if _, err := sqlTx.ExecContext(ctx,
			`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			strconv.FormatInt(int64(s.clock.Last()), 10)); err != nil {
			sqlTx.Rollback()
			return plainDBError(err)
		}
	}
	if err := sqlTx.Commit(); err != nil {
		return plainDBError(err)
	}
	if len(t.touched) > 0 {
		c := Change{}
		for tbl := range t.touched {
			c.Tables = append(c.Tables, tbl)
		}
		sort.Strings(c.Tables)
		s.notify(c)
	}
	return nil
}

// set changes one field of a synced record, creating the record when it
// does not exist. A value equal to the current one writes nothing.
func (t *Tx) set(table, id, field string, value any) error {
	cols, ok := t.s.tables[table]
	if !ok {
		return fmt.Errorf("store: %q is not a synced table", table)
	}
	if _, ok := cols[field]; !ok {
		return fmt.Errorf("store: %s has no field %q", table, field)
	}
	if id == "" {
		return fmt.Errorf("store: %s record without an ID", table)
	}
	if err := t.allowed(table); err != nil {
		return err
	}
	value = normalise(value)
	// table and field are checked against the schema above, so building
	// the statement from them cannot inject SQL.
	var current any
	err := t.tx.QueryRowContext(t.ctx, `SELECT "`+field+`" FROM "`+table+`" WHERE id = ?`, id).Scan(&current)
	switch {
	case err == sql.ErrNoRows:
		if _, err := t.tx.ExecContext(t.ctx, `INSERT INTO "`+table+`" (id) VALUES (?)`, id); err != nil {
			return fmt.Errorf("add %s record: %w", table, plainDBError(err))
		}
	case err != nil:
		return fmt.Errorf("read %s.%s: %w", table, field, plainDBError(err))
	case equalValue(current, value):
		return nil
	}
	if _, err := t.tx.ExecContext(t.ctx, `UPDATE "`+table+`" SET "`+field+`" = ? WHERE id = ?`, value, id); err != nil {
		return fmt.Errorf("save %s.%s: %w", table, field, plainDBError(err))
	}
	return t.stamp(table, id, field, value)
}

// stamp records that this device set the field to value now: the
// field's version and a journal entry, in t. The caller has checked the
// table, the field and the role.
func (t *Tx) stamp(table, id, field string, value any) error {
	stamp := t.s.clock.Now()
	if _, err := t.tx.ExecContext(t.ctx,
		`INSERT INTO versions (tbl, row_id, field, hlc, device) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device`,
		table, id, field, int64(stamp), t.s.device); err != nil {
		return fmt.Errorf("save %s.%s version: %w", table, field, plainDBError(err))
	}
	enc, err := json.Marshal(value)
	if err != nil {
		return fmt.Errorf("encode %s.%s: %w", table, field, err)
	}
	// This device's earlier values of the field that no relay has been
	// sent yet are replaced, not kept: nobody else can have seen them.
	// Autosave then leaves one journal entry per field between syncs,
	// not one a second of typing (a 100 KB section saved every second
	// would add hundreds of megabytes an hour).
	if _, err := t.tx.ExecContext(t.ctx,
		`DELETE FROM changes WHERE tbl = ? AND row_id = ? AND field = ? AND device = ?
		 AND seq > (SELECT coalesce(max(sent_seq), 0) FROM circles)`,
		table, id, field, t.s.device); err != nil {
		return fmt.Errorf("journal %s.%s: %w", table, field, plainDBError(err))
	}
	if _, err := t.tx.ExecContext(t.ctx,
		`INSERT INTO changes (hlc, device, tbl, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?)`,
		int64(stamp), t.s.device, table, id, field, string(enc)); err != nil {
		return fmt.Errorf("journal %s.%s: %w", table, field, plainDBError(err))
	}
	t.touched[table] = true
	return nil
}

// remove deletes a record by setting its tombstone.
func (t *Tx) remove(table, id string) error {
	var deleted int64
	err := t.tx.QueryRowContext(t.ctx, `SELECT deleted FROM "`+table+`" WHERE id = ?`, id).Scan(&deleted)
	if err == sql.ErrNoRows || (err == nil && deleted != 0) {
		return ErrNotFound
	}
	if err != nil {
		return plainDBError(err)
	}
	return t.set(table, id, "deleted", int64(1))
}

// normalise turns Go values into the few kinds SQLite stores.
func normalise(v any) any {
	switch x := v.(type) {
	case bool:
		if x {
			return int64(1)
		}
		return int64(0)
	case int:
		return int64(x)
	case int32:
		return int64(x)
	case Date:
		return x.String()
	case HLC:
		return int64(x)
	}
	return v
}

func equalValue(a, b any) bool {
	if ab, ok := a.([]byte); ok {
		a = string(ab)
	}
	return a == b
}

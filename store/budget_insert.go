package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// fieldValue is one field of a record being added.
type fieldValue struct {
	field string
	value any
}

// inserter adds many new records quickly inside one Tx, with the same
// result as t.set for each field: the row, each field's version and a
// journal entry per field, all stamped by the clock. It differs only in
// speed: statements are prepared once and each record takes three. As
// with t.set on a new record, fields left at their default values are
// not journaled.
type inserter struct {
	t     *Tx
	stmts map[string]*sql.Stmt
}

func newInserter(t *Tx) *inserter { return &inserter{t: t, stmts: map[string]*sql.Stmt{}} }

func (in *inserter) stmt(query string) (*sql.Stmt, error) {
	if st, ok := in.stmts[query]; ok {
		return st, nil
	}
	st, err := in.t.tx.PrepareContext(in.t.ctx, query)
	if err != nil {
		return nil, plainDBError(err)
	}
	in.stmts[query] = st
	return st, nil
}

// insert adds the record table/id, which must not exist yet.
func (in *inserter) insert(table, id string, fields []fieldValue) error {
	cols, ok := in.t.s.tables[table]
	if !ok {
		return fmt.Errorf("store: %q is not a synced table", table)
	}
	if id == "" {
		return fmt.Errorf("store: %s record without an ID", table)
	}
	set := make([]fieldValue, 0, len(fields))
	for _, f := range fields {
		if _, ok := cols[f.field]; !ok {
			return fmt.Errorf("store: %s has no field %q", table, f.field)
		}
		f.value = normalise(f.value)
		if f.value == "" || f.value == int64(0) {
			continue
		}
		set = append(set, f)
	}
	// The table and field names were checked against the schema above.
	var names, marks strings.Builder
	args := make([]any, 0, 1+len(set))
	names.WriteString("id")
	marks.WriteString("?")
	args = append(args, id)
	for _, f := range set {
		names.WriteString(`, "` + f.field + `"`)
		marks.WriteString(", ?")
		args = append(args, f.value)
	}
	st, err := in.stmt(`INSERT INTO "` + table + `" (` + names.String() + `) VALUES (` + marks.String() + `)`)
	if err != nil {
		return fmt.Errorf("add %s record: %w", table, err)
	}
	if _, err := st.ExecContext(in.t.ctx, args...); err != nil {
		return fmt.Errorf("add %s record: %w", table, plainDBError(err))
	}
	in.t.touched[table] = true
	if len(set) == 0 {
		return nil
	}
	rows := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?), ", len(set)), ", ")
	vst, err := in.stmt(`INSERT INTO versions (tbl, row_id, field, hlc, device) VALUES ` + rows +
		` ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device`)
	if err != nil {
		return fmt.Errorf("save %s versions: %w", table, err)
	}
	cst, err := in.stmt(`INSERT INTO changes (hlc, device, tbl, row_id, field, value) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", len(set)), ", "))
	if err != nil {
		return fmt.Errorf("journal %s: %w", table, err)
	}
	vargs := make([]any, 0, 5*len(set))
	cargs := make([]any, 0, 6*len(set))
	dev := in.t.s.device
	for _, f := range set {
		stamp := int64(in.t.s.clock.Now())
		enc, err := json.Marshal(f.value)
		if err != nil {
			return fmt.Errorf("encode %s.%s: %w", table, f.field, err)
		}
		vargs = append(vargs, table, id, f.field, stamp, dev)
		cargs = append(cargs, stamp, dev, table, id, f.field, string(enc))
	}
	if _, err := vst.ExecContext(in.t.ctx, vargs...); err != nil {
		return fmt.Errorf("save %s versions: %w", table, plainDBError(err))
	}
	if _, err := cst.ExecContext(in.t.ctx, cargs...); err != nil {
		return fmt.Errorf("journal %s: %w", table, plainDBError(err))
	}
	return nil
}

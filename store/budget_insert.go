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
// result as t.set for each field, as far as any reader or other device
// can tell. It differs in speed: each record has one version and one
// journal entry, a record entry (see recordField), instead of one per
// field, and rows are written batchRows at a time, by statements
// prepared once. As with t.set on a new record, fields left at their
// default values are not journaled. Call flush before the Tx commits, and before
// anything else in the Tx reads or writes the same tables.
type inserter struct {
	t       *Tx
	stmts   map[string]*sql.Stmt
	batches map[string]*batch // by the statement's columns
	order   []*batch          // in the order first used, so that flush is repeatable
}

// batch is rows waiting to be written by one kind of INSERT statement.
type batch struct {
	head, tail string // the statement before and after its VALUES
	cols       int    // values a row
	args       []any  // the values of the rows waiting
	what       string // for errors: "add budget_transactions records"
}

// batchRows is how many rows one statement writes: far fewer statements,
// well inside SQLite's limit of 32,766 arguments.
const batchRows = 200

func newInserter(t *Tx) *inserter {
	return &inserter{t: t, stmts: map[string]*sql.Stmt{}, batches: map[string]*batch{}}
}

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

// add queues one row for the statement head … VALUES … tail, writing a
// batch when it is full.
func (in *inserter) add(head, tail, what string, row ...any) error {
	b, ok := in.batches[head]
	if !ok {
		b = &batch{head: head, tail: tail, cols: len(row), what: what}
		in.batches[head] = b
		in.order = append(in.order, b)
	}
	b.args = append(b.args, row...)
	if len(b.args) >= batchRows*b.cols {
		return in.write(b)
	}
	return nil
}

// write writes the rows waiting in b.
func (in *inserter) write(b *batch) error {
	for len(b.args) > 0 {
		rows := min(len(b.args)/b.cols, batchRows)
		st, err := in.stmt(b.head + marks(rows, b.cols) + b.tail)
		if err != nil {
			return fmt.Errorf("%s: %w", b.what, err)
		}
		if _, err := st.ExecContext(in.t.ctx, b.args[:rows*b.cols]...); err != nil {
			return fmt.Errorf("%s: %w", b.what, plainDBError(err))
		}
		b.args = b.args[rows*b.cols:]
	}
	b.args = b.args[:0:0]
	return nil
}

// flush writes every row still waiting.
func (in *inserter) flush() error {
	for _, b := range in.order {
		if err := in.write(b); err != nil {
			return err
		}
	}
	return nil
}

// marks returns the placeholders for rows rows of cols values each:
// "(?, ?), (?, ?)".
func marks(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
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
	var names strings.Builder
	row := make([]any, 0, 1+len(set))
	names.WriteString("id")
	row = append(row, id)
	for _, f := range set {
		names.WriteString(`, "` + f.field + `"`)
		row = append(row, f.value)
	}
	if err := in.add(`INSERT INTO "`+table+`" (`+names.String()+`) VALUES `, "", "add "+table+" records", row...); err != nil {
		return err
	}
	in.t.touched[table] = true
	// One version and one journal entry for the whole record: a record
	// entry (see recordField).
	record := make(map[string]json.RawMessage, len(set))
	for _, f := range set {
		enc, err := json.Marshal(f.value)
		if err != nil {
			return fmt.Errorf("encode %s.%s: %w", table, f.field, err)
		}
		record[f.field] = enc
	}
	enc, err := json.Marshal(record)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", table, id, err)
	}
	stamp, dev := int64(in.t.s.clock.Now()), in.t.s.device
	if err := in.add(`INSERT INTO versions (tbl, row_id, field, hlc, device) VALUES `,
		` ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device`,
		"save versions", table, id, recordField, stamp, dev); err != nil {
		return err
	}
	return in.add(`INSERT INTO changes (hlc, device, tbl, row_id, field, value) VALUES `, "",
		"journal", stamp, dev, table, id, recordField, string(enc))
}

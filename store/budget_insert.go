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
// speed: statements are prepared once, and the versions and journal
// entries are written batchRows at a time. As with t.set on a new record,
// fields left at their default values are not journaled. Call flush
// before the Tx commits.
type inserter struct {
	t     *Tx
	stmts map[string]*sql.Stmt
	// versions and changes hold the arguments of rows not yet written:
	// five per version, six per journal entry.
	versions, changes []any
}

// batchRows is how many versions or journal entries one statement
// writes: far fewer statements, well inside SQLite's limit of 32,766
// arguments.
const batchRows = 200

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
	var names, qs strings.Builder
	args := make([]any, 0, 1+len(set))
	names.WriteString("id")
	qs.WriteString("?")
	args = append(args, id)
	for _, f := range set {
		names.WriteString(`, "` + f.field + `"`)
		qs.WriteString(", ?")
		args = append(args, f.value)
	}
	st, err := in.stmt(`INSERT INTO "` + table + `" (` + names.String() + `) VALUES (` + qs.String() + `)`)
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
	dev := in.t.s.device
	for _, f := range set {
		stamp := int64(in.t.s.clock.Now())
		enc, err := json.Marshal(f.value)
		if err != nil {
			return fmt.Errorf("encode %s.%s: %w", table, f.field, err)
		}
		in.versions = append(in.versions, table, id, f.field, stamp, dev)
		in.changes = append(in.changes, stamp, dev, table, id, f.field, string(enc))
	}
	if len(in.versions) >= 5*batchRows || len(in.changes) >= 6*batchRows {
		return in.write(batchRows)
	}
	return nil
}

// flush writes the versions and journal entries still held.
func (in *inserter) flush() error { return in.write(0) }

// write writes the held versions and journal entries, n rows a statement,
// or all the rest in one statement when n is 0.
func (in *inserter) write(n int) error {
	for len(in.versions) > 0 {
		rows := len(in.versions) / 5
		if n > 0 {
			if rows < n {
				break
			}
			rows = n
		}
		st, err := in.stmt(`INSERT INTO versions (tbl, row_id, field, hlc, device) VALUES ` + marks(rows, 5) +
			` ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device`)
		if err != nil {
			return fmt.Errorf("save versions: %w", err)
		}
		if _, err := st.ExecContext(in.t.ctx, in.versions[:5*rows]...); err != nil {
			return fmt.Errorf("save versions: %w", plainDBError(err))
		}
		in.versions = in.versions[5*rows:]
	}
	for len(in.changes) > 0 {
		rows := len(in.changes) / 6
		if n > 0 {
			if rows < n {
				break
			}
			rows = n
		}
		st, err := in.stmt(`INSERT INTO changes (hlc, device, tbl, row_id, field, value) VALUES ` + marks(rows, 6))
		if err != nil {
			return fmt.Errorf("journal: %w", err)
		}
		if _, err := st.ExecContext(in.t.ctx, in.changes[:6*rows]...); err != nil {
			return fmt.Errorf("journal: %w", plainDBError(err))
		}
		in.changes = in.changes[6*rows:]
	}
	return nil
}

// marks returns the placeholders for rows rows of cols values each:
// "(?, ?), (?, ?)".
func marks(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
}

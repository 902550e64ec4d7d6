package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// Version is the stamp of one field's value: when (by the hybrid clock)
// and on which device it was set. Of two versions of a field, the greater
// wins: the higher HLC, or on a tie the greater device ID.
type Version struct {
	HLC    HLC    `json:"h"`
	Device string `json:"d"`
}

// Less reports whether v is older than o.
func (v Version) Less(o Version) bool {
	if v.HLC != o.HLC {
		return v.HLC < o.HLC
	}
	return v.Device < o.Device
}

// IsZero reports whether v is the version of a field never set.
func (v Version) IsZero() bool { return v.HLC == 0 && v.Device == "" }

// RemoteChange is one field change as sync carries it between devices.
// Base is the version of the field that the author's device replaced
// (zero for a field it had never seen set): it tells a sequential edit
// from a concurrent one.
type RemoteChange struct {
	HLC    HLC             `json:"h"`
	Device string          `json:"d"`
	Table  string          `json:"t"`
	Row    string          `json:"r"`
	Field  string          `json:"f"`
	Value  json.RawMessage `json:"v"`
	Base   Version         `json:"b"`
}

// Version returns the version the change sets.
func (c RemoteChange) Version() Version { return Version{c.HLC, c.Device} }

func (c RemoteChange) String() string {
	return fmt.Sprintf("%s.%s of %s at %s by %s", c.Table, c.Field, c.Row, c.HLC, c.Device)
}

// ApplyResult says what Apply did with every change it was given: each
// change is in exactly one of the lists.
type ApplyResult struct {
	Applied []RemoteChange // now the field's value here
	Older   []RemoteChange // this device already had the same or a later value
	Parked  []RemoteChange // kept, to apply when this OwnPlan knows the table or field
	Refused []Refusal      // malformed, and so never applicable
	// Conflicts counts concurrent edits of long text whose losing side
	// was kept in the conflicts list.
	Conflicts int
}

// Refusal is a change Apply could not accept, and why.
type Refusal struct {
	Change RemoteChange
	Reason string
}

// Apply merges changes made on other devices, in one transaction. For
// each field the greater version wins, so applying the same changes
// again, or in any order, leaves the same records. Applied changes go
// into the journal under their own device's ID (so sync never sends them
// as this device's) and move this device's clock past them. Changes for
// tables or fields this version of OwnPlan lacks are parked, never
// dropped; ApplyParked applies them after an upgrade.
func (s *Store) Apply(ctx context.Context, changes []RemoteChange) (ApplyResult, error) {
	return s.apply(ctx, changes, nil)
}

// ApplyParked applies parked changes whose table and field this version
// of OwnPlan now has, and reports what happened to them.
func (s *Store) ApplyParked(ctx context.Context) (ApplyResult, error) {
	parked, err := s.parked(ctx)
	if err != nil || len(parked) == 0 {
		return ApplyResult{}, err
	}
	var ready []RemoteChange
	for _, c := range parked {
		if cols, ok := s.tables[c.Table]; ok {
			if _, ok := cols[c.Field]; ok {
				ready = append(ready, c)
			}
		}
	}
	if len(ready) == 0 {
		return ApplyResult{}, nil
	}
	return s.apply(ctx, ready, func(m *merger) error {
		for _, c := range ready {
			if _, err := m.tx.ExecContext(ctx,
				`DELETE FROM sync_parked WHERE tbl = ? AND row_id = ? AND field = ? AND hlc = ? AND device = ?`,
				c.Table, c.Row, c.Field, int64(c.HLC), c.Device); err != nil {
				return plainDBError(err)
			}
		}
		return nil
	})
}

// ParkedCount returns how many received changes wait for a newer OwnPlan.
func (s *Store) ParkedCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sync_parked`).Scan(&n)
	return n, plainDBError(err)
}

// merger is one Apply transaction.
type merger struct {
	ctx     context.Context
	s       *Store
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	touched map[string]bool
	res     ApplyResult
	maxHLC  HLC
	now     string
	keepAll *bool
	// open is this device's open conflicts by field, read when first
	// needed; owner is the circle owner's device.
	open  map[fieldKey][]openConflict
	owner *string
}

func (s *Store) apply(ctx context.Context, changes []RemoteChange, extra func(*merger) error) (ApplyResult, error) {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return ApplyResult{}, plainDBError(err)
	}
	m := &merger{ctx: ctx, s: s, tx: sqlTx, stmts: map[string]*sql.Stmt{}, touched: map[string]bool{},
		now: time.Now().UTC().Format(time.RFC3339)}
	fail := func(err error) (ApplyResult, error) {
		m.close()
		sqlTx.Rollback()
		return ApplyResult{}, err
	}
	for _, c := range changes {
		if err := m.one(c); err != nil {
			return fail(fmt.Errorf("apply %s: %w", c, err))
		}
	}
	if extra != nil {
		if err := extra(m); err != nil {
			return fail(err)
		}
	}
	if m.maxHLC > 0 {
		s.clock.Observe(m.maxHLC)
		if _, err := sqlTx.ExecContext(ctx,
			`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			strconv.FormatInt(int64(s.clock.Last()), 10)); err != nil {
			return fail(plainDBError(err))
		}
	}
	m.close()
	if err := sqlTx.Commit(); err != nil {
		return ApplyResult{}, plainDBError(err)
	}
	if len(m.touched) > 0 {
		c := Change{}
		for t := range m.touched {
			c.Tables = append(c.Tables, t)
		}
		sort.Strings(c.Tables)
		s.notify(c)
	}
	return m.res, nil
}

func (m *merger) close() {
	for _, st := range m.stmts {
		st.Close()
	}
}

// stmt returns a statement prepared once per transaction.
func (m *merger) stmt(q string) (*sql.Stmt, error) {
	if st, ok := m.stmts[q]; ok {
		return st, nil
	}
	st, err := m.tx.PrepareContext(m.ctx, q)
	if err != nil {
		return nil, plainDBError(err)
	}
	m.stmts[q] = st
	return st, nil
}

// one merges a single change.
func (m *merger) one(c RemoteChange) error {
	if reason := malformed(c); reason != "" {
		m.res.Refused = append(m.res.Refused, Refusal{c, reason})
		return nil
	}
	if c.HLC > m.maxHLC {
		m.maxHLC = c.HLC
	}
	cols, ok := m.s.tables[c.Table]
	if !ok {
		return m.park(c, "this version of OwnPlan does not have "+c.Table+" records yet")
	}
	typ, ok := cols[c.Field]
	if !ok {
		return m.park(c, "this version of OwnPlan does not have the field "+c.Field+" of "+c.Table+" yet")
	}
	value, err := decodeValue(c.Value, typ)
	if err != nil {
		m.res.Refused = append(m.res.Refused, Refusal{c, err.Error()})
		return nil
	}
	in := c.Version()
	cur, found, err := m.version(c)
	if err != nil {
		return err
	}
	if found && !cur.Less(in) {
		m.res.Older = append(m.res.Older, c)
		if cur != in && cur.Device != in.Device {
			return m.losing(c, cur, value)
		}
		return nil
	}
	old, exists, err := m.current(c)
	if err != nil {
		return err
	}
	if !exists {
		st, err := m.stmt(`INSERT INTO "` + c.Table + `" (id) VALUES (?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(m.ctx, c.Row); err != nil {
			return m.park(c, "could not add the record here: "+err.Error())
		}
	}
	st, err := m.stmt(`UPDATE "` + c.Table + `" SET "` + c.Field + `" = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(m.ctx, value, c.Row); err != nil {
		// A constraint this device's schema has and the author's had not:
		// keep the change rather than lose it or block the batch.
		return m.park(c, "could not save it here: "+err.Error())
	}
	if err := m.record(c); err != nil {
		return err
	}
	m.touched[c.Table] = true
	m.res.Applied = append(m.res.Applied, c)
	if err := m.settle(c); err != nil {
		return err
	}
	// The incoming value wins. When its author had not seen the value it
	// replaces here, two people wrote at once: keep what was here.
	if found && cur.Device != in.Device && c.Base.Less(cur) {
		return m.conflict(c, old, cur, value, in)
	}
	return nil
}

// losing handles a change that arrived after a later value of its field:
// when nobody here ever saw it, it was written at the same time as the
// value here, and a long text is kept as a conflict.
func (m *merger) losing(c RemoteChange, cur Version, value any) error {
	seen, err := m.journaled(c)
	if err != nil || seen {
		return err
	}
	here, _, err := m.current(c)
	if err != nil {
		return err
	}
	return m.conflict(c, here, cur, value, c.Version())
}

// conflict keeps both sides of concurrent edits of a long text. A device
// keeps the conflicts it took part in, so its person's text is never
// lost; the owner's device (or one not shared) keeps every conflict, so
// the owner sees those between supporters too.
func (m *merger) conflict(c RemoteChange, mine any, mineV Version, theirs any, theirsV Version) error {
	a, aok := mine.(string)
	b, bok := theirs.(string)
	if !aok || !bok || a == b || a == "" || b == "" || !IsLongText(c.Table, c.Field, a, b) {
		return nil
	}
	if mineV.Device != m.s.device && theirsV.Device != m.s.device {
		keepAll, err := m.keepsAllConflicts()
		if err != nil || !keepAll {
			return err
		}
	}
	st, err := m.stmt(`INSERT INTO conflicts (tbl, row_id, field, mine, mine_hlc, mine_device, theirs, theirs_hlc, theirs_device, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return err
	}
	r, err := st.ExecContext(m.ctx, c.Table, c.Row, c.Field, a, int64(mineV.HLC), mineV.Device, b, int64(theirsV.HLC), theirsV.Device, m.now)
	if err != nil {
		return fmt.Errorf("keep conflicting text: %w", plainDBError(err))
	}
	if n, _ := r.RowsAffected(); n > 0 {
		m.res.Conflicts++
		m.touched["conflicts"] = true
		if id, err := r.LastInsertId(); err == nil && m.open != nil {
			k := fieldKey{c.Table, c.Row, c.Field}
			m.open[k] = append(m.open[k], openConflict{id, mineV, theirsV})
		}
	}
	return nil
}

// keepsAllConflicts reports whether this device keeps conflicts it took
// no part in: the owner's, or a device whose plan is not shared.
func (m *merger) keepsAllConflicts() (bool, error) {
	if m.keepAll == nil {
		var role string
		err := m.tx.QueryRowContext(m.ctx, `SELECT role FROM circles WHERE state = 'active' LIMIT 1`).Scan(&role)
		if err != nil && err != sql.ErrNoRows {
			return false, plainDBError(err)
		}
		v := err == sql.ErrNoRows || Role(role) == RoleOwner
		m.keepAll = &v
	}
	return *m.keepAll, nil
}

func (m *merger) version(c RemoteChange) (Version, bool, error) {
	st, err := m.stmt(fieldVersionQuery)
	if err != nil {
		return Version{}, false, err
	}
	var v Version
	err = st.QueryRowContext(m.ctx, c.Table, c.Row, c.Field).Scan(&v.HLC, &v.Device)
	if err == sql.ErrNoRows {
		return Version{}, false, nil
	}
	if err != nil {
		return Version{}, false, plainDBError(err)
	}
	return v, true, nil
}

// current reads the field's value here, and whether the record exists.
func (m *merger) current(c RemoteChange) (any, bool, error) {
	st, err := m.stmt(`SELECT "` + c.Field + `" FROM "` + c.Table + `" WHERE id = ?`)
	if err != nil {
		return nil, false, err
	}
	var v any
	err = st.QueryRowContext(m.ctx, c.Row).Scan(&v)
	if err == sql.ErrNoRows {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, plainDBError(err)
	}
	if b, ok := v.([]byte); ok && m.s.tables[c.Table][c.Field] != "BLOB" {
		v = string(b)
	}
	return v, true, nil
}

// journaled reports whether the change was seen here before: applied
// (it is in the journal, on its own or in a record entry), or kept as one side of a conflict, so that a
// change delivered twice never brings back a conflict already settled.
func (m *merger) journaled(c RemoteChange) (bool, error) {
	st, err := m.stmt(`SELECT 1 FROM changes WHERE tbl = ?1 AND row_id = ?2 AND field = ?3 AND hlc = ?4 AND device = ?5
		UNION ALL SELECT 1 FROM changes c WHERE c.tbl = ?1 AND c.row_id = ?2 AND c.hlc = ?4 AND c.device = ?5 AND ` + recordHasField + `
		UNION ALL SELECT 1 FROM conflicts WHERE tbl = ?1 AND row_id = ?2 AND field = ?3
		AND ((theirs_hlc = ?4 AND theirs_device = ?5) OR (mine_hlc = ?4 AND mine_device = ?5)) LIMIT 1`)
	if err != nil {
		return false, err
	}
	var one int
	err = st.QueryRowContext(m.ctx, c.Table, c.Row, c.Field, int64(c.HLC), c.Device).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, plainDBError(err)
}

// record stamps the field's new version and journals the change.
func (m *merger) record(c RemoteChange) error {
	st, err := m.stmt(`INSERT INTO versions (tbl, row_id, field, hlc, device) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device`)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(m.ctx, c.Table, c.Row, c.Field, int64(c.HLC), c.Device); err != nil {
		return plainDBError(err)
	}
	st, err = m.stmt(`INSERT INTO changes (hlc, device, tbl, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(m.ctx, int64(c.HLC), c.Device, c.Table, c.Row, c.Field, string(c.Value)); err != nil {
		return plainDBError(err)
	}
	return nil
}

// park keeps a change this device cannot apply yet.
func (m *merger) park(c RemoteChange, reason string) error {
	st, err := m.stmt(`INSERT INTO sync_parked (tbl, row_id, field, hlc, device, value, base_hlc, base_device, reason, received)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
	if err != nil {
		return err
	}
	if _, err := st.ExecContext(m.ctx, c.Table, c.Row, c.Field, int64(c.HLC), c.Device, string(c.Value),
		int64(c.Base.HLC), c.Base.Device, reason, m.now); err != nil {
		return plainDBError(err)
	}
	m.res.Parked = append(m.res.Parked, c)
	return nil
}

func (s *Store) parked(ctx context.Context) ([]RemoteChange, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT tbl, row_id, field, hlc, device, value, base_hlc, base_device FROM sync_parked ORDER BY hlc, device`)
	if err != nil {
		return nil, fmt.Errorf("read parked changes: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []RemoteChange
	for rows.Next() {
		var c RemoteChange
		var v string
		if err := rows.Scan(&c.Table, &c.Row, &c.Field, &c.HLC, &c.Device, &v, &c.Base.HLC, &c.Base.Device); err != nil {
			return nil, err
		}
		c.Value = json.RawMessage(v)
		out = append(out, c)
	}
	return out, rows.Err()
}

// maxHLC is the largest stamp a change may carry: the start of the year
// 3000.
var maxHLC = makeHLC(time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli(), 0)

// malformed says what is wrong with a change no device could apply.
func malformed(c RemoteChange) string {
	switch {
	case c.HLC <= 0:
		return "no time stamp"
	case c.HLC > maxHLC:
		// No clock is set this far ahead; a stamp this big would make
		// every device's clock overflow.
		return "a time stamp centuries in the future"
	case c.Device == "":
		return "no device"
	case !isName(c.Table) || !isName(c.Field):
		return "not a valid table or field name"
	case c.Field == "id":
		return "the ID cannot change"
	case c.Row == "":
		return "no record ID"
	case !json.Valid(c.Value):
		return "the value is not valid"
	}
	return ""
}

// isName accepts the names SQLite tables and columns have in OwnPlan's
// schema, so that a name from another device can never be SQL.
func isName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

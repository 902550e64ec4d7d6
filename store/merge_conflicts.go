package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Conflict is a long text two people changed at the same time. The
// record holds the winning text (the later change); the other is kept
// here until the person chooses, so nothing typed is lost. Mine is the
// text this computer had, Theirs the text that arrived.
type Conflict struct {
	ID            int64     `json:"id"`
	Table         string    `json:"table"`
	Row           string    `json:"row"`
	Field         string    `json:"field"`
	Mine          string    `json:"mine"`
	MineVersion   Version   `json:"mine_version"`
	Theirs        string    `json:"theirs"`
	TheirsVersion Version   `json:"theirs_version"`
	Created       time.Time `json:"created"`
	Resolved      time.Time `json:"resolved,omitzero"`
	// Resolution is "mine", "theirs" or "merged" when chosen here, and
	// "replaced" when a later change by someone who had both texts in
	// front of them (a person in the conflict, or the owner) replaced them.
	Resolution string `json:"resolution,omitempty"`
}

// Winner says which text the record holds now: "mine" or "theirs".
func (c Conflict) Winner() string {
	if c.MineVersion.Less(c.TheirsVersion) {
		return "theirs"
	}
	return "mine"
}

// Conflicts returns the conflicts still to resolve (all of them when all
// is true), oldest first.
func (s *Store) Conflicts(ctx context.Context, all bool) ([]Conflict, error) {
	q := `SELECT conflict, tbl, row_id, field, mine, mine_hlc, mine_device, theirs, theirs_hlc, theirs_device, created, resolved, resolution
		FROM conflicts`
	if !all {
		q += ` WHERE resolved = ''`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY conflict`)
	if err != nil {
		return nil, fmt.Errorf("read conflicts: %w", plainDBError(err))
	}
	defer rows.Close()
	var out []Conflict
	for rows.Next() {
		c, err := scanConflict(rows.Scan)
		if err != nil {
			return nil, fmt.Errorf("read conflicts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func scanConflict(scan func(...any) error) (Conflict, error) {
	var c Conflict
	var created, resolved string
	err := scan(&c.ID, &c.Table, &c.Row, &c.Field, &c.Mine, &c.MineVersion.HLC, &c.MineVersion.Device,
		&c.Theirs, &c.TheirsVersion.HLC, &c.TheirsVersion.Device, &created, &resolved, &c.Resolution)
	c.Created, c.Resolved = parseTime(created), parseTime(resolved)
	return c, err
}

// ResolveConflict settles conflict id. keep is "mine" or "theirs" to
// keep that text, or "merged" to save text (the person's own merge of
// the two). The chosen text is saved as a new change, so it reaches every
// device; nothing is written when the record already holds it.
func (s *Store) ResolveConflict(ctx context.Context, id int64, keep, text string) error {
	var c Conflict
	err := s.update(ctx, func(t *Tx) error {
		var err error
		c, err = scanConflict(t.tx.QueryRowContext(ctx,
			`SELECT conflict, tbl, row_id, field, mine, mine_hlc, mine_device, theirs, theirs_hlc, theirs_device, created, resolved, resolution
			 FROM conflicts WHERE conflict = ?`, id).Scan)
		if err == sql.ErrNoRows {
			return fmt.Errorf("there is no conflict %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return plainDBError(err)
		}
		if !c.Resolved.IsZero() {
			return fmt.Errorf("conflict %d was already resolved", id)
		}
		var value string
		switch keep {
		case "mine":
			value = c.Mine
		case "theirs":
			value = c.Theirs
		case "merged":
			value = strings.TrimRight(text, " \t\n")
			if strings.TrimSpace(value) == "" {
				return fmt.Errorf("the merged text is empty; write the text to keep, or keep mine or theirs")
			}
		default:
			return fmt.Errorf("keep %q: choose mine, theirs or your own merged text", keep)
		}
		if _, ok := t.s.tables[c.Table]; ok {
			if err := t.choose(c.Table, c.Row, c.Field, value); err != nil {
				return err
			}
		}
		if _, err := t.tx.ExecContext(ctx, `UPDATE conflicts SET resolved = ?, resolution = ? WHERE conflict = ?`,
			timeText(time.Now()), keep, id); err != nil {
			return plainDBError(err)
		}
		t.touched["conflicts"] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("resolve conflict: %w", err)
	}
	return nil
}

// choose saves the text chosen to settle a conflict. When the record
// holds that text already it is stamped again all the same: the new
// version tells the other devices that had the conflict that it is
// settled (see merger.settle).
func (t *Tx) choose(table, id, field, value string) error {
	var current any
	err := t.tx.QueryRowContext(t.ctx, `SELECT "`+field+`" FROM "`+table+`" WHERE id = ?`, id).Scan(&current)
	if err != nil || !equalValue(current, value) {
		return t.set(table, id, field, value)
	}
	if err := t.allowed(table); err != nil {
		return err
	}
	return t.stamp(table, id, field, value)
}

// fieldKey names one field of one record.
type fieldKey struct{ table, row, field string }

// openConflict is an open conflict as merger.settle needs it.
type openConflict struct {
	id           int64
	mine, theirs Version
}

// settle closes this device's open conflicts on c's field when c was
// written over both texts by someone who had them side by side: one of
// the two people in the conflict, or the owner (whose device keeps every
// conflict). That is how a conflict the owner resolves stops showing on
// the supporter's screen too. The texts stay in the conflicts table.
func (m *merger) settle(c RemoteChange) error {
	if m.open == nil {
		m.open = map[fieldKey][]openConflict{}
		rows, err := m.tx.QueryContext(m.ctx,
			`SELECT conflict, tbl, row_id, field, mine_hlc, mine_device, theirs_hlc, theirs_device FROM conflicts WHERE resolved = ''`)
		if err != nil {
			return plainDBError(err)
		}
		for rows.Next() {
			var k fieldKey
			var oc openConflict
			if err := rows.Scan(&oc.id, &k.table, &k.row, &k.field, &oc.mine.HLC, &oc.mine.Device, &oc.theirs.HLC, &oc.theirs.Device); err != nil {
				rows.Close()
				return plainDBError(err)
			}
			m.open[k] = append(m.open[k], oc)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return plainDBError(err)
		}
	}
	k := fieldKey{c.Table, c.Row, c.Field}
	list := m.open[k]
	if len(list) == 0 {
		return nil
	}
	if m.owner == nil {
		var owner string
		err := m.tx.QueryRowContext(m.ctx, `SELECT owner FROM circles WHERE state = 'active' LIMIT 1`).Scan(&owner)
		if err != nil && err != sql.ErrNoRows {
			return plainDBError(err)
		}
		m.owner = &owner
	}
	keep := list[:0]
	for _, oc := range list {
		later := oc.mine
		if later.Less(oc.theirs) {
			later = oc.theirs
		}
		party := c.Device == oc.mine.Device || c.Device == oc.theirs.Device || (c.Device == *m.owner && *m.owner != "")
		if !party || c.Base.Less(later) {
			keep = append(keep, oc)
			continue
		}
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE conflicts SET resolved = ?, resolution = 'replaced' WHERE conflict = ? AND resolved = ''`,
			timeText(time.Now()), oc.id); err != nil {
			return plainDBError(err)
		}
		m.touched["conflicts"] = true
	}
	m.open[k] = keep
	return nil
}

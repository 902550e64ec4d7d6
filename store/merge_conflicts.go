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
	Resolution    string    `json:"resolution,omitempty"` // "mine", "theirs" or "merged"
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
			if err := t.set(c.Table, c.Row, c.Field, value); err != nil {
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
